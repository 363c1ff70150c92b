/**
 * The field errors of a 422 from the API as a form's errors: each at the form's field for the field the API
 * named (its `FIELDS` map, by the whole name or its first segment), else at the form's first field; once
 * per field.
 */
import { msg } from '@lit/localize';
import { ApiError } from './api.js';
import type { FormError } from './error-summary.js';

export function fieldRefusals(error: unknown, fields: Record<string, string>, first: string): FormError[] | undefined {
  if (!(error instanceof ApiError && error.status === 422 && error.fieldErrors.length)) return undefined;
  const named = error.fieldErrors.map(({ field = '' }) => fields[field] ?? fields[field.split('.')[0] ?? ''] ?? first);
  return [...new Set(named)].map((field) => ({
    field,
    text: msg('The collector refused this field: check it and save again'),
  }));
}
