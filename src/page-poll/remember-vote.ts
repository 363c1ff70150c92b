/** Remembers, per page and browser, that the visitor answered (see recall-vote.ts for the reading). */
import { writeStored } from '../core/element/storage.js';
import type { Answer } from './reasons.js';
import { keyFor, type RememberedVote } from './recall-vote.js';

export function rememberVote(pageUrl: string, answer: Answer, at = new Date()): void {
  writeStored(keyFor(pageUrl), { answer, at: at.toISOString() } satisfies RememberedVote);
}
