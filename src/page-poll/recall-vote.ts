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
  if (typeof value !== 'object' || value === null) return false;
  const { answer, at } = value as Record<string, unknown>;
  return (answer === 'yes' || answer === 'no') && typeof at === 'string';
}

export function recallVote(pageUrl: string): RememberedVote | undefined {
  return readStored(keyFor(pageUrl), isRememberedVote);
}
