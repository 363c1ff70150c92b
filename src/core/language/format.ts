/** Numbers and plurals through `Intl`, in the locale the element renders in. */
import type { Locale } from './locale.js';

/**
 * The `Intl` locale for one of ours. The page's own tag wins when it names a region in the same language
 * (`<html lang="ar-AE">`); otherwise Arabic is Saudi Arabic: bare `ar` in current CLDR means Latin digits,
 * while `ar-SA` writes the Arabic-Indic digits a Saudi reader expects.
 */
export function intlLocale(locale: Locale, pageLang: string = globalThis.document?.documentElement.lang ?? ''): string {
  const [primary, region] = pageLang.split(/[-_]/);
  if (primary?.toLowerCase() === locale && region) return pageLang.replace('_', '-');
  return locale === 'ar' ? 'ar-SA' : locale;
}

/** Intl objects are costly to build (a form's character count needed two in each render): one kept per locale. */
const numberFormats: Record<string, Intl.NumberFormat> = {};
const pluralRules: Record<string, Intl.PluralRules> = {};

export function formatNumber(value: number, locale: Locale): string {
  const tag = intlLocale(locale);
  return (numberFormats[tag] ??= new Intl.NumberFormat(tag)).format(value);
}

export type PluralForms = { other: () => string } & Partial<Record<Intl.LDMLPluralRule, () => string>>;

/**
 * Picks the form for `count` by the locale's plural rules. Arabic has six forms (zero, one, two, few,
 * many, other); English uses two. Forms are thunks so that only the chosen `msg()` is evaluated.
 */
export function plural(count: number, locale: Locale, forms: PluralForms): string {
  const tag = intlLocale(locale);
  const category = (pluralRules[tag] ??= new Intl.PluralRules(tag)).select(count);
  return (forms[category] ?? forms.other)();
}
