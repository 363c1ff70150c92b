/**
 * Cases as stored (tables cases and case_notes, migration 0009): one for each feedback message and each page
 * comment, made with it (kinds.ts `openCase`), read and changed in the console. What a case shows of the
 * submission (its text, what it is about, whether contact details are still held) is read from the
 * submission itself, so an erasure or the retention sweep is seen at once.
 */
import type { Schemas } from '../../contract.js';
import { dataOf, eraseContactStatements } from '../../privacy/contact.js';
import { cursorNumber, keysetPage, whereOf } from '../../store/sql.js';
import type { Statement, Store } from '../../store/types.js';
import type { MailResult } from './reply-mail.js';

export type CaseSummary = Schemas['CaseSummary'];
export type CaseDetail = Schemas['CaseDetail'];
export type CaseNote = Schemas['CaseNote'];
export type CasePatch = Schemas['CasePatch'];
export type ReplyByEmail = CaseDetail['replyByEmail'];

export interface CaseFilter {
  status?: string | undefined;
  kind?: string | undefined;
  assignee?: string | undefined;
  tag?: string | undefined;
  after?: string | undefined;
  limit: number;
}

/** Who changed it and when: the account's name (or `token`), and the time of the request. */
export interface CaseChange {
  actor: string;
  at: Date;
}

interface CaseRow {
  seq: number | string;
  id: string;
  reference: string;
  kind: string;
  received_at: string | Date;
  page_url: string;
  locale: string;
  data: unknown;
  status: string;
  assignee: string | null;
  tags: string;
  updated_at: string | null;
  updated_by: string | null;
  contact_erased_at: string | null;
  notes: number | string;
}

const SELECT =
  'SELECT s.seq, s.id, s.reference, s.kind, s.received_at, s.page_url, s.locale, s.data, ' +
  'c.status, c.assignee, c.tags, c.updated_at, c.updated_by, s.contact_erased_at, ' +
  '(SELECT count(*) FROM case_notes n WHERE n.submission_id = s.id) AS notes ' +
  'FROM cases c JOIN submissions s ON s.id = c.submission_id';

/** The statement that opens a case for a submission being stored (kinds.ts). */
export const openCase = (submissionId: string): Statement => ({
  sql: 'INSERT INTO cases (submission_id) VALUES (?)',
  params: [submissionId],
});

/** Cases and notes of submissions that are gone: run after any deletion. */
export const CASES_CLEANUP: readonly Statement[] = [
  { sql: 'DELETE FROM case_notes WHERE submission_id NOT IN (SELECT id FROM submissions)', params: [] },
  { sql: 'DELETE FROM cases WHERE submission_id NOT IN (SELECT id FROM submissions)', params: [] },
];

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const tagsOf = (spaced: string): string[] => spaced.split(' ').filter(Boolean);
const spacedTags = (tags: readonly string[]): string => ` ${tags.join(' ')} `;

function summaryOf(row: CaseRow): CaseSummary {
  const data = dataOf(row.data);
  const feedback = row.kind === 'feedback';
  const about = feedback ? record(data.type).label : data.answer;
  return {
    reference: row.reference,
    kind: row.kind as CaseSummary['kind'],
    receivedAt: new Date(row.received_at).toISOString(),
    page: row.page_url,
    locale: row.locale as CaseSummary['locale'],
    ...(typeof about === 'string' ? { about } : {}),
    text: String((feedback ? data.message : data.comment) ?? ''),
    status: row.status as CaseSummary['status'],
    assignee: row.assignee,
    tags: tagsOf(row.tags),
    hasContact: 'contact' in data,
    notes: Number(row.notes),
  };
}

export async function listCases(store: Store, filter: CaseFilter): Promise<Schemas['CaseList']> {
  const { sql: where, params } = whereOf([
    ['c.status = ?', filter.status],
    ['s.kind = ?', filter.kind],
    ['c.assignee = ?', filter.assignee],
    ['c.tags LIKE ?', filter.tag === undefined ? undefined : `% ${filter.tag} %`],
    ['s.seq < ?', cursorNumber(filter.after)],
  ]);
  const rows = await store.all<CaseRow>({
    sql: `${SELECT} ${where} ORDER BY s.seq DESC LIMIT ?`,
    params: [...params, filter.limit + 1],
  });
  return keysetPage(rows, filter.limit, summaryOf, (row) => row.seq);
}

export const CASE_HEADERS = [
  'reference',
  'kind',
  'received at',
  'page',
  'language',
  'about',
  'text',
  'status',
  'assignee',
  'tags',
  'contact held',
  'notes',
];

/** Every case the filter finds, as CSV rows (no contact details), read a page at a time. */
export async function* caseRows(store: Store, filter: Omit<CaseFilter, 'after' | 'limit'>): AsyncGenerator<unknown[]> {
  let after: string | undefined;
  do {
    const page = await listCases(store, { ...filter, after, limit: 500 });
    for (const c of page.items) {
      yield [
        c.reference,
        c.kind,
        c.receivedAt,
        c.page,
        c.locale,
        c.about,
        c.text,
        c.status,
        c.assignee,
        c.tags.join(' '),
        c.hasContact ? 'yes' : 'no',
        c.notes,
      ];
    }
    after = page.next;
  } while (after);
}

