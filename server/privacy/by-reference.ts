/**
 * Access and erasure by reference (`FB-2026-000123`), for an administrator answering a person who asks
 * what is held about them, or asks for it to be erased. What counts as held, per kind: the submission
 * row, and the read-model row made from it (the idea and the supports counted for it; a support's or a
 * view's own row); and beside any of them, its case and notes, and a panel member's row. The anonymous counts a submission added to (tally, daily counts, a support counted,
 * a stance counted) hold nothing about the person and stay; see docs/privacy.md.
 */
import { LIST_COLUMNS, rowToStored } from '../store/sql.js';
import type { Statement, Store, StoredSubmission } from '../store/types.js';
import { CASES_CLEANUP } from '../console/cases/cases.js';
import { PANEL_CLEANUP } from '../lab/panel.js';
import { dataOf, eraseContactStatements } from './contact.js';

/** As the contract's `Reference`: a kind's prefix, the year, a sequence of 6 digits or more. */
export const isReference = (value: string): boolean => /^[A-Z][A-Z0-9]{0,9}-[0-9]{4}-[0-9]{6,12}$/.test(value);

interface Found {
  submission: StoredSubmission;
  contactErasedAt: string | null;
}

async function find(store: Store, reference: string): Promise<Found | undefined> {
  const [row] = await store.all<Parameters<typeof rowToStored>[0] & { contact_erased_at: string | null }>({
    sql: `SELECT ${LIST_COLUMNS}, contact_erased_at FROM submissions WHERE reference = ?`,
    params: [reference],
  });
  return row && { submission: rowToStored(row), contactErasedAt: row.contact_erased_at };
}

/** The read-model rows made from a submission: table name and the statement that reads them. */
function readModels(submission: StoredSubmission): Array<{ table: string; statement: Statement }> {
  switch (submission.kind) {
    case 'idea':
      return [
        { table: 'ideas', statement: { sql: 'SELECT * FROM ideas WHERE id = ?', params: [submission.id] } },
        {
          table: 'idea_supports',
          statement: { sql: 'SELECT * FROM idea_supports WHERE idea_id = ? ORDER BY id', params: [submission.id] },
        },
      ];
    case 'idea-support':
      return [
        {
          table: 'idea_supports',
          statement: { sql: 'SELECT * FROM idea_supports WHERE id = ?', params: [submission.id] },
        },
      ];
    case 'consultation-view':
      return [
        {
          table: 'consultation_views',
          statement: { sql: 'SELECT * FROM consultation_views WHERE id = ?', params: [submission.id] },
        },
      ];
    default:
      return [];
  }
}

/**
 * Rows about the person kept beside any submission, listed when there are some: its case and the notes written
 * on it (which may name the person), and a panel member's row (keyed hashes of the email and mobile, the city).
 */
const besides = (submission: StoredSubmission): Array<{ table: string; statement: Statement }> =>
  ['cases', 'case_notes', 'lab_panel'].map((table) => ({
    table,
    statement: { sql: `SELECT * FROM ${table} WHERE submission_id = ? ORDER BY 1`, params: [submission.id] },
  }));

export interface Held {
  reference: string;
  submission: StoredSubmission;
  contactErasedAt: string | null;
  /** Rows of other tables made from this submission, as stored. */
  related: Record<string, Record<string, unknown>[]>;
  /** The administration's recorded actions on this reference (who, when, what). */
  audit: Record<string, unknown>[];
}

/** Everything held about a reference, or undefined when there is no such submission (any more). */
export async function heldAbout(store: Store, reference: string): Promise<Held | undefined> {
  const found = await find(store, reference);
  if (!found) return undefined;
  const related: Held['related'] = {};
  const own = readModels(found.submission);
  for (const { table, statement } of [...own, ...besides(found.submission)]) {
    const rows = await store.all<Record<string, unknown>>(statement);
    if (rows.length === 0 && !own.some((model) => model.table === table)) continue;
    // Numbers as numbers (PostgreSQL gives BIGINT as text).
    related[table] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([name, value]) => [
          name,
          typeof value === 'string' && name === 'seq' ? Number(value) : value,
        ]),
      ),
    );
  }
  const audit = await store.all<Record<string, unknown>>({
    sql: 'SELECT at, actor, action, status FROM audit_log WHERE reference = ? ORDER BY seq',
    params: [reference],
  });
  return { reference, ...found, related, audit: audit.map((row) => ({ ...row, status: Number(row.status) })) };
}

/**
 * Deletes a submission and what was made from it that is about its sender: for an idea, the idea itself
 * (published or not: its author asked) and the supports counted for it. The tables touched, or undefined
 * when there is no such submission.
 */
export async function eraseReference(
  store: Store,
  reference: string,
): Promise<{ kind: string; removed: string[] } | undefined> {
  const found = await find(store, reference);
  if (!found) return undefined;
  const { id, kind } = found.submission;
  const statements: Statement[] = [];
  const removed = ['submissions'];
  if (kind === 'idea') {
    statements.push(
      { sql: 'DELETE FROM idea_supports WHERE idea_id = ?', params: [id] },
      { sql: 'DELETE FROM ideas WHERE id = ?', params: [id] },
    );
    removed.push('ideas', 'idea_supports');
  }
  statements.push({ sql: 'DELETE FROM submissions WHERE id = ?', params: [id] }, PANEL_CLEANUP, ...CASES_CLEANUP);
  await store.batch(statements);
  return { kind, removed };
}

/** Erases only the contact details (the message stays); when they were erased, or undefined when no such submission. */
export async function eraseContactOf(
  store: Store,
  reference: string,
  now: Date,
): Promise<{ contactErasedAt: string } | undefined> {
  const found = await find(store, reference);
  if (!found) return undefined;
  const { statements } = eraseContactStatements(found.submission.id, dataOf(found.submission.data), now);
  await store.batch([...statements, PANEL_CLEANUP]);
  const after = await find(store, reference);
  return after?.contactErasedAt ? { contactErasedAt: after.contactErasedAt } : undefined;
}
