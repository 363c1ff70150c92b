/**
 * A database's refusal of what a request asked it to keep, as an answer: a constraint or a value the
 * database will not take is the request's doing (4xx, final), not the collector's failure (500), and a
 * client must not send it again for ever. Read from the error's code (better-sqlite3's `SQLITE_…` codes,
 * PostgreSQL's SQLSTATE), here rather than in each store, so that every store's refusals are answered alike.
 * Faults that may pass (busy, locked, no connection) are the stores' StoreUnavailableError (503), not here.
 */

export interface Refusal {
  status: 409 | 413 | 422;
  message: string;
}

const CONFLICT: Refusal = { status: 409, message: 'The request conflicts with what is stored.' };
const TOO_LARGE: Refusal = { status: 413, message: 'The request holds a value larger than the database takes.' };
const UNSTORABLE: Refusal = { status: 422, message: 'The request holds a value the database cannot store.' };

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function refusalFor(code: string): Refusal | undefined {
  // SQLite (extended result codes, as better-sqlite3 gives them).
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return CONFLICT;
  // CHECK (json_valid on a body nested past SQLite's 1,000 levels, a state not in its list), NOT NULL…
  if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH') return UNSTORABLE;
  if (code === 'SQLITE_TOOBIG') return TOO_LARGE;
  // PostgreSQL SQLSTATE: class 23 integrity constraints, class 22 data exceptions, class 54 limits.
  if (code === '23505' || code === '23P01') return CONFLICT;
  if (/^2[23][0-9A-Z]{3}$/.test(code)) return UNSTORABLE;
  if (code === '54000') return TOO_LARGE; // program_limit_exceeded: a jsonb or an index row too large
  if (code === '54001') return UNSTORABLE; // statement_too_complex: a value nested past the stack's depth
  return undefined;
}

/** The answer to a database's refusal (the error or its cause), or undefined when it is not one. */
export function databaseRefusal(error: unknown): Refusal | undefined {
  return refusalFor(codeOf(error)) ?? refusalFor(codeOf((error as { cause?: unknown } | null)?.cause));
}
