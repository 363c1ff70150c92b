/**
 * Strings shared by every element once a visitor acts (sending, failures, counts, personal data). Each has a stable id so translators and reviewers can find it in
 * `locales/ar.xlf`; plural strings have one id per CLDR category because Arabic uses all six.
 */
import { msg, str } from '@lit/localize';
import type { Locale } from './locale.js';
import type { FailureReason } from '../delivery/transport.js';
import type { PersonalDataKind } from '../fields/personal-data.js';
import { formatNumber, intlLocale, plural } from './format.js';

export const sending = (): string => msg('Sending…', { id: 'core.sending' });
export const tryAgain = (): string => msg('Try again', { id: 'core.try-again' });
export const errorPrefix = (): string => msg('Error:', { id: 'core.error-prefix' });

export function failureMessage(reason: FailureReason | 'rejected'): string {
  switch (reason) {
    case 'network':
      return msg('We could not reach the service. Check your connection and try again.', {
        id: 'core.failure.network',
      });
    case 'timeout':
      return msg('The service took too long to answer. Please try again.', { id: 'core.failure.timeout' });
    case 'server':
    case 'bad-response':
      return msg('The service had a problem. Please try again in a moment.', { id: 'core.failure.server' });
    case 'rejected':
      return msg('The service could not accept this. Please check what you entered and try again.', {
        id: 'core.failure.rejected',
      });
  }
}

export function charactersRemaining(remaining: number, locale: Locale): string {
  const n = formatNumber(Math.abs(remaining), locale);
  if (remaining >= 0) {
    return plural(remaining, locale, {
      // Arabic says "no", "one" and "two" in words, so these forms carry no number.
      zero: () => msg('You have no characters remaining', { id: 'core.count.remaining.zero' }),
      one: () => msg('You have 1 character remaining', { id: 'core.count.remaining.one' }),
      two: () => msg('You have 2 characters remaining', { id: 'core.count.remaining.two' }),
      few: () => msg(str`You have ${n} characters remaining`, { id: 'core.count.remaining.few' }),
      many: () => msg(str`You have ${n} characters remaining`, { id: 'core.count.remaining.many' }),
      other: () => msg(str`You have ${n} characters remaining`, { id: 'core.count.remaining.other' }),
    });
  }
  return plural(-remaining, locale, {
    one: () => msg('You have 1 character too many', { id: 'core.count.over.one' }),
    two: () => msg('You have 2 characters too many', { id: 'core.count.over.two' }),
    few: () => msg(str`You have ${n} characters too many`, { id: 'core.count.over.few' }),
    many: () => msg(str`You have ${n} characters too many`, { id: 'core.count.over.many' }),
    other: () => msg(str`You have ${n} characters too many`, { id: 'core.count.over.other' }),
  });
}

export function tooLong(max: number, locale: Locale): string {
  const n = formatNumber(max, locale);
  return plural(max, locale, {
    one: () => msg('Enter 1 character or fewer', { id: 'core.too-long.one' }),
    two: () => msg('Enter 2 characters or fewer', { id: 'core.too-long.two' }),
    few: () => msg(str`Enter ${n} characters or fewer`, { id: 'core.too-long.few' }),
    many: () => msg(str`Enter ${n} characters or fewer`, { id: 'core.too-long.many' }),
    other: () => msg(str`Enter ${n} characters or fewer`, { id: 'core.too-long.other' }),
  });
}

function personalDataName(kind: PersonalDataKind): string {
  switch (kind) {
    case 'email':
      return msg('an email address', { id: 'core.pii.email' });
    case 'phone':
      return msg('a mobile number', { id: 'core.pii.phone' });
    case 'national-id':
      return msg('a national ID or iqama number', { id: 'core.pii.national-id' });
    case 'iban':
      return msg('a bank account number (IBAN)', { id: 'core.pii.iban' });
    case 'card':
      return msg('a card number', { id: 'core.pii.card' });
  }
}

/** "Your text seems to contain an email address and a mobile number. ..." Names kinds, never values. */
export function personalDataWarning(kinds: readonly PersonalDataKind[], locale: Locale): string {
  const list = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(kinds.map(personalDataName));
  return msg(str`Your text seems to contain ${list}. Please remove it unless it is needed. You can still send it.`, {
    id: 'core.pii.warning',
  });
}
