/**
 * The key of the client hash: one random key per UTC day, the same for every instance on one database.
 * The first instance to need a day's key creates it (`INSERT … ON CONFLICT DO NOTHING`: on PostgreSQL a
 * concurrent second insert waits for the first and then does nothing), and every instance then reads the
 * one stored. Keys of days that are over are deleted when a new day's key is made and by the sweep, and
 * each instance forgets its copy when its day ends: once a day is over, nothing anywhere can recompute
 * that day's hashes, so they cannot be turned back into addresses by trying them all.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/types.js';

export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

/** Deletes the keys of the days before `now`'s (also the sweep's statement). */
export const pastKeys = (now: Date) => ({ sql: 'DELETE FROM day_keys WHERE day < ?', params: [dayOf(now)] });

export class DayKeys {
  private readonly store: Store;
  private held: { day: string; key: Promise<Buffer> } | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(store: Store) {
    this.store = store;
  }

  /** The key of `now`'s UTC day. */
  keyFor(now: Date): Promise<Buffer> {
    const day = dayOf(now);
    if (this.held?.day === day) return this.held.key;
    const key = this.load(day, now);
    this.held = { day, key };
    // A failed read (database away) is not kept: the next submission tries again.
    key.catch(() => {
      if (this.held?.key === key) this.held = undefined;
    });
    this.forgetAtDayEnd(now);
    return key;
  }

  /** Drops this instance's copy (the app closes). */
  forget(): void {
    this.held = undefined;
    clearTimeout(this.timer);
  }

  private async load(day: string, now: Date): Promise<Buffer> {
    await this.store.batch([
      pastKeys(now),
      {
        sql: 'INSERT INTO day_keys (day, key) VALUES (?, ?) ON CONFLICT (day) DO NOTHING',
        params: [day, randomBytes(32).toString('hex')],
      },
    ]);
    const [row] = await this.store.all<{ key: string }>({
      sql: 'SELECT key FROM day_keys WHERE day = ?',
      params: [day],
    });
    return Buffer.from(row!.key, 'hex');
  }

  private forgetAtDayEnd(now: Date): void {
    clearTimeout(this.timer);
    const next = new Date(now);
    next.setUTCHours(24, 0, 0, 0);
    this.timer = setTimeout(() => (this.held = undefined), next.getTime() - now.getTime() + 1000);
    this.timer.unref();
  }
}
