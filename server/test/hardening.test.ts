/**
 * Hardening, over HTTP (on SQLite; none of it depends on the database): the CORS allow-list (including on
 * refusals, so that a browser can read a 422 or a 429), the per-client rate limit with 429 and Retry-After,
 * the body limit, security headers on every answer, no client address in the logs, 503 when the database
 * is unavailable and a bare 500 for anything unexpected, admin off without a token, and the configuration's
 * checks.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { StoreUnavailableError, type Store } from '../store/types.js';
import { contract, envelope, openTestApp, post, servedAdminFile, storedCount, testConfig } from './helpers.js';

const ORIGIN = 'https://www.example.gov.sa';

describe('CORS allow-list', () => {
  it("lets an allowed origin send (preflight with Idempotency-Key and the page's own header) and read refusals", async () => {
    const t = await openTestApp('sqlite', { allowedOrigins: [ORIGIN], allowedHeaders: ['x-csrf-token'] });
    try {
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/submissions',
        headers: {
          origin: ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key,x-csrf-token',
        },
      });
      assert.equal(preflight.statusCode, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], ORIGIN);
      assert.deepEqual(String(preflight.headers['access-control-allow-headers']).split(/,\s*/), [
        'content-type',
        'idempotency-key',
        'x-csrf-token',
      ]);
      assert.equal(preflight.headers['access-control-allow-credentials'], undefined);

      const stored = await post(t.app, envelope('page-vote'), { origin: ORIGIN });
      assert.equal(stored.statusCode, 201);
      assert.equal(stored.headers['access-control-allow-origin'], ORIGIN);
      assert.match(String(stored.headers['access-control-expose-headers']), /retry-after/);
      const refused = await post(t.app, envelope('page-vote', { answer: 'maybe' }), { origin: ORIGIN });
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.headers['access-control-allow-origin'], ORIGIN, 'the element can read the field errors');

      const other = await post(t.app, envelope('page-vote'), { origin: 'https://evil.example' });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
      const otherPreflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/submissions',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(otherPreflight.headers['access-control-allow-origin'], undefined);
    } finally {
      await t.close();
    }
  });

  it('allows no other origin by default', async () => {
    const t = await openTestApp('sqlite');
    try {
      const response = await post(t.app, envelope('page-vote'), { origin: ORIGIN });
      assert.equal(response.headers['access-control-allow-origin'], undefined);
    } finally {
      await t.close();
    }
  });
});

describe('rate limit per client', () => {
  it('answers 429 with Retry-After past the limit, storing nothing, per client and per route group', async () => {
    const t = await openTestApp('sqlite', {
      rateLimit: { submissions: 3, reads: 2, admin: 0 },
      allowedOrigins: [ORIGIN],
    });
    try {
      const answers = [];
      for (let n = 0; n < 3; n += 1)
        answers.push((await post(t.app, envelope('page-vote'), { origin: ORIGIN })).statusCode);
      assert.deepEqual(answers, [201, 201, 201]);
      const count = await storedCount(t);
      const limited = await post(t.app, envelope('page-vote'), { origin: ORIGIN });
      assert.equal(limited.statusCode, 429);
      assert.match(String(limited.headers['retry-after']), /^\d+$/);
      assert.ok(Number(limited.headers['retry-after']) > 0 && Number(limited.headers['retry-after']) <= 60);
      assert.equal(typeof limited.json().message, 'string');
      assert.equal(
        limited.headers['access-control-allow-origin'],
        ORIGIN,
        'the element sees a 429, not a network error',
      );
      assert.equal(limited.headers['x-content-type-options'], 'nosniff');
      assert.equal(await storedCount(t), count);

      // Another client is not held back by the first; reads have their own allowance.
      const other = await t.app.inject({
        method: 'POST',
        url: '/submissions',
        remoteAddress: '192.0.2.7',
        headers: { 'content-type': 'application/json' },
        payload: envelope('page-vote'),
      });
      assert.equal(other.statusCode, 201);
      const reads = [];
      for (let n = 0; n < 3; n += 1)
        reads.push((await t.app.inject({ url: '/tally?page=https%3A%2F%2Fx.sa%2F' })).statusCode);
      assert.deepEqual(reads, [200, 200, 429]);
    } finally {
      await t.close();
    }
  });

  it('tells clients apart by X-Forwarded-For only behind a trusted proxy', async () => {
    // inject() connects from 127.0.0.1: the proxy here.
    const behind = await openTestApp('sqlite', {
      rateLimit: { submissions: 1, reads: 0, admin: 0 },
      trustProxy: ['127.0.0.1'],
    });
    const direct = await openTestApp('sqlite', { rateLimit: { submissions: 1, reads: 0, admin: 0 } });
    try {
      const send = (t: typeof behind, forwarded: string) =>
        post(t.app, envelope('page-vote'), { 'x-forwarded-for': forwarded });
      assert.equal((await send(behind, '198.51.100.1')).statusCode, 201);
      assert.equal((await send(behind, '198.51.100.2')).statusCode, 201);
      assert.equal((await send(behind, '198.51.100.1')).statusCode, 429);
      // Not behind a trusted proxy, a forged header changes nothing.
      assert.equal((await send(direct, '198.51.100.1')).statusCode, 201);
      assert.equal((await send(direct, '198.51.100.2')).statusCode, 429);
    } finally {
      await behind.close();
      await direct.close();
    }
  });
});

