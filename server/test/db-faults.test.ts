/**
 * Database faults never end the process: on PostgreSQL, sessions ended under a request (pg_terminate_backend
 * while the collector's client is checked out, in the middle of a transaction) and a database host that
 * goes away and comes back; on SQLite, a write lock held by another connection and a full disk. Each is
 * answered 503 with Retry-After while it lasts, and the same envelope is stored (201) once it is over,
 * without restarting anything. Also the health split: /health/live never touches the database,
 * /health/ready and /health follow it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../app.js';
import { PostgresStore, unavailable } from '../store/postgres.js';
import { SqliteStore } from '../store/sqlite.js';
import { StoreUnavailableError, type NewSubmission, type Store } from '../store/types.js';
import { contract, envelope, openTestStore, post, suiteFolder, testConfig } from './helpers.js';
import { scratchDatabase, type ScratchDatabase } from './pg-scratch.js';
import { startTcpProxy } from './tcp-proxy.js';

const PG_URL = process.env.EP_TEST_DATABASE_URL;

// In the collector, an error that escapes like this ends the process (main.ts has no handler, by design).
const escaped: unknown[] = [];
process.on('uncaughtException', (error) => escaped.push(error));
function assertNothingEscaped(): void {
  assert.deepEqual(escaped.splice(0).map(String), [], 'no error escaped to the process');
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function appOver(store: Store) {
  const app = await buildApp({ config: testConfig(), store, contract: contract() });
  await app.ready();
  return app;
}

function assertUnavailable(response: { statusCode: number; headers: Record<string, unknown> }, what: string): void {
  assert.equal(response.statusCode, 503, what);
  assert.ok(Number(response.headers['retry-after']) > 0, `${what}: Retry-After`);
}

/** The first result of `work` within `tries` tries 100 ms apart, while it fails only as "not now" (503). */
async function storedWithin<T>(tries: number, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || attempt >= tries) throw error;
      await sleep(100);
    }
  }
}

describe(
  'PostgreSQL sessions ended under the collector',
  { skip: !PG_URL && 'no PostgreSQL (run with npm run test:server)' },
  () => {
    let database: ScratchDatabase;
    let store: PostgresStore;
    let admin: pg.Client;

    before(async () => {
      database = await scratchDatabase();
      store = await PostgresStore.open({ connectionString: database.url.href, max: 4 });
      admin = new pg.Client({ connectionString: PG_URL, application_name: 'ep-fault-test' });
      await admin.connect();
    });
    after(async () => {
      await admin.end();
      await store.close();
      await database.drop();
    });

    /** Ends this database's collector sessions, as an operator or a failover would; returns how many. */
    async function terminate(): Promise<number> {
      const { rows } = await admin.query(
        "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = 'ep-collector' AND datname = $1",
        [database.name],
      );
      return rows.filter((row: { ended: boolean }) => row.ended).length;
    }

    /** Waits until one of the collector's sessions is in the state `where` describes. */
    async function waitForSession(where: string): Promise<void> {
      for (let tries = 0; tries < 200; tries += 1) {
        const { rowCount } = await admin.query(
          `SELECT 1 FROM pg_stat_activity WHERE application_name = 'ep-collector' AND datname = $1 AND ${where}`,
          [database.name],
        );
        if (rowCount) return;
        await sleep(25);
      }
      throw new Error(`no collector session became ${where}`);
    }

    const submission = (requires?: NewSubmission['requires']): NewSubmission => ({
      id: randomUUID(),
      // Unique per submission: these tests store each envelope once and never repeat one.
      bodyHash: randomUUID(),
      kind: 'feedback',
      prefix: 'FB',
      page: { url: 'https://www.example.gov.sa/', title: 't', lang: 'ar' },
      locale: 'ar',
      submittedAt: new Date().toISOString(),
      privacyNotice: '1',
      data: { message: 'held' },
      receivedAt: new Date(),
      client: null,
      project: [],
      requires,
    });

    it('survives its client being ended in the middle of a transaction (pg_sleep), answers 503, then stores', async () => {
      const sleeping: NewSubmission['requires'] = {
        statement: { sql: 'SELECT 1 AS held FROM pg_sleep(30)', params: [] },
        fieldError: { field: 'id', code: 'invalid', message: 'never' },
      };
      const held = store.accept(submission(sleeping));
      // Awaited from the start: on a busy machine the ended session may reject it before terminate() returns,
      // and a rejection no one awaits yet fails the test on its own.
      const refused = assert.rejects(held, StoreUnavailableError);
      await waitForSession("state = 'active' AND query LIKE '%pg_sleep%'");
      assert.ok((await terminate()) >= 1);
      await refused;
      // Let the ended connection's 'end' and 'error' events run: without a listener, they end the process here.
      await sleep(200);
      // The other pooled sessions were ended too; on a busy machine the pool may hand one out before it has
      // noticed. That try is a 503 (the outbox sends again), and a later one must store.
      const again = await storedWithin(10, () => store.accept(submission()));
      assert.equal(again.replayed, false);
      assert.match(again.receipt.reference, /^FB-\d{4}-\d{6}$/);
      assertNothingEscaped();
    });

    it('answers 503 with Retry-After to a write whose session is ended while it waits for a lock, then 201 for the same envelope', async () => {
      const app = await appOver(store);
      const blocker = new pg.Client({ connectionString: database.url.href, application_name: 'ep-fault-test' });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE reference_counters IN ACCESS EXCLUSIVE MODE');
        const sent = envelope('feedback');
        const pending = post(app, sent);
        await waitForSession("wait_event_type = 'Lock'");
        assert.ok((await terminate()) >= 1);
        assertUnavailable(await pending, 'the write whose session ended');
        await blocker.query('ROLLBACK');
        await sleep(200);

        const stored = await post(app, sent);
        assert.equal(stored.statusCode, 201, stored.body);
        assert.equal(stored.headers['idempotent-replayed'], undefined, 'nothing was stored by the ended attempt');
        assert.equal((await app.inject({ url: '/health/ready' })).statusCode, 200);
        const rows = await store.query<{ n: string }>('SELECT count(*) AS n FROM submissions WHERE id = $1', [sent.id]);
        assert.equal(Number(rows.rows[0]!.n), 1);
        assertNothingEscaped();
      } finally {
        await blocker.end().catch(() => undefined);
        await app.close();
      }
    });

    it('drops idle sessions ended under it and connects afresh', async () => {
      const app = await appOver(store);
      try {
        assert.equal((await post(app, envelope('page-vote'))).statusCode, 201);
        assert.ok((await terminate()) >= 1, 'an idle pooled session was ended');
        await sleep(200);
        const next = await post(app, envelope('page-vote'));
        assert.equal(next.statusCode, 201, next.body);
        assertNothingEscaped();
      } finally {
        await app.close();
      }
    });
  },
);

