/**
 * Submissions held on the device until the collector has them.
 *
 * Every submission is written here before it is sent (write-ahead), so a page closed mid-request loses
 * nothing; it leaves when the collector accepts or finally refuses it. A send that fails for a reason
 * that may pass stays, and is tried again with backoff, when the browser comes back online, when the
 * page is shown again, when any page of the site loads the library, and with `keepalive` on `pagehide`.
 * One tab sends at a time (outbox-lock.ts); the collector's idempotency on the envelope id makes any
 * remaining repeat harmless. How each entry ends is told, by event, to the element that sent it, or to
 * the document when that element (or its tab) has gone.
 */
import { retryDelay } from './backoff.js';
import { getConfig } from './config.js';
import type { Envelope } from './envelope.js';
import {
  EpErrorEvent,
  EpOutboxChangeEvent,
  EpOutboxDropEvent,
  EpSuccessEvent,
  type DropReason,
  type OutboxSize,
} from './events.js';
import { LEASE_RETRY_MS, leaseLock, webLock, webLocksAvailable, type FlushLock } from './outbox-lock.js';
import { outboxOptions, type ResolvedOutboxOptions } from './outbox-options.js';
import { ENTRY_PREFIX, OutboxStore, sizeOf, type OutboxEntry } from './outbox-store.js';
import { postEnvelope, type Outcome } from './transport.js';
import { uuid } from './uuid.js';

/** Browsers refuse `keepalive` bodies beyond 64 KB in flight per page. */
const KEEPALIVE_BUDGET = 64 * 1024;
/** A claim outlives the request's own timeout (which aborts it) by a moment, for the clocks of two tabs to differ. */
const CLAIM_GRACE_MS = 1_000;

type Report =
  | { type: 'success'; envelope: Envelope; response: Record<string, unknown> }
  | { type: 'error'; envelope: Envelope; outcome: Exclude<Outcome, { type: 'accepted' }> }
  | { type: 'drop'; envelope: Envelope; reason: DropReason };

/** What the outbox needs from the world; tests give it a fake clock, storage and collector. */
export interface OutboxDeps {
  store: OutboxStore;
  lock: FlushLock;
  send(entry: OutboxEntry, keepalive: boolean): Promise<Outcome>;
  now(): number;
  random(): number;
  setTimer(run: () => void, ms: number): () => void;
  /** Options in force; undefined when the page turned the outbox off. */
  options(): ResolvedOutboxOptions | undefined;
  online(): boolean;
  /** Where events go when no element of ours is there to take them. */
  fallbackTarget(): EventTarget;
  /** Tells other tabs how an entry ended; `listen` receives what they tell. */
  channel?: { post(report: Report): void; listen(receive: (report: Report) => void): void };
}

export class Outbox {
  readonly tab = uuid();
  private readonly owners = new Map<string, WeakRef<EventTarget>>();
  private flushing = false;
  private again = false;
  private againEarly = false;
  private cancelTimer?: () => void;

  constructor(private readonly deps: OutboxDeps) {
    deps.channel?.listen((report) => {
      // Another tab sent (or dropped) an entry this tab holds the element for.
      if (this.owners.has(report.envelope.id)) this.tell(report, this.owners.get(report.envelope.id)?.deref());
    });
  }

  get enabled(): boolean {
    return this.deps.options() !== undefined;
  }

  size(): OutboxSize {
    return this.deps.store.size();
  }

  /**
   * Writes an entry before its first send, claimed by this tab for the length of that send. Returns false
   * when it could not be kept (outbox off, storage refused, or larger than the whole outbox may hold):
   * then nothing may be promised to the visitor.
   */
  hold(url: string, envelope: Envelope, timeoutMs: number, element: EventTarget): boolean {
    const options = this.deps.options();
    if (!options) return false;
    const now = this.deps.now();
    const entry: OutboxEntry = {
      id: envelope.id,
      url,
      envelope,
      timeoutMs,
      heldAt: now,
      attempts: 0,
      nextAt: now,
      notBefore: 0,
      owner: this.tab,
      claim: { tab: this.tab, until: now + timeoutMs + CLAIM_GRACE_MS },
    };
    const bytes = sizeOf(JSON.stringify(entry));
    if (bytes > options.maxBytes) return false;
    this.owners.set(entry.id, new WeakRef(element));
    this.makeRoom(bytes, entry.id, options);
    const kept = this.deps.store.put(entry);
    if (!kept) this.owners.delete(entry.id);
    this.changed();
    return kept;
  }

  /** Drops the oldest entries until one of `bytes` fits. Each is reported: the visitor was promised it. */
  private makeRoom(bytes: number, id: string, options: ResolvedOutboxOptions): void {
    const now = this.deps.now();
    // An entry being sent right now is not dropped: its answer is seconds away.
    const others = this.deps.store.list().filter((item) => item.entry.id !== id && !(item.entry.claim && item.entry.claim.until > now));
    const inFlight = this.deps.store.list().filter((item) => item.entry.id !== id).length - others.length;
    let total = others.reduce((sum, item) => sum + item.bytes, 0) + bytes;
    let count = others.length + inFlight + 1;
    for (const { entry, bytes: size } of others) {
      if (count <= options.maxEntries && total <= options.maxBytes) break;
      this.deps.store.remove(entry.id);
      void this.report({ type: 'drop', envelope: entry.envelope, reason: 'evicted' }, entry);
      total -= size;
      count -= 1;
    }
  }

