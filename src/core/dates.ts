/**
 * Dates in the visitor's language, for any element, on the Gregorian calendar: `ar-SA` alone would give the
 * Hijri (Umm al-Qura) one, and a date from the collector reads the same in both languages this way. Arabic
 * pages get Arabic-Indic digits, as formatNumber does. One formatter is kept per locale.
 */
import { intlLocale } from './format.js';
import type { Locale } from './locale.js';

let kept: [string, Intl.DateTimeFormat] | undefined;

/** "3 March 2026", «٣ مارس ٢٠٢٦». */
export function formatDate(date: Date, locale: Locale): string {
  const tag = intlLocale(locale);
  if (kept?.[0] !== tag) kept = [tag, new Intl.DateTimeFormat(tag, { dateStyle: 'long', calendar: 'gregory' })];
  return kept[1].format(date);
}
