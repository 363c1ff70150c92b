/**
 * A live character count that a screen reader hears only when it matters: the visible count changes on
 * every key, the announcement only when the count crosses into a new band (a quarter left, ten left, none
 * left, over the limit), so the visitor is not talked over while typing.
 */
export type CountBand = 'plenty' | 'quarter' | 'few' | 'none' | 'over';

export function remainingOf(text: string, max: number): number {
  // Count what a visitor perceives as characters (an emoji is one), not UTF-16 code units.
  return max - [...text].length;
}

export function countBand(remaining: number, max: number): CountBand {
  if (remaining < 0) return 'over';
  if (remaining === 0) return 'none';
  if (remaining <= Math.min(10, max)) return 'few';
  if (remaining <= max / 4) return 'quarter';
  return 'plenty';
}

/** Whether moving from `before` to `after` is worth announcing. */
export function shouldAnnounce(before: CountBand, after: CountBand): boolean {
  return before !== after && after !== 'plenty';
}
