/**
 * Numbers and dates as the console's language writes them: Arabic-Indic digits in Arabic (`nu-arab`, said
 * outright rather than left to each browser's default for `ar`), the Gregorian calendar in both, and days
 * in UTC, as the API counts them.
 */
import { language } from './language.js';

const tag = (): string => (language() === 'ar' ? 'ar-u-nu-arab' : 'en');

export const count = (value: number): string => new Intl.NumberFormat(tag()).format(value);

/** A share (0 to 1) as a percentage with at most one decimal; an em dash when there is none. */
export const percent = (share: number | null): string =>
  share === null ? '—' : new Intl.NumberFormat(tag(), { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** A change of share (−1 to 1) in percentage points, with its sign. */
export const points = (change: number): string =>
  new Intl.NumberFormat(tag(), { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(change * 100);

const dayFormat = (): Intl.DateTimeFormat => new Intl.DateTimeFormat(tag(), { dateStyle: 'medium', timeZone: 'UTC' });

/** A day (`2026-03-02`). */
export const day = (iso: string): string => dayFormat().format(new Date(`${iso}T00:00:00Z`));

/** A moment (`2026-03-02T08:00:00Z`), in the browser's time zone. */
export const moment = (iso: string): string =>
  new Intl.DateTimeFormat(tag(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** The day before `iso` (the API's `to` is the first day not counted). */
export const dayBefore = (iso: string): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Names joined as the language joins them ("A, B and C"; «أ وب وج»). */
export const list = (names: string[]): string => new Intl.ListFormat(tag(), { type: 'conjunction' }).format(names);

/** A day, short (`2 Mar`; «٢ مارس»), for a chart's axis: a moment in ms, in UTC as the API counts days. */
export const shortDay = (ms: number): string =>
  new Intl.DateTimeFormat(tag(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(ms);
