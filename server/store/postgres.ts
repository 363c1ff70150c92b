/**
 * The shared store: PostgreSQL (node-postgres), for several collectors behind a load balancer. Each
 * submission is one transaction: `INSERT … ON CONFLICT (id) DO NOTHING` makes a concurrent repeat of the
 * same id (another instance, another tab) wait for the first and then find its answer; the reference
 * counter is a row locked by its upsert, so references stay gapless across instances. Migrations run
 * under an advisory lock, so instances starting together apply each version once.
 */
import pg from 'pg';
import { BACKFILLED_AT, ROWS_WITHOUT_HASH, SET_HASHES_PG, hashOfRow, type StoredEnvelopeRow } from './body-hashes.js';
import { MIGRATIONS_TABLE, migrationsFor } from './migrations.js';
import * as shared from './sql.js';
import {
  NEXT_REFERENCE,
  RefusedError,
  StoreUnavailableError,
  checkRepeat,
  formatReference,
  receiptOf,
} from './types.js';
import type { Accepted, ListFilter, NewSubmission, Receipt, Statement, Store, SubmissionPage, Tally } from './types.js';

/** `?` → `$1`, `$2`…: the shared statements as PostgreSQL takes them. */
export const numbered = (sql: string): string => shared.placeholders(sql, 'postgres');

const MIGRATION_LOCK = 7_370_001; // any constant bigint, the same in every instance

/** Node's network errors: the database host cannot be reached or dropped the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * SQLSTATE classes and codes that mean "not now" rather than "never": 08 connection exception, 53
 * insufficient resources (too many connections, disk full), 57 operator intervention (a session ended by
 * pg_terminate_backend or a shutdown, "the database system is starting up", a statement timeout), 40001
 * and 40P01 (serialization failure, deadlock) and 55P03 (lock not available).
 */
const RETRYABLE_CLASSES = ['08', '53', '57'];
const RETRYABLE_CODES = new Set(['40001', '40P01', '55P03']);

/** What node-postgres itself says when a connection is gone, could not be made in time, or the pool is closing. */
const LOST_CONNECTION =
  /timeout exceeded when trying to connect|Connection terminated|connection is closed|not queryable|Query read timeout|Cannot use a pool after calling end/i;

