/**
 * A form's rules as one table, for any element: each row a field, the problem's code (as the collector's
 * FieldError codes name it), when the problem is there, and what the visitor is told. The client's checks
 * and the words for a collector's refusal (422) both come from the rows, so they cannot drift apart, and a
 * contract test can hold the table to the codes the collector returns.
 */
import type { CodeMessages, Message } from '../fields/field-error.js';

export interface Rule<F extends string, I> {
  field: F;
  /** The code the collector gives for this problem; none for a rule only the form checks. */
  code?: string;
  /** Other codes the collector gives for what the visitor would fix the same way (blanks only for `invalid`). */
  alsoCodes?: readonly string[];
  /**
   * True when the problem is there, from the form's cleaned values and options (`I`). None: the form finds
   * the problem on another field, but says this when the collector names this one.
   */
  fails?: (input: I) => boolean;
  message: Message;
}

/** Rows in the order of the form's fields; for one field, the row listed first is the one said first. */
export type RulesTable<F extends string, I> = readonly Rule<F, I>[];

/** Every problem that stops the form from being sent: for each field, the first of its rows that fails. */
export function checkRules<F extends string, I>(table: RulesTable<F, I>, input: I): Partial<Record<F, Message>> {
  const errors: Partial<Record<F, Message>> = {};
  for (const rule of table) if (!errors[rule.field] && rule.fails?.(input)) errors[rule.field] = rule.message;
  return errors;
}

/** What the form says for each code the collector may give for each field: the first row with that code. */
export function codeMessagesOf<F extends string, I>(table: RulesTable<F, I>): CodeMessages<F> {
  const codes: CodeMessages<F> = {};
  for (const rule of table) {
    for (const code of rule.code ? [rule.code, ...(rule.alsoCodes ?? [])] : []) {
      const byField: Partial<Record<F, Message>> = (codes[code] ??= {});
      byField[rule.field] ??= rule.message;
    }
  }
  return codes;
}
