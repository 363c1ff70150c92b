/**
 * What the collector needs from a database, implemented twice: SQLite (one file, one process) and
 * PostgreSQL (several collectors, one database). Both run the same versioned migrations (one SQL file per
 * version and dialect, server/migrations/) and the same statements (`?` placeholders; PostgreSQL's `$n`
 * are made from them), so they hold the same data and answer the same way.
 */
import type { Schemas } from '../contract.js';

export type Receipt = Schemas['Receipt'];
export type Tally = Schemas['Tally'];
export type StoredSubmission = Schemas['StoredSubmission'];

/** One SQL statement with `?` placeholders, in the SQL that SQLite and PostgreSQL share. */
export interface Statement {
  sql: string;
  params: readonly (string | number | null)[];
}

/** A submission that passed the contract, as it is to be stored. */
export interface NewSubmission {
  id: string;
  kind: string;
  /** The reference number's prefix for this kind. */
  prefix: string;
  page: { url: string; title: string; lang: string };
  locale: string;
  submittedAt: string;
  privacyNotice: string;
  data: Record<string, unknown>;
  receivedAt: Date;
  /** Keyed hash of the sender (see client-key.ts), or null. */
  client: string | null;
  /** The kind's read models, updated in the same transaction (see kinds.ts). */
  project: readonly Statement[];
}

export interface Accepted {
  receipt: Receipt;
  /** True when this id was stored before: the receipt is the first answer, and nothing was stored now. */
  replayed: boolean;
}

export interface ListFilter {
  kind?: string | undefined;
  /** Inclusive, ISO 8601 UTC. */
  from?: string | undefined;
  /** Exclusive, ISO 8601 UTC. */
  to?: string | undefined;
  /** Only rows after this cursor (a `seq`). */
  after?: string | undefined;
  limit: number;
}

export interface SubmissionPage {
  items: StoredSubmission[];
  next?: string;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Stores a submission once per id, gives it a reference, runs its projections; all or nothing. */
  accept(submission: NewSubmission): Promise<Accepted>;
  tally(pageUrl: string): Promise<Tally>;
  list(filter: ListFilter): Promise<SubmissionPage>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The database could not be reached or was busy: nothing was stored, and a later try may pass (503). */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** `FB` + 2026 + 123 → `FB-2026-000123`. */
export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The answer to a stored submission. */
export function receiptOf(submission: NewSubmission, reference: string): Receipt {
  return { id: submission.id, reference, status: 'received' };
}

/** The reference counter's statement (the same in both dialects). Returns the new sequence as `last`. */
export const NEXT_REFERENCE =
  'INSERT INTO reference_counters (prefix, year, last) VALUES (?, ?, 1) ' +
  'ON CONFLICT (prefix, year) DO UPDATE SET last = reference_counters.last + 1 RETURNING last';
