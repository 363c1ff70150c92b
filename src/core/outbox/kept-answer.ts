/**
 * What a form reloaded on the device asks of the outbox, without loading it: whether the submission it had on
 * its way is still held, and the collector's answer to it when the outbox delivered it from another page (a
 * withdrawal code the visitor needs, kept only until their form shows it; see Outbox, `keep`).
 */
import { isRecord } from '../delivery/read-json.js';
import { readStored } from '../element/read-stored.js';
import { removeStored } from '../element/storage.js';
import { ANSWER_PREFIX, ENTRY_PREFIX } from './entry-key.js';

/** What the outbox keeps of an answer: the fields a form asked for, until the outbox's age limit. */
export interface KeptAnswer {
  until: number;
  answer: Record<string, unknown>;
}

export const isKeptAnswer = (value: unknown): value is KeptAnswer =>
  isRecord(value) && typeof value.until === 'number' && isRecord(value.answer);

/** Whether the outbox still holds the submission `id` (sent from an earlier page, not yet delivered). */
export const heldInOutbox = (id: string): boolean => readStored(ENTRY_PREFIX + id, isRecord) !== undefined;

/** The answer kept for the submission `id`, taken: once read it is gone from the device. */
export function takeAnswer(id: string): Record<string, unknown> | undefined {
  const kept = readStored(ANSWER_PREFIX + id, isKeptAnswer);
  removeStored(ANSWER_PREFIX + id);
  return kept && kept.until > Date.now() ? kept.answer : undefined;
}
