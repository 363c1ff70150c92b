/**
 * The contact-details block's rules, as rows of a form's rules table (core/forms/rules-table.ts): what the
 * form checks before sending and what it says for each code a collector may give for the block's fields.
 */
import { remainingOf } from './character-count.js';
import { normalizeEmail, normalizeSaudiMobile } from './contact.js';
import { givenContact, NAME_MAX, type ContactField, type ContactMode, type ContactValues } from './contact-fields.js';
import * as m from './contact-messages.js';
import type { Message } from './field-error.js';
import { emailInvalid, mobileInvalid } from '../forms/form-messages.js';
import type { Rule, RulesTable } from '../forms/rules-table.js';
import { renderedLocale } from '../language/language-sync.js';
import { tooLong } from '../language/messages.js';

/** What the rules read: the details given, cleaned (none when the block is hidden), the channel and consent. */
export interface ContactInput {
  name: string;
  email: string;
  mobile: string;
  channel: string;
  consent: boolean;
  mode: ContactMode;
}

export const contactInput = (values: ContactValues, mode: ContactMode): ContactInput => ({
  ...givenContact(values, mode),
  channel: values.channel,
  consent: values.consent,
  mode,
});

const reachable = ({ email, mobile }: ContactInput): boolean => Boolean(email || mobile);
const nameTooLong: Message = () => tooLong(NAME_MAX, renderedLocale());

// A channel asks for its detail only once the visitor gave a way to reach them: a radio cannot be unticked,
// so a channel chosen by mistake must not stop an anonymous submission (none is sent then). Those two rows
// have no code: the collector does not check a channel against the details.
export const contactRules: RulesTable<ContactField, ContactInput> = [
  { field: 'name', code: 'too-long', fails: ({ name }) => remainingOf(name, NAME_MAX) < 0, message: nameTooLong },
  // The contract's longest address (too-long) is no address the form would take either.
  {
    field: 'email',
    code: 'invalid',
    alsoCodes: ['too-long'],
    fails: ({ email }) => email !== '' && !normalizeEmail(email),
    message: emailInvalid,
  },
  {
    field: 'email',
    code: 'required',
    fails: (input) => !reachable(input) && input.mode === 'required',
    message: m.contactMissing,
  },
  {
    field: 'email',
    fails: (input) => reachable(input) && !input.email && input.channel === 'email',
    message: m.emailForChannel,
  },
  {
    field: 'mobile',
    code: 'invalid',
    fails: ({ mobile }) => mobile !== '' && !normalizeSaudiMobile(mobile),
    message: mobileInvalid,
  },
  // The form says a missing detail on the email field alone; the collector may name either.
  { field: 'mobile', code: 'required', message: m.contactMissing },
  {
    field: 'mobile',
    fails: (input) => reachable(input) && !input.mobile && (input.channel === 'phone' || input.channel === 'sms'),
    message: m.mobileForChannel,
  },
  {
    field: 'consent',
    code: 'required',
    alsoCodes: ['invalid'],
    fails: (input) => reachable(input) && !input.consent,
    message: m.consentMissing,
  },
];

/** The block's rows for `fields` only, for a form that asks for some of the block's fields. */
export const contactRulesOf = <F extends ContactField>(fields: readonly F[]): RulesTable<F, ContactInput> =>
  contactRules.filter((rule): rule is Rule<F, ContactInput> =>
    (fields as readonly ContactField[]).includes(rule.field),
  );
