/**
 * The form's rules: what makes it ready to send (each problem a message for its field), what is sent,
 * and the messages for the codes a collector may return for a field (422).
 */
import { choiceLabel } from '../core/fields/choices.js';
import { cleanInput, normalizeEmail, normalizeSaudiMobile } from '../core/fields/contact.js';
import { NAME_MAX, contactPayload } from '../core/fields/contact-fields.js';
import { remainingOf } from '../core/fields/character-count.js';
import type { CodeMessages, Message } from '../core/fields/field-error.js';
import { emailInvalid, mobileInvalid, tooShort } from '../core/forms/form-messages.js';
import { renderedLocale } from '../core/language/language-sync.js';
import type { Locale } from '../core/language/locale.js';
import { tooLong } from '../core/language/messages.js';
import type { Field, Rules, Values } from './model.js';
import * as t from './messages.js';

export type Errors = Partial<Record<Field, Message>>;

const longerThan = (text: string, max: number): boolean => remainingOf(text, max) < 0;
const mobileChannel = (channel: string): boolean => channel === 'phone' || channel === 'sms';

/** What the visitor gave to be contacted by, cleaned; nothing when the contact block is hidden. */
function contactOf(values: Values, rules: Rules): { name: string; email: string; mobile: string } {
  if (rules.contact === 'hidden') return { name: '', email: '', mobile: '' };
  return { name: cleanInput(values.name), email: cleanInput(values.email), mobile: cleanInput(values.mobile) };
}

/** Every problem that stops the form from being sent, by field, in the order of the form. */
export function validate(values: Values, rules: Rules): Errors {
  const errors: Errors = {};
  const min = rules.minLength;
  const max = rules.maxLength;
  if (!rules.types.some((type) => type.code === values.type)) errors.type = t.typeMissing;
  const message = values.message.trim();
  if (!message) errors.message = t.messageMissing;
  else if ([...message].length < min) errors.message = () => tooShort(min, renderedLocale());
  else if (longerThan(values.message, max)) errors.message = () => tooLong(max, renderedLocale());
  if (rules.contact === 'hidden') return errors;

  const { name, email, mobile } = contactOf(values, rules);
  if (longerThan(name, NAME_MAX)) errors.name = () => tooLong(NAME_MAX, renderedLocale());
  if (email && !normalizeEmail(email)) errors.email = emailInvalid;
  if (mobile && !normalizeSaudiMobile(mobile)) errors.mobile = mobileInvalid;
  if (!email && !mobile && rules.contact === 'required') errors.email = t.contactMissing;
  // A channel matters only to someone who gave a way to reach them: a radio choice cannot be undone, so
  // one clicked by mistake must not stop an anonymous message (it is not sent without a detail).
  if (email || mobile) {
    if (!email && values.channel === 'email') errors.email ??= t.emailForChannel;
    if (!mobile && mobileChannel(values.channel)) errors.mobile = t.mobileForChannel;
  }
  if ((email || mobile) && !values.consent) errors.consent = t.consentMissing;
  return errors;
}

/** The submission's `data`, from values that passed `validate`. Contact details go normalised (E.164). */
export function toPayload(values: Values, rules: Rules, service: string | undefined, locale: Locale): Record<string, unknown> {
  const type = rules.types.find((choice) => choice.code === values.type);
  const data: Record<string, unknown> = {
    type: { code: values.type, label: type ? choiceLabel(type, locale) : values.type },
    message: values.message.trim(),
  };
  const serviceName = service?.trim();
  if (serviceName) data.service = serviceName;
  return { ...data, ...contactPayload(values, rules.contact) };
}

/** What the form says for each code the collector may give for each of its fields (422), under these rules. */
export function feedbackCodeMessages(rules: Rules): CodeMessages<Field> {
  const locale = renderedLocale;
  return {
    required: { type: t.typeMissing, message: t.messageMissing, email: t.contactMissing, mobile: t.contactMissing, consent: t.consentMissing },
    'too-long': { message: () => tooLong(rules.maxLength, locale()), name: () => tooLong(NAME_MAX, locale()), email: emailInvalid },
    'too-short': { message: () => tooShort(rules.minLength, locale()) },
    // A message of blanks only is no message.
    invalid: { message: t.messageMissing, email: emailInvalid, mobile: mobileInvalid, consent: t.consentMissing },
  };
}