  /** The first send ended in a way that is final (accepted, refused, or cancelled by the host). */
  release(id: string): void {
    this.deps.store.remove(id);
    this.owners.delete(id);
    this.changed();
  }

  /**
   * The first send failed for a reason that may pass: keep the entry for a later try. False when it is
   * no longer held (dropped to make room meanwhile), so the visitor must be told it was not sent.
   */
  defer(id: string, outcome: Extract<Outcome, { type: 'failed' }>): boolean {
    const entry = this.deps.store.get(id);
    if (!entry) return false;
    this.failed(entry, outcome);
    const kept = this.deps.store.put(entry);
    if (!kept) this.owners.delete(id);
    this.changed();
    this.schedule();
    return kept;
  }

  private failed(entry: OutboxEntry, outcome: Extract<Outcome, { type: 'failed' }>): void {
    const options = this.deps.options();
    const now = this.deps.now();
    entry.attempts += 1;
    delete entry.claim;
    const pacing = { baseMs: options?.retryBaseMs ?? 2000, maxMs: options?.retryMaxMs ?? 300_000 };
    entry.nextAt = now + retryDelay(entry.attempts, this.deps.random(), pacing, outcome.retryAfterMs);
    entry.notBefore = outcome.retryAfterMs === undefined ? 0 : now + outcome.retryAfterMs;
  }

  /**
   * Sends what is due, one tab at a time. `early` (a trigger: online, shown, started) also sends what
   * waits only for its backoff; a collector's Retry-After is always honoured.
   */
  async flush(early = false): Promise<void> {
    if (!this.enabled) return;
    if (this.flushing) {
      this.again = true;
      this.againEarly ||= early;
      return;
    }
    this.flushing = true;
    try {
      let round = early;
      do {
        this.again = false;
        const ran = await this.deps.lock.run(() => this.round(round));
        // Another tab holds the lease (no Web Locks here): it sends; look again when its lease ends.
        if (!ran) this.schedule(LEASE_RETRY_MS);
        round = this.againEarly;
        this.againEarly = false;
      } while (this.again);
    } finally {
      this.flushing = false;
    }
    // Offline, a timer would only find the browser offline again: the `online` event flushes instead.
    if (this.deps.online()) this.schedule();
    else this.cancelTimer?.();
  }

  private async round(early: boolean): Promise<void> {
    const options = this.deps.options();
    if (!options) return;
    for (;;) {
      const now = this.deps.now();
      const due: OutboxEntry[] = [];
      for (const { entry } of this.deps.store.list()) {
        // Being sent now (by this tab's first send, or by another tab): its answer decides, not its age.
        if (entry.claim && entry.claim.until > now) continue;
        if (now - entry.heldAt > options.maxAgeMs) {
          this.deps.store.remove(entry.id);
          void this.report({ type: 'drop', envelope: entry.envelope, reason: 'expired' }, entry);
          continue;
        }
        if (entry.notBefore > now || (!early && entry.nextAt > now)) continue;
        due.push(entry);
      }
      if (due.length === 0 || !this.deps.online()) return;
      const [entry, ...rest] = due as [OutboxEntry, ...OutboxEntry[]];
      entry.claim = { tab: this.tab, until: now + entry.timeoutMs + CLAIM_GRACE_MS };
      if (!this.deps.store.put(entry)) return;
      const outcome = await this.deps.send(entry, false);
      if (this.settled(entry, outcome)) continue;
      // The collector is down or out of reach: the rest to the same place would fail alike. They wait
      // for this entry's next try, without a failed try counted against them.
      for (const other of rest) {
        if (other.url !== entry.url || other.nextAt >= entry.nextAt) continue;
        other.nextAt = entry.nextAt;
        this.deps.store.put(other);
      }
      return;
    }
  }

  /** Files the outcome of one send from the outbox. True when the entry left (sent or refused). */
  private settled(entry: OutboxEntry, outcome: Outcome): boolean {
    // Dropped meanwhile (to make room, or by another path): it was reported then.
    const stillHeld = this.deps.store.get(entry.id) !== undefined;
    if (outcome.type === 'failed') {
      if (stillHeld) {
        this.failed(entry, outcome);
        this.deps.store.put(entry);
      }
      return false;
    }
    this.deps.store.remove(entry.id);
    this.changed();
    if (stillHeld) {
      void this.report(
        outcome.type === 'accepted'
          ? { type: 'success', envelope: entry.envelope, response: outcome.body }
          : { type: 'error', envelope: entry.envelope, outcome },
        entry,
      );
    }
    return true;
  }