async function caseRow(store: Store, reference: string): Promise<CaseRow | undefined> {
  const [row] = await store.all<CaseRow>({ sql: `${SELECT} WHERE s.reference = ?`, params: [reference] });
  return row;
}

interface NoteRow {
  id: number | string;
  text: string;
  at: string;
  written_by: string;
  email_status: 'sent' | 'failed' | null;
  email_at: string | null;
  email_failure: string | null;
}

const noteOf = (row: NoteRow): CaseNote => ({
  id: String(row.id),
  text: row.text,
  at: row.at,
  by: row.written_by,
  email:
    row.email_status === null
      ? null
      : {
          sent: row.email_status === 'sent',
          at: row.email_at ?? row.at,
          ...(row.email_failure === null ? {} : { failure: row.email_failure }),
        },
});

const NOTE_COLUMNS = 'id, text, at, written_by, email_status, email_at, email_failure';

async function notesOf(store: Store, submissionId: string): Promise<CaseNote[]> {
  const rows = await store.all<NoteRow>({
    sql: `SELECT ${NOTE_COLUMNS} FROM case_notes WHERE submission_id = ? ORDER BY id`,
    params: [submissionId],
  });
  return rows.map(noteOf);
}

/**
 * Whether a note can go to the visitor by email: SMTP settings (`mailing`), and an email address still held
 * (not erased on closing, by reference or by the retention sweep).
 */
function replyByEmailOf(row: CaseRow, mailing: boolean): ReplyByEmail {
  if (!mailing) return 'not-configured';
  if (typeof emailOf(row) === 'string') return 'available';
  return row.contact_erased_at ? 'contact-erased' : 'no-email';
}

const emailOf = (row: CaseRow): string | undefined => {
  const email = record(dataOf(row.data).contact).email;
  return typeof email === 'string' && email ? email : undefined;
};

/** `mailing`: the collector has SMTP settings (config.smtp), so notes may be sent by email. */
export async function caseByReference(
  store: Store,
  reference: string,
  mailing = false,
): Promise<CaseDetail | undefined> {
  const row = await caseRow(store, reference);
  if (!row) return undefined;
  const contact = dataOf(row.data).contact;
  return {
    case: summaryOf(row),
    contact: contact === undefined ? null : (contact as Schemas['FeedbackContact']),
    notes: await notesOf(store, row.id),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    replyByEmail: replyByEmailOf(row, mailing),
  };
}

/** Where a reply to the case goes by email, as it is now: its address and language, or why none. */
export async function replyAddress(
  store: Store,
  reference: string,
): Promise<
  { to: string; locale: string } | { none: Exclude<ReplyByEmail, 'available' | 'not-configured'> } | undefined
> {
  const row = await caseRow(store, reference);
  if (!row) return undefined;
  const to = emailOf(row);
  if (to) return { to, locale: row.locale };
  return { none: row.contact_erased_at ? 'contact-erased' : 'no-email' };
}

/** Records how sending a note by email went, on the note; the note itself was stored before the try. */
export async function recordEmail(store: Store, note: CaseNote, result: MailResult, at: Date): Promise<CaseNote> {
  const failure = result.sent ? null : result.failure;
  await store.batch([
    {
      sql: 'UPDATE case_notes SET email_status = ?, email_at = ?, email_failure = ? WHERE id = ?',
      params: [result.sent ? 'sent' : 'failed', at.toISOString(), failure, Number(note.id)],
    },
  ]);
  return { ...note, email: { sent: result.sent, at: at.toISOString(), ...(failure === null ? {} : { failure }) } };
}

/** Changes a case, and erases its contact details when asked (with `closed`); undefined when there is none. */
export async function updateCase(
  store: Store,
  reference: string,
  patch: CasePatch,
  { actor, at }: CaseChange,
  mailing = false,
): Promise<CaseDetail | undefined> {
  const row = await caseRow(store, reference);
  if (!row) return undefined;
  const statements: Statement[] = [
    {
      sql: 'UPDATE cases SET status = ?, assignee = ?, tags = ?, updated_at = ?, updated_by = ? WHERE submission_id = ?',
      params: [
        patch.status ?? row.status,
        patch.assignee === undefined ? row.assignee : patch.assignee,
        patch.tags === undefined ? row.tags : spacedTags(patch.tags),
        at.toISOString(),
        actor,
        row.id,
      ],
    },
  ];
  if (patch.eraseContact) statements.push(...eraseContactStatements(row.id, dataOf(row.data), at).statements);
  await store.batch(statements);
  return caseByReference(store, reference, mailing);
}

export async function addNote(
  store: Store,
  reference: string,
  text: string,
  { actor, at }: CaseChange,
): Promise<CaseNote | undefined> {
  const row = await caseRow(store, reference);
  if (!row) return undefined;
  const [note] = await store.all<{ id: number | string }>({
    sql: 'INSERT INTO case_notes (submission_id, text, at, written_by) VALUES (?, ?, ?, ?) RETURNING id',
    params: [row.id, text.trim(), at.toISOString(), actor],
  });
  return { id: String(note!.id), text: text.trim(), at: at.toISOString(), by: actor, email: null };
}
