/**
 * The outbox's entries in localStorage, one key per entry (`ep-widgets.outbox:<envelope id>`).
 *
 * localStorage rather than IndexedDB: it is synchronous, so `pagehide` can still read every entry and send
 * it before the page is gone (an IndexedDB read there may never finish), and its `storage` event tells
 * other tabs of each change. Entries are small and capped (see outbox-limits), well inside its quota. One
 * key per entry means two tabs never overwrite each other's list: adding and removing touch only their own key.
 */
import type { Envelope } from '../delivery/envelope.js';
import { ANSWER_PREFIX, ENTRY_PREFIX } from './entry-key.js';
import { isRecord } from '../delivery/read-json.js';
import type { Keep, KeptAnswer } from './kept-answer.js';

export { ENTRY_PREFIX };

export interface OutboxEntry {
  /** The envelope's id, also the entry's key and the request's Idempotency-Key. */
  id: string;
  /** Where it goes: the collector's submissions URL when it was sent. */
  url: string;
  envelope: Envelope<Record<string, unknown>>;
  timeoutMs: number;
  /** When it was first held (ms since the epoch); entries expire by this. */
  heldAt: number;
  /** Tries that failed so far. */
  attempts: number;
  /** The next scheduled try (backoff). A trigger (online, visible, start) may try earlier. */
  nextAt: number;
  /** The collector's Retry-After: not even a trigger tries before it. */
  notBefore: number;
  /** The tab (document) that held it: the one whose element is told how it ended. */
  owner: string;
  /** A tab is sending it now, until this time; nobody else sends it meanwhile. */
  claim?: { tab: string; until: number };
  /**
   * Fields of the collector's answer to keep on the device when the outbox delivers it, until its form, shown
   * again, takes them (kept-answer.ts): the answer may come to a page without the form, or to none.
   */
  keep?: Keep;
}

function isEntry(value: unknown): value is OutboxEntry {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.url === 'string' &&
    isRecord(value.envelope) &&
    typeof value.heldAt === 'number' &&
    typeof value.attempts === 'number' &&
    typeof value.nextAt === 'number' &&
    typeof value.notBefore === 'number' &&
    typeof value.owner === 'string' &&
    typeof value.timeoutMs === 'number'
  );
}

/** The entry stored as `raw`, or undefined when it is missing, not JSON, or not an entry. */
function entryOf(raw: string | undefined): OutboxEntry | undefined {
  try {
    const value: unknown = raw === undefined ? undefined : JSON.parse(raw);
    return isEntry(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Storage that may be missing or refuse (private mode, sandboxed frame, quota): every call is guarded. */
export class OutboxStore {
  readonly #storage: () => Storage | undefined;

  constructor(storage: () => Storage | undefined = () => globalThis.localStorage) {
    this.#storage = storage;
  }

  #keys(): string[] {
    try {
      const storage = this.#storage();
      if (!storage) return [];
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i);
        if (key?.startsWith(ENTRY_PREFIX)) keys.push(key);
      }
      return keys;
    } catch {
      return [];
    }
  }

  /** Every readable entry, oldest first, with its stored size. Unreadable ones are removed. */
  list(): Array<{ entry: OutboxEntry; bytes: number }> {
    const found: Array<{ entry: OutboxEntry; bytes: number }> = [];
    for (const key of this.#keys()) {
      const raw = this.#raw(key);
      if (raw === undefined) continue;
      const entry = entryOf(raw);
      if (entry) found.push({ entry, bytes: sizeOf(raw) });
      else this.remove(key.slice(ENTRY_PREFIX.length));
    }
    return found.sort((a, b) => a.entry.heldAt - b.entry.heldAt);
  }

  get(id: string): OutboxEntry | undefined {
    return entryOf(this.#raw(ENTRY_PREFIX + id));
  }

  #raw(key: string): string | undefined {
    try {
      return this.#storage()?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** False when storage refused (full, disabled): the caller must not promise the visitor anything. */
  put(entry: OutboxEntry): boolean {
    try {
      const storage = this.#storage();
      if (!storage) return false;
      storage.setItem(ENTRY_PREFIX + entry.id, JSON.stringify(entry));
      return true;
    } catch {
      return false;
    }
  }

  remove(id: string): void {
    try {
      this.#storage()?.removeItem(ENTRY_PREFIX + id);
    } catch {
      // Storage went away: there is nothing left to remove.
    }
  }

  /** Keeps what was asked of the answer to the delivered entry `id`, for its form. */
  keepAnswer(id: string, kept: KeptAnswer): void {
    try {
      this.#storage()?.setItem(ANSWER_PREFIX + id, JSON.stringify(kept));
    } catch {
      // Full: the form shown again cannot show it (the collector has the submission all the same).
    }
  }

  /** What a status badge shows. */
  size(): { entries: number; bytes: number } {
    const list = this.list();
    return { entries: list.length, bytes: list.reduce((sum, item) => sum + item.bytes, 0) };
  }
}

/** Bytes as UTF-8, which is what a quota and a request body are counted in. */
export function sizeOf(text: string): number {
  return new TextEncoder().encode(text).length;
}
