/**
 * When to try a held submission again: exponential backoff with "equal jitter" (half the delay fixed, half
 * random). Jitter keeps a thousand phones that lost the network together from all retrying in the same
 * second; the fixed half keeps a retry from coming back at once.
 */
export interface BackoffOptions {
  /** The first delay before jitter, in ms. */
  baseMs: number;
  /** No delay grows beyond this, in ms. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * The delay before try number `attempt + 1`, after `attempt` failed tries (1 or more). `random` is in
 * [0, 1). A `Retry-After` from the collector is a floor: we never come back sooner than it asked.
 */
export function retryDelay(attempt: number, random: number, options: BackoffOptions, retryAfterMs?: number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const jittered = ceiling / 2 + (ceiling / 2) * random;
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
