/**
 * The reasons offered after a vote. Codes are stable (collectors aggregate on them); labels are shown in
 * the visitor's language. Page authors replace either list with their own, labels in both languages.
 */
import { msg } from '@lit/localize';
import { usableChoices, type Choice } from '../core/fields/choices.js';

export type Answer = 'yes' | 'no';

/** A reason as a page author writes it: a choice (core/fields/choices.ts), labelled per language or once for all. */
export type PollReason = Choice;

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
        {
          code: 'outdated',
          label: msg('The information was incomplete or out of date', { id: 'poll.reason.outdated' }),
        },
        {
          code: 'broken',
          label: msg('Something did not work (a link, a form, an error)', { id: 'poll.reason.broken' }),
        },
        { code: 'other', label: msg('Another reason', { id: 'poll.reason.other' }) },
      ];
}

/**
 * The author's list when it is usable, else undefined (the defaults). An unusable one (bad JSON in the
 * attribute, a reason without a code) is reported once per value on the console, so a typo in a CMS field
 * never leaves the visitor without choices and never goes unnoticed.
 */
export function usableReasons(given: unknown, reported: Set<unknown>): PollReason[] | undefined {
  if (given === undefined || given === null) return undefined;
  const usable = usableChoices(given);
  if (usable) return usable;
  if (!reported.has(given)) {
    reported.add(given);
    console.warn('ep-page-poll: reasons must be a JSON array of {"code", "label": {"en", "ar"}}; using the defaults.');
  }
  return undefined;
}
