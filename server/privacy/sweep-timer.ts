/**
 * The sweep inside the collector: once shortly after start (a restarted collector catches up), then every
 * EP_SWEEP_INTERVAL_MINUTES. The timer is unref'd (it never keeps the process alive) and a sweep never
 * overlaps the one before. A failed sweep is logged and tried again at the next tick.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Store } from '../store/types.js';
import { describeSweep, sweep } from './sweep.js';

const FIRST_AFTER_MS = 10_000;

export function startSweeps(
  store: Store,
  config: Pick<Config, 'retention' | 'sweepIntervalMinutes'>,
  log: FastifyBaseLogger,
): () => void {
  if (config.sweepIntervalMinutes === 0) return () => undefined;
  let running = false;
  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      log.info(describeSweep(await sweep(store, config.retention)));
    } catch (error) {
      log.warn({ err: error }, 'retention sweep failed; tried again at the next interval');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), FIRST_AFTER_MS);
  const every = setInterval(() => void run(), config.sweepIntervalMinutes * 60_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
