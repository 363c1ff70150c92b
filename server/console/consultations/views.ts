/**
 * The views sent on a consultation as the console lists them: every one as it arrived (the `consultation_views`
 * row with its submission, for the time, the language and the comment), newest first, a page at a time, each
 * saying whether it still counts (a later view naming it in `replaces` takes its place, as
 * content/consultations.ts counts them). Also the CSV of all of them, and of the consultations' list.
 */
import type { Schemas } from '../../contract.js';
import { dataOf } from '../../privacy/contact.js';
import { cursorNumber, keysetPage, whereOf } from '../../store/sql.js';
import type { Store } from '../../store/types.js';

type ViewItem = Schemas['ConsultationViewItem'];
type LocalText = Schemas['LocalText'];

interface ViewRow {
  seq: number | string;
  reference: string;
  received_at: string | Date;
  locale: string;
  data: unknown;
  stance: string;
  replaced: number | string;
}

const SELECT =
  'SELECT s.seq, s.reference, s.received_at, s.locale, s.data, v.stance, ' +
  '(SELECT count(*) FROM consultation_views later WHERE later.replaces = v.id AND later.consultation_id = v.consultation_id) AS replaced ' +
  'FROM consultation_views v JOIN submissions s ON s.id = v.id';

function itemOf(row: ViewRow): ViewItem {
  const comment = dataOf(row.data).comment;
  return {
    reference: row.reference,
    receivedAt: new Date(row.received_at).toISOString(),
    locale: row.locale as ViewItem['locale'],
    stance: row.stance as ViewItem['stance'],
    ...(typeof comment === 'string' ? { comment } : {}),
    counted: Number(row.replaced) === 0,
  };
}

export async function listViews(
  store: Store,
  consultationId: string,
  page: { after?: string | undefined; limit: number },
): Promise<Schemas['ConsultationViewList']> {
  const { sql: where, params } = whereOf([
    ['v.consultation_id = ?', consultationId],
    ['s.seq < ?', cursorNumber(page.after)],
  ]);
  const rows = await store.all<ViewRow>({
    sql: `${SELECT} ${where} ORDER BY s.seq DESC LIMIT ?`,
    params: [...params, page.limit + 1],
  });
  return keysetPage(rows, page.limit, itemOf, (row) => row.seq);
}

export const VIEW_HEADERS = ['reference', 'received at', 'language', 'stance', 'comment', 'counted'];

/** Every view of the consultation, newest first, as CSV rows, read a page at a time. */
export async function* viewRows(store: Store, consultationId: string): AsyncGenerator<unknown[]> {
  let after: string | undefined;
  do {
    const page = await listViews(store, consultationId, { after, limit: 500 });
    for (const view of page.items)
      yield [view.reference, view.receivedAt, view.locale, view.stance, view.comment, view.counted ? 'yes' : 'no'];
    after = page.next;
  } while (after);
}

export const CONSULTATION_HEADERS = [
  'id',
  'type',
  'title (Arabic)',
  'title (English)',
  'opens at',
  'closes at',
  'status',
  'support',
  'neutral',
  'oppose',
  'participants',
  'outcome published at',
];

/** A text in one language: the one given for every language, or that language's. */
const textIn = (text: LocalText | undefined, language: 'ar' | 'en'): string | undefined =>
  typeof text === 'string' ? text : text?.[language];

/** Where a consultation stands at `now`: from its dates and whether its outcome is out. */
export function consultationStatus(
  item: Schemas['Consultation'],
  now: Date,
): 'upcoming' | 'open' | 'closed' | 'outcome' {
  if (item.outcome) return 'outcome';
  if (now.getTime() < Date.parse(item.opensAt)) return 'upcoming';
  return now.getTime() < Date.parse(item.closesAt) ? 'open' : 'closed';
}

export function consultationRows(list: readonly Schemas['AdminConsultation'][], now: Date): unknown[][] {
  return list.map(({ consultation: item, views }) => [
    item.id,
    item.type,
    textIn(item.title, 'ar'),
    textIn(item.title, 'en'),
    item.opensAt,
    item.closesAt,
    consultationStatus(item, now),
    views.support,
    views.neutral,
    views.oppose,
    item.participants,
    item.outcome?.publishedAt,
  ]);
}
