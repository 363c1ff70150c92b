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
import { getConfig } from '../element/config.js';
import type { Envelope } from '../delivery/envelope.js';
import {
  EpErrorEvent,
  EpOutboxChangeEvent,
  EpOutboxDropEvent,
  EpSuccessEvent,
  type DropReason,
  type OutboxSize,
} from '../element/events.js';
import { LEASE_RETRY_MS, leaseLock, webLock, webLocksAvailable, type FlushLock } from './outbox-lock.js';
import { OUTBOX_DEFAULTS, outboxOptions, type ResolvedOutboxOptions } from './outbox-options.js';
import { watchOtherTabs } from './outbox-size.js';
import type { Keep } from './kept-answer.js';
import { OutboxStore, sizeOf, type OutboxEntry } from './outbox-store.js';
import { postEnvelope, type Outcome } from '../delivery/transport.js';
import { uuid } from '../delivery/uuid.js';

/** Browsers refuse `keepalive` bodies beyond 64 KB in flight per page. */
const KEEPALIVE_BUDGET = 64 * 1024;
/** A claim outlives the request's own timeout (which aborts it) by a moment, for the clocks of two tabs to differ. */
const CLAIM_GRACE_MS = 1_000;
/** How long a tab that told another tab's outcome waits for that tab to say it showed it. */
const ACK_WAIT_MS = 1_000;
/** No timer fires sooner than this after a flush: whatever a bug made "due" cannot spin a loop. */
const MIN_TIMER_MS = 250;

type Report =
  | { type: 'success'; envelope: Envelope; response: Record<string, unknown> }
  | { type: 'error'; envelope: Envelope; outcome: Exclude<Outcome, { type: 'accepted' }> }
  | { type: 'drop'; envelope: Envelope; reason: DropReason };

/** Between tabs: how an entry ended, and the owner's "I showed it" (which spares the sender telling it too). */
export type TabMessage = Report | { type: 'ack'; id: string };

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
  channel?: { post(message: TabMessage): void; listen(receive: (message: TabMessage) => void): void };
}

export class Outbox {
  readonly tab = uuid();
  readonly #owners = new Map<string, WeakRef<EventTarget>>();
  #flushing = false;
  #again = false;
  #againEarly = false;
  #cancelTimer?: () => void;
  /** Another tab holds the lease until then (no Web Locks): no point looking before. */
  #blockedUntil = 0;
  readonly #acks = new Map<string, () => void>();

  readonly #deps: OutboxDeps;

  constructor(deps: OutboxDeps) {
    this.#deps = deps;
    deps.channel?.listen((message) => {
      if (message.type === 'ack') {
        this.#acks.get(message.id)?.();
        return;
      }
      // Another tab sent (or dropped) an entry whose element is here: show it, and say so.
      const { id } = message.envelope;
      if (!this.#owners.has(id)) return;
      this.#tell(message, this.#owners.get(id)?.deref());
      deps.channel?.post({ type: 'ack', id });
    });
  }

  /** Whether new submissions may be held. What is held already is delivered either way: it was promised. */
  get enabled(): boolean {
    return this.#deps.options() !== undefined;
  }

  /** The limits in force; the defaults once the page turned the outbox off, for what it still holds. */
  #limits(): ResolvedOutboxOptions {
    return this.#deps.options() ?? OUTBOX_DEFAULTS;
  }

  size(): OutboxSize {
    return this.#deps.store.size();
  }