describe('PostgreSQL out of reach', { skip: !PG_URL && 'no PostgreSQL (run with npm run test:server)' }, () => {
  it('answers writes and readiness 503 with Retry-After while the database is unreachable, stays live, and reconnects by itself', async () => {
    const database = await scratchDatabase();
    const proxy = await startTcpProxy({ host: database.url.hostname, port: Number(database.url.port) });
    const viaProxy = new URL(database.url.href);
    viaProxy.port = String(proxy.port);
    const store = await PostgresStore.open({ connectionString: viaProxy.href, max: 4 });
    const app = await appOver(store);
    try {
      assert.equal((await post(app, envelope('page-vote'))).statusCode, 201);
      await proxy.cut();
      await sleep(100);
      const sent = envelope('feedback');
      assertUnavailable(await post(app, sent), 'a write while unreachable');
      assertUnavailable(await app.inject({ url: '/health/ready' }), 'readiness while unreachable');
      assertUnavailable(await app.inject({ url: '/health' }), '/health while unreachable');
      assert.equal((await app.inject({ url: '/health/live' })).statusCode, 200, 'the process is alive');

      await proxy.mend();
      const stored = await post(app, sent);
      assert.equal(stored.statusCode, 201, stored.body);
      assert.equal((await app.inject({ url: '/health/ready' })).statusCode, 200);
      assertNothingEscaped();
    } finally {
      await app.close();
      await store.close();
      await proxy.close();
      await database.drop();
    }
  });
});

