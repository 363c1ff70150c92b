/**
 * What every route plugin is given, and its per-route rate limit. Its own module so that the routes need not
 * import server/app.ts, which imports them.
 */
import type { Config } from './config.js';
import type { Contract } from './contract.js';
import type { Store } from './store/types.js';

export interface RouteOptions {
  config: Config;
  store: Store;
  contract: Contract;
}

/** Per-route rate limit options (`config.rateLimit` of a route), or none when turned off. */
export function limitFor(
  max: number,
  groupId: string,
): { rateLimit?: { max: number; timeWindow: number; groupId: string } } {
  return max > 0 ? { rateLimit: { max, timeWindow: 60_000, groupId } } : {};
}
