/**
 * Consultations as the card reads them (`GET /consultations/{id}`) and as the ministry writes them (create
 * or change, publish the outcome). `participants` is counted: the views kept (one per visitor, see the
 * `consultation-view` kind in kinds.ts) plus those the ministry took elsewhere (`participantsElsewhere`).
 * The type (legal or non-legal) is a column of its own, which the administration's list filters on.
 */
import type { FieldError, Schemas } from '../contract.js';
import type { Store } from '../store/types.js';
import { utc } from '../time.js';

export type Consultation = Schemas['Consultation'];
export type ConsultationInput = Schemas['ConsultationInput'];
export type OutcomeInput = Schemas['OutcomeInput'];
export type StanceCounts = Schemas['StanceCounts'];
export type ConsultationType = Schemas['ConsultationType'];

interface ConsultationRow {
  id: string;
  type: ConsultationType;
  content: string;
  opens_at: string;
  closes_at: string;
  outcome: string | null;
}

const NONE: StanceCounts = { support: 0, neutral: 0, oppose: 0 };

const COLUMNS = 'id, type, content, opens_at, closes_at, outcome';

/** A new consultation names its type: the ministry decides it, no default would be right for every one. */
const TYPE_NEEDED: FieldError = {
  field: 'type',
  code: 'required',
  message: 'type is required to create a consultation: legal (draft regulations and laws) or non-legal.',
};

/** A consultation as served stays within this many bytes of JSON: the card reads 64 KB at most. */
export const CONSULTATION_BYTES = 60 * 1024;

/** Refused when what the card would read is larger than it reads. */
const TOO_LARGE: FieldError = {
  field: '',
  code: 'too-long',
  message: `The consultation as served would be larger than ${CONSULTATION_BYTES} bytes, more than the card reads.`,
};

/** Whether the row, as served with any count of participants, fits what the card reads. */
function fits(item: ConsultationRow): boolean {
  return (
    Buffer.byteLength(JSON.stringify(toPublic(item, { support: 2 ** 31, neutral: 0, oppose: 0 }))) <= CONSULTATION_BYTES
  );
}

/** The views kept on each consultation (or on one), by stance. */
async function viewsBy(store: Store, id?: string): Promise<Map<string, StanceCounts>> {
  const rows = await store.all<{ consultation_id: string; stance: keyof StanceCounts; n: number | string }>({
    // A view is kept unless a later one of the same consultation names it in `replaces`.
    sql:
      'SELECT consultation_id, stance, COUNT(*) AS n FROM consultation_views AS kept WHERE NOT EXISTS ' +
      '(SELECT 1 FROM consultation_views AS later WHERE later.replaces = kept.id AND later.consultation_id = kept.consultation_id)' +
      `${id === undefined ? '' : ' AND consultation_id = ?'} GROUP BY consultation_id, stance`,
    params: id === undefined ? [] : [id],
  });
  const counts = new Map<string, StanceCounts>();
  for (const row of rows) {
    const of = counts.get(row.consultation_id) ?? { ...NONE };
    if (row.stance in of) of[row.stance] = Number(row.n);
    counts.set(row.consultation_id, of);
  }
  return counts;
}

function toPublic(row: ConsultationRow, views: StanceCounts): Consultation {
  const { participantsElsewhere = 0, ...content } = JSON.parse(row.content) as Omit<
    ConsultationInput,
    'opensAt' | 'closesAt'
  >;
  return {
    id: row.id,
    type: row.type,
    ...content,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    participants: participantsElsewhere + views.support + views.neutral + views.oppose,
    ...(row.outcome ? { outcome: JSON.parse(row.outcome) as Schemas['Outcome'] } : {}),
  };
}

async function row(store: Store, id: string): Promise<ConsultationRow | undefined> {
  const [found] = await store.all<ConsultationRow>({
    sql: `SELECT ${COLUMNS} FROM consultations WHERE id = ?`,
    params: [id],
  });
  return found;
}

export async function consultation(store: Store, id: string): Promise<Consultation | undefined> {
  const found = await row(store, id);
  return found && toPublic(found, (await viewsBy(store, id)).get(id) ?? NONE);
}

/** Every consultation (or every one of `type`), the latest to open first, with the views kept on it. */
export async function listConsultations(
  store: Store,
  type?: ConsultationType,
): Promise<Schemas['AdminConsultation'][]> {
  const rows = await store.all<ConsultationRow>({
    sql: `SELECT ${COLUMNS} FROM consultations${type ? ' WHERE type = ?' : ''} ORDER BY opens_at DESC, id`,
    params: type ? [type] : [],
  });
  const views = await viewsBy(store);
  return rows.map((item) => {
    const counted = views.get(item.id) ?? NONE;
    return { consultation: toPublic(item, counted), views: counted };
  });
}

