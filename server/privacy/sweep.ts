/**
 * The retention sweep (retention.ts): erases contact details past their period, deletes submissions past
 * theirs, deletes the client-hash keys of days that are over and audit rows past their period. It works in
 * small batches (a short transaction each, the event loop free in between) and only ever removes what is
 * past its time, so running it again, or on two instances at once, changes nothing more. It returns
 * counts only: what was removed is never logged.
 *
 * Read models (decided per kind; docs/privacy.md):
 * - page-vote: the tally (page_tally) and the daily counts (page_votes_daily) stay: numbers, no person.
 * - idea: a published idea stays in `ideas` (public, answered, the ministry's record, and supported by
 *   others); an idea never published (pending, or rejected) goes with its submission, with any supports.
 * - idea-support: `idea_supports` (the support's id and idea, no personal data) and the idea's count stay,
 *   so a later taking back still finds what it names.
 * - consultation-view: `consultation_views` (id and stance) stays, so participants and outcomes do not move.
 */
import type { Statement, Store } from '../store/types.js';
import { CASES_CLEANUP } from '../console/cases/cases.js';
import { PANEL_CLEANUP } from '../lab/panel.js';
import { eraseContactStatements, dataOf } from './contact.js';
import { pastKeys } from './day-keys.js';
import { CONTACT_KINDS, cutoff, type Kind, type RetentionPolicy } from './retention.js';

export interface SweepCounts {
  /** Submissions whose contact details were erased, per kind. */
  contactErased: Record<string, number>;
  /** Submissions deleted, per kind. */
  deleted: Record<string, number>;
  /** Ideas never published, deleted with their submission. */
  unpublishedIdeas: number;
  /** Panel rows of the Lab's sign-ups whose contact details went. */
  panelRows: number;
  dayKeys: number;
  audit: number;
}

const BATCH = 500;
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs a `… RETURNING` delete of at most BATCH rows until none is left; the number deleted. */
async function deleteInBatches(store: Store, statement: Statement): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = (await store.all<{ gone: unknown }>(statement)).length;
    total += removed;
    if (removed < BATCH) return total;
    await breathe();
  }
}

async function eraseContact(store: Store, kind: string, before: string, now: Date): Promise<number> {
  let erased = 0;
  for (;;) {
    const rows = await store.all<{ id: string; data: unknown }>({
      sql: 'SELECT id, data FROM submissions WHERE kind = ? AND received_at < ? AND contact_erased_at IS NULL ORDER BY seq LIMIT ?',
      params: [kind, before, BATCH],
    });
    if (!rows.length) return erased;
    const changes = rows.map((row) => eraseContactStatements(row.id, dataOf(row.data), now));
    await store.batch(changes.flatMap((change) => change.statements));
    erased += changes.filter((change) => change.erased).length;
    if (rows.length < BATCH) return erased;
    await breathe();
  }
}

/** Ideas that were never published, of `idea` submissions received before `before`: with their supports. */
async function deleteUnpublishedIdeas(store: Store, before: string): Promise<number> {
  const expiring = "SELECT id FROM submissions WHERE kind = 'idea' AND received_at < ?";
  await store.batch([
    {
      sql: `DELETE FROM idea_supports WHERE idea_id IN (SELECT id FROM ideas WHERE state <> 'published' AND id IN (${expiring}))`,
      params: [before],
    },
  ]);
  return (
    await store.all({
      sql: `DELETE FROM ideas WHERE state <> 'published' AND id IN (${expiring}) RETURNING id`,
      params: [before],
    })
  ).length;
}

export async function sweep(store: Store, policy: RetentionPolicy, now: Date = new Date()): Promise<SweepCounts> {
  const counts: SweepCounts = {
    contactErased: {},
    deleted: {},
    unpublishedIdeas: 0,
    panelRows: 0,
    dayKeys: 0,
    audit: 0,
  };
  for (const kind of CONTACT_KINDS) {
    const days = policy.contact[kind];
    if (days > 0) counts.contactErased[kind] = await eraseContact(store, kind, cutoff(now, days), now);
  }
  for (const [kind, days] of Object.entries(policy.submissions) as [Kind, number][]) {
    if (days === 0) continue;
    const before = cutoff(now, days);
    // The read model first: were this interrupted, the rows that decide it are still there next time.
    if (kind === 'idea') counts.unpublishedIdeas = await deleteUnpublishedIdeas(store, before);
    counts.deleted[kind] = await deleteInBatches(store, {
      sql: 'DELETE FROM submissions WHERE seq IN (SELECT seq FROM submissions WHERE kind = ? AND received_at < ? ORDER BY seq LIMIT ?) RETURNING seq AS gone',
      params: [kind, before, BATCH],
    });
  }
  // The cases and notes (what was answered may name the person) of submissions deleted above.
  await store.batch(CASES_CLEANUP);
  // The panel rows (keyed hashes of contact details) of sign-ups erased or deleted above.
  counts.panelRows = (await store.all({ sql: `${PANEL_CLEANUP.sql} RETURNING submission_id`, params: [] })).length;
  const keys = pastKeys(now);
  counts.dayKeys = (await store.all({ sql: `${keys.sql} RETURNING day`, params: keys.params })).length;
  if (policy.audit > 0) {
    counts.audit = await deleteInBatches(store, {
      sql: 'DELETE FROM audit_log WHERE seq IN (SELECT seq FROM audit_log WHERE at < ? ORDER BY seq LIMIT ?) RETURNING seq AS gone',
      params: [cutoff(now, policy.audit), BATCH],
    });
  }
  return counts;
}

/** One line for the log: numbers only. */
export function describeSweep(counts: SweepCounts): string {
  const list = (record: Record<string, number>): string =>
    Object.entries(record)
      .map(([kind, n]) => `${kind}=${n}`)
      .join(' ') || 'none';
  return `retention sweep: contact erased ${list(counts.contactErased)}; deleted ${list(counts.deleted)}; unpublished ideas ${counts.unpublishedIdeas}; panel rows ${counts.panelRows}; day keys ${counts.dayKeys}; audit rows ${counts.audit}`;
}
