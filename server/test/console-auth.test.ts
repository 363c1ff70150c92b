/**
 * Console sign-in (issue 17): scrypt hashes, sessions in HttpOnly/Secure/SameSite=Strict cookies, CSRF and
 * Origin on every change, roles per route (a viewer changes nothing), failed sign-ins limited per client
 * and per name, the last administrator kept, and the audit log; on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, verifyPassword } from '../console/auth/password.js';
import { loadConfig } from '../config.js';
import { loadOpenApi } from '../contract.js';
import { placeholders } from '../store/sql.js';
import { changeAccount } from '../console/auth/accounts.js';
import { ADMIN_TOKEN, DIALECTS, auth, openTestStore, suiteApp, valid } from './helpers.js';
import { API, PASSWORD, account, auditRows, routesOf, signIn, signedIn } from './console-auth-helpers.js';

describe('console passwords', () => {
  it('are scrypt hashes with their parameters and a salt of their own; only the right password verifies', async () => {
    const one = await hashPassword('correct horse battery');
    const two = await hashPassword('correct horse battery');
    assert.match(one, /^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.notEqual(one, two, 'salted');
    assert.equal(await verifyPassword('correct horse battery', one), true);
    assert.equal(await verifyPassword('correct horse batterY', one), false);
    assert.equal(await verifyPassword('correct horse battery', 'md5$whatever'), false);
    // Parameters are read from the hash: a cheaper one made earlier still verifies.
    const cheap = await hashPassword('correct horse battery', { N: 1024, r: 8, p: 1 });
    assert.match(cheap, /^scrypt\$1024\$8\$1\$/);
    assert.equal(await verifyPassword('correct horse battery', cheap), true);
  });

  it('session settings come from EP_CONSOLE_SESSION_HOURS and EP_CONSOLE_IDLE_MINUTES, checked', () => {
    assert.deepEqual(loadConfig({}).consoleSession, { hours: 12, idleMinutes: 30 });
    assert.deepEqual(loadConfig({ EP_CONSOLE_SESSION_HOURS: '8', EP_CONSOLE_IDLE_MINUTES: '15' }).consoleSession, {
      hours: 8,
      idleMinutes: 15,
    });
    assert.throws(() => loadConfig({ EP_CONSOLE_SESSION_HOURS: '0' }), /EP_CONSOLE_SESSION_HOURS/);
    assert.throws(() => loadConfig({ EP_CONSOLE_IDLE_MINUTES: 'soon' }), /EP_CONSOLE_IDLE_MINUTES/);
  });
});

for (const dialect of DIALECTS) {
  describe(`console sign-in on ${dialect}`, () => {
    const t = suiteApp(dialect);

    it('signs in: an HttpOnly, Secure, SameSite=Strict cookie for the console; who-am-I; sign-out', async () => {
      await account(t.store, 'Amal.Harbi', 'moderator');
      const answer = await signIn(t.app, 'AMAL.harbi');
      assert.equal(answer.statusCode, 200, answer.body);
      valid('ConsoleSession', answer.json());
      assert.equal(answer.json().name, 'amal.harbi', 'names are one whatever their case');
      assert.equal(answer.json().role, 'moderator');
      const header = String(answer.headers['set-cookie']);
      assert.match(header, /^ep_console_session=[A-Za-z0-9_-]{43};/, 'a 256-bit id');
      for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/console', 'Max-Age=43200'])
        assert.ok(header.includes(attribute), `${attribute} in ${header}`);
      assert.equal(answer.headers['cache-control'], 'no-store');

      const id = answer.cookies[0]!.value;
      const stored = await t.sql<{ id_hash: string }>('SELECT id_hash FROM console_sessions');
      assert.equal(stored.length, 1);
      assert.match(stored[0]!.id_hash, /^[0-9a-f]{64}$/);
      assert.ok(!JSON.stringify(stored).includes(id), 'only the hash of the id is stored');

      const me = await t.app.inject({ url: `${API}/session`, cookies: { ep_console_session: id } });
      assert.equal(me.statusCode, 200);
      assert.deepEqual(
        { ...me.json<object>(), expiresAt: undefined },
        { ...answer.json<object>(), expiresAt: undefined },
      );

      const out = await t.app.inject({
        method: 'DELETE',
        url: `${API}/session`,
        cookies: { ep_console_session: id },
        headers: { 'x-csrf-token': answer.json().csrfToken },
      });
      assert.equal(out.statusCode, 204);
      assert.match(String(out.headers['set-cookie']), /^ep_console_session=;.*Expires=Thu, 01 Jan 1970/);
      assert.equal((await t.sql('SELECT id_hash FROM console_sessions')).length, 0, 'ended on the server');
      assert.equal(
        (await t.app.inject({ url: `${API}/session`, cookies: { ep_console_session: id } })).statusCode,
        401,
        'the old cookie signs no one in',
      );
      assert.equal((await t.app.inject({ url: `${API}/session` })).statusCode, 401);
    });

    it('answers a wrong password, an unknown name, a disabled account alike; no password logged', async () => {
      await account(t.store, 'sara', 'viewer');
      await account(t.store, 'gone', 'viewer');
      const bearerDisable = await t.app.inject({
        method: 'PATCH',
        url: `${API}/accounts/gone`,
        headers: auth,
        payload: { disabled: true },
      });
      assert.equal(bearerDisable.statusCode, 200, bearerDisable.body);

      const answers = [
        await signIn(t.app, 'sara', 'not the password at all', '192.0.2.31'),
        await signIn(t.app, 'nobody', PASSWORD, '192.0.2.32'),
        await signIn(t.app, 'gone', PASSWORD, '192.0.2.33'),
      ];
      for (const answer of answers) {
        assert.equal(answer.statusCode, 401);
        assert.deepEqual(answer.json(), { message: 'The name or the password is wrong.' });
        assert.equal(answer.headers['set-cookie'], undefined);
      }
      const rows = await auditRows((text) => t.sql(text));
      const failed = rows.filter((row) => row.action === 'console.sign-in.failed');
      assert.deepEqual(
        failed.map((row) => [row.actor, row.status]),
        [
          ['sara', 401],
          ['nobody', 401],
          ['gone', 401],
        ],
      );
      assert.ok(!JSON.stringify(rows).includes('not the password'), 'no password in the log');
      assert.ok(
        rows.some((row) => row.action === 'console.sign-in' && row.actor === 'amal.harbi' && row.status === 200),
      );
      assert.ok(
        rows.some((row) => row.action === 'console.sign-out' && row.actor === 'amal.harbi' && row.status === 204),
      );
      assert.ok(
        rows.some(
          (row) =>
            row.action === 'console.account.change' &&
            row.actor === 'token' &&
            row.target === 'gone' &&
            row.detail === '{"disabled":"true"}',
        ),
      );
    });

    it('takes about as long for an unknown name as for a known one (a decoy hash is verified)', async () => {
      const time = async (name: string, address: string) => {
        const start = process.hrtime.bigint();
        assert.equal((await signIn(t.app, name, 'wrong wrong wrong', address)).statusCode, 401);
        return Number(process.hrtime.bigint() - start) / 1e6;
      };
      await time('nobody-warm', '192.0.2.40');
      const known: number[] = [];
      const unknown: number[] = [];
      for (let n = 0; n < 3; n += 1) {
        known.push(await time('sara', `192.0.2.4${n + 1}`));
        unknown.push(await time(`nobody-${n}`, `192.0.2.5${n + 1}`));
      }
      const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
      // Both run one scrypt verification (~100 ms); without the decoy an unknown name would answer in ~1 ms.
      assert.ok(median(unknown) > median(known) / 3, `unknown ${median(unknown)} ms vs known ${median(known)} ms`);
    });

    it("refuses a change without the CSRF token, with a wrong or another session's, from another Origin", async () => {
      await account(t.store, 'root', 'administrator');
      const admin = await signedIn(t.app, 'root');
      const other = await signedIn(t.app, 'sara');
      const add = (headers: Record<string, string>) =>
        t.app.inject({
          method: 'POST',
          url: `${API}/accounts`,
          cookies: { ep_console_session: admin.cookie },
          headers,
          payload: { name: 'csrf-victim', role: 'administrator', password: PASSWORD },
        });
      for (const headers of <Record<string, string>[]>[
        {},
        { 'x-csrf-token': 'guess' },
        { 'x-csrf-token': other.csrf },
        { 'x-csrf-token': admin.csrf, origin: 'https://evil.example' },
      ]) {
        const answer = await add(headers);
        assert.equal(answer.statusCode, 403, JSON.stringify(headers));
      }
      assert.equal(
        (await t.sql("SELECT name FROM console_accounts WHERE name = 'csrf-victim'")).length,
        0,
        'nothing was added',
      );
      const signOut = await t.app.inject({
        method: 'DELETE',
        url: `${API}/session`,
        cookies: { ep_console_session: admin.cookie },
      });
      assert.equal(signOut.statusCode, 403, 'signing out needs the token too');
      assert.equal(
        (await add({ 'x-csrf-token': admin.csrf, origin: 'http://localhost:80' })).statusCode,
        201,
        "the console's own origin",
      );
    });

    it('lets a viewer read but change nothing: every non-GET console route answers 403, nothing changes', async () => {
      const viewer = await signedIn(t.app, 'sara');
      assert.equal((await viewer.inject({ method: 'GET', url: `${API}/session` })).statusCode, 200);
      // Every route the app has, not only those the contract names: a route added later is covered too.
      const changes = routesOf(t.app)
        .filter(({ url }) => url.startsWith('/console/api/'))
        .flatMap(({ url, methods }) =>
          methods.filter((m) => !['GET', 'HEAD'].includes(m)).map((method) => ({ method, url })),
        )
        .filter(({ method, url }) => url !== '/console/api/session' || !['POST', 'DELETE'].includes(method));
      assert.deepEqual(
        changes.map(({ method, url }) => `${method} ${url.replace(/:(\w+)/g, '{$1}')}`).sort(),
        consoleChanges()
          .map(({ method, url }) => `${method} ${url}`)
          .sort(),
        'the same changes as the contract names',
      );
      assert.ok(changes.length >= 2, 'the accounts routes at least');
      const before = await t.sql('SELECT name, role, disabled, password_hash FROM console_accounts ORDER BY name');
      for (const { method, url } of changes) {
        const answer = await viewer.inject({
          method,
          url: url.replace(/:\w+/g, 'root'),
          payload: { name: 'x', role: 'administrator', password: PASSWORD, disabled: true },
        });
        assert.equal(answer.statusCode, 403, `${method} ${url}`);
      }
      assert.deepEqual(
        await t.sql('SELECT name, role, disabled, password_hash FROM console_accounts ORDER BY name'),
        before,
      );
      const moderator = await signedIn(t.app, 'amal.harbi');
      assert.equal(
        (await moderator.inject({ method: 'GET', url: `${API}/accounts` })).statusCode,
        403,
        "accounts are administrators'",
      );
    });

    it('lets an administrator (or the token) manage accounts; a new role or password ends sessions', async () => {
      const admin = await signedIn(t.app, 'root');
      const list = await admin.inject({ method: 'GET', url: `${API}/accounts` });
      assert.equal(list.statusCode, 200);
      for (const item of list.json()) valid('ConsoleAccount', item);
      assert.ok(!list.body.includes('scrypt'), 'no hashes answered');

      const added = await admin.inject({
        method: 'POST',
        url: `${API}/accounts`,
        payload: { name: 'Noura', displayName: 'نورة', role: 'viewer', password: PASSWORD },
      });
      assert.equal(added.statusCode, 201, added.body);
      assert.equal(
        (
          await admin.inject({
            method: 'POST',
            url: `${API}/accounts`,
            payload: { name: 'NOURA', role: 'viewer', password: PASSWORD },
          })
        ).statusCode,
        409,
      );
      assert.equal(
        (
          await admin.inject({
            method: 'POST',
            url: `${API}/accounts`,
            payload: { name: 'short', role: 'viewer', password: 'too short' },
          })
        ).statusCode,
        422,
      );
      assert.equal(
        (await admin.inject({ method: 'PATCH', url: `${API}/accounts/nobody`, payload: { disabled: true } }))
          .statusCode,
        404,
      );

      const noura = await signedIn(t.app, 'noura');
      const promoted = await admin.inject({
        method: 'PATCH',
        url: `${API}/accounts/noura`,
        payload: { role: 'moderator' },
      });
      assert.equal(promoted.json().role, 'moderator');
      assert.equal(
        (await noura.inject({ method: 'GET', url: `${API}/session` })).statusCode,
        401,
        'a new role: sign in again',
      );
      const reset = await t.app.inject({
        method: 'PATCH',
        url: `${API}/accounts/noura`,
        headers: auth,
        payload: { password: 'another long passphrase' },
      });
      assert.equal(reset.statusCode, 200, 'the bearer token needs no CSRF token');
      assert.equal((await signIn(t.app, 'noura')).statusCode, 401, 'the old password no longer works');
      assert.equal((await signIn(t.app, 'noura', 'another long passphrase')).statusCode, 200);

      const rows = await auditRows((text) => t.sql(text));
      const change = rows.filter((row) => row.target === 'noura' && row.action.startsWith('console.account'));
      assert.deepEqual(
        change.map((row) => [row.actor, row.action, row.detail, row.status]),
        [
          ['root', 'console.account.add', '{"role":"viewer"}', 201],
          ['root', 'console.account.add', '{"role":"viewer"}', 409],
          ['root', 'console.account.change', '{"role":"moderator"}', 200],
          ['token', 'console.account.change', '{"password":"reset"}', 200],
        ],
      );
      assert.ok(!JSON.stringify(rows).includes('another long'), 'no password in the log');
      assert.equal(
        (await t.app.inject({ url: `${API}/accounts`, headers: { authorization: 'Bearer wrong' } })).statusCode,
        401,
      );
      assert.equal(
        (await t.app.inject({ url: `${API}/accounts`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }))
          .statusCode,
        200,
      );
    });

    it('keeps the last enabled administrator: it cannot be demoted or disabled until another exists', async () => {
      // root and csrf-victim are administrators: disable csrf-victim, then root is the last one.
      assert.equal(
        (
          await t.app.inject({
            method: 'PATCH',
            url: `${API}/accounts/csrf-victim`,
            headers: auth,
            payload: { disabled: true },
          })
        ).statusCode,
        200,
      );
      const admin = await signedIn(t.app, 'root');
      for (const payload of [{ role: 'moderator' }, { disabled: true }]) {
        const answer = await admin.inject({ method: 'PATCH', url: `${API}/accounts/root`, payload });
        assert.equal(answer.statusCode, 409, JSON.stringify(payload));
      }
      assert.equal(
        (
          await t.app.inject({
            method: 'PATCH',
            url: `${API}/accounts/root`,
            headers: auth,
            payload: { role: 'viewer' },
          })
        ).statusCode,
        409,
        'nor by the token',
      );
      assert.equal(
        (await admin.inject({ method: 'PATCH', url: `${API}/accounts/noura`, payload: { role: 'administrator' } }))
          .statusCode,
        200,
      );
      assert.equal(
        (await admin.inject({ method: 'PATCH', url: `${API}/accounts/root`, payload: { role: 'moderator' } }))
          .statusCode,
        200,
        'another administrator exists now',
      );
    });

    it('keeps one administrator when the last two demote or disable each other at the same moment', async () => {
      const opened = await openTestStore(dialect);
      try {
        for (let round = 0; round < 5; round++) {
          const [a, b] = [`twin-a-${round}`, `twin-b-${round}`];
          await account(opened.store, a, 'administrator');
          await account(opened.store, b, 'administrator');
          if (round > 0) {
            // Only the two of this round are enabled administrators.
            await opened.store.batch([
              {
                sql: "UPDATE console_accounts SET disabled = 1 WHERE role = 'administrator' AND name NOT IN (?, ?)",
                params: [a, b],
              },
            ]);
          }
          const at = new Date();
          const results = await Promise.all([
            changeAccount(opened.store, a, { role: 'moderator' }, at),
            changeAccount(opened.store, b, round % 2 ? { disabled: true } : { role: 'viewer' }, at),
          ]);
          assert.equal(results.filter((result) => 'lastAdministrator' in result).length, 1, `round ${round}`);
          const [left] = await opened.store.all<{ n: number | string }>({
            sql: "SELECT count(*) AS n FROM console_accounts WHERE role = 'administrator' AND disabled = 0",
            params: [],
          });
          assert.equal(Number(left!.n), 1, `round ${round}: one administrator left`);
        }
      } finally {
        await opened.drop();
      }
    });

    it('ends a session idle too long, and one past its absolute end', async () => {
      const viewer = await signedIn(t.app, 'sara');
      const long = new Date(Date.now() - 31 * 60_000).toISOString();
      await t.sql(placeholders('UPDATE console_sessions SET last_seen_at = ? RETURNING id_hash', dialect), [long]);
      assert.equal((await viewer.inject({ method: 'GET', url: `${API}/session` })).statusCode, 401, 'idle');
      const again = await signedIn(t.app, 'sara');
      await t.sql(placeholders('UPDATE console_sessions SET expires_at = ? RETURNING id_hash', dialect), [
        new Date(Date.now() - 1000).toISOString(),
      ]);
      assert.equal((await again.inject({ method: 'GET', url: `${API}/session` })).statusCode, 401, 'absolute');
    });
  });
}

/** The contract's console operations that may change something (all but GET), sign-in and sign-out aside. */
function consoleChanges(): Array<{ method: string; url: string }> {
  const doc = loadOpenApi().paths;
  return Object.entries(doc)
    .filter(([path]) => path.startsWith('/console/api/'))
    .flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method: method.toUpperCase(), url: path })),
    )
    .filter(({ url }) => url !== '/console/api/session');
}

describe('console sign-in under a base path', () => {
  const t = suiteApp('sqlite', { basePath: '/ep' });

  it('serves the console API under it, and the cookie goes to {basePath}/console only', async () => {
    await account(t.store, 'lina', 'viewer');
    const answer = await t.app.inject({
      method: 'POST',
      url: '/ep/console/api/session',
      payload: { name: 'lina', password: PASSWORD },
    });
    assert.equal(answer.statusCode, 200, answer.body);
    assert.match(String(answer.headers['set-cookie']), /; Path=\/ep\/console;/);
    const cookies = { ep_console_session: answer.cookies[0]!.value };
    assert.equal((await t.app.inject({ url: '/ep/console/api/session', cookies })).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/console/api/session', cookies })).statusCode, 404);
  });
});
