/**
 * The outbox resends the exact bytes of its first try. A collector keeps a hash of the first body under an
 * id and refuses a repeat whose body differs (422 `idempotency-key-reused`, a final refusal): a resend that
 * changed by one byte would lose the submission. Here the data holds what a round trip through storage
 * could change if anything did (Arabic, emoji, U+2028, escapes, numbers, keys that look like indexes), the
 * first try fails in each way a try can fail, and the test collector records each body as it arrived.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { ENTRY_PREFIX } from '../../src/core/outbox/outbox-store.js';
import { submit, type SubmitHost } from '../../src/core/delivery/submit.js';
import { flushOutbox } from '../../src/index.js';
import { TestEndpoint, type Scripted } from '../helpers/endpoint.js';
import { resetPage } from '../helpers/page.js';

const TRICKY = {
  type: { code: 'complaint', label: 'شكوى' },
  message: 'لم يصلني ردٌّ 📨 "quoted" \\ back\u2028slash\ttab\u00e9e\u0301 <b>&amp;</b>',
  service: 'building-permits',
  numbers: [0.1, 1e21, -0, 5e-324, 123456789012345680000],
  nested: { '10': 'ten', '2': 'two', b: true, a: null, '': 'empty key' },
};

function host(endpoint: TestEndpoint): SubmitHost {
  const element = Object.assign(document.createElement('div'), {
    endpoint: endpoint.base,
    privacyNotice: '1',
    pageUrl: `${location.origin}/resend-bytes`,
    includeQuery: false,
    timeout: 400,
  });
  document.body.append(element);
  return element;
}

describe('the outbox resends the bytes of the first try', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  const firstTries: Array<{ name: string; script: Scripted }> = [
    { name: 'a 503', script: { status: 503, body: { message: 'down' } } },
    { name: 'a dropped connection', script: { drop: true, repeat: 10 } },
    { name: 'an answer after the timeout', script: { delayMs: 1000, status: 201, body: {} } },
  ];
  for (const { name, script } of firstTries) {
    it(`after ${name}, byte for byte, from what it kept on the device`, async () => {
      const endpoint = new TestEndpoint();
      await endpoint.script('submissions', script);
      const result = await submit(host(endpoint), { kind: 'feedback', data: structuredClone(TRICKY) });
      expect(result.outcome.type).to.equal('queued');
      const id = result.envelope!.id;
      const kept = localStorage.getItem(ENTRY_PREFIX + id);
      expect(kept, 'kept on the device').to.be.a('string');

      await endpoint.recover();
      await flushOutbox();
      await waitUntil(
        async () => (await endpoint.stored()).some((item) => item.id === id),
        'the resend did not arrive',
        { timeout: 5000 },
      );
      await waitUntil(() => localStorage.getItem(ENTRY_PREFIX + id) === null, 'the outbox did not let it go', {
        timeout: 5000,
      });

      const posts = (await endpoint.posted()).filter((post) => post.body.id === id);
      expect(posts.length, 'the first try and the resend').to.be.greaterThan(1);
      expect(posts.at(-1)!.answer).to.equal('normal');
      expect(posts.map((post) => post.text)).to.deep.equal(posts.map(() => posts[0]!.text));
      expect(posts[0]!.text).to.equal(JSON.stringify((JSON.parse(kept!) as { envelope: unknown }).envelope));
      expect(JSON.parse(posts[0]!.text).data).to.deep.equal(JSON.parse(JSON.stringify(TRICKY)));
    });
  }
});
