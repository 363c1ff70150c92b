/**
 * Ideas as the public reads them (`GET /ideas`: published only, a page at a time) and as the ministry
 * reviews them (list, publish or reject, status, answer). The `ideas` table is kept by the `idea` and
 * `idea-support` kinds (kinds.ts) and by these functions; both stores run the same statements.
 */
import type { Schemas } from '../contract.js';
import type { Store } from '../store/types.js';
import { cursorNumber, keysetPage, whereOf } from '../store/sql.js';
import { utc } from '../time.js';

export type Idea = Schemas['Idea'];
export type AdminIdea = Schemas['AdminIdea'];
export type IdeaStatus = Schemas['IdeaStatus'];
export type IdeaReview = Schemas['IdeaReview'];
export type ReviewState = Schemas['IdeaReviewState'];

/** Every review state, in the order the review page lists them. */
export const STATES: readonly ReviewState[] = ['pending', 'published', 'rejected'];

interface IdeaRow {
  seq: number | string;
  id: string;
  state: ReviewState;
  status: IdeaStatus;
  title: string;
  description: string;
  topic_code: string | null;
  topic_label: string | null;
  supports: number | string;
  received_at: string;
  published_at: string | null;
  answer_text: string | null;
  answer_at: string | null;
  answer_from: IdeaStatus | null;
  answer_to: IdeaStatus | null;
  reference?: string | null;
  locale?: string | null;
}

const COLUMNS =
  'ideas.seq, ideas.id, state, status, title, description, topic_code, topic_label, supports, ideas.received_at, published_at, answer_text, answer_at, answer_from, answer_to';

function answerOf(row: IdeaRow): Idea['answer'] {
  if (!row.answer_text) return undefined;
  return {
    text: row.answer_text,
    ...(row.answer_at ? { at: row.answer_at } : {}),
    ...(row.answer_from ? { from: row.answer_from } : {}),
    ...(row.answer_to ? { to: row.answer_to } : {}),
  };
}

function publicIdea(row: IdeaRow): Idea {
  const answer = answerOf(row);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    ...(row.topic_code ? { topic: { code: row.topic_code, label: row.topic_label ?? '' } } : {}),
    supports: Number(row.supports),
    status: row.status,
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
    ...(answer ? { answer } : {}),
  };
}

function adminIdea(row: IdeaRow): AdminIdea {
  return {
    ...publicIdea(row),
    reference: row.reference ?? null,
    locale: row.locale === 'ar' || row.locale === 'en' ? row.locale : null,
    state: row.state,
    receivedAt: row.received_at,
  };
}

/** An id as the contract's `IdeaId` allows it (and a database can hold). */
export function isIdeaId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= 200 &&
    /\S/.test(value) &&
    !value.includes('\u0000') &&
    value.isWellFormed()
  );
}

// ------------------------------------------------------------------------------------------ the public list

export type Sort = 'supported' | 'newest';

/** A page's ideas stay within this many bytes of JSON: the elements read 64 KB at most. */
export const PAGE_BYTES = 60 * 1024;

export interface IdeaQuery {
  sort: Sort;
  limit: number;
  topic?: string | undefined;
  /** Decoded with `readCursor`. */
  after?: CursorKey | undefined;
}

/** Where a page ended: the sort's key of its last idea (supporters, publication, id). */
export type CursorKey = [number, string, string] | [string, string];

/** The opaque `next`: the last idea's sort key, as base64url JSON. */
function writeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor this collector wrote for `sort`, or undefined when it is not one. */
export function readCursor(text: string, sort: Sort): CursorKey | undefined {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(key)) return undefined;
  // Only what this collector writes: a count the column can hold, a stored time, an id it could store.
  const count = (value: unknown): value is number =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647;
  const time = (value: unknown): value is string =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value);
  if (sort === 'supported') {
    const [supports, at, id] = key as unknown[];
    return key.length === 3 && count(supports) && time(at) && isIdeaId(id) ? [supports, at, id] : undefined;
  }
  const [at, id] = key as unknown[];
  return key.length === 2 && time(at) && isIdeaId(id) ? [at, id] : undefined;
}

/**
 * One page of published ideas. Keyset paging (the rows after the last one shown, by the sort's key), so a
 * page costs the same however deep it is, and an idea published meanwhile does not shift the next page.
 */
