/**
 * A number option as the author gave it (an attribute, a property, `configure()`), as a whole number, or
 * `fallback` when it is not a usable one: not a finite number, or below `least` (0 by default; 1 for a limit,
 * where 0 would allow nothing). An author's typo then means the default, never a broken element.
 */
export function numberOption(value: number | undefined, fallback: number, least = 0): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= least ? Math.floor(value) : fallback;
}
