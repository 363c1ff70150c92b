/** Remembers, per page and browser, that the visitor answered, so the poll does not ask twice. */
import { readStored, writeStored } from '../core/storage.js';
import type { Answer } from './reasons.js';

export interface RememberedVote {
  answer: Answer;
  at: string;
}

const keyFor = (pageUrl: string): string => `ep-widgets:page-poll:v1:${pageUrl}`;

function isRememberedVote(value: unknown): value is RememberedVote {
  if (typeof value !== 'object' || value === null) return false;
  const { answer, at } = value as Record<string, unknown>;
  return (answer === 'yes' || answer === 'no') && typeof at === 'string';
}

export function recallVote(pageUrl: string): RememberedVote | undefined {
  return readStored(keyFor(pageUrl), isRememberedVote);
}

export function rememberVote(pageUrl: string, answer: Answer, at = new Date()): void {
  writeStored(keyFor(pageUrl), { answer, at: at.toISOString() } satisfies RememberedVote);
}
