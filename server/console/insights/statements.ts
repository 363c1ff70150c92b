/**
 * The insights' SQL, the same text for SQLite and PostgreSQL (`?` placeholders; the store numbers them for
 * PostgreSQL). Counts come from page_votes_daily, which the page-vote kind keeps in the transaction that stores
 * each vote (server/kinds.ts): a few rows per page and day instead of one per vote, and still there after the
 * retention sweep deletes the votes. Reasons and comments are only in the vote details (submissions).
 */
import { whereOf, type Condition } from '../../store/sql.js';
import type { Statement } from '../../store/types.js';

/** Whole UTC days: `from` is the first counted, `to` the first not counted (`2026-03-01`). */
export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

const dayConditions = (range: DayRange): Condition[] => [
  ['day >= ?', range.from],
  ['day < ?', range.to],
];

/**
 * The stored URLs whose votes recorded `lang` as their page's language (daily counts are by URL only). Asked
 * apart and matched in code: as a subquery of the daily counts, PostgreSQL planned it row by row (1.6 s over
 * 30,000 votes, against 30 ms).
 */
export function urlsInLanguage(lang: string): Statement {
  return {
    sql: "SELECT DISTINCT page_url FROM submissions WHERE kind = 'page-vote' AND page_lang = ?",
    params: [lang],
  };
}

/** A clause with a `?` per value; its values go before whereOf's, as it is passed among the clauses kept first. */
const inList = (column: string, values: readonly string[]): string =>
  `${column} IN (${values.map(() => '?').join(', ')})`;

export interface PageAnswerRow {
  page_url: string;
  answer: string;
  votes: number | string;
}

/** Answers per stored URL and answer in the range. */
export function answersByUrl(range: DayRange): Statement {
  const { sql: where, params } = whereOf(dayConditions(range));
  return {
    sql: `SELECT page_url, answer, SUM(votes) AS votes FROM page_votes_daily ${where} GROUP BY page_url, answer`,
    params,
  };
}

export interface PeriodAnswerRow extends PageAnswerRow {
  period: 'current' | 'previous';
}

/** Answers per stored URL and answer in two adjacent periods: [previousFrom, currentFrom) and [currentFrom, to). */
export function answersByPeriod(previousFrom: string, currentFrom: string, to: string): Statement {
  const { sql: where, params } = whereOf(dayConditions({ from: previousFrom, to }));
  // Grouped by position: PostgreSQL takes the CASE with its own placeholder as another expression than the SELECT's.
  const period = "CASE WHEN day >= ? THEN 'current' ELSE 'previous' END AS period";
  const sql =
    `SELECT page_url, answer, ${period}, SUM(votes) AS votes FROM page_votes_daily ${where} ` +
    'GROUP BY page_url, answer, 3';
  return { sql, params: [currentFrom, ...params] };
}

export interface DayAnswerRow {
  day: string;
  answer: string;
  votes: number | string;
}

/** Answers per day for the stored URLs of one page. */
export function answersByDay(urls: readonly string[], range: DayRange): Statement {
  const { sql: where, params } = whereOf(dayConditions(range), [inList('page_url', urls)]);
  const sql =
    `SELECT day, answer, SUM(votes) AS votes FROM page_votes_daily ${where} ` + 'GROUP BY day, answer ORDER BY day';
  return { sql, params: [...urls, ...params] };
}

export interface DetailRow {
  reference: string | null;
  locale: string;
  /** SQLite gives the ISO text, PostgreSQL a Date. */
  received_at: string | Date;
  /** SQLite gives the JSON text, PostgreSQL the parsed JSONB. */
  data: unknown;
}

/** The vote details sent from one page's URLs, received in the range (ISO instants), newest first. */
export function detailsOf(urls: readonly string[], range: DayRange, lang?: string): Statement {
  const { sql: where, params } = whereOf(
    [
      ['received_at >= ?', range.from],
      ['received_at < ?', range.to],
      ['page_lang = ?', lang],
    ],
    ["kind = 'page-vote-details'", inList('page_url', urls)],
  );
  const sql =
    `SELECT reference, locale, received_at, data FROM submissions ${where} ` + 'ORDER BY received_at DESC, seq DESC';
  return { sql, params: [...urls, ...params] };
}
