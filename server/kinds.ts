/**
 * What the collector does per kind, beyond storing it. The kinds themselves (names, schemas, reference
 * prefixes) come from api/openapi.yaml; this file adds, per kind:
 *
 * - `requires`: a condition on what is stored, checked in the same transaction before storing (a support
 *   names a published idea; a view names an open consultation); when it fails, 422 and nothing stored.
 * - `project`: statements run in the transaction that stores a submission, to keep a read model current
 *   (the page tally, ideas and their supporters, the views kept on a consultation). They run once per
 *   stored submission, never for a repeat.
 * - `extra`: a row read after the projections whose columns join the receipt (a support's new count).
 * - `columns`: the CSV export's columns when an export is filtered to this kind.
 * - `keeps`: what of `data` is stored, when not all of it (a withdrawal from the panel keeps nothing).
 *
 * The statements are the SQL that SQLite and PostgreSQL share, with `?` placeholders. The server refuses
 * to start if the contract has a kind with no entry here, or this file one the contract lacks.
 */
import { canonicalId, canonicalIfUuid } from './canonical.js';
import { contactColumns } from './contact-columns.js';
import { openCase } from './console/cases/cases.js';
import { panelRow, type PanelSignup } from './lab/panel.js';
import { utc } from './time.js';
import type { Contract, Schemas } from './contract.js';
import type { NewSubmission, Requirement, Statement } from './store/types.js';

export interface Column {
  header: string;
  value: (data: Record<string, unknown>) => unknown;
}

/** What a kind's statements may read of a submission. */
export interface Incoming {
  id: string;
  page: { url: string };
  data: Record<string, unknown>;
  /** The collector's time of receipt. */
  receivedAt: Date;
  /** The visitor's time, as sent (a valid date-time). */
  submittedAt: string;
  /** The language the visitor saw the element in: a refusal of what is stored is said in it. */
  locale: 'ar' | 'en';
  /** For `lab-signup`: its withdrawal code's hash and its contact details' keyed hashes (lab/panel.ts). */
  panel?: PanelSignup;
}

/**
 * Refusals a visitor can meet without doing anything wrong (the idea was unpublished, the consultation
 * closed, while they were on the page): the element shows a message it does not know as text, so it is
 * written here in the visitor's language.
 */
const REFUSALS = {
  idea: { en: 'This idea is no longer published.', ar: 'لم تعد هذه الفكرة منشورة.' },
  consultation: { en: 'This consultation is not taking views now.', ar: 'لا تستقبل هذه الاستشارة الآراء الآن.' },
} as const;

export interface KindBehaviour {
  requires?: (submission: Incoming) => Requirement;
  project?: (submission: Incoming) => Statement[];
  extra?: (submission: Incoming) => Statement;
  columns: Column[];
  keeps?: (data: Record<string, unknown>) => Record<string, unknown>;
}

/** How long after closing a view that waited on the visitor's device is still taken (the outbox's 7 days). */
export const LATE_VIEW_MS = 7 * 24 * 60 * 60 * 1000;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
/** The idea a support names: an idea's id is its envelope id (canonical, like every id) or a slug of our own. */
const ideaIdOf = (data: Record<string, unknown>): string => canonicalIfUuid(String(data.ideaId));
const codes = (value: unknown, key: 'code' | 'label'): string =>
  Array.isArray(value) ? value.map((item) => String(record(item)[key] ?? '')).join('; ') : '';
const listed = (value: unknown): string => (Array.isArray(value) ? value.map(String).join('; ') : '');

