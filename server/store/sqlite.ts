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
import {
  NEXT_REFERENCE,
  RefusedError,
  checkRepeat,
  StoreUnavailableError,
  formatReference,
  receiptOf,
  type Accepted,
  type ListFilter,
  type NewSubmission,
  type Receipt,
  type Statement,
  type Store,
  type StoredSubmission,
  type SubmissionPage,
  type Tally,
} from './types.js';

interface Row {
  seq: number;
  id: string;
  kind: string;
  reference: string;
  page_url: string;
  page_title: string;
  page_lang: string;
  locale: string;
  submitted_at: string;
  received_at: string;
  privacy_notice: string;
  client: string | null;
  data: string;
}

const BUSY = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_READONLY']);

export function rowToStored(row: Omit<Row, 'data' | 'received_at'> & { data: unknown; received_at: string | Date }): StoredSubmission {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind as StoredSubmission['kind'],
    receivedAt: row.received_at instanceof Date ? row.received_at.toISOString() : row.received_at,
    submittedAt: row.submitted_at,
    locale: row.locale as StoredSubmission['locale'],
    page: { url: row.page_url, title: row.page_title, lang: row.page_lang },
    privacyNotice: row.privacy_notice,
    client: row.client,
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as StoredSubmission['data'],
  };
}

/** The admin list's WHERE clause and parameters, shared by both stores. */
export function listQuery(filter: ListFilter): { where: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.kind) (clauses.push('kind = ?'), params.push(filter.kind));
  if (filter.from) (clauses.push('received_at >= ?'), params.push(filter.from));
  if (filter.to) (clauses.push('received_at < ?'), params.push(filter.to));
  if (filter.after) (clauses.push('seq > ?'), params.push(Number(filter.after)));
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export const LIST_COLUMNS =
  'seq, id, kind, reference, page_url, page_title, page_lang, locale, submitted_at, received_at, privacy_notice, client, data';

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
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    this.migrate();

    const existing = this.db.prepare<[string], { answer: string; body_hash: string | null }>('SELECT answer, body_hash FROM submissions WHERE id = ?');
    const insert = this.db.prepare(
      `INSERT INTO submissions (id, kind, page_url, page_title, page_lang, locale, submitted_at, received_at, privacy_notice, client, data, body_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    const nextReference = this.db.prepare<[string, number], { last: number }>(NEXT_REFERENCE);
    const settle = this.db.prepare('UPDATE submissions SET reference = ?, answer = ? WHERE id = ?');
    // `immediate`: take the write lock first, so that two processes on one file cannot both read "new".
    this.acceptTx = this.db.transaction((s: NewSubmission): Accepted => {
        const before = existing.get(s.id);
        if (before) {
          checkRepeat(before, s);
          return { receipt: JSON.parse(before.answer) as Receipt, replayed: true };
        }
        if (s.requires && !this.prepared(s.requires.statement.sql).get(...s.requires.statement.params)) throw new RefusedError([s.requires.fieldError]);
        insert.run(s.id, s.kind, s.page.url, s.page.title, s.page.lang, s.locale, s.submittedAt, s.receivedAt.toISOString(), s.privacyNotice, s.client, JSON.stringify(s.data), s.bodyHash);
        const year = s.receivedAt.getUTCFullYear();
        const { last } = nextReference.get(s.prefix, year)!;
        for (const statement of s.project) this.prepared(statement.sql).run(...statement.params);
        const extra = s.extra ? (this.prepared(s.extra.sql).get(...s.extra.params) as Record<string, unknown> | undefined) : undefined;
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
    const applied = new Set(this.db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((row) => row.version));
    for (const migration of migrationsFor('sqlite')) {
      if (applied.has(migration.version)) continue;
      this.db.transaction(() => {
        this.db.exec(migration.sql);
        if (migration.version === BACKFILLED_AT) this.backfillHashes();
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
      }).immediate();
    }
  }

  /** See body-hashes.ts; in the migration's transaction. */
  private backfillHashes(): void {
    const rows = this.db.prepare<[number | string], StoredEnvelopeRow>(ROWS_WITHOUT_HASH);
    const set = this.db.prepare(SET_HASH);
    for (let batch = rows.all(0); batch.length > 0; batch = rows.all(batch.at(-1)!.seq)) for (const row of batch) set.run(...hashOfRow(row));
  }

  private guard<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (BUSY.has(code) || [...BUSY].some((busy) => code.startsWith(`${busy}_`))) return Promise.reject(new StoreUnavailableError(error));
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  accept(submission: NewSubmission): Promise<Accepted> {
    return this.guard(() => this.acceptTx(submission));
  }

  tally(pageUrl: string): Promise<Tally> {
    return this.guard(() => this.db.prepare<[string], Tally>('SELECT yes, total FROM page_tally WHERE page_url = ?').get(pageUrl) ?? { yes: 0, total: 0 });
  }

  list(filter: ListFilter): Promise<SubmissionPage> {
    return this.guard(() => {
      const { where, params } = listQuery(filter);
      const rows = this.db.prepare<(string | number)[], Row>(`SELECT ${LIST_COLUMNS} FROM submissions ${where} ORDER BY seq LIMIT ?`).all(...params, filter.limit + 1);
      const more = rows.length > filter.limit;
      const page = more ? rows.slice(0, filter.limit) : rows;
      return { items: page.map(rowToStored), ...(more ? { next: String(page.at(-1)!.seq) } : {}) };
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
    return this.db.prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version').all().map((row) => row.version);
  }
}
