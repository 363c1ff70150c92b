/** The languages the library ships (from lit-localize's generated list), and how a page's tag maps onto them. */
import { allLocales, sourceLocale, targetLocales } from '../../generated/locale-codes.js';

export const SOURCE_LOCALE = sourceLocale;
export const TARGET_LOCALES = targetLocales;
export type Locale = (typeof allLocales)[number];

export function isLocale(value: unknown): value is Locale {
  return (allLocales as readonly unknown[]).includes(value);
}

/** `ar-SA` → `ar`, `EN_gb` → `en`; anything we do not ship → `fallback`. */
export function matchLocale(tag: string | null | undefined, fallback: Locale): Locale {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : fallback;
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}
