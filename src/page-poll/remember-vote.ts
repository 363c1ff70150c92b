/** Remembers, per page and browser, that the visitor answered (see recall-vote.ts for the reading). */
import { writeStored } from '../core/element/storage.js';
import type { Answer } from './reasons.js';
import type { RememberedVote } from './recall-vote.js';

/** `key` is recall-vote.ts's keyFor(page), handed over by the first load (see FirstLoad in after-vote.ts). */
export function rememberVote(key: string, answer: Answer, at = new Date()): void {
  writeStored(key, { answer, at: at.toISOString() } satisfies RememberedVote);
}
