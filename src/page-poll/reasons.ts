/**
 * The reasons offered after a vote. Codes are stable (collectors aggregate on them); labels are shown in
 * the visitor's language. Page authors replace either list with their own, labels in both languages.
 */
import { msg } from '@lit/localize';
import type { Locale } from '../core/language/locale.js';

export type Answer = 'yes' | 'no';

/** A reason as a page author writes it: a label per language, or one label for every language. */
export interface PollReason {
  code: string;
  label: string | Partial<Record<Locale, string>>;
}

export const MAX_REASONS = 2;

export function defaultReasons(answer: Answer): PollReason[] {
  // Labels are resolved when shown, so these are built per render in the current locale.
  return answer === 'yes'
    ? [
        { code: 'found-what-i-needed', label: msg('I found what I was looking for', { id: 'poll.reason.found' }) },
        { code: 'clear', label: msg('The content was clear and easy to understand', { id: 'poll.reason.clear' }) },
        { code: 'complete', label: msg('The information was complete and up to date', { id: 'poll.reason.complete' }) },
        { code: 'easy-to-use', label: msg('The page was easy to use', { id: 'poll.reason.easy' }) },
      ]
    : [
        { code: 'not-found', label: msg('I did not find what I was looking for', { id: 'poll.reason.not-found' }) },
        { code: 'unclear', label: msg('The content was unclear or hard to understand', { id: 'poll.reason.unclear' }) },
        { code: 'outdated', label: msg('The information was incomplete or out of date', { id: 'poll.reason.outdated' }) },
        { code: 'broken', label: msg('Something did not work (a link, a form, an error)', { id: 'poll.reason.broken' }) },
        { code: 'other', label: msg('Another reason', { id: 'poll.reason.other' }) },
      ];
}

/** A reason needs a code; its label is checked when shown (a missing one falls back to the code). */
function isReason(value: unknown): value is PollReason {
  const code = (value as Partial<PollReason> | null)?.code;
  return typeof code === 'string' && code.trim() !== '';
}

/**
 * The author's list when it is usable, else undefined (the defaults). An unusable one (bad JSON in the
 * attribute, a reason without a code) is reported once per value on the console, so a typo in a CMS field
 * never leaves the visitor without choices and never goes unnoticed.
 */
export function usableReasons(given: unknown, reported: Set<unknown>): PollReason[] | undefined {
  if (given === undefined || given === null) return undefined;
  if (Array.isArray(given) && given.length > 0 && given.every(isReason)) return given;
  if (!reported.has(given)) {
    reported.add(given);
    console.warn('ep-page-poll: reasons must be a JSON array of {"code", "label": {"en", "ar"}}; using the defaults.');
  }
  return undefined;
}

/** The label in `locale`, else in the other language, else the code: a check box never goes unnamed. */
export function reasonLabel(reason: PollReason, locale: Locale): string {
  const { label } = reason;
  const text = typeof label === 'string' ? label : (label?.[locale] ?? label?.en ?? label?.ar);
  return typeof text === 'string' && text.trim() ? text : reason.code;
}
