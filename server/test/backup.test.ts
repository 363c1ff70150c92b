/**
 * Backup and restore as docs/operations.md describes them: SQLite's online backup (backupSqlite, and
 * `npm run collector:backup`) taken while the collector writes, and PostgreSQL's `pg_dump -Fc` restored
 * with `pg_restore` into a new database. After a restore, a collector answers a repeat of a stored
 * envelope with the same receipt and `Idempotent-Replayed: true`, numbers the next submission after the
 * last one, and serves the same tally.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { PostgresStore } from '../store/postgres.js';
import { backupSqlite } from '../store/sqlite-backup.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import { contract, envelope, openTestApp, post, suiteFolder, testConfig, type Kind } from './helpers.js';
import { postgresTool, scratchDatabase } from './pg-scratch.js';

const PG_URL = process.env.EP_TEST_DATABASE_URL;
const PAGE = 'https://www.example.gov.sa/ar/e-participation';
const KINDS: Kind[] = ['page-vote', 'page-vote', 'page-vote-details', 'feedback', 'idea'];

interface Sent {
  body: Record<string, unknown>;
  answer: string;
}

/** Stores one envelope of each kind in KINDS; returns each with its first answer. */
async function storeSome(app: FastifyInstance): Promise<Sent[]> {
  const sent: Sent[] = [];
  for (const kind of KINDS) {
    const body = envelope(kind);
    const response = await post(app, body);
    assert.equal(response.statusCode, 201, response.body);
    sent.push({ body, answer: response.body });
  }
  return sent;
}

/** What a restored collector must do: the same answers to repeats, the next reference, the same tally. */
async function assertRestored(store: Store, sent: Sent[], tally: string): Promise<void> {
  const app = await buildApp({ config: testConfig(), store, contract: contract() });
  await app.ready();
  try {
    for (const { body, answer } of sent) {
      const repeat = await post(app, body);
      assert.equal(repeat.statusCode, 201);
      assert.equal(repeat.body, answer, 'the first answer, byte for byte');
      assert.equal(repeat.headers['idempotent-replayed'], 'true');
    }
    const votes = sent
      .filter(({ body }) => body.kind === 'page-vote')
      .map(({ answer }) => JSON.parse(answer).reference as string);
    const next = await post(app, envelope('page-vote'));
    assert.equal(next.statusCode, 201);
    const [, year, last] = /^PV-(\d{4})-(\d{6})$/.exec(votes.at(-1)!)!;
    assert.equal(
      next.json().reference,
      `PV-${year}-${String(Number(last) + 1).padStart(6, '0')}`,
      'references go on after the restored ones',
    );
    const before = JSON.parse(tally) as { yes: number; total: number };
    const now = (await app.inject({ url: `/tally?page=${encodeURIComponent(PAGE)}` })).json();
    assert.deepEqual(
      now,
      { yes: before.yes + 1, total: before.total + 1 },
      'the restored tally, and the new yes vote on it',
    );
  } finally {
    await app.close();
  }
}

describe('SQLite online backup', () => {
  const inFolder = suiteFolder('ep-backup-test-');

  it('copies the store while the collector writes; a collector on the restored copy answers repeats as before', async () => {
    const t = await openTestApp('sqlite');
    try {
      const sent = await storeSome(t.app);
      const tally = (await t.app.inject({ url: `/tally?page=${encodeURIComponent(PAGE)}` })).body;
      const backup = inFolder('online.sqlite');
      // Writes go on during the copy; they land in the copy or not, but the copy is one consistent moment.
      const [result, ...during] = await Promise.all([
        backupSqlite(t.file!, backup),
        ...Array.from({ length: 10 }, () => post(t.app, envelope('feedback'))),
      ]);
      assert.ok(
        during.every((response) => response.statusCode === 201),
        'the collector kept answering',
      );
      assert.ok(result.submissions >= sent.length, `the copy holds what was stored before it (${result.submissions})`);
      assert.ok(result.migrations >= 2);

      // Restore: the copy becomes a collector's file (a new place, as after losing the old one).
      const restoredFile = inFolder('restored', 'collector.sqlite');
      mkdirSync(dirname(restoredFile));
      copyFileSync(backup, restoredFile);
      const store = new SqliteStore(restoredFile);
      try {
        await assertRestored(store, sent, tally);
      } finally {
        await store.close();
      }
    } finally {
      await t.close();
    }
  });

  it('runs as `npm run collector:backup -- <file>`, refuses to overwrite, and points PostgreSQL to pg_dump', async () => {
    const t = await openTestApp('sqlite');
    try {
      await storeSome(t.app);
      const target = inFolder('cli.sqlite');
      const run = (env: Record<string, string>) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'server/backup.ts', target], {
          encoding: 'utf8',
          env: { ...process.env, DATABASE_URL: '', EP_SQLITE_PATH: t.file!, ...env },
        });
      const first = run({});
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, new RegExp(`${KINDS.length} submissions, \\d+ migrations, \\d+ bytes, integrity ok`));
      const again = run({});
      assert.equal(again.status, 1);
      assert.match(again.stderr, /exists already/);
      const postgres = run({ DATABASE_URL: 'postgres://ep@127.0.0.1:1/ep' });
      assert.equal(postgres.status, 2);
      assert.match(postgres.stderr, /pg_dump -Fc/);
    } finally {
      await t.close();
    }
  });
});

describe(
  'PostgreSQL pg_dump and pg_restore',
  { skip: !PG_URL && 'no PostgreSQL (run with npm run test:server)' },
  () => {
    it('restores a dump (-Fc) into a new database; a collector on it answers repeats as before', async () => {
      const source = await scratchDatabase('ep_backup_src');
      const target = await scratchDatabase('ep_backup_dst');
      const dir = mkdtempSync(join(tmpdir(), 'ep-pgdump-test-'));
      try {
        const store = await PostgresStore.open({ connectionString: source.url.href, max: 4 });
        const app = await buildApp({ config: testConfig(), store, contract: contract() });
        let sent: Sent[];
        let tally: string;
        try {
          sent = await storeSome(app);
          tally = (await app.inject({ url: `/tally?page=${encodeURIComponent(PAGE)}` })).body;
          // Online, as documented: pg_dump reads one snapshot while the collector runs.
          execFileSync(postgresTool('pg_dump'), ['-Fc', '-f', join(dir, 'collector.dump'), source.url.href]);
        } finally {
          await app.close();
          await store.close();
        }
        execFileSync(postgresTool('pg_restore'), [
          '--no-owner',
          '--exit-on-error',
          '-d',
          target.url.href,
          join(dir, 'collector.dump'),
        ]);
        const restored = await PostgresStore.open({ connectionString: target.url.href, max: 4 });
        try {
          await assertRestored(restored, sent, tally);
        } finally {
          await restored.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await source.drop();
        await target.drop();
      }
    });
  },
);
