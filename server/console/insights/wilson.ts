/**
 * The 95% Wilson score interval of a yes share. Pages are ranked by its bounds rather than by the share itself,
 * so that a page with 3 yes of 3 (share 1, but an interval from 0.44 to 1) does not rank above one with 90 of
 * 100 (0.83 to 0.94): few answers mean a wide interval, which neither end of a ranking rewards.
 */

/** The normal quantile for 95% two-sided (1 − 0.05/2 = 0.975). */
export const Z_95 = 1.959963984540054;

export interface Interval {
  lower: number;
  upper: number;
}

/** No answers say nothing: the whole range [0, 1]. */
export function wilson(yes: number, total: number, z = Z_95): Interval {
  if (total <= 0) return { lower: 0, upper: 1 };
  const share = yes / total;
  const z2 = z * z;
  const centre = share + z2 / (2 * total);
  const spread = z * Math.sqrt((share * (1 - share)) / total + z2 / (4 * total * total));
  const scale = 1 + z2 / total;
  // Clamped: rounding can put a bound a hair outside [0, 1] at 0 or all yes.
  return { lower: Math.max(0, (centre - spread) / scale), upper: Math.min(1, (centre + spread) / scale) };
}
