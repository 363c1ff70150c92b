/**
 * The view form's rules as one table: what makes a view ready to send and what the form says for each code
 * the collector may give for its fields (422).
 */
import { remainingOf } from '../core/fields/character-count.js';
import type { CodeMessages, Message } from '../core/fields/field-error.js';
import { checkRules, codeMessagesOf, type RulesTable } from '../core/forms/rules-table.js';
import { renderedLocale } from '../core/language/language-sync.js';
import { tooLong } from '../core/language/messages.js';
import * as t from './messages.js';
import { STANCES, type Stance } from './model.js';

export type Field = 'stance' | 'comment';
export const FIELDS: readonly Field[] = ['stance', 'comment'];

/** What the rules read: the stance and the comment without its outer blanks. */
export interface Input {
  stance: string;
  comment: string;
}

/** The rules for a comment of at most `max` characters. */
export const viewRules = (max: number): RulesTable<Field, Input> => [
  // A stance the collector does not know is none; a comment of blanks only is none.
  {
    field: 'stance',
    code: 'required',
    alsoCodes: ['invalid'],
    fails: ({ stance }) => !STANCES.includes(stance as Stance),
    message: t.stanceMissing,
  },
  {
    field: 'comment',
    code: 'required',
    alsoCodes: ['invalid'],
    fails: ({ stance, comment }) => stance === 'oppose' && !comment,
    message: t.commentMissing,
  },
  {
    field: 'comment',
    code: 'too-long',
    fails: ({ comment }) => remainingOf(comment, max) < 0,
    message: () => tooLong(max, renderedLocale()),
  },
];

export const validateView = (input: Input, max: number): Partial<Record<Field, Message>> =>
  checkRules(viewRules(max), input);

/** What the form says for each code the collector may give for each of its fields (422), for a comment of at most `max`. */
export const viewCodeMessages = (max: number): CodeMessages<Field> => codeMessagesOf(viewRules(max));
