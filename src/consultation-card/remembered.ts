/**
 * The visitor's view of one consultation, remembered per browser (localStorage), so that the card shows
 * what they sent, lets them change it while the consultation is open, and never asks twice.
 */
import { readStored, removeStored, writeStored } from '../core/element/storage.js';
import { STANCES, type Stance } from './model.js';

export interface SentView {
  /** The envelope id of the submission; a change names it as the one it replaces. */
  id: string;
  stance: Stance;
  comment: string;
  /** When it was sent (ISO 8601). */
  at: string;
}

/** `consultation` is the collector's absolute URL and the consultation's id: `https://…/ep#building-code`. */
export const memoryKey = (consultation: string): string => `ep-widgets:consultation:v1:${consultation}`;

function isSentView(value: unknown): value is SentView {
  const view = value as Partial<SentView> | null;
  return (
    typeof view?.id === 'string' &&
    STANCES.includes(view.stance as Stance) &&
    typeof view.comment === 'string' &&
    typeof view.at === 'string'
  );
}

export const recallView = (consultation: string): SentView | undefined =>
  readStored(memoryKey(consultation), isSentView);

export const rememberView = (consultation: string, view: SentView): boolean =>
  writeStored(memoryKey(consultation), view);

export const forgetView = (consultation: string): void => removeStored(memoryKey(consultation));
