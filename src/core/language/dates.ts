/**
 * Dates as a Saudi reader expects them, through `Intl` in the locale the element renders in: a date on
 * the Gregorian calendar (`ar-SA` alone would give the Hijri one), each day in the Gregorian and the Hijri
 * (Umm al-Qura) calendar, and the time until a moment ("in 3 days"). Arabic pages get Arabic-Indic digits,
 * as formatNumber does. Knows no element.
 */
import { intlLocale } from './format.js';
import type { Locale } from './locale.js';

/** The Kingdom's time zone: a ministry's dates are Saudi dates wherever the visitor is. */
export const SAUDI_TIME_ZONE = 'Asia/Riyadh';

/** `zone` when `Intl` knows it, else the Kingdom's (a typo in an attribute must not break the element). */
export function usableTimeZone(zone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone || SAUDI_TIME_ZONE }).resolvedOptions().timeZone;
  } catch {
    return SAUDI_TIME_ZONE;
  }
}

/** The day of `ms` in both calendars: `December 1, 2026` and `Jumada II 21, 1448 AH` (in Arabic, Arabic-Indic digits). */
export function calendarDates(ms: number, locale: Locale, timeZone: string): { gregorian: string; hijri: string } {
  // `calendar` is named for both: ar-SA's own default calendar is the Hijri one.
  const day = (calendar: string) =>
    new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', calendar, timeZone }).format(ms);
  return { gregorian: day('gregory'), hijri: day('islamic-umalqura') };
}

/**
 * The time from `now` until `ms` in its largest whole unit, rounded down so that a deadline is never
 * overstated: days from two days on, else hours from one hour on, else minutes (at least one).
 */
export function timeUntil(ms: number, now: number, locale: Locale): string {
  const minutes = Math.max(1, Math.floor((ms - now) / 60_000));
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    minutes >= 2880
      ? [Math.floor(minutes / 1440), 'day']
      : minutes >= 60
        ? [Math.floor(minutes / 60), 'hour']
        : [minutes, 'minute'];
  return new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'always' }).format(value, unit);
}

/** One formatter kept per locale, for lists that format many dates. */
let kept: [string, Intl.DateTimeFormat] | undefined;

/** "3 March 2026", «٣ مارس ٢٠٢٦». */
export function formatDate(date: Date, locale: Locale): string {
  const tag = intlLocale(locale);
  // The Kingdom's day, as the consultation card's dates are: a date the ministry gave must not read as the
  // day before for a visitor west of Riyadh.
  if (kept?.[0] !== tag)
    kept = [tag, new Intl.DateTimeFormat(tag, { dateStyle: 'long', calendar: 'gregory', timeZone: SAUDI_TIME_ZONE })];
  return kept[1].format(date);
}
