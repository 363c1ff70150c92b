/**
 * Admin token guessing (issue 12, item 4): failed sign-ins count per client before the 401 is answered,
 * and past ten a minute the client gets 429 with Retry-After, whatever token it sends; failures are logged
 * without the token. The limiter's window, on a clock of its own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApp } from '../app.js';
import { SignInLimiter } from '../sign-in-limit.js';
import { ADMIN_TOKEN, auth, contract, openLoggedApp, openTestStore, testConfig } from './helpers.js';

describe('admin sign-in failures', () => {
  it('400 wrong tokens from one client: ten 401s, then 429 with Retry-After; the right token waits too; other clients are not held back; logs hold no token', async () => {
    const lines: string[] = [];
    // The general admin rate limit is off, so that only the sign-in limit can answer 429.
    const { app, close } = await openLoggedApp(lines);
    const guess = (token: string, remoteAddress = '203.0.113.5') =>
      app.inject({ url: '/admin/submissions', remoteAddress, headers: { authorization: `Bearer ${token}` } });
    try {
      const statuses = new Map<number, number>();
      let firstLimited: Awaited<ReturnType<typeof guess>> | undefined;
      for (let n = 0; n < 400; n += 1) {
        const answer = await guess(`wrong-guess-${n}-0123456789abcdef`);
        statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
        if (answer.statusCode === 429) firstLimited ??= answer;
      }
      assert.deepEqual(Object.fromEntries(statuses), { 401: 10, 429: 390 });
      const retryAfter = Number(firstLimited!.headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${String(firstLimited!.headers['retry-after'])}`);
      assert.match(firstLimited!.json().message, /Too many failed sign-ins/);

      // A right guess is not told apart from a wrong one while the client is refused.
      assert.equal((await guess(ADMIN_TOKEN)).statusCode, 429);
      const missing = await app.inject({ url: '/admin/submissions', remoteAddress: '203.0.113.5' });
      assert.equal(missing.statusCode, 429, 'no token at all is a failure too');
      // Another client signs in.
      assert.equal((await guess(ADMIN_TOKEN, '198.51.100.20')).statusCode, 200);

      const failures = lines.filter((line) => line.includes('admin sign-in failed'));
      assert.equal(failures.length, 10, 'each failure is logged');
      assert.match(failures[9]!, /"failures":10/);
      const all = lines.join('');
      assert.ok(!all.includes('wrong-guess-'), 'no guessed token in the logs');
      assert.ok(!all.includes(ADMIN_TOKEN), 'nor the right one');
      assert.ok(!all.includes('203.0.113.5'), 'nor the address');
    } finally {
      await close();
    }
  });

  it('counts a missing token as a failure, and forgives earlier mistakes after a right token', async () => {
    const opened = await openTestStore('sqlite');
    const app = await buildApp({ config: testConfig(), store: opened.store, contract: contract() });
    try {
      for (let n = 0; n < 9; n += 1) assert.equal((await app.inject({ url: '/admin/consultations' })).statusCode, 401);
      assert.equal((await app.inject({ url: '/admin/consultations', headers: auth })).statusCode, 200);
      for (let n = 0; n < 10; n += 1)
        assert.equal(
          (await app.inject({ url: '/admin/consultations', headers: { authorization: 'Bearer nope' } })).statusCode,
          401,
        );
      assert.equal((await app.inject({ url: '/admin/consultations', headers: auth })).statusCode, 429);
    } finally {
      await app.close();
      await opened.drop();
    }
  });

  it('lets a client try again once its window has passed (SignInLimiter on a test clock)', () => {
    let now = 1_000_000;
    const limiter = new SignInLimiter({ max: 3, windowMs: 60_000 }, () => now);
    for (let n = 1; n <= 3; n += 1) {
      assert.equal(limiter.retryAfter('a'), 0);
      assert.equal(limiter.fail('a'), n);
    }
    assert.equal(limiter.retryAfter('a'), 60);
    assert.equal(limiter.retryAfter('b'), 0, 'per client');
    now += 45_500;
    assert.equal(limiter.retryAfter('a'), 15);
    now += 14_500;
    assert.equal(limiter.retryAfter('a'), 0, 'the window has passed');
    assert.equal(limiter.fail('a'), 1, 'a new window');
  });
});
