/**
 * `npm run collector:user`, spawned as the operator runs it, against a SQLite file: the first administrator
 * (password on stdin), list, a new password, disable (never the last administrator); the collector then
 * signs them in, and the audit log names the command line.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { buildApp } from '../app.js';
import { SqliteStore } from '../store/sqlite.js';
import { contract, suiteFolder, testConfig } from './helpers.js';
import { signIn } from './console-auth-helpers.js';

describe('collector:user', () => {
  const path = suiteFolder('ep-console-cli-');

  const user = (args: string[], input = '') => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/console/auth/user-cli.ts', ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, EP_SQLITE_PATH: path('collector.sqlite'), DATABASE_URL: '' },
    });
    return { status: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
  };

  it('adds the first administrator from stdin, lists, sets a new password, keeps the last administrator', async () => {
    assert.deepEqual(
      user(['add', 'Khalid', '--role', 'administrator', '--display-name', 'خالد'], 'first passphrase here\n'),
      { status: 0, out: 'added khalid (administrator)', err: '' },
    );
    assert.equal(
      user(['add', 'KHALID', '--role', 'viewer'], 'first passphrase here\n').status,
      2,
      'the name is taken in any case',
    );
    assert.match(user(['add', 'weak'], 'short\n').err, /at least 12 characters/);
    assert.match(user(['add', 'x', '--role', 'boss'], 'first passphrase here\n').err, /--role must be/);
    assert.equal(user(['frobnicate', 'x']).status, 2);
    assert.deepEqual(user(['list']), { status: 0, out: 'khalid\tadministrator\tenabled\tخالد', err: '' });
    assert.equal(user(['passwd', 'khalid'], 'second passphrase here\n').status, 0);
    const last = user(['disable', 'khalid']);
    assert.equal(last.status, 2);
    assert.match(last.err, /last enabled administrator/);

    const store = new SqliteStore(path('collector.sqlite'));
    const app = await buildApp({ config: testConfig(), store, contract: contract() });
    try {
      assert.equal((await signIn(app, 'khalid', 'first passphrase here')).statusCode, 401);
      const answer = await signIn(app, 'Khalid', 'second passphrase here');
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.json().role, 'administrator');
      const audit = store.raw("SELECT actor, action, target FROM audit_log WHERE actor = 'cli' ORDER BY seq");
      assert.deepEqual(audit, [
        { actor: 'cli', action: 'console.account.add', target: 'khalid' },
        { actor: 'cli', action: 'console.account.change', target: 'khalid' },
      ]);
      const hash = store.raw('SELECT password_hash FROM console_accounts') as Array<{ password_hash: string }>;
      assert.match(hash[0]!.password_hash, /^scrypt\$/);
    } finally {
      await app.close();
      await store.close();
    }
    assert.equal(user(['add', 'maha', '--role', 'administrator'], 'third passphrase here\n').status, 0);
    assert.deepEqual(user(['disable', 'khalid']), { status: 0, out: 'disabled khalid', err: '' });
  });
});
