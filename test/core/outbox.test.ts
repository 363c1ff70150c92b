/**
 * The outbox on a fake clock, fake storage and a fake collector: its schedule, its limits and how each
 * entry ends, without waiting for real time. The browser-level behaviour (real HTTP, tabs, reloads) is
 * in test/delivery/.
 */
import { expect } from '@open-wc/testing';
import { retryDelay, DEFAULT_BACKOFF } from '../../src/core/outbox/backoff.js';
import { createEnvelope, type Envelope } from '../../src/core/delivery/envelope.js';
import type {
  EpErrorEvent,
  EpOutboxChangeEvent,
  EpOutboxDropEvent,
  EpSuccessEvent,
} from '../../src/core/element/events.js';
import { leaseLock, type FlushLock } from '../../src/core/outbox/outbox-lock.js';
import { OUTBOX_DEFAULTS, type ResolvedOutboxOptions } from '../../src/core/outbox/outbox-options.js';
import { ANSWER_PREFIX } from '../../src/core/outbox/entry-key.js';
import { heldInOutbox, takeAnswer } from '../../src/core/outbox/kept-answer.js';
import { ENTRY_PREFIX, OutboxStore, type OutboxEntry } from '../../src/core/outbox/outbox-store.js';
import { Outbox, type OutboxDeps, type TabMessage } from '../../src/core/outbox/outbox.js';
import type { Outcome } from '../../src/core/delivery/transport.js';

describe('core/backoff', () => {
  it('doubles from the base, with equal jitter: between half and all of the step', () => {
    const pacing = { baseMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 4].map((attempt) => retryDelay(attempt, 0, pacing))).to.deep.equal([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelay(attempt, 0.999999, pacing))).to.deep.equal([
      1000, 2000, 4000, 8000,
    ]);
    expect(retryDelay(3, 0.5, pacing)).to.equal(3000);
  });

  it('never grows beyond its ceiling, however many tries failed', () => {
    expect(retryDelay(40, 0.999999, DEFAULT_BACKOFF)).to.equal(DEFAULT_BACKOFF.maxMs);
    expect(retryDelay(1000, 0, DEFAULT_BACKOFF)).to.equal(DEFAULT_BACKOFF.maxMs / 2);
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(retryDelay(1, 0, { baseMs: 1000, maxMs: 60_000 }, 30_000)).to.equal(30_000);
    expect(retryDelay(6, 0.999999, { baseMs: 1000, maxMs: 60_000 }, 1_000)).to.equal(32_000);
  });
});