/** Errors that mean "not now" rather than "never": answered 503, and the client sends the same envelope later. */
export function unavailable(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  const message = error instanceof Error ? error.message : '';
  if (NETWORK_CODES.has(code) || RETRYABLE_CODES.has(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(code) && RETRYABLE_CLASSES.includes(code.slice(0, 2))) return true;
  return LOST_CONNECTION.test(message);
}

/**
 * A client's connection can fail at any moment. While the client is idle in the pool, the pool listens and
 * drops it (its 'error' event, handled below). While it is checked out, node-postgres emits 'error' on
 * the client itself, between queries or after the failed query's own error (a backend ended by
 * pg_terminate_backend, a restart, a failover), and an 'error' event nobody listens to ends the process.
 * So every client listens from its first connection on; the failed query rejects as usual (503), the
 * client is no longer queryable, and the pool discards it when it is released, so the next request
 * connects afresh.
 */
function survive(pool: pg.Pool): void {
  const ignore = (): void => undefined;
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
}

/** See body-hashes.ts; in the migration's transaction. */
async function backfillHashes(client: pg.PoolClient): Promise<void> {
  for (let after: number | string = 0; ;) {
    const batch: StoredEnvelopeRow[] = (await client.query<StoredEnvelopeRow>(numbered(ROWS_WITHOUT_HASH), [after]))
      .rows;
    if (batch.length === 0) return;
    const hashed = batch.map(hashOfRow);
    await client.query(SET_HASHES_PG, [hashed.map(([hash]) => hash), hashed.map(([, seq]) => seq)]);
    after = batch.at(-1)!.seq;
  }
}

export interface PostgresOptions {
  connectionString: string;
  /** Connections per collector instance. */
  max?: number;
  /**
   * How long start-up waits for an unreachable database (a host and its database rebooting together)
   * before it gives up; default 60 s.
   */
  startTimeoutMs?: number;
}

export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  static async open(options: PostgresOptions): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: 5000,
      statement_timeout: 10_000,
      // A server that stops answering without closing the connection (a frozen host, a partition) fails
      // the query here rather than holding the request (and its pool client) for ever.
      query_timeout: 12_000,
      keepAlive: true,
      application_name: 'ep-collector',
    });
    survive(pool);
    const store = new PostgresStore(pool);
    const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
    for (let waited = false; ; waited = true) {
      try {
        await store.migrate();
        return store;
      } catch (error) {
        if (!unavailable(error) || Date.now() >= deadline) {
          await pool.end().catch(() => undefined);
          throw error;
        }
        // Before the logger exists: one line on stderr, so that a waiting start is not a silent one.
        if (!waited)
          console.warn(
            `PostgreSQL does not answer yet (${error instanceof Error ? error.message : String(error)}); waiting for it`,
          );
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await client.query(MIGRATIONS_TABLE);
      const applied = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
          (row) => row.version,
        ),
      );
      for (const migration of migrationsFor('postgres')) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          // A migration rewrites whole tables (0003 every submission): it may take longer than any request.
          await client.query('SET LOCAL statement_timeout = 0');
          await client.query(migration.sql);
          if (migration.version === BACKFILLED_AT) await backfillHashes(client);
          const record = [migration.version, migration.name, new Date().toISOString()];
          await client.query(numbered(shared.RECORD_MIGRATION), record);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw unavailable(error) ? new StoreUnavailableError(error) : error;
    }
  }

  accept(s: NewSubmission): Promise<Accepted> {
    return this.guard(async () => {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const insert = numbered(`${shared.INSERT_SUBMISSION} RETURNING seq`);
        const inserted = await client.query(insert, shared.insertParams(s));
        if (inserted.rowCount === 0) {
          // Stored before (or just now by a concurrent request, which we waited for): its first answer,
          // whatever holds now (an idea unpublished since, a consultation closed since); unless its body differs.
          const before = await client.query<shared.StoredAnswer>(numbered(shared.STORED_ANSWER), [s.id]);
          // Erased or swept between the conflict and this read: not now (503), and a resend finds its way.
          if (!before.rows[0])
            throw new StoreUnavailableError(new Error(`submission ${s.id} went while its repeat was answered`));
          checkRepeat(before.rows[0], s); // a refusal rolls back below: nothing was written
          await client.query('COMMIT');
          return { receipt: JSON.parse(before.rows[0].answer) as Receipt, replayed: true };
        }
        // Checked once this id is ours, so that a repeat racing its first copy gets the first answer above.
        if (
          s.requires &&
          (await client.query(numbered(s.requires.statement.sql), [...s.requires.statement.params])).rowCount === 0
        ) {
          throw new RefusedError([s.requires.fieldError]); // rolled back below: nothing stored
        }
        const year = s.receivedAt.getUTCFullYear();
        const { last } = (await client.query<{ last: string }>(numbered(NEXT_REFERENCE), [s.prefix, year])).rows[0]!;
        for (const statement of s.project) await client.query(numbered(statement.sql), [...statement.params]);
        const extra = s.extra
          ? (await client.query<Record<string, unknown>>(numbered(s.extra.sql), [...s.extra.params])).rows[0]
          : undefined;
        const receipt = receiptOf(s, formatReference(s.prefix, year, Number(last)), extra);
        await client.query(numbered(shared.SETTLE), [receipt.reference, JSON.stringify(receipt), s.id]);
        await client.query('COMMIT');
        return { receipt, replayed: false };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    });
  }

  tally(pageUrl: string): Promise<Tally> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ yes: string; total: string }>(numbered(shared.TALLY), [pageUrl]);
      return rows[0] ? { yes: Number(rows[0].yes), total: Number(rows[0].total) } : { yes: 0, total: 0 };
    });
  }

  list(filter: ListFilter): Promise<SubmissionPage> {
    return this.guard(async () => {
      const { sql, params } = shared.listStatement(filter);
      const { rows } = await this.pool.query<shared.SubmissionRow>(numbered(sql), [...params]);
      return shared.pageOf(rows, filter.limit);
    });
  }

  all<R extends object>({ sql, params }: Statement): Promise<R[]> {
    return this.guard(async () => (await this.pool.query<R & pg.QueryResultRow>(numbered(sql), [...params])).rows);
  }

  batch(statements: readonly Statement[]): Promise<void> {
    return this.guard(async () => {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        for (const { sql, params } of statements) await client.query(numbered(sql), [...params]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    });
  }

  ping(): Promise<void> {
    return this.guard(async () => void (await this.pool.query('SELECT 1')));
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /** The applied migration versions (for tests). */
  async versions(): Promise<number[]> {
    return (await this.pool.query<{ version: number }>(shared.APPLIED_VERSIONS)).rows.map((row) => row.version);
  }

  /** Runs a query (for tests and the bench's counts). */
  query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(sql, params);
  }
}