export async function ideasPage(store: Store, query: IdeaQuery): Promise<Schemas['IdeaPage']> {
  const where = ["state = 'published'"];
  const params: (string | number)[] = [];
  if (query.topic) {
    where.push('topic_code = ?');
    params.push(query.topic);
  }
  const [{ n }] = (await store.all<{ n: number | string }>({
    sql: `SELECT COUNT(*) AS n FROM ideas WHERE ${where.join(' AND ')}`,
    params,
  })) as [{ n: number | string }];

  const supported = query.sort === 'supported';
  const paged = [...where];
  const pagedParams = [...params];
  if (query.after) {
    paged.push(supported ? '(supports, published_at, ideas.id) < (?, ?, ?)' : '(published_at, ideas.id) < (?, ?)');
    pagedParams.push(...query.after);
  }
  const order = supported ? 'supports DESC, published_at DESC, ideas.id DESC' : 'published_at DESC, ideas.id DESC';
  const rows = await store.all<IdeaRow>({
    sql: `SELECT ${COLUMNS} FROM ideas WHERE ${paged.join(' AND ')} ORDER BY ${order} LIMIT ?`,
    params: [...pagedParams, query.limit + 1],
  });
  // No more than fits the bytes an element reads (always at least one idea; one is at most about 21 KB).
  const page: IdeaRow[] = [];
  let bytes = 0;
  for (const row of rows.slice(0, query.limit)) {
    bytes += Buffer.byteLength(JSON.stringify(publicIdea(row))) + 1;
    if (page.length > 0 && bytes > PAGE_BYTES) break;
    page.push(row);
  }
  const more = rows.length > page.length;
  const last = page.at(-1);
  const next =
    more && last
      ? writeCursor(supported ? [Number(last.supports), last.published_at!, last.id] : [last.published_at!, last.id])
      : undefined;
  return { items: page.map(publicIdea), ...(next ? { next } : {}), total: Number(n) };
}

// -------------------------------------------------------------------------------------------- the review

export interface IdeaFilter {
  state?: ReviewState | undefined;
  /** The language of the element it was sent from (a seeded idea has none, and is left out). */
  language?: string | undefined;
  /** Arrived at or after, and before: ISO 8601 UTC. */
  from?: string | undefined;
  to?: string | undefined;
  after?: string | undefined;
  limit: number;
}

/** Every idea, newest first, with its submission's reference; `after` is the `seq` the last page ended on. */
export async function listIdeas(store: Store, filter: IdeaFilter): Promise<Schemas['AdminIdeaList']> {
  const { sql: where, params } = whereOf([
    ['state = ?', filter.state],
    ['submissions.locale = ?', filter.language],
    ['ideas.received_at >= ?', filter.from],
    ['ideas.received_at < ?', filter.to],
    ['ideas.seq < ?', cursorNumber(filter.after)],
  ]);
  const rows = await store.all<IdeaRow>({
    sql: `SELECT ${COLUMNS}, submissions.reference, submissions.locale FROM ideas LEFT JOIN submissions ON submissions.id = ideas.id ${where} ORDER BY ideas.seq DESC LIMIT ?`,
    params: [...params, filter.limit + 1],
  });
  return keysetPage(rows, filter.limit, adminIdea, (row) => row.seq);
}

async function ideaRow(store: Store, id: string): Promise<IdeaRow | undefined> {
  const [row] = await store.all<IdeaRow>({
    sql: `SELECT ${COLUMNS}, submissions.reference, submissions.locale FROM ideas LEFT JOIN submissions ON submissions.id = ideas.id WHERE ideas.id = ?`,
    params: [id],
  });
  return row;
}

/**
 * Applies a review: the state (published the first time sets the publication time), the status, and an
 * answer dated `now` that records the status change it came with. Undefined when there is no such idea.
 */
export async function reviewIdea(
  store: Store,
  id: string,
  review: IdeaReview,
  now: Date,
): Promise<AdminIdea | undefined> {
  const row = await ideaRow(store, id);
  if (!row) return undefined;
  const state = review.state ?? row.state;
  const status = review.status ?? row.status;
  const publishedAt = row.published_at ?? (state === 'published' ? now.toISOString() : null);
  const changed = review.status !== undefined && review.status !== row.status;
  let answer: [string | null, string | null, string | null, string | null];
  if (review.answer === null) answer = [null, null, null, null];
  else if (review.answer !== undefined)
    answer = [review.answer.trim(), now.toISOString(), changed ? row.status : null, changed ? status : null];
  // A later change of status is not the one the answer made: the answer no longer says "from … to …".
  else answer = [row.answer_text, row.answer_at, changed ? null : row.answer_from, changed ? null : row.answer_to];
  await store.batch([
    {
      sql: 'UPDATE ideas SET state = ?, status = ?, published_at = ?, answer_text = ?, answer_at = ?, answer_from = ?, answer_to = ? WHERE id = ?',
      params: [state, status, publishedAt, ...answer, id],
    },
  ]);
  return adminIdea((await ideaRow(store, id))!);
}

/** An idea the collector is seeded with (the demo), published as given; nothing when its id exists. */
export function seededIdea(idea: Idea & { publishedAt: string }): { sql: string; params: (string | number | null)[] } {
  return {
    sql:
      'INSERT INTO ideas (id, state, status, title, description, topic_code, topic_label, supports, received_at, published_at, answer_text, answer_at, answer_from, answer_to) ' +
      "VALUES (?, 'published', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
    params: [
      idea.id,
      idea.status,
      idea.title,
      idea.description,
      idea.topic?.code ?? null,
      idea.topic?.label ?? null,
      idea.supports,
      utc(idea.publishedAt) ?? idea.publishedAt,
      utc(idea.publishedAt) ?? idea.publishedAt,
      idea.answer?.text ?? null,
      idea.answer?.at ?? null,
      idea.answer?.from ?? null,
      idea.answer?.to ?? null,
    ],
  };
}
