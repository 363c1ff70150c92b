/**
 * Page votes and vote details stored through the store's own `accept`, with the projections their kinds run
 * (server/kinds.ts), at a chosen day: the submission route stamps the collector's clock, and a trend needs
 * votes spread over weeks. The demo's sample votes (demo-data.ts) and the insights and cases tests use it.
 */
import { randomUUID } from 'node:crypto';
import { statementsFor } from '../../kinds.js';
import { INSERT_SUBMISSION, insertParams, SETTLE } from '../../store/sql.js';
import { formatReference, receiptOf, type NewSubmission, type Statement, type Store } from '../../store/types.js';

export interface SeededVote {
  url: string;
  day: string;
  answer: 'yes' | 'no';
  lang?: 'ar' | 'en';
  /** Sends vote details too, with these reasons (`code`, `label`) and comment. */
  details?: { reasons: Array<{ code: string; label: string }>; comment: string };
}

/** One submission of `kind` on `vote.url`, as `accept` stores one that arrived `at` (its projections too). */
export async function acceptOne(
  store: Store,
  kind: string,
  prefix: string,
  vote: Pick<SeededVote, 'url' | 'lang'>,
  data: Record<string, unknown>,
  at: Date,
): Promise<string> {
  const id = randomUUID();
  await store.accept({ ...submissionOf(vote, kind, id, data, at), prefix });
  return id;
}

export async function seedVote(store: Store, vote: SeededVote, minute = 0): Promise<void> {
  const at = new Date(Date.parse(`${vote.day}T08:00:00.000Z`) + minute * 60_000);
  const voteId = await acceptOne(store, 'page-vote', 'PV', vote, { answer: vote.answer }, at);
  if (vote.details) {
    const data = { voteId, answer: vote.answer, ...vote.details };
    await acceptOne(store, 'page-vote-details', 'PD', vote, data, new Date(at.getTime() + 1000));
  }
}

/** `yes` yes and `no` no votes on `url` on `day`. */
export function votes(url: string, day: string, yes: number, no: number, lang: 'ar' | 'en' = 'ar'): SeededVote[] {
  const one = (answer: 'yes' | 'no') => ({ url, day, answer, lang });
  return [...Array.from({ length: yes }, () => one('yes')), ...Array.from({ length: no }, () => one('no'))];
}

/** Seeds `all`, `parallel` at a time (PostgreSQL takes them on several connections). */
export async function seedVotes(store: Store, all: readonly SeededVote[], parallel = 1): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < all.length) {
      const index = next++;
      await seedVote(store, all[index]!, index % 600);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/**
 * Seeds `all` through `store.batch`, `size` votes to a transaction: the rows and projections `accept` writes,
 * without its one transaction per vote (30,000 of those take minutes on a busy disk). Each row gets its
 * reference and receipt as `accept` would give them, and the counters move past them.
 */
export async function seedVotesInBatches(store: Store, all: readonly SeededVote[], size = 1000): Promise<void> {
  const references = new References(store);
  for (let start = 0; start < all.length; start += size) {
    const statements: Statement[] = [];
    const add = async (submission: NewSubmission) => {
      const reference = await references.next(submission.prefix, submission.receivedAt.getUTCFullYear());
      const receipt = receiptOf(submission, reference);
      statements.push(...rowsOf(submission), {
        sql: SETTLE,
        params: [reference, JSON.stringify(receipt), submission.id],
      });
    };
    for (const [offset, vote] of all.slice(start, start + size).entries()) {
      const at = new Date(Date.parse(`${vote.day}T08:00:00.000Z`) + ((start + offset) % 600) * 60_000);
      const voteId = randomUUID();
      await add({ ...submissionOf(vote, 'page-vote', voteId, { answer: vote.answer }, at), prefix: 'PV' });
      if (vote.details) {
        const data = { voteId, answer: vote.answer, ...vote.details };
        const later = new Date(at.getTime() + 1000);
        await add({ ...submissionOf(vote, 'page-vote-details', randomUUID(), data, later), prefix: 'PD' });
      }
    }
    await store.batch([...statements, ...references.counters()]);
  }
}

/** Reference numbers for rows written without `accept`, from the counters, which `counters()` moves past them. */
class References {
  private readonly last = new Map<string, { prefix: string; year: number; last: number }>();

  constructor(private readonly store: Store) {}

  async next(prefix: string, year: number): Promise<string> {
    const key = `${prefix} ${year}`;
    let counter = this.last.get(key);
    if (!counter) {
      const [row] = await this.store.all<{ last: number | string }>({
        sql: 'SELECT last FROM reference_counters WHERE prefix = ? AND year = ?',
        params: [prefix, year],
      });
      counter = { prefix, year, last: Number(row?.last ?? 0) };
      this.last.set(key, counter);
    }
    counter.last += 1;
    return formatReference(prefix, year, counter.last);
  }

  counters(): Statement[] {
    return [...this.last.values()].map(({ prefix, year, last }) => ({
      sql:
        'INSERT INTO reference_counters (prefix, year, last) VALUES (?, ?, ?) ' +
        'ON CONFLICT (prefix, year) DO UPDATE SET last = excluded.last',
      params: [prefix, year, last],
    }));
  }
}

function submissionOf(
  vote: Pick<SeededVote, 'url' | 'lang'>,
  kind: string,
  id: string,
  data: Record<string, unknown>,
  at: Date,
): NewSubmission {
  const lang = vote.lang ?? 'ar';
  const incoming = {
    id,
    page: { url: vote.url, title: 'صفحة', lang },
    data,
    receivedAt: at,
    submittedAt: at.toISOString(),
    locale: lang,
  };
  return {
    ...incoming,
    bodyHash: id,
    kind,
    prefix: '',
    privacyNotice: '1',
    client: null,
    ...statementsFor(kind, incoming),
  };
}

const rowsOf = (submission: NewSubmission): Statement[] => [
  { sql: INSERT_SUBMISSION, params: insertParams(submission) },
  ...submission.project,
];
