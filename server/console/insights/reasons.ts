/** A page's reasons per answer and its comments, from the vote details read newest first. */
import type { DetailRow } from './statements.js';

export interface ReasonCount {
  code: string;
  labels: Record<string, string>;
  count: number;
}

export interface PageComment {
  reference: string | null;
  receivedAt: string;
  locale: string;
  answer: string;
  comment: string;
}

export interface ReasonsAndComments {
  yes: ReasonCount[];
  no: ReasonCount[];
  comments: PageComment[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** `rows` newest first: the label kept per locale is the newest (what visitors see now). */
export function reasonsAndComments(rows: readonly DetailRow[], top: number): ReasonsAndComments {
  const counts = { yes: new Map<string, ReasonCount>(), no: new Map<string, ReasonCount>() };
  const comments: PageComment[] = [];
  for (const row of rows) {
    const data: unknown = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
    if (!isRecord(data) || (data.answer !== 'yes' && data.answer !== 'no')) continue;
    const answer = data.answer;
    for (const reason of Array.isArray(data.reasons) ? data.reasons : []) {
      if (!isRecord(reason) || typeof reason.code !== 'string') continue;
      const counted = counts[answer].get(reason.code) ?? { code: reason.code, labels: {}, count: 0 };
      counted.count += 1;
      if (typeof reason.label === 'string' && !(row.locale in counted.labels))
        counted.labels[row.locale] = reason.label;
      counts[answer].set(reason.code, counted);
    }
    if (typeof data.comment === 'string' && data.comment.trim()) {
      const receivedAt = row.received_at instanceof Date ? row.received_at.toISOString() : row.received_at;
      comments.push({ reference: row.reference, receivedAt, locale: row.locale, answer, comment: data.comment });
    }
  }
  const topOf = (map: Map<string, ReasonCount>) =>
    [...map.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)).slice(0, top);
  return { yes: topOf(counts.yes), no: topOf(counts.no), comments };
}