/** One consultation with the views kept on it, as the administration's list gives each; undefined when none. */
export async function adminConsultation(store: Store, id: string): Promise<Schemas['AdminConsultation'] | undefined> {
  const found = await row(store, id);
  if (!found) return undefined;
  const counted = (await viewsBy(store, id)).get(id) ?? NONE;
  return { consultation: toPublic(found, counted), views: counted };
}

/** Why a consultation as written cannot be kept, or undefined when it can. */
export function inputProblem(input: ConsultationInput): FieldError | undefined {
  for (const field of ['opensAt', 'closesAt'] as const) {
    if (utc(input[field]) === undefined)
      return { field, code: 'invalid', message: `${field} is not a time this collector can keep.` };
  }
  if (utc(input.closesAt)! <= utc(input.opensAt)!) {
    return { field: 'closesAt', code: 'invalid', message: 'closesAt must be after opensAt.' };
  }
  return undefined;
}

/**
 * Creates or changes a consultation (its views and outcome stay); `when` is the time of the change. A
 * change without a type keeps the one it has, so a tool written before types can still change a
 * consultation; creating one without a type is refused. `createOnly`: never over one of the same id, decided
 * by the insert itself, so that two creating the same id at once cannot both succeed (`exists` for the other).
 */
export async function putConsultation(
  store: Store,
  id: string,
  input: ConsultationInput,
  when: Date,
): Promise<{ consultation: Consultation } | { refused: FieldError }>;
export async function putConsultation(
  store: Store,
  id: string,
  input: ConsultationInput,
  when: Date,
  options: { createOnly: boolean },
): Promise<{ consultation: Consultation } | { refused: FieldError } | { exists: true }>;
export async function putConsultation(
  store: Store,
  id: string,
  input: ConsultationInput,
  when: Date,
  { createOnly = false } = {},
): Promise<{ consultation: Consultation } | { refused: FieldError } | { exists: true }> {
  const { opensAt, closesAt, type: given, ...content } = input;
  const found = await row(store, id);
  const type = given ?? found?.type;
  if (!type) return { refused: TYPE_NEEDED };
  const outcome = found?.outcome ?? null;
  const written = { id, type, content: JSON.stringify(content), opens_at: utc(opensAt)!, closes_at: utc(closesAt)! };
  if (!fits({ ...written, outcome })) return { refused: TOO_LARGE };
  const insert = {
    sql: 'INSERT INTO consultations (id, type, content, opens_at, closes_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ',
    params: [id, type, written.content, written.opens_at, written.closes_at, when.toISOString()],
  };
  if (createOnly) {
    const inserted = await store.all({ ...insert, sql: `${insert.sql}ON CONFLICT (id) DO NOTHING RETURNING id` });
    if (!inserted.length) return { exists: true };
  } else {
    await store.batch([
      {
        ...insert,
        sql: `${insert.sql}ON CONFLICT (id) DO UPDATE SET type = excluded.type, content = excluded.content, opens_at = excluded.opens_at, closes_at = excluded.closes_at, updated_at = excluded.updated_at`,
      },
    ]);
  }
  return { consultation: (await consultation(store, id))! };
}

export type Published =
  { consultation: Consultation } | { missing: true } | { notClosed: true } | { refused: FieldError };

/**
 * Publishes (or corrects) the outcome, dated `now`: without `counts`, the views kept now, by stance.
 * Refused while the consultation is open (views still come in).
 */
export async function publishOutcome(store: Store, id: string, input: OutcomeInput, now: Date): Promise<Published> {
  const found = await row(store, id);
  if (!found) return { missing: true };
  if (Date.parse(found.closes_at) > now.getTime()) return { notClosed: true };
  const counts = input.counts ?? (await viewsBy(store, id)).get(id) ?? NONE;
  const outcome: Schemas['Outcome'] = { publishedAt: now.toISOString(), ...input, counts };
  if (!fits({ ...found, outcome: JSON.stringify(outcome) })) return { refused: TOO_LARGE };
  await store.batch([
    {
      sql: 'UPDATE consultations SET outcome = ?, updated_at = ? WHERE id = ?',
      params: [JSON.stringify(outcome), now.toISOString(), id],
    },
  ]);
  return { consultation: (await consultation(store, id))! };
}
