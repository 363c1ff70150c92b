/**
 * Yes and no answers per page, added up from rows of stored URLs under the deployment's page keys, and
 * ranked by their Wilson interval.
 */
import { pageKey } from './page-key.js';
import { wilson, type Interval } from './wilson.js';

export interface AnswerCounts {
  yes: number;
  no: number;
  total: number;
  share: number | null;
}

export interface PageUsefulness extends AnswerCounts {
  page: string;
  /** The code of the service the page is in, null when in none; only when the deployment names services. */
  service?: string | null;
  urls: string[];
  interval: Interval;
}

export type Order = 'least-useful' | 'most-useful';

/** Counts with their total and share, from yes and no. */
export function countsOf(yes: number, no: number): AnswerCounts {
  const total = yes + no;
  return { yes, no, total, share: total ? yes / total : null };
}

/** A tally being added up: yes and no so far, and the stored URLs seen. */
export interface Tally {
  yes: number;
  no: number;
  urls: Set<string>;
}

/** Adds `votes` of `answer` to `tallies` under `key`; answers other than yes and no are not counted. */
export function addVotes(tallies: Map<string, Tally>, key: string, url: string, answer: string, votes: number): void {
  if (answer !== 'yes' && answer !== 'no') return;
  const tally = tallies.get(key) ?? { yes: 0, no: 0, urls: new Set<string>() };
  tally[answer] += votes;
  tally.urls.add(url);
  tallies.set(key, tally);
}

/** Rows of a URL, an answer and a number of votes, added up per page key. */
export function talliesByPage(
  rows: Iterable<{ page_url: string; answer: string; votes: number | string }>,
  segments: readonly string[],
): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const row of rows)
    addVotes(tallies, pageKey(row.page_url, segments), row.page_url, row.answer, Number(row.votes));
  return tallies;
}

export function usefulness(page: string, tally: Tally): PageUsefulness {
  const counts = countsOf(tally.yes, tally.no);
  return { page, urls: [...tally.urls].sort(), ...counts, interval: wilson(counts.yes, counts.total) };
}

/**
 * Least useful: lowest upper bound first (a page is there only when even its best case is poor). Most
 * useful: highest lower bound first (only when even its worst case is good). Ties: more answers, then the page.
 */
export function rank(pages: PageUsefulness[], order: Order): PageUsefulness[] {
  const bound =
    order === 'least-useful' ? (p: PageUsefulness) => p.interval.upper : (p: PageUsefulness) => -p.interval.lower;
  return pages.sort(
    (a, b) => bound(a) - bound(b) || b.total - a.total || (a.page < b.page ? -1 : a.page > b.page ? 1 : 0),
  );
}

/** The ranking's export columns (insights routes, `format=csv` or `json`): the service's code too when named. */
export function pageHeaders(withService: boolean): string[] {
  return [
    'page',
    ...(withService ? ['service'] : []),
    'urls',
    'answers',
    'yes',
    'no',
    'share yes',
    'lower bound (95%)',
    'upper bound (95%)',
  ];
}

export const pageRow =
  (withService: boolean) =>
  (p: PageUsefulness): unknown[] => [
    p.page,
    ...(withService ? [p.service ?? null] : []),
    p.urls.join(' '),
    p.total,
    p.yes,
    p.no,
    p.share,
    p.interval.lower,
    p.interval.upper,
  ];
