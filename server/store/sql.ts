/**
 * The statements both stores run, written once in the SQL that SQLite and PostgreSQL share (`?`
 * placeholders), with the row mapping and the admin list's paging. A store only adds what its driver needs:
 * `placeholders` turns `?` into PostgreSQL's `$n`.
 */
import type { ListFilter, NewSubmission, Statement, StoredSubmission, SubmissionPage } from './types.js';

export type Dialect = 'sqlite' | 'postgres';

/** `?` → `$1`, `$2`… for PostgreSQL (no statement here has a `?` inside a literal); SQLite takes `?` as it is. */
export function placeholders(sql: string, dialect: Dialect): string {
  if (dialect === 'sqlite') return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A stored submission's columns, as either driver gives them back. */
export interface SubmissionRow {
  seq: number | string;
  id: string;
  kind: string;
  reference: string;
  page_url: string;
  page_title: string;
  page_lang: string;
  locale: string;
  submitted_at: string;
  /** SQLite gives the ISO text, PostgreSQL a Date. */
  received_at: string | Date;
  privacy_notice: string;
  client: string | null;
  /** SQLite gives the JSON text, PostgreSQL the parsed JSONB. */
  data: unknown;
}

export const LIST_COLUMNS =
  'seq, id, kind, reference, page_url, page_title, page_lang, locale, submitted_at, received_at, privacy_notice, ' +
  'client, data';

export function rowToStored(row: Omit<SubmissionRow, 'seq'>): StoredSubmission {
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

type SqlValue = string | number;

/** A condition with one `?`, kept only when its value is given (not undefined, not empty). */
export type Condition = readonly [clause: string, value: SqlValue | undefined];

/**
 * A WHERE clause and its parameters from the filters given, built together so that a clause and its value
 * cannot fall out of step. `always` are conditions without parameters, kept first.
 */
export function whereOf(
  conditions: readonly Condition[],
  always: readonly string[] = [],
): { sql: string; params: SqlValue[] } {
  const kept = conditions.filter(
    (condition): condition is [string, SqlValue] => condition[1] !== undefined && condition[1] !== '',
  );
  const clauses = [...always, ...kept.map(([clause]) => clause)];
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params: kept.map(([, value]) => value) };
}

/** A cursor's number, when a cursor was given. */
export const cursorNumber = (cursor: string | undefined): number | undefined => (cursor ? Number(cursor) : undefined);

/** The admin list's query: one row more than the page, to know whether another page follows. */
export function listStatement(filter: ListFilter): Statement {
  const { sql: where, params } = whereOf([
    ['kind = ?', filter.kind],
    ['received_at >= ?', filter.from],
    ['received_at < ?', filter.to],
    ['seq > ?', cursorNumber(filter.after)],
  ]);
  const sql = `SELECT ${LIST_COLUMNS} FROM submissions ${where} ORDER BY seq LIMIT ?`;
  return { sql, params: [...params, filter.limit + 1] };
}

/** `listStatement`'s rows as a page, with the cursor of the next one when there are more. */
export function pageOf(rows: readonly SubmissionRow[], limit: number): SubmissionPage {
  return keysetPage(rows, limit, rowToStored, (row) => row.seq);
}

/**
 * A page from rows read one past `limit` (the extra row only says that another page follows): the items, and
 * the cursor of the next page (the last item's key) when there is one.
 */
export function keysetPage<R, T>(
  rows: readonly R[],
  limit: number,
  item: (row: R) => T,
  key: (row: R) => string | number,
): { items: T[]; next?: string } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { items: page.map(item), ...(more ? { next: String(key(page.at(-1)!)) } : {}) };
}

/** Stores a submission unless its id is stored already (then nothing happens and the caller reads the first). */
export const INSERT_SUBMISSION =
  'INSERT INTO submissions (id, kind, page_url, page_title, page_lang, locale, submitted_at, received_at, ' +
  'privacy_notice, client, data, body_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING';

export function insertParams(s: NewSubmission): (string | null)[] {
  const { page } = s;
  const received = s.receivedAt.toISOString();
  return [
    s.id,
    s.kind,
    page.url,
    page.title,
    page.lang,
    s.locale,
    s.submittedAt,
    received,
    s.privacyNotice,
    s.client,
    JSON.stringify(s.data),
    s.bodyHash,
  ];
}

/** The first answer under an id, and the hash of the body it was given for. */
export const STORED_ANSWER = 'SELECT answer, body_hash FROM submissions WHERE id = ?';
export interface StoredAnswer {
  answer: string;
  body_hash: string | null;
}

/** The reference and receipt, once the submission's projections ran. */
export const SETTLE = 'UPDATE submissions SET reference = ?, answer = ? WHERE id = ?';

export const TALLY = 'SELECT yes, total FROM page_tally WHERE page_url = ?';

export const APPLIED_VERSIONS = 'SELECT version FROM schema_migrations ORDER BY version';
export const RECORD_MIGRATION = 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)';
