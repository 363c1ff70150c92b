/**
 * `/metrics` (issue 12, item 9): the Prometheus text format, well formed; requests by route and status,
 * refusals by reason (422 codes, 413, 429, 401, 408), idempotent replays and the store's latency, each
 * counted once; the path exists only with EP_METRICS_TOKEN and answers only to it.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, it } from 'node:test';
import { buildApp } from '../app.js';
import { collectorMetrics } from '../collector-metrics.js';
import { Counter, Histogram, Registry } from '../metrics.js';
import { StoreUnavailableError, type Store } from '../store/types.js';
import { timedStore } from '../store/timed.js';
import { auth, contract, envelope, openTestApp, openTestStore, post, testConfig } from './helpers.js';

const METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';
const scrape = { authorization: `Bearer ${METRICS_TOKEN}` };

/** Each sample line as { name, labels, value }; throws on a line that is not the exposition format. */
function parse(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  assert.ok(text.endsWith('\n'), 'ends with a line feed');
  const samples = [];
  const typed = new Map<string, string>();
  for (const line of text.split('\n').slice(0, -1)) {
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (comment) {
      if (comment[1] === 'TYPE') typed.set(comment[2]!, comment[3]!);
      continue;
    }
    const sample =
      /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*)\})? (-?[0-9.e+-]+|\+Inf|NaN)$/.exec(
        line,
      );
    assert.ok(sample, `not a sample line: ${line}`);
    const labels = Object.fromEntries(
      [...(sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((match) => [
        match[1]!,
        match[2]!,
      ]),
    );
    const name = sample[1]!;
    const family = name.replace(/_(bucket|sum|count)$/, '');
    assert.ok(typed.has(name) || typed.get(family) === 'histogram', `${name} has a TYPE line before it`);
    samples.push({ name, labels, value: Number(sample[3] === '+Inf' ? Infinity : sample[3]) });
  }
  return samples;
}

function value(samples: ReturnType<typeof parse>, name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, wanted]) => sample.labels[key] === wanted),
  );
  return found.reduce((sum, sample) => sum + sample.value, 0);
}

describe('the exposition format (metrics.ts)', () => {
  it('writes counters and cumulative histograms with escaped label values', () => {
    const registry = new Registry();
    const counter = registry.add(new Counter('x_total', 'Things.', ['route']));
    const histogram = registry.add(new Histogram('y_seconds', 'Time.', ['op'], [0.1, 1]));
    counter.inc({ route: 'a"b\\c\nd' }, 2);
    histogram.observe({ op: 'get' }, 0.05);
    histogram.observe({ op: 'get' }, 0.5);
    histogram.observe({ op: 'get' }, 5);
    assert.equal(
      registry.exposition(),
      [
        '# HELP x_total Things.',
        '# TYPE x_total counter',
        'x_total{route="a\\"b\\\\c\\nd"} 2',
        '# HELP y_seconds Time.',
        '# TYPE y_seconds histogram',
        'y_seconds_bucket{op="get",le="0.1"} 1',
        'y_seconds_bucket{op="get",le="1"} 2',
        'y_seconds_bucket{op="get",le="+Inf"} 3',
        'y_seconds_sum{op="get"} 5.55',
        'y_seconds_count{op="get"} 3',
        '',
      ].join('\n'),
    );
    parse(registry.exposition());
  });

  it('times every store operation by outcome, a method it does not name included', async () => {
    const seen: string[] = [];
    const store = {
      dialect: 'sqlite',
      ping: () => Promise.resolve(),
      tally: () => Promise.reject(new StoreUnavailableError(new Error('busy'))),
      list: () => Promise.reject(new Error('bad')),
      later: () => 7,
    } as unknown as Store & { later(): number };
    const timed = timedStore(store, (operation, outcome, seconds) => {
      assert.ok(seconds >= 0 && seconds < 1);
      seen.push(`${operation}:${outcome}`);
    });
    assert.equal(timed.dialect, 'sqlite');
    await timed.ping();
    await assert.rejects(timed.tally('x'), StoreUnavailableError);
    await assert.rejects(timed.list({ limit: 1 }), /bad/);
    assert.equal(timed.later(), 7);
    assert.deepEqual(seen, ['ping:ok', 'tally:unavailable', 'list:error', 'later:ok']);
  });
});

