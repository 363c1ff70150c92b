/**
 * Delivery that loses nothing, run by every element that submits (the Lion way: one suite, many
 * elements), in Chromium against the test collector: each fault saves the submission on the device and
 * the visitor is told so; the outbox then delivers it exactly once and the visitor hears it arrived;
 * a final refusal is never retried; caps drop with a report; the visitor's view is accessible in both
 * languages.
 */
import { expect, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { configure } from '../../src/core/element/config.js';
import type {
  EpErrorEvent,
  EpOutboxChangeEvent,
  EpOutboxDropEvent,
  EpQueuedEvent,
  EpSuccessEvent,
} from '../../src/core/element/events.js';
import { ENTRY_PREFIX } from '../../src/core/outbox/outbox-store.js';
import { flushOutbox, outboxSize } from '../../src/index.js';
import { endpointPerTest, type Scripted, type TestEndpoint } from '../helpers/endpoint.js';
import { LANGUAGES, setPageLanguage } from '../helpers/page.js';
import { $, $$, textOf } from '../helpers/shadow.js';

export interface DeliverySuiteOptions {
  tag: string;
  /** The element on the page, pointing at `endpoint`, with `attributes`, rendered. */
  make(endpoint: TestEndpoint, attributes?: string): Promise<HTMLElement>;
  /** What a visitor does to send one submission; resolves once the element shows how it went. */
  submitOnce(element: HTMLElement): Promise<void>;
  /** The kind of that submission. */
  kind: string;
}

const QUEUED = {
  en: 'Saved on this device. It will be sent automatically as soon as it can be.',
  ar: 'حُفظ على هذا الجهاز، وسيُرسَل تلقائيًا حالما يتسنّى ذلك.',
};
const SENT = {
  en: 'Sent. What you saved on this device has now reached us.',
  ar: 'أُرسِل. وصل إلينا ما حفظته على هذا الجهاز.',
};
const REFUSED = {
  en: 'What you saved on this device was sent, but the service did not accept it.',
  ar: 'أُرسِل ما حفظته على هذا الجهاز، لكن الخدمة لم تقبله.',
};
const DROPPED = {
  en: 'What you saved on this device could not be kept, and was not sent.',
  ar: 'تعذّر الاحتفاظ بما حفظته على هذا الجهاز، ولم يُرسَل.',
};

const held = () => Object.keys(localStorage).filter((key) => key.startsWith(ENTRY_PREFIX));
const note = (element: HTMLElement) =>
  (element.shadowRoot!.querySelector('[part="delivery"]')?.textContent ?? '').trim();
const settle = async (element: HTMLElement) => {
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await nextFrame();
};
/** What the browser does when the connection comes back; the outbox listens for it. */
const comeBackOnline = () => window.dispatchEvent(new Event('online'));

async function noteShows(element: HTMLElement, text: string): Promise<void> {
  await waitUntil(
    () => note(element) === text,
    `the delivery note did not say "${text}" (it said "${note(element)}")`,
    { timeout: 5000 },
  );
}

export function runDeliverySuite({ tag, make, submitOnce, kind }: DeliverySuiteOptions): void {
  describe(`<${tag}>: delivery that loses nothing`, () => {
    const endpoint = endpointPerTest();

    const faults: Array<{ name: string; script: Scripted; attributes?: string }> = [
      { name: 'a network error', script: { drop: true, repeat: 10 } },
      { name: 'a timeout', script: { delayMs: 1500, status: 201, body: {} }, attributes: 'timeout="300"' },
      { name: 'a 500', script: { status: 500, body: { message: 'down' } } },
      { name: 'a 408', script: { status: 408, body: {}, repeat: 10 } },
      { name: 'a 429', script: { status: 429, body: {} } },
    ];
    for (const fault of faults) {
      it(`keeps the submission after ${fault.name}, says so, and delivers it exactly once when the collector is back`, async () => {
        const element = await make(endpoint, fault.attributes);
        await endpoint.script('submissions', fault.script);
        const queued = oneEvent(element, 'ep-queued') as Promise<EpQueuedEvent>;
        await submitOnce(element);
        const { envelope, outcome } = (await queued).detail;
        expect(outcome.type).to.equal('failed');
        expect(envelope.kind).to.equal(kind);
        await noteShows(element, QUEUED.en);
        expect(held()).to.deep.equal([ENTRY_PREFIX + envelope.id]);
        expect(element.shadowRoot!.querySelector('[part="error"]'), 'no error while it is saved').to.equal(null);
        const kept = (JSON.parse(localStorage.getItem(ENTRY_PREFIX + envelope.id)!) as { envelope: unknown }).envelope;

        await endpoint.recover();
        const delivered = oneEvent(element, 'ep-success') as Promise<EpSuccessEvent>;
        comeBackOnline();
        const { detail } = await delivered;
        expect(detail.queued).to.equal(true);
        expect(detail.envelope.id).to.equal(envelope.id);
        await noteShows(element, SENT.en);
        expect(held()).to.deep.equal([]);
        const stored = (await endpoint.stored()).filter((item) => item.id === envelope.id);
        expect(stored).to.have.length(1);
        const posts = (await endpoint.posted()).filter((post) => post.body.id === envelope.id);
        expect(posts.every((post) => post.headers['idempotency-key'] === envelope.id)).to.equal(true);
        // Sent once more after the collector came back, not again and again (its idempotency would hide that).
        expect(
          posts.filter((post) => post.answer === 'normal'),
          'tries answered normally',
        ).to.have.length(1);
        // Every try carried the same bytes, the envelope the outbox kept: a collector refuses a repeat whose
        // body differs (422 idempotency-key-reused), which would lose the submission.
        const failed = posts.filter((post) => post.answer !== 'normal');
        expect(failed.length, 'the failed try arrived too').to.be.greaterThan(0);
        expect(
          posts.map((post) => post.text),
          'the same bytes on every try',
        ).to.deep.equal(posts.map(() => posts[0]!.text));
        expect(JSON.parse(posts[0]!.text)).to.deep.equal(kept);
      });
    }

    it('waits as long as a 503 with Retry-After asks, even when the connection comes back', async () => {
      const element = await make(endpoint);
      await endpoint.script('submissions', { status: 503, headers: { 'retry-after': '2' }, body: {} });
      const queued = oneEvent(element, 'ep-queued') as Promise<EpQueuedEvent>;
      await submitOnce(element);
      const { envelope } = (await queued).detail;
      const queuedAt = Date.now();
      comeBackOnline();
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect((await endpoint.posted()).filter((post) => post.body.id === envelope.id)).to.have.length(1);
      await noteShows(element, SENT.en);
      const posts = (await endpoint.posted()).filter((post) => post.body.id === envelope.id);
      expect(posts).to.have.length(2);
      expect(posts[1]!.at - queuedAt).to.be.at.least(1900);
    });

    it('never keeps a final refusal (422): the visitor is shown it, and nothing waits', async () => {
      const element = await make(endpoint);
      await endpoint.script('submissions', {
        status: 422,
        body: { fieldErrors: [{ field: 'unknown-field', code: 'invalid' }] },
      });
      let queued = false;
      element.addEventListener('ep-queued', () => (queued = true));
      const failed = oneEvent(element, 'ep-error') as Promise<EpErrorEvent>;
      await submitOnce(element);
      expect((await failed).detail.outcome.type).to.equal('rejected');
      await settle(element);
      expect(queued).to.equal(false);
      expect(held()).to.deep.equal([]);
      expect(note(element)).to.equal('');
    });

    it('holds the submission on the device while it is being sent, and lets it go once it arrived', async () => {
      const element = await make(endpoint);
      await endpoint.script('submissions', { delayMs: 400, status: 201, body: {} });
      const success = oneEvent(element, 'ep-success') as Promise<EpSuccessEvent>;
      const sending = submitOnce(element);
      await waitUntil(() => held().length === 1, 'not written before the send');
      const entry = JSON.parse(localStorage.getItem(held()[0]!)!);
      expect(entry.claim.tab).to.be.a('string');
      expect(entry.attempts).to.equal(0);
      await sending;
      expect((await success).detail.queued).to.equal(undefined);
      expect(held()).to.deep.equal([]);
      expect(note(element)).to.equal('');
    });

    it('tells the visitor, and the page, when the collector later refuses what was saved', async () => {
      const element = await make(endpoint);
      await endpoint.script('submissions', { status: 500, body: {} });
      await submitOnce(element);
      await noteShows(element, QUEUED.en);
      await endpoint.script('submissions', { status: 422, body: {} });
      const refused = oneEvent(document, 'ep-error') as Promise<EpErrorEvent>;
      comeBackOnline();
      const { detail } = await refused;
      expect(detail.queued).to.equal(true);
      await noteShows(element, REFUSED.en);
      expect(held()).to.deep.equal([]);
      // Never tried again.
      await new Promise((resolve) => setTimeout(resolve, 300));
      comeBackOnline();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await endpoint.posted()).to.have.length(2);
    });

    it('drops the oldest when full, and tells its visitor and the page', async () => {
      configure({ outbox: { maxEntries: 1 } });
      const first = await make(endpoint);
      const second = await make(endpoint);
      await endpoint.script('submissions', { status: 500, body: {}, repeat: 2 });
      await submitOnce(first);
      await noteShows(first, QUEUED.en);
      const dropped = oneEvent(document, 'ep-outbox-drop') as Promise<EpOutboxDropEvent>;
      await submitOnce(second);
      const { detail } = await dropped;
      expect(detail.reason).to.equal('evicted');
      await noteShows(first, DROPPED.en);
      await noteShows(second, QUEUED.en);
      expect(held()).to.have.length(1);
    });

    it('sends what waits with keepalive when the page is hidden for good (pagehide)', async () => {
      const element = await make(endpoint);
      await endpoint.script('submissions', { status: 500, body: {} });
      const queued = oneEvent(element, 'ep-queued') as Promise<EpQueuedEvent>;
      await submitOnce(element);
      const { envelope } = (await queued).detail;
      await endpoint.recover();
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      // Well before the first backoff (at least 1 s): only pagehide can have sent it.
      await waitUntil(
        async () => (await endpoint.stored()).some((item) => item.id === envelope.id),
        'not sent on pagehide',
        { timeout: 900 },
      );
    });

    it('lets the page read its size, follow it, and send now (a status badge)', async () => {
      const element = await make(endpoint);
      const sizes: number[] = [];
      const onChange = (event: EpOutboxChangeEvent) => sizes.push(event.detail.entries);
      document.addEventListener('ep-outbox-change', onChange);
      try {
        await endpoint.script('submissions', { status: 500, body: {} });
        await submitOnce(element);
        await noteShows(element, QUEUED.en);
        expect(outboxSize().entries).to.equal(1);
        expect(outboxSize().bytes).to.be.greaterThan(200);
        // "Send now", as a page's status badge might offer.
        await flushOutbox();
        await noteShows(element, SENT.en);
        expect(outboxSize()).to.deep.equal({ entries: 0, bytes: 0 });
        expect(sizes[sizes.length - 1]).to.equal(0);
        expect(sizes).to.include(1);
      } finally {
        document.removeEventListener('ep-outbox-change', onChange);
      }
    });

    it('shows the failure instead when the page turned the outbox off, or cancels ep-queued', async () => {
      configure({ outbox: false });
      const off = await make(endpoint);
      await endpoint.script('submissions', { status: 500, body: {}, repeat: 2 });
      await submitOnce(off);
      await waitUntil(() => off.shadowRoot!.querySelector('[part="error"]'), 'no failure shown');
      expect(held()).to.deep.equal([]);
      configure({ outbox: true });
      const cancelled = await make(endpoint);
      cancelled.addEventListener('ep-queued', (event) => event.preventDefault());
      const failed = oneEvent(cancelled, 'ep-error') as Promise<EpErrorEvent>;
      await submitOnce(cancelled);
      expect((await failed).detail.outcome.type).to.equal('failed');
      await waitUntil(() => cancelled.shadowRoot!.querySelector('[part="error"]'), 'no failure shown');
      expect(held()).to.deep.equal([]);
    });

    for (const { lang, dir } of LANGUAGES) {
      it(`tells in ${lang}, accessibly, when what was saved is dropped to make room, or refused later`, async () => {
        await setPageLanguage(lang, dir);
        configure({ outbox: { maxEntries: 1 } });
        const first = await make(endpoint);
        const second = await make(endpoint);
        await endpoint.script('submissions', { status: 500, body: {}, repeat: 2 });
        await submitOnce(first);
        await noteShows(first, QUEUED[lang]);
        await submitOnce(second);
        await noteShows(first, DROPPED[lang]);
        await expect(first).to.be.accessible();
        await endpoint.script('submissions', { status: 422, body: {} });
        comeBackOnline();
        await noteShows(second, REFUSED[lang]);
        await expect(second).to.be.accessible();
      });

      it(`is accessible and polite in ${lang}: saved on this device, then sent`, async () => {
        await setPageLanguage(lang, dir);
        const element = await make(endpoint);
        await endpoint.script('submissions', { status: 503, body: {} });
        await submitOnce(element);
        await noteShows(element, QUEUED[lang]);
        const region = $(element, '[part="delivery"]');
        expect(region.getAttribute('role')).to.equal('status');
        await expect(element).to.be.accessible();
        comeBackOnline();
        await noteShows(element, SENT[lang]);
        // The same live region spoke both times: it was there before its words changed.
        expect($$(element, '[part="delivery"]')).to.have.length(1);
        expect(region.isConnected).to.equal(true);
        expect(textOf(element, '[part="delivery"]')).to.equal(SENT[lang]);
        await expect(element).to.be.accessible();
      });
    }
  });
}
