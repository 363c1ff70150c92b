/**
 * The form to leave the panel: its rules (the withdrawal code as the collector gave it, and the email
 * address or mobile number given at sign-up, in the shared contact rules' formats), what is sent
 * (`lab-withdraw`), and the messages for the codes a collector may return (422), from one table.
 */
import { normalizeEmail, normalizeSaudiMobile } from '../core/fields/contact.js';
import { contactInput, contactRulesOf, type ContactInput } from '../core/fields/contact-rules.js';
import type { CodeMessages, Message } from '../core/fields/field-error.js';
import { checkRules, codeMessagesOf, type RulesTable } from '../core/forms/rules-table.js';
import * as t from './messages.js';
import { CODE_LENGTH, type LeaveField, type LeaveValues } from './model.js';

/** What the rules read: the code without spaces and dashes, in capitals, and the contact detail given. */
export interface LeaveInput extends ContactInput {
  code: string;
}

/** `7k3m q9xr-2d4f` → `7K3MQ9XR2D4F`: as people copy a code, with the spaces or dashes they add. */
const compact = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

/** The code, then the email address or mobile number: the contact block's rows for these two fields. */
export const leaveRules: RulesTable<LeaveField, LeaveInput> = [
  { field: 'code', code: 'required', fails: ({ code }) => !code, message: t.codeMissing },
  {
    field: 'code',
    code: 'invalid',
    alsoCodes: ['too-short', 'too-long'],
    fails: ({ code }) => code.length !== CODE_LENGTH || /[^0-9A-Z]/.test(code),
    message: t.codeInvalid,
  },
  ...contactRulesOf(['email', 'mobile']),
];

const inputOf = (values: LeaveValues): LeaveInput => ({
  code: compact(values.code),
  // Only the two details a sign-up gave are asked for; one of them is required.
  ...contactInput({ ...values, name: '', channel: '', consent: false }, 'required'),
});

export const validateLeave = (values: LeaveValues): Partial<Record<LeaveField, Message>> =>
  checkRules(leaveRules, inputOf(values));

/** The submission's `data` (kind `lab-withdraw`): the code in groups of four, and the details given, normalised. */
export function toLeavePayload(values: LeaveValues): Record<string, unknown> {
  const { code, email, mobile } = inputOf(values);
  const contact: Record<string, string> = {};
  if (email) contact.email = normalizeEmail(email) ?? email;
  if (mobile) contact.mobile = normalizeSaudiMobile(mobile) ?? mobile;
  return { code: code.match(/.{1,4}/g)!.join('-'), contact };
}

export const leaveCodeMessages: CodeMessages<LeaveField> = codeMessagesOf(leaveRules);
