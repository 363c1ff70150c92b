/**
 * What the collector needs from a database, implemented twice: SQLite (one file, one process) and
 * PostgreSQL (several collectors, one database). Both run the same versioned migrations (one SQL file per
 * version and dialect, server/migrations/) and the same statements (`?` placeholders; PostgreSQL's `$n`
 * are made from them), so they hold the same data and answer the same way.
 */
import type { FieldError, Schemas } from '../contract.js';

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
  /** The envelope id in canonical form (canonical.ts). */
  id: string;
  /** SHA-256 of the envelope's canonical JSON (canonical.ts `bodyHash`): a repeat must carry the same. */
  bodyHash: string;
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
  /** Checked in the same transaction before storing: when it returns no row, the submission is refused. */
  requires?: Requirement | undefined;
  /** Read after the projections: its one row's columns are added to the receipt (`supports`). */
  extra?: Statement | undefined;
}

/** A condition on what is stored already (an idea is published, a consultation is open). */
export interface Requirement {
  statement: Statement;
  /** What the visitor is told when it does not hold. */
  fieldError: FieldError;
}

/** A submission that the contract allows but what is stored refuses (422): nothing was stored. */
export class RefusedError extends Error {
  readonly fieldErrors: FieldError[];
  constructor(fieldErrors: FieldError[]) {
    super(fieldErrors.map((error) => error.message).join(' '));
    this.name = 'RefusedError';
    this.fieldErrors = fieldErrors;
  }
}

/**
 * The refusal of a repeat whose body differs from the one stored under its id (the IETF httpapi
 * Idempotency-Key draft's 422). A stored row without a hash (none should be left: migration 0003 computes
 * them) is answered as a repeat, as before hashes were kept.
 */
export function checkRepeat(stored: { body_hash: string | null }, submission: NewSubmission): void {
  if (stored.body_hash !== null && stored.body_hash !== submission.bodyHash) {
    throw new RefusedError([
      {
        field: 'id',
        code: 'idempotency-key-reused',
        message: 'This id was already used for a submission with another body.',
      },
    ]);
  }
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
  /** Rows of one query (the read models: ideas, consultations). */
  all<R extends object>(statement: Statement): Promise<R[]>;
  /** Statements run in one transaction (the administration's changes): all or nothing. */
  batch(statements: readonly Statement[]): Promise<void>;
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

/** The answer to a stored submission, with what its kind adds (`extra`'s row: numbers only). */
export function receiptOf(submission: NewSubmission, reference: string, extra?: Record<string, unknown>): Receipt {
  const added = Object.fromEntries(Object.entries(extra ?? {}).map(([name, value]) => [name, Number(value)]));
  return { id: submission.id, reference, status: 'received', ...added };
}

/** The reference counter's statement (the same in both dialects). Returns the new sequence as `last`. */
export const NEXT_REFERENCE =
  'INSERT INTO reference_counters (prefix, year, last) VALUES (?, ?, 1) ' +
  'ON CONFLICT (prefix, year) DO UPDATE SET last = reference_counters.last + 1 RETURNING last';
