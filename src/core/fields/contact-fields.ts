/**
 * The contact-details block of a form, for any element: name, email address, Saudi mobile number, the
 * preferred channel and consent, in one fieldset; what the visitor gave; what is sent. Optional, required
 * (an email address or a mobile number must be given) or hidden, as the page author chooses. Its rules are
 * in contact-rules.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Choice } from './choices.js';
import { cleanInput, normalizeEmail, normalizeSaudiMobile } from './contact.js';
import * as m from './contact-messages.js';
import type { Message } from './field-error.js';
import { renderCheckbox, renderRadioGroup, renderTextField } from './fields.js';
import { renderedLocale } from '../language/language-sync.js';

/** `optional` (the default): the visitor may leave contact details; `required`: they must; `hidden`: not asked. */
export type ContactMode = 'optional' | 'required' | 'hidden';

export const contactModeOf = (value: string | undefined): ContactMode =>
  value === 'required' || value === 'hidden' ? value : 'optional';

/** The block's fields, in the order they are shown and listed in an error summary. */
export const CONTACT_FIELDS = ['name', 'email', 'mobile', 'channel', 'consent'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export type ContactValues = { name: string; email: string; mobile: string; channel: string; consent: boolean };

export const emptyContact = (): ContactValues => ({ name: '', email: '', mobile: '', channel: '', consent: false });

/** Longest name accepted, in characters. */
export const NAME_MAX = 100;

export type ContactErrors = Partial<Record<ContactField, Message>>;

/** What the visitor gave, cleaned; nothing when the block is hidden. */
export function givenContact(
  values: ContactValues,
  mode: ContactMode,
): { name: string; email: string; mobile: string } {
  if (mode === 'hidden') return { name: '', email: '', mobile: '' };
  return { name: cleanInput(values.name), email: cleanInput(values.email), mobile: cleanInput(values.mobile) };
}

/** Whether the visitor gave a way to reach them (an email address or a mobile number). */
export function givesContact(values: ContactValues, mode: ContactMode): boolean {
  const { email, mobile } = givenContact(values, mode);
  return Boolean(email || mobile);
}

/**
 * What is sent: `contact` with only what was given (`mobile` in E.164), and `consent: true` when an email
 * address or a mobile number was given (a name alone is sent without it: nobody can be contacted by a name).
 */
export function contactPayload(
  values: ContactValues,
  mode: ContactMode,
): { contact?: Record<string, string>; consent?: true } {
  const { name, email, mobile } = givenContact(values, mode);
  const contact: Record<string, string> = {};
  if (name) contact.name = name;
  if (email) contact.email = normalizeEmail(email) ?? email;
  if (mobile) contact.mobile = normalizeSaudiMobile(mobile) ?? mobile;
  if ((email || mobile) && values.channel) contact.channel = values.channel;
  return {
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
    ...(email || mobile ? { consent: true as const } : {}),
  };
}

/** How the visitor would like to be contacted. Codes are stable (the contract's). */
export const contactChannels = (): Choice[] => [
  { code: 'email', label: m.channelEmail() },
  { code: 'phone', label: m.channelPhone() },
  { code: 'sms', label: m.channelSms() },
];

/**
 * What a form asks of the contact block beyond its mode: its own words, where they are about what it sends (a
 * message: "so that we can reply"), and what it needs that other forms do not.
 */
export interface ContactAsks {
  hint?: (required: boolean) => string;
  consentLabel?: () => string;
  /** Ask for no preferred channel (a form whose collector takes none: the Lab's panel). */
  noChannel?: boolean;
  /** The name is required (the Lab's panel, which invites people by name); elsewhere it is optional. */
  nameRequired?: boolean;
}

/**
 * The email address and mobile number fields, named by field: the ways to reach the visitor, here and in a
 * form that asks for the one given before (to find a sign-up again).
 */
export function renderReachFields(
  values: Pick<ContactValues, 'email' | 'mobile'>,
  errors: Pick<ContactErrors, 'email' | 'mobile'>,
): TemplateResult {
  return html`${renderTextField({ id: 'email', label: m.emailLabel(), type: 'email', autocomplete: 'email', dir: 'ltr', value: values.email, error: errors.email })}
    ${renderTextField({
      id: 'mobile',
      label: m.mobileLabel(),
      hint: m.mobileHint(),
      type: 'tel',
      autocomplete: 'tel',
      dir: 'ltr',
      value: values.mobile,
      error: errors.mobile,
    })}`;
}

/** The block, or nothing when it is hidden. Controls are named by field; bind `input` on the form to keep values. */
export function renderContactFields(
  values: ContactValues,
  errors: ContactErrors,
  mode: ContactMode,
  asks: ContactAsks = {},
): TemplateResult | typeof nothing {
  if (mode === 'hidden') return nothing;
  const { hint = m.hint, consentLabel = m.consentLabel } = asks;
  const required = mode === 'required';
  return html`<fieldset class="contact" part="contact" aria-describedby="contact-hint">
    <legend>${m.legend(required)}</legend>
    <p id="contact-hint" class="hint">${hint(required)}</p>
    ${renderTextField({ id: 'name', label: m.nameLabel(), type: 'text', autocomplete: 'name', value: values.name, error: errors.name, required: asks.nameRequired })}
    ${renderReachFields(values, errors)}
    ${asks.noChannel ? nothing : renderRadioGroup({ id: 'channel', label: m.channelLegend(), choices: contactChannels(), value: values.channel, locale: renderedLocale(), error: errors.channel })}
    ${renderCheckbox({ id: 'consent', label: consentLabel(), checked: values.consent, required: required || givesContact(values, mode), error: errors.consent })}
  </fieldset>`;
}