  /**
   * Writes an entry before its first send, claimed by this tab for the length of that send. Returns false
   * when it could not be kept (outbox off, storage refused, or larger than the whole outbox may hold):
   * then nothing may be promised to the visitor. `keep`: what of the collector's answer to keep for the form
   * should the outbox deliver it later (see OutboxEntry).
   */
  hold(url: string, envelope: Envelope, timeoutMs: number, element: EventTarget, keep?: Keep): boolean {
    const options = this.#deps.options();
    if (!options) return false;
    const now = this.#deps.now();
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
      ...(keep && { keep }),
    };
    this.#claim(entry, now);
    const bytes = sizeOf(JSON.stringify(entry));
    if (bytes > options.maxBytes) return false;
    this.#owners.set(entry.id, new WeakRef(element));
    this.#makeRoom(bytes, entry.id, options);
    const kept = this.#deps.store.put(entry);
    if (!kept) this.#owners.delete(entry.id);
    this.#changed();
    return kept;
  }

  /**
   * The element shown again for an entry an earlier page of this tab held (a reload): told how it ends, as the
   * element that sent it would have been, here or by another tab.
   */
  adopt(id: string, element: EventTarget): void {
    this.#owners.set(id, new WeakRef(element));
  }

  /** Marks `entry` as being sent by this tab, for the length of one send. */
  #claim(entry: OutboxEntry, now: number): void {
    entry.claim = { tab: this.tab, until: now + entry.timeoutMs + CLAIM_GRACE_MS };
  }

  /** Drops the oldest entries until one of `bytes` fits. Each is reported: the visitor was promised it. */
  #makeRoom(bytes: number, id: string, options: ResolvedOutboxOptions): void {
    const now = this.#deps.now();
    // An entry being sent right now is not dropped: its answer is seconds away.
    const held = this.#deps.store.list().filter((item) => item.entry.id !== id);
    const others = held.filter((item) => !(item.entry.claim && item.entry.claim.until > now));
    let total = others.reduce((sum, item) => sum + item.bytes, 0) + bytes;
    let count = held.length + 1;
    for (const { entry, bytes: size } of others) {
      if (count <= options.maxEntries && total <= options.maxBytes) break;
      this.#deps.store.remove(entry.id);
      void this.#report({ type: 'drop', envelope: entry.envelope, reason: 'evicted' }, entry);
      total -= size;
      count -= 1;
    }
  }

  /** The first send ended in a way that is final (accepted, refused, or cancelled by the host). */
  release(id: string): void {
    this.#deps.store.remove(id);
    this.#owners.delete(id);
    this.#changed();
  }

  /**
   * The first send failed for a reason that may pass: keep the entry for a later try. False when it is
   * no longer held (dropped to make room meanwhile), so the visitor must be told it was not sent.
   */
  defer(id: string, outcome: Extract<Outcome, { type: 'failed' }>): boolean {
    const entry = this.#deps.store.get(id);
    // Turned off during the send: the visitor is shown the failure, so nothing may wait behind their back.
    if (!entry || !this.enabled) return false;
    this.#failed(entry, outcome);
    const kept = this.#deps.store.put(entry);
    if (!kept) this.#owners.delete(id);
    this.#changed();
    this.#schedule();
    return kept;
  }

  #failed(entry: OutboxEntry, outcome: Extract<Outcome, { type: 'failed' }>): void {
    const options = this.#limits();
    const now = this.#deps.now();
    entry.attempts += 1;
    delete entry.claim;
    const pacing = { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs };
    entry.nextAt = now + retryDelay(entry.attempts, this.#deps.random(), pacing, outcome.retryAfterMs);
    entry.notBefore = outcome.retryAfterMs === undefined ? 0 : now + outcome.retryAfterMs;
  }

  /**
   * Sends what is due, one tab at a time. `early` (a trigger: online, shown, started) also sends what
   * waits only for its backoff; a collector's Retry-After is always honoured.
   */
  async flush(early = false): Promise<void> {
    if (this.#flushing) {
      this.#again = true;
      this.#againEarly ||= early;
      return;
    }
    this.#flushing = true;
    try {
      let round = early;
      do {
        this.#again = false;
        const ran = await this.#deps.lock.run(() => this.#round(round));
        // Another tab holds the lease (no Web Locks here): it sends; look again when its lease ends.
        if (!ran) this.#blockedUntil = this.#deps.now() + LEASE_RETRY_MS;
        round = this.#againEarly;
        this.#againEarly = false;
      } while (this.#again);
    } finally {
      this.#flushing = false;
    }
    // Offline, a timer would only find the browser offline again: the `online` event flushes instead.
    if (this.#deps.online()) this.#schedule();
    else this.#cancelTimer?.();
  }

  async #round(early: boolean): Promise<void> {
    const options = this.#limits();
    for (;;) {
      const now = this.#deps.now();
      const due: OutboxEntry[] = [];
      for (const { entry } of this.#deps.store.list()) {
        // Being sent now (by this tab's first send, or by another tab): its answer decides, not its age.
        if (entry.claim && entry.claim.until > now) continue;
        if (now - entry.heldAt > options.maxAgeMs) {
          this.#deps.store.remove(entry.id);
          void this.#report({ type: 'drop', envelope: entry.envelope, reason: 'expired' }, entry);
          continue;
        }
        if (entry.notBefore > now || (!early && entry.nextAt > now)) continue;
        due.push(entry);
      }
      if (due.length === 0 || !this.#deps.online()) return;
      const [entry, ...rest] = due as [OutboxEntry, ...OutboxEntry[]];
      this.#claim(entry, now);
      // A full storage may refuse the claim: send anyway (the collector's idempotency covers a repeat).
      this.#deps.store.put(entry);
      const outcome = await this.#deps.send(entry, false);
      if (this.#settled(entry, outcome)) continue;
      // The collector is down or out of reach: the rest to the same place would fail alike. They wait
      // for this entry's next try (and its Retry-After), without a failed try counted against them.
      // Each is read again: it may have been sent or dropped while this one was out.
      for (const { id } of rest) {
        const other = this.#deps.store.get(id);
        if (!other || other.url !== entry.url || other.claim) continue;
        other.nextAt = Math.max(other.nextAt, entry.nextAt);
        other.notBefore = Math.max(other.notBefore, entry.notBefore);
        this.#deps.store.put(other);
      }
      return;
    }
  }

  /** Files the outcome of one send from the outbox. True when the entry left (sent or refused). */
  #settled(entry: OutboxEntry, outcome: Outcome): boolean {
    // Dropped meanwhile (to make room, or by another path): it was reported then.
    const stillHeld = this.#deps.store.get(entry.id) !== undefined;
    if (outcome.type === 'failed') {
      if (stillHeld) {
        this.#failed(entry, outcome);
        this.#deps.store.put(entry);
      }
      return false;
    }
    this.#deps.store.remove(entry.id);
    this.#changed();
    // Kept before it is told: the form it is told to may be gone, or may go before it shows it.
    const { keep } = entry;
    if (stillHeld && outcome.type === 'accepted' && keep) {
      this.#deps.store.keepAnswer(entry.id, {
        until: entry.heldAt + this.#limits().maxAgeMs,
        form: keep.form,
        answer: Object.fromEntries(keep.fields.map((field) => [field, outcome.body[field]])),
      });
    }
    if (stillHeld) {
      void this.#report(
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
    const now = this.#deps.now();
    let budget = KEEPALIVE_BUDGET;
    for (const { entry } of this.#deps.store.list()) {
      if (entry.claim && entry.claim.tab !== this.tab && entry.claim.until > now) continue;
      if (entry.notBefore > now) continue;
      const bytes = sizeOf(JSON.stringify(entry.envelope));
      if (bytes > budget) continue;
      budget -= bytes;
      this.#claim(entry, now);
      this.#deps.store.put(entry);
      void this.#deps.send(entry, true).then((outcome) => this.#settled(entry, outcome));
    }
  }

  /** Schedules the next flush: at the earliest moment an entry may go (or expire). */
  #schedule(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    const options = this.#limits();
    const now = this.#deps.now();
    let at = Infinity;
    for (const { entry } of this.#deps.store.list()) {
      // The moment it may go, or the moment it expires, whichever comes first: a drop is told when due.
      const claimed = entry.claim?.until ?? 0;
      const due = Math.max(entry.nextAt, entry.notBefore, claimed);
      at = Math.min(at, due, Math.max(entry.heldAt + options.maxAgeMs + 1, claimed));
    }
    if (at === Infinity) return;
    at = Math.max(at, this.#blockedUntil, now + MIN_TIMER_MS);
    this.#cancelTimer = this.#deps.setTimer(() => void this.flush(), at - now);
  }

  /**
   * Tells how an entry ended: to its element when this tab has it; else to the other tabs, and, unless
   * the tab with its element says within a second that it showed it, to this document, so that nothing
   * vanishes unreported (a tab that closed, or sleeps in the back/forward cache, says nothing).
   */
  async #report(report: Report, entry: OutboxEntry): Promise<void> {
    const element = this.#owners.get(entry.id)?.deref();
    const { channel } = this.#deps;
    if (entry.owner === this.tab || element || !channel) {
      this.#tell(report, element);
      return;
    }
    const shown = await new Promise<boolean>((resolve) => {
      const cancel = this.#deps.setTimer(() => resolve(false), ACK_WAIT_MS);
      this.#acks.set(entry.id, () => {
        cancel();
        resolve(true);
      });
      channel.post(report);
    });
    this.#acks.delete(entry.id);
    if (!shown) this.#tell(report, undefined);
  }

  #tell(report: Report, element: EventTarget | undefined): void {
    this.#owners.delete(report.envelope.id);
    const target = element && (element as Node).isConnected !== false ? element : this.#deps.fallbackTarget();
    target.dispatchEvent(
      report.type === 'success'
        ? new EpSuccessEvent({ envelope: report.envelope, response: report.response, queued: true })
        : report.type === 'error'
          ? new EpErrorEvent({ envelope: report.envelope, outcome: report.outcome, queued: true })
          : new EpOutboxDropEvent({ envelope: report.envelope, reason: report.reason }),
    );
  }

  /** Tells the document the outbox's new size (a status badge listens). */
  #changed(): void {
    this.#deps.fallbackTarget().dispatchEvent(new EpOutboxChangeEvent(this.size()));
  }
}

