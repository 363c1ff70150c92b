/**
 * Time as an element sees it: the real clock, or one that a test, a story or a page fixes, so that states
 * that depend on the date (upcoming, open, closed) are shown and tested without waiting. Knows no element.
 */

/** A fixed time (a `Date`, an ISO 8601 string, ms since the epoch) or a function that tells the time. */
export type ClockOption = Date | string | number | (() => Date | number) | null | undefined;

/** Ms since the epoch by `option`; the real time when there is none, or when it is not a valid time. */
export function timeOf(option: ClockOption): number {
  const value = typeof option === 'function' ? option() : option;
  const ms = value == null || value === '' ? NaN : new Date(value).getTime();
  return Number.isNaN(ms) ? Date.now() : ms;
}
