/**
 * One tab flushes at a time. Web Locks where the browser has them (all current browsers, in secure
 * contexts); elsewhere (a ministry page on plain http) a lease in localStorage that expires on its own,
 * so a tab that dies holding it blocks nobody for long. The lease is not atomic across tabs; should two
 * tabs ever both take it, the collector's idempotency on the envelope id stores the entry once.
 */
const LOCK = 'ep-widgets.outbox';
const LEASE_KEY = 'ep-widgets.outbox-lease';
const LEASE_MS = 15_000;

interface Lease {
  tab: string;
  until: number;
}

function readLease(): Lease | undefined {
  try {
    const raw = localStorage.getItem(LEASE_KEY);
    return raw ? (JSON.parse(raw) as Lease) : undefined;
  } catch {
    return undefined;
  }
}

function writeLease(lease: Lease | undefined): void {
  try {
    if (lease) localStorage.setItem(LEASE_KEY, JSON.stringify(lease));
    else localStorage.removeItem(LEASE_KEY);
  } catch {
    // Without storage there is no outbox to guard either.
  }
}

export interface FlushLock {
  /** Runs `task` holding the lock. Resolves false, without running it, when another tab holds the lease. */
  run(task: () => Promise<void>): Promise<boolean>;
}

export function webLocksAvailable(): boolean {
  return Boolean(globalThis.navigator?.locks);
}

/** Web Locks: `request` waits its turn, so tabs take turns and none misses a flush it asked for. */
export const webLock: FlushLock = {
  async run(task) {
    await navigator.locks.request(LOCK, task);
    return true;
  },
};

export function leaseLock(tab: string, now: () => number = Date.now): FlushLock {
  return {
    async run(task) {
      const held = readLease();
      if (held && held.tab !== tab && held.until > now()) return false;
      writeLease({ tab, until: now() + LEASE_MS });
      // Another tab may have written at the same moment: the last write wins, and only its tab goes on.
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (readLease()?.tab !== tab) return false;
      const renew = setInterval(() => writeLease({ tab, until: now() + LEASE_MS }), LEASE_MS / 3);
      try {
        await task();
      } finally {
        clearInterval(renew);
        if (readLease()?.tab === tab) writeLease(undefined);
      }
      return true;
    },
  };
}

export const LEASE_RETRY_MS = LEASE_MS;
