/**
 * The contact-details block of a form, for any element: name, email address, Saudi mobile number, the
 * preferred channel and consent, in one fieldset; its rules; what is sent; and the messages for the codes a
 * collector may return for its fields. Optional, required (an email address or a mobile number must be
 * given) or hidden, as the page author chooses. The same rules as `<ep-feedback>`'s contact details.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { remainingOf } from './character-count.js';
import { cleanInput, normalizeEmail, normalizeSaudiMobile } from './contact.js';
import * as m from './contact-messages.js';
import type { CodeMessages, Message } from './field-error.js';
import { renderCheckbox, renderRadioGroup, renderTextField } from './fields.js';
import { emailInvalid, mobileInvalid } from '../forms/form-messages.js';
import { renderedLocale } from '../language/language-sync.js';
import { tooLong } from '../language/messages.js';

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
function given(values: ContactValues, mode: ContactMode): { name: string; email: string; mobile: string } {
  if (mode === 'hidden') return { name: '', email: '', mobile: '' };
  return { name: cleanInput(values.name), email: cleanInput(values.email), mobile: cleanInput(values.mobile) };
}

/** Whether the visitor gave a way to reach them (an email address or a mobile number). */
export function givesContact(values: ContactValues, mode: ContactMode): boolean {
  const { email, mobile } = given(values, mode);
  return Boolean(email || mobile);
}

/** Every problem with the contact details, by field. */
export function validateContact(values: ContactValues, mode: ContactMode): ContactErrors {
  const errors: ContactErrors = {};
  if (mode === 'hidden') return errors;
  const { name, email, mobile } = given(values, mode);
  if (remainingOf(name, NAME_MAX) < 0) errors.name = () => tooLong(NAME_MAX, renderedLocale());
  if (email && !normalizeEmail(email)) errors.email = emailInvalid;
  if (mobile && !normalizeSaudiMobile(mobile)) errors.mobile = mobileInvalid;
  if (!email && !mobile && mode === 'required') errors.email = m.contactMissing;
  // A channel asks for its detail only once the visitor gave a way to reach them: a radio cannot be
  // unticked, so a channel chosen by mistake must not stop an anonymous submission (none is sent then).
  if (email || mobile) {
    if (!email && values.channel === 'email') errors.email ??= m.emailForChannel;
    if (!mobile && (values.channel === 'phone' || values.channel === 'sms')) errors.mobile = m.mobileForChannel;
  }
  if ((email || mobile) && !values.consent) errors.consent = m.consentMissing;
  return errors;
}

/**
 * What is sent: `contact` with only what was given (`mobile` in E.164), and `consent: true` when an email
 * address or a mobile number was given (a name alone is sent without it: nobody can be contacted by a name).
 */
export function contactPayload(values: ContactValues, mode: ContactMode): { contact?: Record<string, string>; consent?: true } {
  const { name, email, mobile } = given(values, mode);
  const contact: Record<string, string> = {};
  if (name) contact.name = name;
  if (email) contact.email = normalizeEmail(email) ?? email;
  if (mobile) contact.mobile = normalizeSaudiMobile(mobile) ?? mobile;
  if ((email || mobile) && values.channel) contact.channel = values.channel;
  return { ...(Object.keys(contact).length > 0 ? { contact } : {}), ...(email || mobile ? { consent: true as const } : {}) };
}

/** What the block says for each code a collector may give for each of its fields (422). */
export const contactCodeMessages: CodeMessages<ContactField> = {
  required: { consent: m.consentMissing, email: m.contactMissing, mobile: m.contactMissing },
  invalid: { email: emailInvalid, mobile: mobileInvalid, consent: m.consentMissing },
  // The contract's longest address; a longer one is no address the form would take either.
  'too-long': { name: () => tooLong(NAME_MAX, renderedLocale()), email: emailInvalid },
};

/** The block, or nothing when it is hidden. Controls are named by field; bind `input` on the form to keep values. */
export function renderContactFields(values: ContactValues, errors: ContactErrors, mode: ContactMode): TemplateResult | typeof nothing {
  if (mode === 'hidden') return nothing;
  const required = mode === 'required';
  const channels = [
    { code: 'email', label: m.channelEmail() },
    { code: 'phone', label: m.channelPhone() },
    { code: 'sms', label: m.channelSms() },
  ];
  return html`<fieldset class="contact" part="contact" aria-describedby="contact-hint">
    <legend>${m.legend(required)}</legend>
    <p id="contact-hint" class="hint">${m.hint(required)}</p>
    ${renderTextField({ id: 'name', label: m.nameLabel(), type: 'text', autocomplete: 'name', value: values.name, error: errors.name })}
    ${renderTextField({ id: 'email', label: m.emailLabel(), type: 'email', autocomplete: 'email', dir: 'ltr', value: values.email, error: errors.email })}
    ${renderTextField({
      id: 'mobile',
      label: m.mobileLabel(),
      hint: m.mobileHint(),
      type: 'tel',
      autocomplete: 'tel',
      dir: 'ltr',
      value: values.mobile,
      error: errors.mobile,
    })}
    ${renderRadioGroup({ id: 'channel', label: m.channelLegend(), choices: channels, value: values.channel, locale: renderedLocale(), error: errors.channel })}
    ${renderCheckbox({ id: 'consent', label: m.consentLabel(), checked: values.consent, required: givesContact(values, mode), error: errors.consent })}
  </fieldset>`;
}
