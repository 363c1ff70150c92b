/**
 * Keeps the page-wide @lit/localize locale in step with `<html lang>` (watched for changes) unless
 * `configure({ locale })` fixes it. Started lazily by the first element that connects, so importing the
 * library has no side effects.
 */
import { configureLocalization } from '@lit/localize';
import { getConfig, onConfigChange } from '../element/config.js';
import { SOURCE_LOCALE, TARGET_LOCALES, matchLocale, isLocale, type Locale } from './locale.js';
import { firstPartsSettled, loadWanted, needLaterParts, needParts } from './string-parts.js';

type Controls = ReturnType<typeof configureLocalization>;
let controls: Controls | undefined;
/**
 * Set when this copy of @lit/localize was already configured by the page's own app (possible only when an
 * app bundles ep-widgets from source and dedupes @lit/localize; our npm build carries a private copy).
 * Then our Arabic cannot be loaded, so the elements render in the source language rather than not at all.
 */
let external = false;

/** The locale wanted now by configuration and page, before any loading. */
export function wantedLocale(): Locale {
  const { locale, defaultLocale } = getConfig();
  const fallback = defaultLocale && isLocale(defaultLocale) ? defaultLocale : SOURCE_LOCALE;
  return matchLocale(locale ?? document.documentElement.lang, fallback);
}

let failedLocale: Locale | undefined;

function apply(): Promise<void> {
  if (!controls) return Promise.resolve();
  const wanted = wantedLocale();
  // setLocale compares with the locale being loaded, not only the active one, so a switch back during a
  // load is not lost; always asking it is what keeps page and elements in step.
  return controls.setLocale(wanted).then(
    () => void (failedLocale = undefined),
    () => void (failedLocale = wanted),
  );
}

/** Idempotent. Returns a promise that settles when the wanted locale is loaded and rendered. */
export function startLanguageSync(): Promise<void> {
  if (!controls && !external) {
    try {
      controls = configureLocalization({
        sourceLocale: SOURCE_LOCALE,
        targetLocales: TARGET_LOCALES,
        // The parts of each element's strings wanted so far (string-parts.ts); more merge in as elements arrive.
        loadLocale: loadWanted,
      });
    } catch {
      external = true;
      return import('../element/diagnostics.js').then(({ warnLocalizationTaken }) => warnLocalizationTaken());
    }
    // An attribute filter alone watches attributes (the DOM standard implies `attributes: true`).
    new MutationObserver(() => void apply()).observe(document.documentElement, { attributeFilter: ['lang'] });
    onConfigChange(() => void apply());
  }
  return apply();
}

/** The language whose parts load now: the wanted one, once localization is ours and it is not the source. */
function partsLocale(): Locale | undefined {
  if (!controls) return undefined; // nor is there a page before: this may run on a server
  const wanted = wantedLocale();
  return wanted === SOURCE_LOCALE ? undefined : wanted;
}

/**
 * Records that the element `tag` is on the page (define.ts, as it is registered; ep-element.ts, as it connects)
 * and loads the strings its first render needs in the page's language.
 */
export function needFirstStrings(tag: string): Promise<unknown> {
  return needParts(tag, 'first', partsLocale());
}

/** Loads the strings of what elements load on demand (core/element/on-demand.ts waits for them). */
export function needLaterStrings(): Promise<unknown> {
  return needLaterParts(partsLocale());
}

/** The locale the elements currently render in (the loaded one, which may lag `wantedLocale()`). */
export function renderedLocale(): Locale {
  const current = controls?.getLocale();
  return isLocale(current) ? current : SOURCE_LOCALE;
}

/**
 * Whether the element `tag` may render now: the wanted locale is active with the strings of its first render,
 * or it failed to load (then the source language is better than nothing). Rendering before that would flash
 * English on an Arabic page.
 */
export function localeSettled(tag: string): boolean {
  if (external) return true;
  const wanted = wantedLocale();
  if (failedLocale === wanted) return true;
  return renderedLocale() === wanted && (wanted === SOURCE_LOCALE || firstPartsSettled(tag, wanted));
}

/** Resolves once the wanted locale is in place; for tests and hosts that await a language switch. */
export function localeReady(): Promise<void> {
  return startLanguageSync().then(() => {
    const locale = partsLocale();
    // Parts wanted while the locale was loading are not in what setLocale waited for.
    return locale ? loadWanted(locale).then(() => {}) : undefined;
  });
}