describe('limits, headers and failures', () => {
  it('refuses a body over EP_BODY_LIMIT with 413', async () => {
    const t = await openTestApp('sqlite', { bodyLimit: 2048 });
    try {
      const big = envelope('feedback', { type: { code: 'x', label: 'x' }, message: 'م'.repeat(1200) });
      const response = await post(t.app, big);
      assert.equal(response.statusCode, 413);
      assert.deepEqual(Object.keys(response.json()), ['message']);
      assert.equal(await storedCount(t), 0);
    } finally {
      await t.close();
    }
  });

  it('sends the security headers on every answer, refusals and unknown paths included', async () => {
    const t = await openTestApp('sqlite');
    try {
      const answers = [
        await post(t.app, envelope('page-vote')),
        await post(t.app, '{'),
        await post(t.app, envelope('page-vote', { answer: 1 })),
        await t.app.inject({ url: '/nothing-here' }),
        await t.app.inject({ url: '/tally?page=x' }),
      ];
      assert.deepEqual(
        answers.map((response) => response.statusCode),
        [201, 400, 422, 404, 200],
      );
      for (const response of answers) {
        assert.equal(response.headers['x-content-type-options'], 'nosniff');
        assert.equal(
          response.headers['content-security-policy'],
          "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
        );
        assert.equal(response.headers['x-frame-options'], 'DENY');
        assert.equal(response.headers['referrer-policy'], 'no-referrer');
        assert.equal(response.headers['cache-control'], 'no-store');
        assert.match(String(response.headers['strict-transport-security']), /^max-age=\d+/);
        assert.match(String(response.headers['content-type']), /^application\/json/);
      }
    } finally {
      await t.close();
    }
  });

  it('logs requests without the client address', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const t = await openTestApp('sqlite');
    const app = await buildApp({ config: testConfig(), store: t.store, contract: contract(), logger: { stream } });
    try {
      await app.inject({
        method: 'POST',
        url: '/submissions',
        remoteAddress: '203.0.113.9',
        headers: { 'content-type': 'application/json' },
        payload: envelope('page-vote'),
      });
      await app.inject({ url: '/tally?page=https%3A%2F%2Fx.sa%2F%3Fvisitor%3D1', remoteAddress: '203.0.113.9' });
      assert.ok(lines.length >= 4, 'requests were logged');
      assert.ok(
        lines.every((line) => !line.includes('203.0.113.9')),
        lines.join(''),
      );
      assert.ok(
        lines.every((line) => !line.includes('visitor')),
        'query strings are not logged',
      );
    } finally {
      await app.close();
      await t.close();
    }
  });

  it('answers 503 with Retry-After when the database is unavailable, and a bare 500 for anything unexpected', async () => {
    const failing = (error: Error): Store => ({
      dialect: 'sqlite',
      accept: () => Promise.reject(error),
      tally: () => Promise.reject(error),
      list: () => Promise.reject(error),
      all: () => Promise.reject(error),
      batch: () => Promise.reject(error),
      ping: () => Promise.reject(error),
      close: () => Promise.resolve(),
    });
    const down = await buildApp({
      config: testConfig(),
      store: failing(new StoreUnavailableError(new Error('connect ECONNREFUSED'))),
      contract: contract(),
    });
    const broken = await buildApp({
      config: testConfig(),
      store: failing(new Error('relation "secret_table" does not exist')),
      contract: contract(),
    });
    try {
      for (const response of [
        await post(down, envelope('feedback')),
        await down.inject({ url: '/tally?page=x' }),
        await down.inject({ url: '/health' }),
      ]) {
        assert.equal(response.statusCode, 503);
        assert.equal(response.headers['retry-after'], '5');
      }
      const failed = await post(broken, envelope('feedback'));
      assert.equal(failed.statusCode, 500);
      assert.deepEqual(
        failed.json(),
        { message: 'The collector failed; try again later.' },
        'nothing of the error leaks',
      );
    } finally {
      await down.close();
      await broken.close();
    }
  });

  it('has no admin paths without EP_ADMIN_TOKEN', async () => {
    const t = await openTestApp('sqlite', { adminToken: undefined });
    try {
      const response = await t.app.inject({
        url: '/admin/submissions',
        headers: { authorization: 'Bearer anything-at-all-long-enough' },
      });
      assert.equal(response.statusCode, 404);
    } finally {
      await t.close();
    }
  });

  it('serves the inbox page without data and without the token, under its own CSP; its script writes only text', async () => {
    const t = await openTestApp('sqlite', { basePath: '/ep' });
    try {
      const page = await servedAdminFile(t.app, '/ep/admin/', /^text\/html/);
      assert.match(page.body, /<option value="page-vote-details">page-vote-details<\/option>/);
      const script = await servedAdminFile(t.app, '/ep/admin/inbox.js', /^text\/javascript/);
      assert.doesNotMatch(script.body, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
      assert.equal(
        (await t.app.inject({ url: '/ep/admin/submissions' })).statusCode,
        401,
        'the data still needs the token',
      );
    } finally {
      await t.close();
    }
    const off = await openTestApp('sqlite', { adminToken: undefined });
    try {
      assert.equal((await off.app.inject({ url: '/admin/' })).statusCode, 404);
    } finally {
      await off.close();
    }
  });

  it('serves the contract under EP_BASE_PATH', async () => {
    const t = await openTestApp('sqlite', { basePath: '/ep' });
    try {
      const response = await t.app.inject({
        method: 'POST',
        url: '/ep/submissions',
        headers: { 'content-type': 'application/json' },
        payload: envelope('page-vote'),
      });
      assert.equal(response.statusCode, 201);
      assert.equal((await t.app.inject({ url: '/ep/tally?page=x' })).statusCode, 200);
      assert.equal((await t.app.inject({ url: '/tally?page=x' })).statusCode, 404);
    } finally {
      await t.close();
    }
  });
});