function browserDeps(): OutboxDeps {
  const deps: OutboxDeps = {
    store: new OutboxStore(),
    lock: webLock,
    send: (entry, keepalive) =>
      postEnvelope(entry.url, entry.envelope, {
        headers: { ...getConfig().headers },
        timeoutMs: entry.timeoutMs,
        keepalive,
      }),
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
  try {
    const channel = new BroadcastChannel('ep-widgets.outbox');
    deps.channel = {
      post: (report) => channel.postMessage(report),
      listen: (receive) =>
        channel.addEventListener('message', (event: MessageEvent<TabMessage>) => receive(event.data)),
    };
  } catch {
    // No BroadcastChannel: each tab tells its own document.
  }
  return deps;
}

/**
 * The page's outbox, shared by every copy of the library on the page (like configure()), and started
 * once: it listens for the moments worth a flush. `sendWhatWaits`: the library just started on a page
 * where earlier pages left entries (outbox-wake.ts); send them once the page has loaded. (A first
 * submission starts the outbox without that: it would only resend at once what just failed.)
 */
export function pageOutbox(sendWhatWaits = false): Outbox {
  const holder = globalThis as unknown as Record<symbol, Outbox | undefined>;
  const key = Symbol.for('ep-widgets.outbox');
  const existing = holder[key];
  if (existing) {
    if (sendWhatWaits) void existing.flush(true);
    return existing;
  }
  const deps = browserDeps();
  const outbox = new Outbox(deps);
  if (!webLocksAvailable()) deps.lock = leaseLock(outbox.tab);
  holder[key] = outbox;
  const early = (): void => void outbox.flush(true);
  addEventListener('online', early);
  addEventListener('pageshow', (event) => event.persisted && early());
  addEventListener('pagehide', () => outbox.sendOnPagehide());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && early());
  watchOtherTabs();
  // What earlier pages left is sent once this page has loaded, not in the way of its loading.
  if (!sendWhatWaits) return outbox;
  if (document.readyState === 'complete') early();
  else addEventListener('load', early, { once: true });
  return outbox;
}