  /**
   * The page is going away: send what is waiting with `keepalive`, which outlives it, including this
   * tab's own sends in flight, which the browser is about to cancel. The entries stay claimed until the
   * answer comes (if the page survives, in the back/forward cache) or the claim runs out (if not: the
   * next page sends them again, and the collector stores each once).
   */
  sendOnPagehide(): void {
    if (!this.enabled) return;
    const now = this.deps.now();
    let budget = KEEPALIVE_BUDGET;
    for (const { entry } of this.deps.store.list()) {
      if (entry.claim && entry.claim.tab !== this.tab && entry.claim.until > now) continue;
      if (entry.notBefore > now) continue;
      const bytes = sizeOf(JSON.stringify(entry.envelope));
      if (bytes > budget) continue;
      budget -= bytes;
      entry.claim = { tab: this.tab, until: now + entry.timeoutMs + CLAIM_GRACE_MS };
      this.deps.store.put(entry);
      void this.deps.send(entry, true).then((outcome) => this.settled(entry, outcome));
    }
  }

  /** Schedules the next flush: at the earliest moment an entry may go, or after `ms`. */
  private schedule(ms?: number): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const options = this.deps.options();
    if (!options) return;
    const now = this.deps.now();
    let at = ms === undefined ? Infinity : now + ms;
    for (const { entry } of this.deps.store.list()) {
      // The moment it may go, or the moment it expires, whichever comes first: a drop is told when due.
      const claimed = entry.claim?.until ?? 0;
      const due = Math.max(entry.nextAt, entry.notBefore, claimed);
      at = Math.min(at, due, Math.max(entry.heldAt + options.maxAgeMs + 1, claimed));
    }
    if (at === Infinity) return;
    this.cancelTimer = this.deps.setTimer(() => void this.flush(), Math.max(0, at - now));
  }

  /**
   * Tells how an entry ended: to its element when this tab has it, else to the other tabs, and to this
   * document too when the tab that held it has closed, so that nothing vanishes unreported.
   */
  private async report(report: Report, entry: OutboxEntry): Promise<void> {
    const element = this.owners.get(entry.id)?.deref();
    if (entry.owner === this.tab || element) {
      this.tell(report, element);
      return;
    }
    this.deps.channel?.post(report);
    if ((await this.deps.lock.isOpen(entry.owner)) !== true) this.tell(report, undefined);
  }

  private tell(report: Report, element: EventTarget | undefined): void {
    this.owners.delete(report.envelope.id);
    const target = element && (element as Node).isConnected !== false ? element : this.deps.fallbackTarget();
    target.dispatchEvent(
      report.type === 'success'
        ? new EpSuccessEvent({ envelope: report.envelope, response: report.response, queued: true })
        : report.type === 'error'
          ? new EpErrorEvent({ envelope: report.envelope, outcome: report.outcome, queued: true })
          : new EpOutboxDropEvent({ envelope: report.envelope, reason: report.reason }),
    );
  }

  /** Tells the document the outbox's new size (a status badge listens). */
  changed(): void {
    this.deps.fallbackTarget().dispatchEvent(new EpOutboxChangeEvent(this.size()));
  }
}

function browserDeps(): OutboxDeps {
  const store = new OutboxStore();
  let channel: BroadcastChannel | undefined;
  try {
    channel = new BroadcastChannel('ep-widgets.outbox');
  } catch {
    channel = undefined;
  }
  const deps: OutboxDeps = {
    store,
    lock: webLock,
    send: (entry, keepalive) =>
      postEnvelope(entry.url, entry.envelope, { headers: { ...getConfig().headers }, timeoutMs: entry.timeoutMs, keepalive }),
    now: Date.now,
    random: Math.random,
    setTimer(run, ms) {
      const timer = setTimeout(run, Math.min(ms, 2 ** 31 - 1));
      return () => clearTimeout(timer);
    },
    options: outboxOptions,
    online: () => navigator.onLine !== false,
    fallbackTarget: () => document,
  };
  if (channel) {
    const open = channel;
    deps.channel = {
      post: (report) => open.postMessage(report),
      listen: (receive) => open.addEventListener('message', (event: MessageEvent<Report>) => receive(event.data)),
    };
  }
  return deps;
}

/**
 * The page's outbox, shared by every copy of the library on the page (like configure()), and started
 * once: it listens for the moments worth a flush and sends what earlier pages left.
 */
export function pageOutbox(): Outbox {
  const holder = globalThis as unknown as Record<symbol, Outbox | undefined>;
  const key = Symbol.for('ep-widgets.outbox');
  const existing = holder[key];
  if (existing) return existing;
  const deps = browserDeps();
  const outbox = new Outbox(deps);
  if (!webLocksAvailable()) deps.lock = leaseLock(outbox.tab);
  holder[key] = outbox;
  deps.lock.markOpen(outbox.tab);
  const early = (): void => void outbox.flush(true);
  addEventListener('online', early);
  addEventListener('pageshow', (event) => event.persisted && early());
  addEventListener('pagehide', () => outbox.sendOnPagehide());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && early());
  // Another tab held, sent or dropped an entry: the size changed here too.
  addEventListener('storage', (event) => event.key?.startsWith(ENTRY_PREFIX) && outbox.changed());
  // What earlier pages left is sent once this page has loaded, not in the way of its loading.
  if (document.readyState === 'complete') early();
  else addEventListener('load', early, { once: true });
  return outbox;
}
