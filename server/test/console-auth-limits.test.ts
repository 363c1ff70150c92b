/**
 * Failed console sign-ins are limited per client and per account name (sign-in-limit.ts's windows): past ten
 * a minute, 429 with Retry-After, even for the right password; on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIALECTS, suiteApp } from './helpers.js';
import { account, signIn } from './console-auth-helpers.js';

for (const dialect of DIALECTS) {
  describe(`console sign-in limits on ${dialect}`, () => {
    const t = suiteApp(dialect);

    it('holds back one client guessing many names, and then even its right password; other clients pass', async () => {
      await account(t.store, 'huda', 'viewer');
      const statuses: number[] = [];
      for (let n = 0; n < 11; n += 1)
        statuses.push((await signIn(t.app, `guess-${n}`, 'wrong password', '198.51.100.7')).statusCode);
      assert.deepEqual(statuses, [...Array<number>(10).fill(401), 429]);
      const held = await signIn(t.app, 'huda', undefined, '198.51.100.7');
      assert.equal(held.statusCode, 429, 'the right password waits too');
      const wait = Number(held.headers['retry-after']);
      assert.ok(wait >= 1 && wait <= 60, `Retry-After ${String(held.headers['retry-after'])}`);
      assert.equal((await signIn(t.app, 'huda', undefined, '198.51.100.8')).statusCode, 200, 'another client signs in');
    });

    it('holds back one name guessed from many clients, whatever its case; other names pass', async () => {
      await account(t.store, 'reem', 'viewer');
      const statuses: number[] = [];
      for (let n = 0; n < 11; n += 1)
        statuses.push(
          (await signIn(t.app, n % 2 ? 'REEM' : 'reem', 'wrong password', `203.0.113.${n + 1}`)).statusCode,
        );
      assert.deepEqual(statuses, [...Array<number>(10).fill(401), 429]);
      const held = await signIn(t.app, 'reem', undefined, '203.0.113.99');
      assert.equal(held.statusCode, 429);
      assert.ok(Number(held.headers['retry-after']) >= 1);
      assert.equal(
        (await signIn(t.app, 'huda', undefined, '203.0.113.99')).statusCode,
        200,
        'another name from a new client',
      );
    });
  });
}
