/**
 * Query strings checked against the contract: a route's parameters are its operation's in api/openapi.yaml
 * (found by operationId), compiled with the contract's Ajv like the bodies, so that a limit changed there is
 * the limit the collector enforces. A query string arrives as text, so three things are done before Ajv runs:
 * a parameter the contract types as an integer is read as one when it is written as one (digits, an optional
 * minus); a parameter given more than once is refused; the contract's defaults fill what is not given.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { operations } from '../api/generated/openapi.js';
import { fieldErrorsByField, isRecord, stringProblems, toJsonSchema } from './contract.js';
import type { Contract, FieldError, OpenApiDocument } from './contract.js';

export type QueryOf<Id extends keyof operations> = NonNullable<operations[Id]['parameters']['query']>;

/** The query with the contract's defaults in: the `defaulted` parameters are always there. */
export type CheckedQuery<Id extends keyof operations, D extends keyof QueryOf<Id>> = QueryOf<Id> &
  Required<Pick<QueryOf<Id>, D>>;

/**
 * `query` is trustworthy only when `fieldErrors` is empty; a route adds what the contract cannot say (a
 * cursor that is not one) to `fieldErrors` before it answers.
 */
export interface QueryReading<Q> {
  query: Q;
  fieldErrors: FieldError[];
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string; default?: unknown } & Record<string, unknown>;
}

/** The query parameters of the operation `operationId`, its path's own included, `$ref`s resolved. */
export function queryParameters(document: OpenApiDocument, operationId: string): Parameter[] {
  const shared = (document.components.parameters ?? {}) as Record<string, Parameter>;
  const resolve = (parameter: Parameter | { $ref: string }): Parameter =>
    '$ref' in parameter ? shared[parameter.$ref.replace('#/components/parameters/', '')]! : parameter;
  for (const item of Object.values(document.paths)) {
    for (const candidate of Object.values(item)) {
      const found = candidate as { operationId?: string; parameters?: Parameter[] };
      if (found.operationId !== operationId) continue;
      const all = [...((item.parameters as Parameter[] | undefined) ?? []), ...(found.parameters ?? [])].map(resolve);
      return all.filter((parameter) => parameter.in === 'query');
    }
  }
  throw new Error(`api/openapi.yaml has no operation ${operationId}`);
}

/** The JSON Schema a query is checked against: the parameters as properties; others are let through. */
export function querySchema(parameters: readonly Parameter[]): Record<string, unknown> {
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map(({ name, schema }) => [name, toJsonSchema(schema ?? {}, 'api')])),
    required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  };
}

/** Reads a route's query string as its operation in the contract describes it. */
export function queryReader<Id extends keyof operations, D extends keyof QueryOf<Id> = never>(
  contract: Contract,
  operationId: Id,
  defaulted: readonly D[] = [],
): (raw: unknown) => QueryReading<CheckedQuery<Id, D>> {
  const parameters = queryParameters(contract.document, operationId);
  for (const name of defaulted) {
    if (parameters.find((parameter) => parameter.name === name)?.schema?.default === undefined) {
      throw new Error(`api/openapi.yaml: ${operationId}'s query parameter ${String(name)} needs a default`);
    }
  }
  const validate: ValidateFunction = contract.ajv.compile(querySchema(parameters));
  return (raw) => {
    const given = isRecord(raw) ? raw : {};
    const query: Record<string, unknown> = {};
    const fieldErrors: FieldError[] = [];
    for (const { name, schema } of parameters) {
      const value = given[name];
      if (Array.isArray(value))
        fieldErrors.push({ field: name, code: 'invalid', message: `${name} must be given once.` });
      else if (value === undefined) {
        if (schema?.default !== undefined) query[name] = schema.default;
      } else {
        const integer = schema?.type === 'integer' && typeof value === 'string' && /^-?\d{1,16}$/.test(value);
        query[name] = integer ? Number(value) : value;
      }
    }
    fieldErrors.push(...stringProblems(query));
    if (!validate(query)) {
      const named = new Set(fieldErrors.map((error) => error.field));
      fieldErrors.push(...fieldErrorsByField(validate.errors ?? [], query).filter((error) => !named.has(error.field)));
    }
    return { query: query as CheckedQuery<Id, D>, fieldErrors };
  };
}
