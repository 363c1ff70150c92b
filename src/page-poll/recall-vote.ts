/**
 * Recalls, per page and browser, that the visitor answered, so the poll does not ask twice. Writing it is in
 * remember-vote.ts, which only the part loaded after a vote needs.
 */
import { readStored } from '../core/element/read-stored.js';
import type { Answer } from './reasons.js';

export interface RememberedVote {
  answer: Answer;
  at: string;
}

export const keyFor = (pageUrl: string): string => `ep-widgets:page-poll:v1:${pageUrl}`;

function isRememberedVote(value: unknown): value is RememberedVote {
  const vote = value as Partial<Record<keyof RememberedVote, unknown>> | null;
  return (vote?.answer === 'yes' || vote?.answer === 'no') && typeof vote.at === 'string';
}

export function recallVote(pageUrl: string): RememberedVote | undefined {
  return readStored(keyFor(pageUrl), isRememberedVote);
}
