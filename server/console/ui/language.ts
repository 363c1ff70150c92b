/**
 * The console's language: Arabic (right to left) unless the person chose English with the switch; the
 * choice is kept on this device (localStorage). Its own @lit/localize set-up and strings
 * (server/console/locales/ar.xlf), apart from the widgets' own.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

export type Language = 'ar' | 'en';

const KEY = 'ep-console-language';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: () => import('./generated/locales/ar.js'),
});

export const language = (): Language => (getLocale() === 'en' ? 'en' : 'ar');

function chosen(): Language {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

/** Shows the console in `wanted` (the one chosen before, by default), the page's `lang` and `dir` with it. */
export async function useLanguage(wanted: Language = chosen()): Promise<void> {
  await setLocale(wanted);
  document.documentElement.lang = wanted;
  document.documentElement.dir = wanted === 'ar' ? 'rtl' : 'ltr';
  try {
    localStorage.setItem(KEY, wanted);
  } catch {
    // Not kept (storage refused): the switch still works for this visit.
  }
}
