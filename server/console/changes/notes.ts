/**
 * "What we changed" notes as stored (table change_notes, migration 0006): written in the console, read by
 * the page poll. Every page URL given here is already the key votes are stored under (privacy/page-url.ts):
 * the routes make it so, on the way in and on the way out.
 */
import type { Schemas } from '../../contract.js';
import { cursorNumber, keysetPage, whereOf } from '../../store/sql.js';
import type { Store } from '../../store/types.js';

export type ChangeNote = Schemas['ChangeNote'];
export type ChangeNoteInput = Schemas['ChangeNoteInput'];
export type ChangeNotePatch = Schemas['ChangeNotePatch'];
export type PageChanges = Schemas['PageChanges'];

interface NoteRow {
  id: number | string;
  page_url: string;
  changed_on: string;
  text_ar: string;
  text_en: string;
  link: string | null;
  published: number | string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const COLUMNS =
  'id, page_url, changed_on, text_ar, text_en, link, published, created_at, created_by, updated_at, updated_by';

function toNote(row: NoteRow): ChangeNote {
  return {
    id: String(row.id),
    page: row.page_url,
    date: row.changed_on,
    text: { ar: row.text_ar, en: row.text_en },
    link: row.link,
    published: Number(row.published) === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** Who did it and when: the account's name (or `token`), and the time of the request. */
export interface Change {
  actor: string;
  at: Date;
}

/** Notes newest written first, one more than the page asked for to know whether another follows. */
export async function listNotes(
  store: Store,
  filter: { page?: string | undefined; after?: string | undefined; limit: number },
): Promise<Schemas['ChangeNoteList']> {
  const { sql: where, params } = whereOf([
    ['page_url = ?', filter.page],
    ['id < ?', cursorNumber(filter.after)],
  ]);
  const rows = await store.all<NoteRow>({
    sql: `SELECT ${COLUMNS} FROM change_notes ${where} ORDER BY id DESC LIMIT ?`,
    params: [...params, filter.limit + 1],
  });
  return keysetPage(rows, filter.limit, toNote, (row) => row.id);
}

export async function noteById(store: Store, id: string): Promise<ChangeNote | undefined> {
  const [row] = await store.all<NoteRow>({
    sql: `SELECT ${COLUMNS} FROM change_notes WHERE id = ?`,
    params: [Number(id)],
  });
  return row && toNote(row);
}

export async function createNote(store: Store, input: ChangeNoteInput, { actor, at }: Change): Promise<ChangeNote> {
  const when = at.toISOString();
  const [row] = await store.all<NoteRow>({
    sql:
      'INSERT INTO change_notes (page_url, changed_on, text_ar, text_en, link, published, ' +
      'created_at, created_by, updated_at, updated_by) ' +
      `VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    params: [
      input.page,
      input.date,
      input.text.ar,
      input.text.en,
      input.link ?? null,
      input.published ? 1 : 0,
      when,
      actor,
      when,
      actor,
    ],
  });
  return toNote(row!);
}

/** The note with the patch applied; undefined when there is no such note. */
export async function editNote(
  store: Store,
  id: string,
  patch: ChangeNotePatch,
  { actor, at }: Change,
): Promise<ChangeNote | undefined> {
  const before = await noteById(store, id);
  if (!before) return undefined;
  const link = patch.link === undefined ? before.link : patch.link;
  const text = patch.text ?? before.text;
  const [row] = await store.all<NoteRow>({
    sql:
      'UPDATE change_notes SET page_url = ?, changed_on = ?, text_ar = ?, text_en = ?, link = ?, published = ?, ' +
      'updated_at = ?, updated_by = ? ' +
      `WHERE id = ? RETURNING ${COLUMNS}`,
    params: [
      patch.page ?? before.page,
      patch.date ?? before.date,
      text.ar,
      text.en,
      link,
      (patch.published ?? before.published) ? 1 : 0,
      at.toISOString(),
      actor,
      Number(id),
    ],
  });
  return row && toNote(row);
}

/** Whether there was such a note. */
export async function deleteNote(store: Store, id: string): Promise<boolean> {
  const rows = await store.all<{ id: number | string }>({
    sql: 'DELETE FROM change_notes WHERE id = ? RETURNING id',
    params: [Number(id)],
  });
  return rows.length > 0;
}

/** What the poll is served: the page's published note of the latest day (of that day, the last written). */
export async function latestPublished(store: Store, pageUrl: string): Promise<PageChanges> {
  const [row] = await store.all<NoteRow>({
    sql:
      `SELECT ${COLUMNS} FROM change_notes WHERE page_url = ? AND published = 1 ` +
      'ORDER BY changed_on DESC, id DESC LIMIT 1',
    params: [pageUrl],
  });
  if (!row) return { note: null };
  return {
    note: {
      date: row.changed_on,
      text: { ar: row.text_ar, en: row.text_en },
      ...(row.link === null ? {} : { link: row.link }),
    },
  };
}
