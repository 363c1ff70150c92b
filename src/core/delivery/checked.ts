/**
 * Checks for values read from a collector's JSON (or a page's), for any element: nothing half-read reaches
 * the visitor. Each returns the value when it is usable, else undefined. Knows no element.
 */

/** A whole number of things (a count): a safe integer, not negative. */
export const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** An ISO 8601 time as ms since the epoch. */
export function isoTime(value: unknown): number | undefined {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/** A web address (http or https, resolved against the page): a `javascript:` or `data:` URL never becomes a link. */
export function webUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
