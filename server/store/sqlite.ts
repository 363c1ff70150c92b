/**
 * The embedded store: one SQLite file (better-sqlite3, synchronous), for a collector on one machine.
 * WAL journal and `synchronous = FULL`: an answer the collector gave is on disk. Every write is one
 * synchronous transaction, so nothing else runs in between (Node runs one request at a time here).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { BACKFILLED_AT, ROWS_WITHOUT_HASH, SET_HASH, hashOfRow, type StoredEnvelopeRow } from './body-hashes.js';
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

const BUSY = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
]);

export interface SqliteOptions {
  busyTimeoutMs?: number;
}

export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly acceptTx: (submission: NewSubmission) => Accepted;

  /**
   * `busyTimeoutMs`: how long a write waits for another connection's write lock (a backup, a sweep run
   * from cron, a second process) before it is answered 503.
   */
  constructor(path: string, { busyTimeoutMs = 5000 }: SqliteOptions = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // Erased contact details are overwritten, not left in the file's free pages (nor in a backup copied from it).
    this.db.pragma('secure_delete = ON');
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    this.migrate();

    const existing = this.db.prepare<[string], shared.StoredAnswer>(shared.STORED_ANSWER);
    const insert = this.db.prepare(shared.INSERT_SUBMISSION);
    const nextReference = this.db.prepare<[string, number], { last: number }>(NEXT_REFERENCE);
    const settle = this.db.prepare(shared.SETTLE);
    // `immediate`: take the write lock first, so that two processes on one file cannot both read "new".
    this.acceptTx = this.db.transaction((s: NewSubmission): Accepted => {
      const before = existing.get(s.id);
      if (before) {
        checkRepeat(before, s);
        return { receipt: JSON.parse(before.answer) as Receipt, replayed: true };
      }
      if (s.requires && !this.prepared(s.requires.statement.sql).get(...s.requires.statement.params))
        throw new RefusedError([s.requires.fieldError]);
      insert.run(...shared.insertParams(s));
      const year = s.receivedAt.getUTCFullYear();
      const { last } = nextReference.get(s.prefix, year)!;
      for (const statement of s.project) this.prepared(statement.sql).run(...statement.params);
      const extra = s.extra
        ? (this.prepared(s.extra.sql).get(...s.extra.params) as Record<string, unknown> | undefined)
        : undefined;
      const receipt = receiptOf(s, formatReference(s.prefix, year, last), extra);
      settle.run(receipt.reference, JSON.stringify(receipt), s.id);
      return { receipt, replayed: false };
    }).immediate;
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A projection's statement, prepared once. */
  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  private migrate(): void {
    this.db.exec(MIGRATIONS_TABLE);
    const applied = new Set(
      this.db
        .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
        .all()
        .map((row) => row.version),
    );
    for (const migration of migrationsFor('sqlite')) {
      if (applied.has(migration.version)) continue;
      this.db
        .transaction(() => {
          this.db.exec(migration.sql);
          if (migration.version === BACKFILLED_AT) this.backfillHashes();
          this.db.prepare(shared.RECORD_MIGRATION).run(migration.version, migration.name, new Date().toISOString());
        })
        .immediate();
    }
  }

  /** See body-hashes.ts; in the migration's transaction. */
  private backfillHashes(): void {
    const rows = this.db.prepare<[number | string], StoredEnvelopeRow>(ROWS_WITHOUT_HASH);
    const set = this.db.prepare(SET_HASH);
    for (let batch = rows.all(0); batch.length > 0; batch = rows.all(batch.at(-1)!.seq))
      for (const row of batch) set.run(...hashOfRow(row));
  }

  private guard<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (BUSY.has(code) || [...BUSY].some((busy) => code.startsWith(`${busy}_`)))
        return Promise.reject(new StoreUnavailableError(error));
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  accept(submission: NewSubmission): Promise<Accepted> {
    return this.guard(() => this.acceptTx(submission));
  }

  tally(pageUrl: string): Promise<Tally> {
    return this.guard(() => this.db.prepare<[string], Tally>(shared.TALLY).get(pageUrl) ?? { yes: 0, total: 0 });
  }

  list(filter: ListFilter): Promise<SubmissionPage> {
    return this.guard(() => {
      const { sql, params } = shared.listStatement(filter);
      return shared.pageOf(this.prepared(sql).all(...params) as shared.SubmissionRow[], filter.limit);
    });
  }

  all<R extends object>({ sql, params }: Statement): Promise<R[]> {
    return this.guard(() => this.prepared(sql).all(...params) as R[]);
  }

  batch(statements: readonly Statement[]): Promise<void> {
    return this.guard(() =>
      this.db
        .transaction(() => {
          for (const { sql, params } of statements) this.prepared(sql).run(...params);
        })
        .immediate(),
    );
  }

  ping(): Promise<void> {
    return this.guard(() => void this.db.prepare('SELECT 1').get());
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }

  /** Runs a query that returns rows (for tests and the load script's counts). */
  raw(sql: string, params: readonly (string | number | null)[] = []): unknown[] {
    return this.db.prepare(sql).all(...params);
  }

  /** The applied migration versions (for tests). */
  versions(): number[] {
    return this.db
      .prepare<[], { version: number }>(shared.APPLIED_VERSIONS)
      .all()
      .map((row) => row.version);
  }
}
