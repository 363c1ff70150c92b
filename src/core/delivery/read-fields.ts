/**
 * Reading single fields of a collector's JSON without trusting them, for any element: each answers with
 * the value in the shape the page needs, or undefined. Never throws. (See read-json.ts for whole bodies.)
 */

/** A string with something in it, trimmed. */
export const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** A whole count, 0 or more. */
export const countOf = (value: unknown): number | undefined =>
  Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined;

/** A date from an ISO 8601 string. */
export function dateOf(value: unknown): Date | undefined {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
