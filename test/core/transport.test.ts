import { expect } from '@open-wc/testing';
import { createEnvelope } from '../../src/core/delivery/envelope.js';
import { getJson, parseRetryAfter, postEnvelope } from '../../src/core/delivery/transport.js';
import { readJson } from '../../src/core/delivery/read-json.js';
import { TestEndpoint } from '../helpers/endpoint.js';

const envelope = () => createEnvelope({ kind: 'page-vote', data: { answer: 'no' }, locale: 'en', privacyNotice: '1' });
const options = { timeoutMs: 1000 };

describe('core/transport (against the test server)', () => {
  let endpoint: TestEndpoint;
  beforeEach(() => (endpoint = new TestEndpoint()));

  it('posts JSON with the envelope id as Idempotency-Key and configured headers', async () => {
    const sent = envelope();
    const outcome = await postEnvelope(`${endpoint.base}/submissions`, sent, {
      ...options,
      headers: { 'x-csrf-token': 'tok' },
    });
    expect(outcome.type).to.equal('accepted');
    expect(outcome.type === 'accepted' && outcome.body.reference).to.match(/^PV-\d{4}-\d{6}$/);
    const [post] = await endpoint.posted();
    expect(post!.headers['idempotency-key']).to.equal(sent.id);
    expect(post!.headers['x-csrf-token']).to.equal('tok');
    expect(post!.headers['content-type']).to.contain('application/json');
    expect(post!.body).to.deep.equal(JSON.parse(JSON.stringify(sent)));
  });

  it('reports 422 as rejected with field errors, dropping malformed ones', async () => {
    await endpoint.script('submissions', {
      status: 422,
      body: { message: 'Invalid', fieldErrors: [{ field: 'comment', code: 'too-long' }, { nope: 1 }, 'x'] },
    });
    const outcome = await postEnvelope(`${endpoint.base}/submissions`, envelope(), options);
    expect(outcome).to.deep.equal({
      type: 'rejected',
      status: 422,
      message: 'Invalid',
      fieldErrors: [{ field: 'comment', code: 'too-long' }],
    });
  });

  for (const status of [500, 503, 408, 429]) {
    it(`reports ${status} as a failure that may pass`, async () => {
      // Chromium itself retries a 408 or a dropped connection on a reused socket, so the fault stays put.
      await endpoint.script('submissions', {
        status,
        body: { message: 'busy' },
        headers: { 'retry-after': '7' },
        repeat: 10,
      });
      const outcome = await postEnvelope(`${endpoint.base}/submissions`, envelope(), options);
      expect(outcome).to.deep.equal({ type: 'failed', reason: 'server', status, retryAfterMs: 7000 });
    });
  }

  it('reports a dropped connection as a network failure', async () => {
    await endpoint.script('submissions', { drop: true, repeat: 10 });
    expect(await postEnvelope(`${endpoint.base}/submissions`, envelope(), options)).to.deep.equal({
      type: 'failed',
      reason: 'network',
    });
  });

  it('gives up after the timeout', async () => {
    await endpoint.script('submissions', { delayMs: 2000, status: 201, body: {} });
    expect(await postEnvelope(`${endpoint.base}/submissions`, envelope(), { timeoutMs: 150 })).to.deep.equal({
      type: 'failed',
      reason: 'timeout',
    });
  });

  it('times out when the headers arrive but the body stalls', async () => {
    await endpoint.script('submissions', { status: 201, stall: true });
    await endpoint.script('tally', { status: 200, stall: true });
    expect(await postEnvelope(`${endpoint.base}/submissions`, envelope(), { timeoutMs: 300 })).to.deep.equal({
      type: 'failed',
      reason: 'timeout',
    });
    expect(await getJson(`${endpoint.base}/tally?page=x`, { timeoutMs: 300 })).to.deep.equal({
      type: 'failed',
      reason: 'timeout',
    });
  });

  it('reports a 2xx with a body that is not JSON, or not an object, as a bad response', async () => {
    await endpoint.script('submissions', { status: 200, raw: '<html>oops' }, { status: 200, body: [1, 2] });
    expect(await postEnvelope(`${endpoint.base}/submissions`, envelope(), options)).to.deep.equal({
      type: 'failed',
      reason: 'bad-response',
      status: 200,
    });
    expect(await postEnvelope(`${endpoint.base}/submissions`, envelope(), options)).to.deep.equal({
      type: 'failed',
      reason: 'bad-response',
      status: 200,
    });
  });

  it('accepts an empty 2xx body as an empty answer', async () => {
    await endpoint.script('submissions', { status: 204 });
    expect(await postEnvelope(`${endpoint.base}/submissions`, envelope(), options)).to.deep.equal({
      type: 'accepted',
      status: 204,
      body: {},
    });
  });

  it('refuses a huge body without reading it all', async () => {
    await endpoint.script('tally', { status: 200, raw: `{"yes":1,"total":2,"pad":"${'x'.repeat(200_000)}"}` });
    expect(await getJson(`${endpoint.base}/tally?page=x`, options)).to.deep.equal({
      type: 'failed',
      reason: 'bad-response',
      status: 200,
    });
  });

  it('reads JSON on GET', async () => {
    await endpoint.script('tally', { status: 200, body: { yes: 3, total: 4 } });
    expect(await getJson(`${endpoint.base}/tally?page=x`, options)).to.deep.equal({
      type: 'ok',
      status: 200,
      body: { yes: 3, total: 4 },
    });
  });
});

describe('core/read-json', () => {
  it('reads, rejects non-JSON and oversized bodies', async () => {
    expect(await readJson(new Response('{"a":1}'))).to.deep.equal({ ok: true, value: { a: 1 } });
    expect(await readJson(new Response(''))).to.deep.equal({ ok: true, value: null });
    expect(await readJson(new Response('{"a":'))).to.deep.equal({ ok: false, problem: 'not-json' });
    expect(await readJson(new Response('"1234567890"'), 5)).to.deep.equal({ ok: false, problem: 'too-large' });
    expect(await readJson(new Response('1', { headers: { 'content-length': '999999' } }), 10)).to.deep.equal({
      ok: false,
      problem: 'too-large',
    });
  });

  it('parses Retry-After in seconds and as a date', () => {
    expect(parseRetryAfter('3')).to.equal(3000);
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('garbage')).to.equal(undefined);
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:30 GMT', now)).to.equal(30_000);
  });
});
