/**
 * The stores themselves: the two dialects' migrations make the same schema; SQLite keeps everything across
 * a restart (a repeat after it still gets the first answer); several collectors on one PostgreSQL (as
 * behind a load balancer) store a repeat once and number references without gaps or clashes, and start
 * together without applying a migration twice; the demo seed stores once.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { buildApp } from '../app.js';
import { migrationsFor } from '../store/migrations.js';
import { PostgresStore } from '../store/postgres.js';
import { SqliteStore } from '../store/sqlite.js';
import { seedDemo } from '../seed.js';
import { DIALECTS, contract, envelope, openTestStore, post, testConfig } from './helpers.js';

const PG = process.env.EP_TEST_DATABASE_URL;

/** Table → sorted column names, as the database reports them. */
async function schemaOf(dialect: 'sqlite' | 'postgres'): Promise<Record<string, string[]>> {
  const t = await openTestStore(dialect);
  try {
    const tables =
      dialect === 'sqlite'
        ? (
            await t.sql<{ name: string }>(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
          ).map((row) => row.name)
        : (
            await t.sql<{ name: string }>(
              "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
            )
          ).map((row) => row.name);
    const schema: Record<string, string[]> = {};
    for (const table of tables.sort()) {
      schema[table] =
        dialect === 'sqlite'
          ? (await t.sql<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`))
              .map((row) => row.name)
              .sort()
          : (
              await t.sql<{ name: string }>(
                'SELECT column_name AS name FROM information_schema.columns WHERE table_name = $1',
                [table],
              )
            )
              .map((row) => row.name)
              .sort();
    }
    return schema;
  } finally {
    await t.drop();
  }
}

/** A fresh PostgreSQL database, and its URL. */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ep_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client(PG);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG!);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const cleanup = new pg.Client(PG);
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

describe('migrations', () => {
  it('have the same versions in both dialects', () => {
    const versions = (dialect: 'sqlite' | 'postgres') =>
      migrationsFor(dialect).map(({ version, name }) => `${version} ${name}`);
    assert.deepEqual(versions('sqlite'), versions('postgres'));
    assert.ok(versions('sqlite').length >= 1);
  });

  it(
    'make the same tables and columns in both dialects',
    { skip: !PG && 'no PostgreSQL (run with npm run test:server)' },
    async () => {
      const [sqlite, postgres] = [await schemaOf('sqlite'), await schemaOf('postgres')];
      assert.deepEqual(sqlite, postgres);
      assert.ok(
        sqlite.submissions?.includes('client') && !sqlite.submissions.some((column) => /ip|address/.test(column)),
      );
    },
  );
});

describe('SQLite across a restart', () => {
  it('keeps submissions, references and the first answers; migrations are not applied again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ep-restart-'));
    const file = join(dir, 'collector.sqlite');
    try {
      const sent = envelope('feedback');
      let store = new SqliteStore(file);
      let app = await buildApp({ config: testConfig(), store, contract: contract() });
      const first = await post(app, sent);
      await app.close();
      await store.close();

      store = new SqliteStore(file);
      app = await buildApp({ config: testConfig(), store, contract: contract() });
      const repeat = await post(app, sent);
      const next = await post(app, envelope('feedback'));
      assert.equal(repeat.body, first.body);
      assert.equal(repeat.headers['idempotent-replayed'], 'true');
      assert.equal(Number(next.json().reference.slice(-6)), Number(first.json().reference.slice(-6)) + 1);
      assert.deepEqual(
        store.versions(),
        migrationsFor('sqlite').map((migration) => migration.version),
      );
      await app.close();
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe(
  'several collectors on one PostgreSQL',
  { skip: !PG && 'no PostgreSQL (run with npm run test:server)' },
  () => {
    it('start together, applying each migration once', async () => {
      const db = await freshDatabase();
      try {
        const stores = await Promise.all(
          Array.from({ length: 4 }, () => PostgresStore.open({ connectionString: db.url, max: 2 })),
        );
        for (const store of stores)
          assert.deepEqual(
            await store.versions(),
            migrationsFor('postgres').map((migration) => migration.version),
          );
        await Promise.all(stores.map((store) => store.close()));
      } finally {
        await db.drop();
      }
    });

    it('store a repeat sent to every instance once, and number references across instances without gaps', async () => {
      const db = await freshDatabase();
      const stores = await Promise.all(
        Array.from({ length: 3 }, () => PostgresStore.open({ connectionString: db.url, max: 5 })),
      );
      const apps = await Promise.all(
        stores.map((store) => buildApp({ config: testConfig(), store, contract: contract() })),
      );
      try {
        const repeated = envelope('page-vote');
        const sends = [
          ...apps.flatMap((app) => [post(app, repeated), post(app, repeated)]),
          ...Array.from({ length: 30 }, (_, n) => post(apps[n % apps.length]!, envelope('page-vote'))),
        ];
        const answers = await Promise.all(sends);
        assert.ok(answers.every((response) => response.statusCode === 201));
        assert.equal(
          new Set(answers.slice(0, 6).map((response) => response.body)).size,
          1,
          'one answer for the repeat, from any instance',
        );
        const numbers = answers
          .slice(5)
          .map((response) => Number(response.json().reference.slice(-6)))
          .sort((a, b) => a - b);
        assert.deepEqual(
          numbers,
          Array.from({ length: 31 }, (_, n) => n + 1),
        );
        const count = await stores[0]!.query<{ n: string }>('SELECT count(*) AS n FROM submissions');
        assert.equal(Number(count.rows[0]!.n), 31);
        const tally = await apps[1]!.inject({
          url: `/tally?page=${encodeURIComponent('https://www.example.gov.sa/ar/e-participation')}`,
        });
        assert.deepEqual(tally.json(), { yes: 31, total: 31 });
      } finally {
        await Promise.all(apps.map((app) => app.close()));
        await Promise.all(stores.map((store) => store.close()));
        await db.drop();
      }
    });
  },
);

describe('the demo seed', () => {
  for (const dialect of DIALECTS) {
    it(`stores its sample data once (${dialect}), enough for the poll's tally to show`, async () => {
      const t = await openTestStore(dialect);
      try {
        const page = 'http://127.0.0.1:5173/';
        const first = await seedDemo(t.store, contract(), [page]);
        const again = await seedDemo(t.store, contract(), [page]);
        assert.ok(first > 10);
        assert.equal(again, 0);
        const tally = await t.store.tally(page);
        assert.ok(tally.total >= 10 && tally.yes <= tally.total);
      } finally {
        await t.drop();
      }
    });
  }
});