describe('PostgreSQL errors that may pass', () => {
  it('are told from the others: lost connections, SQLSTATE classes 08, 53 and 57, conflicts; not a constraint or a bad statement', () => {
    const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    for (const error of [
      withCode('ECONNREFUSED'),
      withCode('ECONNRESET'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P03', 'the database system is starting up'),
      withCode('57014', 'canceling statement due to statement timeout'),
      withCode('08006'),
      withCode('53300', 'sorry, too many clients already'),
      withCode('40P01'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
    ]) {
      assert.equal(unavailable(error), true, String(error));
    }
    for (const error of [
      withCode('23505', 'duplicate key'),
      withCode('42P01', 'relation does not exist'),
      withCode('22P02'),
      new TypeError('x is undefined'),
    ]) {
      assert.equal(unavailable(error), false, String(error));
    }
  });
});

describe(
  'PostgreSQL not reachable at start',
  { skip: !PG_URL && 'no PostgreSQL (run with npm run test:server)' },
  () => {
    it('waits for the database to answer, within its start timeout, and gives up after it', async () => {
      const database = await scratchDatabase('ep_faults');
      const proxy = await startTcpProxy({ host: database.url.hostname, port: Number(database.url.port) });
      const viaProxy = new URL(database.url.href);
      viaProxy.port = String(proxy.port);
      try {
        await proxy.cut();
        await assert.rejects(
          PostgresStore.open({ connectionString: viaProxy.href, startTimeoutMs: 300 }),
          /ECONNREFUSED/,
        );
        const opening = PostgresStore.open({ connectionString: viaProxy.href, startTimeoutMs: 30_000 });
        await sleep(1500);
        await proxy.mend();
        const store = await opening;
        try {
          assert.ok((await store.versions()).length >= 2, 'migrated once it could');
        } finally {
          await store.close();
        }
      } finally {
        await proxy.close();
        await database.drop();
      }
    });
  },
);

describe('SQLite busy or full', () => {
  const inFolder = suiteFolder('ep-sqlite-faults-');

  it('answers 503 with Retry-After while another connection holds the write lock, reads meanwhile, then stores', async () => {
    const file = inFolder('busy.sqlite');
    const store = new SqliteStore(file, { busyTimeoutMs: 50 });
    const app = await appOver(store);
    const other = new Database(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const sent = envelope('page-vote');
      assertUnavailable(await post(app, sent), 'a write while locked');
      assert.equal((await app.inject({ url: '/tally?page=x' })).statusCode, 200, 'reads go on (WAL)');
      other.exec('COMMIT');
      assert.equal((await post(app, sent)).statusCode, 201);
    } finally {
      other.close();
      await app.close();
      await store.close();
    }
  });

  it('answers 503 with Retry-After when the database may not grow (max_page_count), then stores once it may', async () => {
    const store = new SqliteStore(inFolder('full.sqlite'));
    const app = await appOver(store);
    try {
      const [{ page_count: pages }] = store.raw('PRAGMA page_count') as [{ page_count: number }];
      store.raw(`PRAGMA max_page_count = ${pages}`);
      // Free room left in the last pages takes a few rows; then the file would have to grow.
      let sent = envelope('feedback');
      let response = await post(app, sent);
      for (let n = 0; n < 100 && response.statusCode === 201; n += 1)
        response = await post(app, (sent = envelope('feedback')));
      assertUnavailable(response, 'a write on a full database');
      assert.equal((await app.inject({ url: '/health/ready' })).statusCode, 200, 'it still answers reads');
      store.raw(`PRAGMA max_page_count = ${pages * 100}`);
      const stored = await post(app, sent);
      assert.equal(stored.statusCode, 201, stored.body);
    } finally {
      await app.close();
      await store.close();
    }
  });

  // A real full disk needs a small filesystem of its own: a tmpfs, which only root may mount.
  it(
    'answers 503 with Retry-After on a full disk (a 1 MB tmpfs), then stores once there is room',
    { skip: process.getuid?.() !== 0 && 'mounting a tmpfs needs root' },
    async () => {
      const mount = inFolder('tiny');
      mkdirSync(mount);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]);
      const store = new SqliteStore(join(mount, 'collector.sqlite'));
      const app = await appOver(store);
      try {
        // Fill what is left, a block at a time, until the filesystem refuses.
        const block = Buffer.alloc(4096);
        for (let n = 0; ; n += 1) {
          try {
            writeFileSync(join(mount, `filler-${n}`), block);
          } catch {
            break;
          }
        }
        const statuses: number[] = [];
        for (let n = 0; n < 20; n += 1) {
          const response = await post(
            app,
            envelope('feedback', { type: { code: 'complaint', label: 'Complaint' }, message: 'y'.repeat(3000) }),
          );
          statuses.push(response.statusCode);
          if (response.statusCode === 503) assert.ok(Number(response.headers['retry-after']) > 0);
        }
        assert.ok(statuses.includes(503), `some writes were refused for want of room: ${statuses.join(' ')}`);
        assert.ok(
          statuses.every((status) => status === 503 || status === 201),
          `only 503 or 201: ${statuses.join(' ')}`,
        );

        execFileSync('sh', ['-c', `rm -f '${mount}'/filler-*`]);
        const stored = await post(app, envelope('page-vote'));
        assert.equal(stored.statusCode, 201, stored.body);
      } finally {
        await app.close();
        await store.close();
        execFileSync('umount', ['-l', mount]);
      }
    },
  );
});

describe('health split', () => {
  it('answers /health/live without touching the database, and /health/ready and /health with it', async () => {
    let touched = 0;
    const down = new StoreUnavailableError(new Error('connect ECONNREFUSED'));
    const refuse = () => ((touched += 1), Promise.reject(down));
    const unreachable: Store = {
      dialect: 'postgres',
      accept: refuse,
      tally: refuse,
      list: refuse,
      all: refuse,
      batch: refuse,
      ping: refuse,
      close: () => Promise.resolve(),
    };
    const app = await appOver(unreachable);
    try {
      const live = await app.inject({ url: '/health/live' });
      assert.equal(live.statusCode, 200);
      assert.deepEqual(live.json(), { status: 'ok' });
      assert.equal(touched, 0, 'liveness never asks the database');
      assertUnavailable(await app.inject({ url: '/health/ready' }), 'readiness');
      assertUnavailable(await app.inject({ url: '/health' }), '/health');
    } finally {
      await app.close();
    }
  });

  for (const dialect of process.env.EP_TEST_DATABASE_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
    it(`answers /health/ready and /health 200 with the database it uses (${dialect})`, async () => {
      const t = await openTestStore(dialect);
      const app = await appOver(t.store);
      try {
        for (const url of ['/health/ready', '/health']) {
          const response = await app.inject({ url });
          assert.equal(response.statusCode, 200);
          assert.deepEqual(response.json(), { status: 'ok', database: dialect });
        }
      } finally {
        await app.close();
        await t.drop();
      }
    });
  }
});
