/** The outbox's limits and pacing: defaults, and what `configure({ outbox })` makes of them. */
import { DEFAULT_BACKOFF } from './backoff.js';
import { getConfig } from '../element/config.js';
import { numberOption } from '../element/number-option.js';

export interface OutboxOptions {
  /** Most entries held at once; the oldest is dropped (and reported) to make room. Default 50. */
  maxEntries?: number;
  /** Most bytes held at once, as stored JSON. Default 256 KB. */
  maxBytes?: number;
  /** An entry older than this is dropped (and reported) instead of sent. Default 7 days. */
  maxAgeMs?: number;
  /** First retry delay before jitter. Default 2 s. */
  retryBaseMs?: number;
  /** Longest retry delay. Default 5 minutes. */
  retryMaxMs?: number;
}

export type ResolvedOutboxOptions = Required<OutboxOptions>;

export const OUTBOX_DEFAULTS: ResolvedOutboxOptions = {
  maxEntries: 50,
  maxBytes: 256 * 1024,
  maxAgeMs: 7 * 24 * 60 * 60 * 1000,
  retryBaseMs: DEFAULT_BACKOFF.baseMs,
  retryMaxMs: DEFAULT_BACKOFF.maxMs,
};

/** The options in force, or undefined when the page turned the outbox off (`configure({ outbox: false })`). */
export function outboxOptions(): ResolvedOutboxOptions | undefined {
  const given = getConfig().outbox;
  if (given === false) return undefined;
  const options: OutboxOptions = typeof given === 'object' && given !== null ? given : {};
  // Each limit is a whole number of at least 1; one missing or unusable keeps its default.
  return Object.fromEntries(
    Object.entries(OUTBOX_DEFAULTS).map(([name, fallback]) => [
      name,
      numberOption(options[name as keyof OutboxOptions], fallback, 1),
    ]),
  ) as ResolvedOutboxOptions;
}
