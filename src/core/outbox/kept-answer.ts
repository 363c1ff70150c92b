/**
 * What a form shown again on the device asks of the outbox, without loading it: whether the submission it had on
 * its way is still held, and the collector's answer to one the outbox delivered after the form's page (from the
 * page opened again, or another page of the site, or none): fields a form asked to keep, such as a withdrawal
 * code the visitor needs, kept on the device only until the form shows them (see OutboxEntry's `keep`).
 */
import { isRecord } from '../delivery/read-json.js';
import { readStored } from '../element/read-stored.js';
import { removeStored } from '../element/storage.js';
import { ANSWER_PREFIX, ENTRY_PREFIX } from './entry-key.js';

/** What a form asks to keep of the answer: `fields`, for the form named `form` on the device (its draft key). */
export interface Keep {
  form: string;
  fields: string[];
}

/** What the outbox keeps of an answer, until the entry's own age limit (ms since the epoch). */
export interface KeptAnswer {
  until: number;
  form: string;
  answer: Record<string, unknown>;
}

export const isKeptAnswer = (value: unknown): value is KeptAnswer =>
  isRecord(value) && typeof value.until === 'number' && typeof value.form === 'string' && isRecord(value.answer);

/** Whether the outbox still holds the submission `id` (sent from an earlier page, not yet delivered). */
export const heldInOutbox = (id: string): boolean => readStored(ENTRY_PREFIX + id, isRecord) !== undefined;

/**
 * The answer kept for the submission `id`, or, given `form`, for any of that form's (a tab that never had the
 * draft with its id): taken, so gone from the device once read.
 */
export function takeAnswer(id: string | undefined, form?: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  let keys: string[] = [];
  try {
    keys = Object.keys(localStorage);
  } catch {
    // No storage: nothing was kept.
  }
  for (const key of keys) {
    if (!key.startsWith(ANSWER_PREFIX)) continue;
    const kept = readStored(key, isKeptAnswer);
    if (key !== ANSWER_PREFIX + id && !(form && kept?.form === form)) continue;
    removeStored(key);
    if (kept && kept.until > Date.now()) found = kept.answer;
  }
  return found;
}