describe('configuration from the environment', () => {
  it('has working defaults and refuses unsafe or malformed values', () => {
    const config = loadConfig({});
    assert.equal(config.port, 8787);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.sqlitePath, 'data/collector.sqlite');
    assert.equal(config.bodyLimit, 65536);
    assert.deepEqual(config.allowedOrigins, []);
    assert.equal(config.adminToken, undefined);
    assert.deepEqual(loadConfig({ EP_ALLOWED_ORIGINS: ' https://a.sa , https://b.sa ' }).allowedOrigins, [
      'https://a.sa',
      'https://b.sa',
    ]);
    assert.deepEqual(loadConfig({ EP_TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy, ['10.0.0.0/8', 'loopback']);
    assert.throws(() => loadConfig({ EP_TRUST_PROXY: 'true' }), /EP_TRUST_PROXY/);
    assert.throws(() => loadConfig({ EP_METRICS_TOKEN: 'short' }), /EP_METRICS_TOKEN/);
    assert.equal(loadConfig({ EP_BASE_PATH: '/ep/' }).basePath, '/ep');
    assert.throws(() => loadConfig({ EP_ADMIN_TOKEN: 'short' }), /EP_ADMIN_TOKEN/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
    assert.throws(() => loadConfig({ EP_RATE_LIMIT: '-1' }), /EP_RATE_LIMIT/);
    assert.throws(() => loadConfig({ EP_BASE_PATH: 'ep' }), /EP_BASE_PATH/);
  });
});
