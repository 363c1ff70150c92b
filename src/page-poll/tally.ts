/** The page tally as the collector reports it, checked before a number reaches the page. */
import { msg, str } from '@lit/localize';
import { formatNumber, plural } from '../core/language/format.js';
import type { Locale } from '../core/language/locale.js';
import { isRecord } from '../core/delivery/read-json.js';

export interface Tally {
  yes: number;
  total: number;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A tally, or undefined when the body is anything other than two sane counts. */
export function parseTally(body: unknown): Tally | undefined {
  if (!isRecord(body) || !isCount(body.yes) || !isCount(body.total) || body.yes > body.total) return undefined;
  return { yes: body.yes, total: body.total };
}

/** "12 of 30 visitors found this page useful", with the plural chosen by the number of visitors. */
export function tallyMessage({ yes, total }: Tally, locale: Locale): string {
  const n = formatNumber(yes, locale);
  const m = formatNumber(total, locale);
  return plural(total, locale, {
    zero: () => msg(str`${n} of ${m} visitors found this page useful`, { id: 'poll.tally.zero' }),
    // Arabic names one and two visitors in words (the dual), so these forms carry no total.
    one: () => msg(str`${n} of 1 visitor found this page useful`, { id: 'poll.tally.one' }),
    two: () => msg(str`${n} of 2 visitors found this page useful`, { id: 'poll.tally.two' }),
    few: () => msg(str`${n} of ${m} visitors found this page useful`, { id: 'poll.tally.few' }),
    many: () => msg(str`${n} of ${m} visitors found this page useful`, { id: 'poll.tally.many' }),
    other: () => msg(str`${n} of ${m} visitors found this page useful`, { id: 'poll.tally.other' }),
  });
}
