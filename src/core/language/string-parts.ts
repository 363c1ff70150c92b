/**
 * Each element's strings load with it: scripts/split-locales.mjs splits every language into parts by the
 * element and phase that use each string (first render, or the parts an element loads on demand), and names
 * them per element tag in src/generated/locales/parts/index.ts. This module keeps, per language, one template
 * object that grows as parts arrive: @lit/localize keeps the object it was given, so strings merged in later
 * are found by every msg() after that. Knows no element: a tag is only a key into the generated list.
 */
import type { LocaleModule } from '@lit/localize';
import { stringParts } from '../../generated/locales/parts/index.js';

export type PartLoader = () => Promise<LocaleModule>;
/** For each element tag, per language, the parts its first render needs and those it needs later. */
export type StringParts = Record<string, Record<Phase, Partial<Record<string, PartLoader[]>>>>;
export type Phase = 'first' | 'later';

const merged = new Map<string, LocaleModule['templates']>();
const loads = new Map<PartLoader, Promise<void>>();
/** Parts loaded, or failed (the element then renders in the source language rather than not at all). */
const settled = new Set<PartLoader>();
/** The element tags whose strings are wanted, each with the phases begun. */
const needs = new Map<string, Set<Phase>>();

/** The template object of a language, the one @lit/localize is given and that parts are merged into. */
export function templatesOf(locale: string): LocaleModule['templates'] {
  let templates = merged.get(locale);
  if (!templates) merged.set(locale, (templates = {}));
  return templates;
}

/** A tag the generated list does not know (an app's subclass under its own name) gets every string. */
function loadersOf(tag: string, phase: Phase, locale: string): PartLoader[] {
  const known = stringParts[tag];
  if (known) return known[phase][locale] ?? [];
  return Object.values(stringParts).flatMap((parts) => [
    ...(parts.first[locale] ?? []),
    ...(parts.later[locale] ?? []),
  ]);
}

function load(loader: PartLoader, locale: string): Promise<void> {
  let loading = loads.get(loader);
  if (!loading) {
    loading = loader()
      .then(
        (module) => void Object.assign(templatesOf(locale), module.templates),
        () => void loads.delete(loader), // so that the next need tries again
      )
      .finally(() => settled.add(loader));
    loads.set(loader, loading);
  }
  return loading;
}

/**
 * Records that `tag` needs the strings of `phase`; loads them now in `locale` unless it is the source one. The
 * promise settles once they are in; what it resolves to means nothing (as for needLaterParts).
 */
export function needParts(tag: string, phase: Phase, locale: string | undefined): Promise<unknown> {
  let phases = needs.get(tag);
  if (!phases) needs.set(tag, (phases = new Set()));
  phases.add(phase);
  return locale ? Promise.all(loadersOf(tag, phase, locale).map((loader) => load(loader, locale))) : Promise.resolve();
}

/** Every part wanted so far in `locale`, loaded and merged: what @lit/localize's loadLocale returns. */
export function loadWanted(locale: string): Promise<LocaleModule> {
  const all = [...needs].flatMap(([tag, phases]) => [...phases].flatMap((phase) => loadersOf(tag, phase, locale)));
  return Promise.all(all.map((loader) => load(loader, locale))).then(() => ({ templates: templatesOf(locale) }));
}

/** Begins the later phase of every element wanted so far: what an element loads on demand needs it. */
export function needLaterParts(locale: string | undefined): Promise<unknown> {
  return Promise.all([...needs.keys()].map((tag) => needParts(tag, 'later', locale)));
}

/** Whether the first render of `tag` has its strings in `locale` (loaded, or failed for good). */
export function firstPartsSettled(tag: string, locale: string): boolean {
  return loadersOf(tag, 'first', locale).every((loader) => settled.has(loader));
}