describe('GET /metrics', () => {
  it('counts requests by route and status, refusals by reason, replays and store latency, once each', async () => {
    const metrics = collectorMetrics();
    const opened = await openTestStore('sqlite');
    const config = testConfig({
      metricsToken: METRICS_TOKEN,
      bodyLimit: 4096,
      rateLimit: { submissions: 0, reads: 2, admin: 0 },
      requestTimeout: 500,
    });
    const app = await buildApp({ config, store: opened.store, contract: contract(), metrics });
    try {
      const first = envelope('page-vote');
      assert.equal((await post(app, first)).statusCode, 201);
      assert.equal((await post(app, first)).statusCode, 201); // a replay
      assert.equal((await post(app, envelope('feedback'))).statusCode, 201);
      assert.equal(
        (await post(app, envelope('page-vote', { answer: 'maybe', extra: 'x'.repeat(5000) }))).statusCode,
        413,
      );
      // One answer with two field errors of one code and one of another: each code once.
      const invalid = await post(
        app,
        envelope('page-vote-details', { answer: true, reasons: 'clear', comment: 5 }, { locale: 'fr' }),
      );
      assert.equal(invalid.statusCode, 422);
      assert.ok(invalid.json().fieldErrors.length >= 3);
      const deep = await post(
        app,
        envelope('page-vote', { answer: 'yes', extra: JSON.parse('{"a":'.repeat(20) + '1' + '}'.repeat(20)) }),
      );
      assert.equal(deep.statusCode, 422);
      for (let n = 0; n < 3; n += 1) await app.inject({ url: '/tally?page=x' }); // the third is 429
      assert.equal(
        (await app.inject({ url: '/admin/submissions', headers: { authorization: 'Bearer wrong' } })).statusCode,
        401,
      );
      assert.equal((await app.inject({ url: '/admin/submissions', headers: auth })).statusCode, 200);
      assert.equal((await app.inject({ url: '/nowhere' })).statusCode, 404);

      // A body that never finishes arriving: the HTTP server's own 408.
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address() as net.AddressInfo;
      await new Promise<void>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () =>
          socket.write(
            'POST /submissions HTTP/1.1\r\nHost: c\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
          ),
        );
        socket.on('data', () => undefined);
        socket.on('close', () => resolve());
      });

      const answer = await app.inject({ url: '/metrics', headers: scrape });
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
      assert.equal(answer.headers['cache-control'], 'no-store');
      const samples = parse(answer.body);

      assert.equal(
        value(samples, 'ep_http_requests_total', { method: 'POST', route: '/submissions', status: '201' }),
        3,
      );
      assert.equal(value(samples, 'ep_http_requests_total', { route: '/submissions', status: '422' }), 2);
      assert.equal(value(samples, 'ep_http_requests_total', { route: '/tally', status: '200' }), 2);
      assert.equal(value(samples, 'ep_http_requests_total', { route: '/tally', status: '429' }), 1);
      assert.equal(value(samples, 'ep_http_requests_total', { route: '/admin/submissions', status: '401' }), 1);
      assert.equal(value(samples, 'ep_http_requests_total', { route: 'unmatched', status: '404' }), 1);

      assert.equal(value(samples, 'ep_idempotent_replays_total'), 1);

      assert.equal(value(samples, 'ep_refusals_total', { status: '413', reason: 'too-large' }), 1);
      assert.equal(
        value(samples, 'ep_refusals_total', { status: '422', reason: 'invalid' }),
        1,
        'three invalid fields in one answer: once',
      );
      assert.equal(value(samples, 'ep_refusals_total', { status: '422', reason: 'too-deep' }), 1);
      assert.equal(value(samples, 'ep_refusals_total', { status: '429', reason: 'rate-limited' }), 1);
      assert.equal(value(samples, 'ep_refusals_total', { status: '401', reason: 'unauthorized' }), 1);
      assert.equal(value(samples, 'ep_refusals_total', { status: '408', reason: 'timeout' }), 1);
      assert.equal(value(samples, 'ep_refusals_total', { reason: 'not-found' }), 0, '404 is an answer, not a refusal');

      // accept ran for the two stored and the replay; the histogram's +Inf bucket is its count.
      assert.equal(value(samples, 'ep_store_operation_seconds_count', { operation: 'accept', outcome: 'ok' }), 3);
      assert.equal(
        value(samples, 'ep_store_operation_seconds_bucket', { operation: 'accept', outcome: 'ok', le: '+Inf' }),
        3,
      );
      assert.equal(
        value(samples, 'ep_http_requests_total', { status: '408' }),
        0,
        'the 408 is counted once, as a refusal',
      );
      assert.ok(value(samples, 'ep_store_operation_seconds_sum', { operation: 'accept' }) > 0);
      assert.ok(value(samples, 'ep_store_operation_seconds_count', { operation: 'tally' }) >= 2);
      assert.ok(value(samples, 'ep_event_loop_active_seconds_total') > 0);
      assert.ok(value(samples, 'process_start_time_seconds') > 1.7e9);
      assert.ok(!answer.body.includes(first.id as string), 'no client data in a label');
    } finally {
      await app.close();
      await opened.drop();
    }
  });

  it('answers only to EP_METRICS_TOKEN (not the admin token), and does not exist without it', async () => {
    const t = await openTestApp('sqlite', { metricsToken: METRICS_TOKEN });
    const off = await openTestApp('sqlite');
    try {
      assert.equal((await t.app.inject({ url: '/metrics' })).statusCode, 401);
      assert.equal(
        (await t.app.inject({ url: '/metrics', headers: auth })).statusCode,
        401,
        'the admin token reads no metrics',
      );
      assert.equal((await t.app.inject({ url: '/metrics', headers: scrape })).statusCode, 200);
      assert.equal((await off.app.inject({ url: '/metrics', headers: scrape })).statusCode, 404);
      // Guessing is limited like the administration's.
      for (let n = 0; n < 10; n += 1)
        await t.app.inject({
          url: '/metrics',
          remoteAddress: '203.0.113.77',
          headers: { authorization: `Bearer guess-${n}` },
        });
      const limited = await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.77', headers: scrape });
      assert.equal(limited.statusCode, 429);
      assert.match(String(limited.headers['retry-after']), /^\d+$/);
    } finally {
      await t.close();
      await off.close();
    }
  });

  it('is served under EP_BASE_PATH', async () => {
    const t = await openTestApp('sqlite', { metricsToken: METRICS_TOKEN, basePath: '/ep' });
    try {
      assert.equal((await t.app.inject({ url: '/ep/metrics', headers: scrape })).statusCode, 200);
    } finally {
      await t.close();
    }
  });
});