export const KINDS: Record<Schemas['Kind'], KindBehaviour> = {
  'page-vote': {
    project: ({ page, data, receivedAt }) => [
      {
        sql:
          'INSERT INTO page_tally (page_url, yes, total) VALUES (?, ?, 1) ' +
          'ON CONFLICT (page_url) DO UPDATE SET yes = page_tally.yes + excluded.yes, total = page_tally.total + 1',
        params: [page.url, data.answer === 'yes' ? 1 : 0],
      },
      // Per UTC day, so trends outlive the vote rows the retention sweep deletes (privacy/retention.ts).
      {
        sql:
          'INSERT INTO page_votes_daily (day, page_url, answer, votes) VALUES (?, ?, ?, 1) ' +
          'ON CONFLICT (day, page_url, answer) DO UPDATE SET votes = page_votes_daily.votes + 1',
        params: [receivedAt.toISOString().slice(0, 10), page.url, String(data.answer)],
      },
    ],
    columns: [{ header: 'answer', value: (data) => data.answer }],
  },
  'page-vote-details': {
    // A comment is a case to triage in the console; reasons alone are counted, not answered.
    project: ({ id, data }) => (typeof data.comment === 'string' && data.comment.trim() !== '' ? [openCase(id)] : []),
    columns: [
      { header: 'voteId', value: (data) => data.voteId },
      { header: 'answer', value: (data) => data.answer },
      { header: 'reason codes', value: (data) => codes(data.reasons, 'code') },
      { header: 'reasons', value: (data) => codes(data.reasons, 'label') },
      { header: 'comment', value: (data) => data.comment },
    ],
  },
  feedback: {
    project: ({ id }) => [openCase(id)],
    columns: [
      { header: 'type code', value: (data) => record(data.type).code },
      { header: 'type', value: (data) => record(data.type).label },
      { header: 'message', value: (data) => data.message },
      { header: 'service', value: (data) => data.service },
      ...contactColumns,
    ],
  },
  idea: {
    // Kept for review: published (or not) from the administration, under the envelope id.
    project: ({ id, data, receivedAt }) => [
      {
        sql: 'INSERT INTO ideas (id, title, description, topic_code, topic_label, received_at) VALUES (?, ?, ?, ?, ?, ?)',
        params: [
          id,
          String(data.title),
          String(data.description),
          String(record(data.topic).code),
          String(record(data.topic).label ?? ''),
          receivedAt.toISOString(),
        ],
      },
    ],
    columns: [
      { header: 'title', value: (data) => data.title },
      { header: 'description', value: (data) => data.description },
      { header: 'topic code', value: (data) => record(data.topic).code },
      { header: 'topic', value: (data) => record(data.topic).label },
      ...contactColumns,
    ],
  },
  'idea-support': {
    requires: ({ data, locale }) => ({
      statement: { sql: "SELECT 1 AS found FROM ideas WHERE id = ? AND state = 'published'", params: [ideaIdOf(data)] },
      fieldError: { field: 'ideaId', code: 'invalid', message: REFUSALS.idea[locale] },
    }),
    project: ({ id, data }) => {
      const idea = ideaIdOf(data);
      // First the idea's row, unchanged: on PostgreSQL this locks it, so that changes of one idea's support
      // are stored one after the other (each reads what the one before wrote).
      const statements: Statement[] = [{ sql: 'UPDATE ideas SET supports = supports WHERE id = ?', params: [idea] }];
      if (data.support === true) {
        // Counted unless a taking back that names it came first.
        const takenBack = 'EXISTS (SELECT 1 FROM idea_supports WHERE withdraws = ? AND idea_id = ?)';
        statements.push(
          {
            sql: `UPDATE ideas SET supports = supports + 1 WHERE id = ? AND NOT ${takenBack}`,
            params: [idea, id, idea],
          },
          {
            sql: `INSERT INTO idea_supports (id, idea_id, withdrawn) VALUES (?, ?, CASE WHEN ${takenBack} THEN 1 ELSE 0 END)`,
            params: [id, idea, id, idea],
          },
        );
      } else {
        // Takes back only the support it names: given for this idea, and not taken back before.
        const support = canonicalId(String(data.withdraws));
        statements.push(
          {
            sql:
              'UPDATE ideas SET supports = CASE WHEN supports > 0 THEN supports - 1 ELSE 0 END WHERE id = ? AND ' +
              'EXISTS (SELECT 1 FROM idea_supports WHERE id = ? AND idea_id = ? AND withdraws IS NULL AND withdrawn = 0)',
            params: [idea, support, idea],
          },
          {
            sql: 'UPDATE idea_supports SET withdrawn = 1 WHERE id = ? AND idea_id = ? AND withdraws IS NULL',
            params: [support, idea],
          },
          { sql: 'INSERT INTO idea_supports (id, idea_id, withdraws) VALUES (?, ?, ?)', params: [id, idea, support] },
        );
      }
      return statements;
    },
    extra: ({ data }) => ({ sql: 'SELECT supports FROM ideas WHERE id = ?', params: [ideaIdOf(data)] }),
    columns: [
      { header: 'ideaId', value: (data) => data.ideaId },
      { header: 'support', value: (data) => (data.support === true ? 'yes' : 'no') },
      { header: 'withdraws', value: (data) => data.withdraws },
    ],
  },
  'consultation-view': {
    // Open now; or it was open when the visitor sent it (their clock), it waited on their device for no
    // more than LATE_VIEW_MS after closing, and no outcome is out yet (which would have counted without it).
    requires: ({ data, receivedAt, submittedAt, locale }) => {
      const now = receivedAt.toISOString();
      const sent = utc(submittedAt) ?? now;
      return {
        statement: {
          sql:
            'SELECT 1 AS found FROM consultations WHERE id = ? AND opens_at <= ? AND ' +
            '(closes_at > ? OR (opens_at <= ? AND closes_at > ? AND closes_at > ? AND outcome IS NULL))',
          params: [
            String(data.consultationId),
            now,
            now,
            sent,
            sent,
            new Date(receivedAt.getTime() - LATE_VIEW_MS).toISOString(),
          ],
        },
        fieldError: { field: 'consultationId', code: 'invalid', message: REFUSALS.consultation[locale] },
      };
    },
    // Whether a view still counts (another names it in `replaces`) is decided when reading (content/consultations.ts).
    project: ({ id, data }) => [
      {
        sql: 'INSERT INTO consultation_views (id, consultation_id, stance, replaces) VALUES (?, ?, ?, ?)',
        params: [
          id,
          String(data.consultationId),
          String(data.stance),
          typeof data.replaces === 'string' ? canonicalId(data.replaces) : null,
        ],
      },
    ],
    columns: [
      { header: 'consultationId', value: (data) => data.consultationId },
      { header: 'stance', value: (data) => data.stance },
      { header: 'comment', value: (data) => data.comment },
      { header: 'replaces', value: (data) => data.replaces },
    ],
  },
  'lab-signup': {
    project: ({ id, data, receivedAt, panel }) => {
      if (!panel) throw new Error('a lab-signup is stored with its panel row (routes/submissions.ts)');
      return [panelRow(id, data, panel, receivedAt)];
    },
    columns: [
      { header: 'sessions', value: (data) => listed(data.sessions) },
      { header: 'topic codes', value: (data) => codes(data.topics, 'code') },
      { header: 'topics', value: (data) => codes(data.topics, 'label') },
      { header: 'attendance', value: (data) => listed(data.attendance) },
      { header: 'city', value: (data) => data.city },
      { header: 'language', value: (data) => data.language },
      { header: 'age band', value: (data) => data.ageBand },
      ...contactColumns,
    ],
  },
  // The code and the contact detail only find the sign-up (routes/submissions.ts); neither is kept.
  'lab-withdraw': { columns: [], keeps: () => ({}) },
};

/** Fails loudly when the contract's kinds and this file's differ. */
export function checkKinds(contract: Contract): void {
  const inContract = [...contract.kinds.keys()].sort();
  const here = Object.keys(KINDS).sort();
  if (JSON.stringify(inContract) !== JSON.stringify(here)) {
    throw new Error(`server/kinds.ts has kinds ${here.join(', ')} but api/openapi.yaml has ${inContract.join(', ')}`);
  }
}

export function behaviourOf(kind: string): KindBehaviour | undefined {
  return (KINDS as Record<string, KindBehaviour>)[kind];
}

/** What of a submission's data is stored. */
export function keptData(kind: string, data: Record<string, unknown>): Record<string, unknown> {
  return behaviourOf(kind)?.keeps?.(data) ?? data;
}

/** A submission's statements, as the store runs them with it. */
export function statementsFor(kind: string, incoming: Incoming): Pick<NewSubmission, 'project' | 'requires' | 'extra'> {
  const behaviour = behaviourOf(kind);
  return {
    project: behaviour?.project?.(incoming) ?? [],
    requires: behaviour?.requires?.(incoming),
    extra: behaviour?.extra?.(incoming),
  };
}
