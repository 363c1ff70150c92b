/**
 * The Innovation Lab's participant panel as the console reads it: the sign-ups still on the panel
 * (lab_panel, migration 0008), filtered by kind of session, topic and city, newest first, with what the
 * person gave (their contact details among it: the routes let only moderators read this).
 */
import type { Schemas } from '../../contract.js';
import { dataOf } from '../../privacy/contact.js';
import { cursorNumber, keysetPage, whereOf } from '../../store/sql.js';
import type { Store } from '../../store/types.js';

export type PanelMember = Schemas['PanelMember'];

export interface PanelFilter {
  session?: string | undefined;
  topic?: string | undefined;
  city?: string | undefined;
  after?: string | undefined;
  limit: number;
}

interface MemberRow {
  seq: number | string;
  reference: string;
  received_at: string;
  data: unknown;
}

/** `LIKE` finds a code between the spaces lab_panel keeps around each (lab/panel.ts `spaced`), literally. */
const containing = (code: string | undefined): string | undefined =>
  code === undefined ? undefined : `% ${code.replace(/[!%_]/g, '!$&')} %`;

function toMember(row: MemberRow): PanelMember {
  const data = dataOf(row.data) as Schemas['LabSignupData'];
  return {
    reference: row.reference,
    receivedAt: new Date(row.received_at).toISOString(),
    sessions: data.sessions,
    topics: data.topics ?? [],
    attendance: data.attendance,
    ...(data.city === undefined ? {} : { city: data.city }),
    language: data.language,
    ...(data.ageBand === undefined ? {} : { ageBand: data.ageBand }),
    contact: data.contact,
  };
}

export async function listMembers(store: Store, filter: PanelFilter): Promise<Schemas['PanelMemberList']> {
  const { sql: where, params } = whereOf(
    [
      ["p.sessions LIKE ? ESCAPE '!'", containing(filter.session)],
      ["p.topics LIKE ? ESCAPE '!'", containing(filter.topic)],
      ['lower(p.city) = lower(?)', filter.city?.trim()],
      ['s.seq < ?', cursorNumber(filter.after)],
    ],
    ['s.contact_erased_at IS NULL'],
  );
  const rows = await store.all<MemberRow>({
    sql:
      'SELECT s.seq, s.reference, s.received_at, s.data FROM lab_panel p JOIN submissions s ON s.id = p.submission_id ' +
      `${where} ORDER BY s.seq DESC LIMIT ?`,
    params: [...params, filter.limit + 1],
  });
  return keysetPage(rows, filter.limit, toMember, (row) => row.seq);
}

export const MEMBER_HEADERS = [
  'reference',
  'received at',
  'sessions',
  'topics',
  'attendance',
  'city',
  'language',
  'age band',
  'name',
  'email',
  'mobile',
];

/** The whole filtered list as CSV rows, read a page at a time. */
export async function* memberRows(
  store: Store,
  filter: Omit<PanelFilter, 'after' | 'limit'>,
): AsyncGenerator<unknown[]> {
  let after: string | undefined;
  do {
    const page = await listMembers(store, { ...filter, after, limit: 500 });
    for (const member of page.items) {
      yield [
        member.reference,
        member.receivedAt,
        member.sessions.join('; '),
        member.topics.map((topic) => topic.label).join('; '),
        member.attendance.join('; '),
        member.city,
        member.language,
        member.ageBand,
        member.contact.name,
        member.contact.email,
        member.contact.mobile,
      ];
    }
    after = page.next;
  } while (after);
}
