/**
 * The contract as the contract tests read it: api/openapi.yaml, parsed once, and a way to follow its `$ref`s
 * (contract.test.ts checks examples and envelopes against it, form-codes.test.ts derives field codes from it).
 */
import { loadOpenApi } from '../contract.js';

export const doc = loadOpenApi();

/** `#/components/x/y` → the object there, following a chain of references. */
export function resolve(value: any): any {
  if (value && typeof value.$ref === 'string') {
    const path = value.$ref.replace(/^#\//, '').split('/');
    return resolve(path.reduce((node: any, key: string) => node[key], doc));
  }
  return value;
}
