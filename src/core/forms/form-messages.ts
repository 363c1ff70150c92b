/**
 * Strings for forms with several fields (error summary, lengths, contact details, the honeypot), shared
 * by every element that has such a form. Apart from messages.ts so that elements without one (the poll)
 * do not carry them. Plural strings have one id per CLDR category: Arabic uses all six.
 */
import { msg, str } from '@lit/localize';
import { formatNumber, plural } from '../language/format.js';
import type { Locale } from '../language/locale.js';

export const errorSummaryTitle = (): string => msg('There is a problem', { id: 'core.error-summary.title' });

export function tooShort(min: number, locale: Locale): string {
  const n = formatNumber(min, locale);
  return plural(min, locale, {
    one: () => msg('Enter 1 character or more', { id: 'core.too-short.one' }),
    two: () => msg('Enter 2 characters or more', { id: 'core.too-short.two' }),
    few: () => msg(str`Enter ${n} characters or more`, { id: 'core.too-short.few' }),
    many: () => msg(str`Enter ${n} characters or more`, { id: 'core.too-short.many' }),
    other: () => msg(str`Enter ${n} characters or more`, { id: 'core.too-short.other' }),
  });
}

export const emailInvalid = (): string =>
  msg('Enter an email address in the correct format, like name@example.com', { id: 'core.contact.email-invalid' });
export const mobileInvalid = (): string =>
  msg('Enter a Saudi mobile number in the correct format, like 05XXXXXXXX', { id: 'core.contact.mobile-invalid' });
/** A collector's field error that has neither a known code nor words of its own. */
export const fieldInvalid = (): string => msg('This is not valid. Please check it.', { id: 'core.field.invalid' });
/** The reference a collector gives a submission, in a confirmation. */
export const referenceLabel = (): string => msg('Your reference number', { id: 'core.form.reference' });
export const honeypotLabel = (): string => msg('Leave this field empty', { id: 'core.honeypot.label' });