/** A Storage in memory; `refuse` makes every write throw, as a full or disabled storage does. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  refuse = false;
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.refuse) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

const accepted: Outcome = { type: 'accepted', status: 201, body: { reference: 'PV-1' } };
const down: Extract<Outcome, { type: 'failed' }> = { type: 'failed', reason: 'server', status: 503 };
const unreachable: Extract<Outcome, { type: 'failed' }> = { type: 'failed', reason: 'network' };
const refused: Outcome = { type: 'rejected', status: 422, fieldErrors: [{ field: 'comment', code: 'too-long' }] };

type Sent = { id: string; keepalive: boolean; at: number };

/** An outbox with a clock, timers, storage and collector that the test drives. */
function harness(overrides: Partial<ResolvedOutboxOptions> = {}, lock?: FlushLock) {
  const storage = new MemoryStorage();
  const document = new EventTarget();
  const element = Object.assign(new EventTarget(), { isConnected: true });
  const answers: Outcome[] = [];
  const sent: Sent[] = [];
  const timers: Array<{ at: number; run: () => void }> = [];
  const channel: TabMessage[] = [];
  /** `open`: another tab has the element of each foreign entry, and says so (an ack) when told. */
  const clock = { now: 1_000_000, online: true, open: false };
  let receive: (message: TabMessage) => void = () => undefined;
  let options: ResolvedOutboxOptions | undefined = {
    ...OUTBOX_DEFAULTS,
    retryBaseMs: 1000,
    retryMaxMs: 60_000,
    ...overrides,
  };
  const deps: OutboxDeps = {
    store: new OutboxStore(() => storage),
    lock: lock ?? {
      run: async (task) => {
        await task();
        return true;
      },
    },
    send: async (entry, keepalive) => {
      sent.push({ id: entry.id, keepalive, at: clock.now });
      return answers.shift() ?? accepted;
    },
    now: () => clock.now,
    random: () => 0,
    setTimer(run, ms) {
      const timer = { at: clock.now + ms, run };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    options: () => options,
    online: () => clock.online,
    fallbackTarget: () => document,
    channel: {
      post(message) {
        channel.push(message);
        if (clock.open && message.type !== 'ack')
          queueMicrotask(() => receive({ type: 'ack', id: message.envelope.id }));
      },
      listen: (listener) => void (receive = listener),
    },
  };
  const outbox = new Outbox(deps);
  const events = (target: EventTarget) => {
    const seen: Event[] = [];
    for (const type of ['ep-success', 'ep-error', 'ep-outbox-drop', 'ep-outbox-change'])
      target.addEventListener(type, (event) => seen.push(event));
    return seen;
  };
  const onDocument = events(document);
  const onElement = events(element);
  let counter = 0;
  const envelope = (data: Record<string, unknown> = {}): Envelope => ({
    ...createEnvelope({ kind: 'page-vote', data: { answer: 'yes', ...data }, locale: 'en', privacyNotice: '1' }),
    id: `id-${(counter += 1)}`,
  });
  /** Moves the clock on, running each timer that falls due, as the browser would. */
  async function advance(ms: number): Promise<void> {
    const until = clock.now + ms;
    for (;;) {
      const next = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      timers.splice(timers.indexOf(next), 1);
      clock.now = Math.max(clock.now, next.at);
      next.run();
      await settle();
    }
    clock.now = until;
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** The first send of a new submission, as submit() does it: held, sent, then kept or let go. */
  async function firstSend(outcome: Outcome, data?: Record<string, unknown>): Promise<Envelope> {
    const sentEnvelope = envelope(data);
    expect(outbox.hold('https://collector.test/submissions', sentEnvelope, 10_000, element)).to.equal(true);
    if (outcome.type === 'failed') expect(outbox.defer(sentEnvelope.id, outcome)).to.equal(true);
    else outbox.release(sentEnvelope.id);
    return sentEnvelope;
  }
  /** An entry another tab held (and may be sending), due now. */
  function leaveForeign(overrides: Partial<OutboxEntry> = {}): void {
    const sentEnvelope = envelope();
    const entry: OutboxEntry = {
      id: sentEnvelope.id,
      url: 'https://collector.test/submissions',
      envelope: sentEnvelope,
      timeoutMs: 10_000,
      heldAt: clock.now,
      attempts: 0,
      nextAt: clock.now,
      notBefore: 0,
      owner: 'another-tab',
      ...overrides,
    };
    storage.setItem(ENTRY_PREFIX + entry.id, JSON.stringify(entry));
  }
  return {
    /** A message from another tab, as the channel brings it. */
    fromTab: (message: TabMessage) => receive(message),
    leaveForeign,
    storage,
    outbox,
    deps,
    answers,
    sent,
    timers,
    clock,
    channel,
    element,
    onDocument,
    onElement,
    envelope,
    advance,
    settle,
    firstSend,
    setOptions: (next: ResolvedOutboxOptions | undefined) => (options = next),
    stored: () => new OutboxStore(() => storage).list().map((item) => item.entry),
  };
}

/** A flush now sends the one envelope still to go, and leaves nothing on the device. */
async function expectDeliveredOnce(h: ReturnType<typeof harness>): Promise<void> {
  await h.outbox.flush(true);
  expect(h.sent).to.have.length(1);
  expect(h.stored()).to.have.length(0);
}

const types = (events: Event[]) => events.map((event) => event.type).filter((type) => type !== 'ep-outbox-change');

describe('core/outbox (fake clock)', () => {
  it('holds an entry claimed while its first send is under way, and lets it go when that send ends', () => {
    const h = harness();
    const envelope = h.envelope();
    h.outbox.hold('https://collector.test/submissions', envelope, 10_000, h.element);
    const [entry] = h.stored();
    expect(entry).to.include({ id: envelope.id, attempts: 0, owner: h.outbox.tab });
    expect(entry!.claim).to.deep.equal({ tab: h.outbox.tab, until: h.clock.now + 11_000 });
    expect(h.storage.getItem(ENTRY_PREFIX + envelope.id)).to.be.a('string');
    h.outbox.release(envelope.id);
    expect(h.stored()).to.have.length(0);
    const sizes = h.onDocument
      .filter((event) => event.type === 'ep-outbox-change')
      .map((event) => (event as EpOutboxChangeEvent).detail.entries);
    expect(sizes).to.deep.equal([1, 0]);
  });

  it('retries on the backoff schedule and tells the element when the entry finally goes', async () => {
    const h = harness();
    const envelope = await h.firstSend(down);
    expect(h.stored()[0]).to.include({ attempts: 1, nextAt: h.clock.now + 500 });
    h.answers.push(down, unreachable);
    await h.advance(499);
    expect(h.sent).to.have.length(0);
    await h.advance(1);
    // Second try at +500 ms fails; the third waits 1000 ms (attempt 2), the fourth 2000 ms (attempt 3).
    expect(h.sent.map((sent) => sent.at - 1_000_000)).to.deep.equal([500]);
    await h.advance(1000);
    expect(h.sent.map((sent) => sent.at - 1_000_000)).to.deep.equal([500, 1500]);
    await h.advance(2000);
    expect(h.sent.map((sent) => sent.at - 1_000_000)).to.deep.equal([500, 1500, 3500]);
    expect(h.stored()).to.have.length(0);
    expect(types(h.onElement)).to.deep.equal(['ep-success']);
    const success = h.onElement.find((event) => event.type === 'ep-success') as EpSuccessEvent;
    expect(success.detail).to.deep.include({ queued: true, response: { reference: 'PV-1' } });
    expect(success.detail.envelope.id).to.equal(envelope.id);
    expect(h.sent.every((sent) => sent.id === envelope.id && !sent.keepalive)).to.equal(true);
    expect(h.timers).to.have.length(0);
  });

  it('honours Retry-After even when a trigger asks for an early flush', async () => {
    const h = harness();
    await h.firstSend({ ...down, status: 429, retryAfterMs: 30_000 });
    await h.outbox.flush(true);
    expect(h.sent).to.have.length(0);
    await h.advance(29_999);
    expect(h.sent).to.have.length(0);
    await h.advance(1);
    expect(h.sent).to.have.length(1);
    expect(h.stored()).to.have.length(0);
  });

  it('lets a trigger (online, shown, started) skip what waits only for its backoff', async () => {
    const h = harness();
    await h.firstSend(unreachable);
    await h.outbox.flush();
    expect(h.sent).to.have.length(0);
    await h.outbox.flush(true);
    expect(h.sent).to.have.length(1);
  });

  it('never retries a final refusal, and tells the element', async () => {
    const h = harness();
    await h.firstSend(down);
    h.answers.push(refused);
    await h.advance(500);
    await h.advance(60 * 60_000);
    expect(h.sent).to.have.length(1);
    expect(h.stored()).to.have.length(0);
    const error = h.onElement.find((event) => event.type === 'ep-error') as EpErrorEvent;
    expect(error.detail.queued).to.equal(true);
    expect(error.detail.outcome).to.deep.include({ type: 'rejected', status: 422 });
  });

  it('stops a round at the first failure: the rest to the same collector wait with it, no try counted', async () => {
    const h = harness();
    const envelopes = [await h.firstSend(down), await h.firstSend(down), await h.firstSend(down)];
    h.answers.push(unreachable);
    await h.outbox.flush(true);
    expect(h.sent.map((sent) => sent.id)).to.deep.equal([envelopes[0]!.id]);
    const [first, second, third] = h.stored();
    expect(first!.attempts).to.equal(2);
    expect([second!.attempts, third!.attempts]).to.deep.equal([1, 1]);
    expect(second!.nextAt).to.equal(first!.nextAt);
    await h.outbox.flush(true);
    expect(h.sent.map((sent) => sent.id)).to.deep.equal([
      envelopes[0]!.id,
      ...envelopes.map((envelope) => envelope.id),
    ]);
    expect(h.stored()).to.have.length(0);
  });

  it('sends nothing while the browser is offline', async () => {
    const h = harness();
    await h.firstSend(unreachable);
    h.clock.online = false;
    await h.outbox.flush(true);
    await h.advance(10 * 60_000);
    expect(h.sent).to.have.length(0);
    expect(h.timers, 'no timer spins while offline').to.have.length(0);
    h.clock.online = true;
    await h.outbox.flush(true);
    expect(h.sent).to.have.length(1);
  });

  it('drops the oldest entries beyond its caps, and reports each drop', async () => {
    const h = harness({ maxEntries: 2 });
    const [a, b, c] = [await h.firstSend(down), await h.firstSend(down), await h.firstSend(down)];
    expect(h.stored().map((entry) => entry.id)).to.deep.equal([b!.id, c!.id]);
    const drop = h.onElement.find((event) => event.type === 'ep-outbox-drop') as EpOutboxDropEvent;
    expect(drop.detail).to.deep.include({ reason: 'evicted' });
    expect(drop.detail.envelope.id).to.equal(a!.id);

    const bytes = harness();
    const big = 'x'.repeat(2000);
    await bytes.firstSend(down, { comment: big });
    const entrySize = bytes.outbox.size().bytes;
    const capped = harness({ maxBytes: entrySize * 2 + 100 });
    const kept = [
      await capped.firstSend(down, { comment: big }),
      await capped.firstSend(down, { comment: big }),
      await capped.firstSend(down, { comment: big }),
    ];
    expect(capped.stored().map((entry) => entry.id)).to.deep.equal([kept[1]!.id, kept[2]!.id]);
    expect(types(capped.onElement)).to.deep.equal(['ep-outbox-drop']);
  });

  it('does not drop an entry whose send is under way to make room', () => {
    const h = harness({ maxEntries: 1 });
    const inFlight = h.envelope();
    h.outbox.hold('https://collector.test/submissions', inFlight, 10_000, h.element);
    h.outbox.hold('https://collector.test/submissions', h.envelope(), 10_000, h.element);
    expect(h.stored().map((entry) => entry.id)).to.include(inFlight.id);
    expect(types(h.onElement)).to.deep.equal([]);
  });

  it('refuses to hold what it could never keep, and promises nothing', () => {
    const h = harness({ maxBytes: 500 });
    expect(
      h.outbox.hold('https://collector.test/submissions', h.envelope({ comment: 'x'.repeat(600) }), 10_000, h.element),
    ).to.equal(false);
    const full = harness();
    full.storage.refuse = true;
    expect(full.outbox.hold('https://collector.test/submissions', full.envelope(), 10_000, full.element)).to.equal(
      false,
    );
    const off = harness();
    off.setOptions(undefined);
    expect(off.outbox.hold('https://collector.test/submissions', off.envelope(), 10_000, off.element)).to.equal(false);
    expect([h.stored(), full.stored(), off.stored()].flat()).to.have.length(0);
  });

  it('drops what is older than its age limit instead of sending it, and reports it', async () => {
    const h = harness({ maxAgeMs: 60_000 });
    await h.firstSend(unreachable);
    h.answers.push(...Array<Outcome>(20).fill(unreachable));
    await h.advance(61_000);
    expect(h.stored()).to.have.length(0);
    const drop = h.onElement.find((event) => event.type === 'ep-outbox-drop') as EpOutboxDropEvent;
    expect(drop.detail.reason).to.equal('expired');
  });

  it('tells the document when the element that sent it has left the page', async () => {
    const h = harness();
    await h.firstSend(down);
    (h.element as { isConnected: boolean }).isConnected = false;
    await h.outbox.flush(true);
    expect(types(h.onElement)).to.deep.equal([]);
    expect(types(h.onDocument)).to.deep.equal(['ep-success']);
  });

  it('keeps what an entry asked of the answer when it delivers it later, only that, and only until its age limit', async () => {
    const h = harness({ maxAgeMs: 60_000 });
    const kept = h.envelope();
    h.outbox.hold('https://collector.test/submissions', kept, 10_000, h.element, {
      form: 'lab-signup-form',
      fields: ['reference', 'withdrawalCode'],
    });
    h.outbox.defer(kept.id, down);
    const plain = await h.firstSend(down);
    h.answers.push(
      { type: 'accepted', status: 201, body: { id: kept.id, reference: 'LP-1', withdrawalCode: 'ABCD-EFGH-JKMN' } },
      accepted,
    );
    await h.outbox.flush(true);
    expect(JSON.parse(h.storage.getItem(ANSWER_PREFIX + kept.id)!)).to.deep.equal({
      until: h.clock.now + 60_000,
      form: 'lab-signup-form',
      answer: { reference: 'LP-1', withdrawalCode: 'ABCD-EFGH-JKMN' },
    });
    expect(h.storage.getItem(ANSWER_PREFIX + plain.id), 'nothing kept unasked').to.equal(null);
  });

  it('keeps nothing of a refusal, nor of an answer given to the first send', async () => {
    const h = harness();
    const refusedLater = h.envelope();
    h.outbox.hold('https://collector.test/submissions', refusedLater, 10_000, h.element, {
      form: 'a-form',
      fields: ['reference'],
    });
    h.outbox.defer(refusedLater.id, down);
    h.answers.push(refused);
    await h.outbox.flush(true);
    const atOnce = h.envelope();
    h.outbox.hold('https://collector.test/submissions', atOnce, 10_000, h.element, {
      form: 'a-form',
      fields: ['reference'],
    });
    h.outbox.release(atOnce.id);
    expect(h.storage.length, 'nothing left in storage').to.equal(0);
  });

  it('tells an element shown again for an entry (adopted) how it ends, not the document', async () => {
    const h = harness();
    const first = await h.firstSend(down);
    (h.element as { isConnected: boolean }).isConnected = false;
    const again = Object.assign(new EventTarget(), { isConnected: true });
    const seen: Event[] = [];
    again.addEventListener('ep-success', (event) => seen.push(event));
    h.outbox.adopt(first.id, again);
    await h.outbox.flush(true);
    expect(seen.map((event) => (event as EpSuccessEvent).detail.envelope.id)).to.deep.equal([first.id]);
    expect(types(h.onDocument)).to.deep.equal([]);
  });

  it('tells an adopted element of an entry another tab delivered, and says so to that tab', async () => {
    const h = harness();
    const first = await h.firstSend(down);
    const again = Object.assign(new EventTarget(), { isConnected: true });
    const seen: Event[] = [];
    again.addEventListener('ep-success', (event) => seen.push(event));
    h.outbox.adopt(first.id, again);
    // Another tab delivered it: its report comes over the channel.
    h.fromTab({ type: 'success', envelope: first, response: { reference: 'PV-9' } });
    expect(seen).to.have.length(1);
    expect(h.channel).to.deep.equal([{ type: 'ack', id: first.id }]);
  });

  it("sends another tab's entries; tells that tab, and this document too when that tab does not answer", async () => {
    for (const open of [true, false]) {
      const h = harness();
      h.clock.open = open;
      h.leaveForeign({ attempts: 1 });
      await h.outbox.flush();
      expect(h.sent).to.have.length(1);
      expect(h.channel).to.have.length(1);
      // The other tab has a second to say it showed it (a closed or back/forward-cached tab says nothing).
      await h.advance(1000);
      expect(types(h.onDocument)).to.deep.equal(open ? [] : ['ep-success']);
    }
  });

  it('skips an entry another tab is sending; takes it when that claim runs out', async () => {
    const h = harness();
    h.leaveForeign({ claim: { tab: 'another-tab', until: h.clock.now + 5000 } });
    await h.outbox.flush(true);
    h.outbox.sendOnPagehide();
    expect(h.sent).to.have.length(0);
    await h.advance(5000);
    expect(h.sent).to.have.length(1);
  });

  it('on pagehide sends what waits with keepalive, its own sends in flight too, within 64 KB', async () => {
    const h = harness();
    const waiting = await h.firstSend(down);
    const inFlight = h.envelope();
    h.outbox.hold('https://collector.test/submissions', inFlight, 10_000, h.element);
    const big = await h.firstSend(down, { comment: 'x'.repeat(70 * 1024) });
    h.outbox.sendOnPagehide();
    expect(h.sent.map((sent) => [sent.id, sent.keepalive])).to.deep.equal([
      [waiting.id, true],
      [inFlight.id, true],
    ]);
    await h.settle();
    expect(h.stored().map((entry) => entry.id)).to.deep.equal([big.id]);
  });

  it('removes an entry it cannot read instead of failing on it', () => {
    const h = harness();
    h.storage.setItem(`${ENTRY_PREFIX}broken`, '{"id": 1');
    h.storage.setItem(`${ENTRY_PREFIX}odd`, '{"id": "odd"}');
    expect(h.outbox.size()).to.deep.equal({ entries: 0, bytes: 0 });
    expect(h.storage.length).to.equal(0);
  });

  it('once turned off, holds nothing new, but still delivers what it promised to deliver', async () => {
    const h = harness();
    await h.firstSend(down);
    const during = h.envelope();
    h.outbox.hold('https://collector.test/submissions', during, 10_000, h.element);
    h.setOptions(undefined);
    expect(h.outbox.enabled).to.equal(false);
    // Turned off while `during` was being sent: its failure is shown, it does not wait.
    expect(h.outbox.defer(during.id, down)).to.equal(false);
    h.outbox.release(during.id);
    expect(h.outbox.hold('https://collector.test/submissions', h.envelope(), 10_000, h.element)).to.equal(false);
    await expectDeliveredOnce(h);
  });

  it('waits for another tab holding the lease without spinning', async () => {
    const h = harness({}, { run: async () => false });
    await h.firstSend(down);
    await h.outbox.flush(true);
    let runs = 0;
    const flush = h.outbox.flush.bind(h.outbox);
    h.outbox.flush = (early?: boolean) => ((runs += 1), flush(early));
    await h.advance(10_000);
    expect(runs, 'flushes in 10 s while another tab holds the lease').to.be.at.most(2);
    expect(h.sent).to.have.length(0);
  });

  it('still sends when storage refuses the claim, and never spins', async () => {
    const h = harness();
    await h.firstSend(down);
    h.storage.refuse = true;
    await expectDeliveredOnce(h);
  });

  it("holds the others to one collector's Retry-After too", async () => {
    const h = harness();
    await h.firstSend(down);
    await h.firstSend(down);
    h.answers.push({ ...down, status: 429, retryAfterMs: 60_000 });
    await h.outbox.flush(true);
    await h.outbox.flush(true);
    expect(h.sent).to.have.length(1);
    await h.advance(60_000);
    expect(h.sent).to.have.length(3);
  });

  it('does not bring back an entry dropped while another was being sent', async () => {
    const h = harness({ maxEntries: 2 });
    const x = await h.firstSend(down);
    const y = await h.firstSend(down);
    let fail!: (outcome: Outcome) => void;
    h.deps.send = async (entry, keepalive) => {
      h.sent.push({ id: entry.id, keepalive, at: h.clock.now });
      return new Promise<Outcome>((resolve) => (fail = resolve));
    };
    const round = h.outbox.flush(true);
    await h.settle();
    expect(h.sent.map((sent) => sent.id)).to.deep.equal([x.id]);
    // While x is out, a new submission needs room: y (not being sent) is dropped, and reported.
    const z = h.envelope();
    h.outbox.hold('https://collector.test/submissions', z, 10_000, h.element);
    fail(unreachable);
    await round;
    expect(
      h
        .stored()
        .map((entry) => entry.id)
        .sort(),
    ).to.deep.equal([x.id, z.id].sort());
    expect(
      (h.onElement.find((event) => event.type === 'ep-outbox-drop') as EpOutboxDropEvent).detail.envelope.id,
    ).to.equal(y.id);
  });
});

describe('core/kept-answer: the answer a form shown again takes', () => {
  afterEach(() => localStorage.clear());
  const keep = (id: string, form: string, until: number) =>
    localStorage.setItem(ANSWER_PREFIX + id, JSON.stringify({ until, form, answer: { withdrawalCode: id } }));

  it('gives it once, by its id or by its form, and never after its time', () => {
    keep('a', 'form-1', Date.now() + 60_000);
    keep('b', 'form-2', Date.now() + 60_000);
    keep('c', 'form-3', Date.now() - 1);
    expect(takeAnswer('a')).to.deep.equal({ withdrawalCode: 'a' });
    expect(takeAnswer('a'), 'taken: gone').to.equal(undefined);
    expect(takeAnswer(undefined), 'neither id nor form').to.equal(undefined);
    expect(takeAnswer(undefined, 'form-2')).to.deep.equal({ withdrawalCode: 'b' });
    expect(takeAnswer('c'), 'past its time').to.equal(undefined);
    expect(Object.keys(localStorage), 'each one read is gone').to.deep.equal([]);
  });

  it('tells whether the outbox still holds a submission', () => {
    localStorage.setItem(`${ENTRY_PREFIX}held`, JSON.stringify({ id: 'held' }));
    expect([heldInOutbox('held'), heldInOutbox('gone')]).to.deep.equal([true, false]);
  });
});

describe('core/outbox-lock: the lease used without Web Locks', () => {
  afterEach(() => localStorage.clear());

  it('lets one tab flush at a time, and the next once the first is done', async () => {
    const first = leaseLock('tab-a');
    const second = leaseLock('tab-b');
    let release!: () => void;
    const firstDone = first.run(() => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await second.run(async () => undefined)).to.equal(false);
    release();
    expect(await firstDone).to.equal(true);
    let ran = false;
    expect(await second.run(async () => void (ran = true))).to.equal(true);
    expect(ran).to.equal(true);
  });

  it('takes over a lease whose tab died holding it', async () => {
    let now = 1_000_000;
    localStorage.setItem('ep-widgets.outbox-lease', JSON.stringify({ tab: 'dead-tab', until: now + 15_000 }));
    const lock = leaseLock('tab-b', () => now);
    expect(await lock.run(async () => undefined)).to.equal(false);
    now += 15_001;
    expect(await lock.run(async () => undefined)).to.equal(true);
  });
});
