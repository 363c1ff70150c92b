/**
 * Text that comes from a collector or a page author, for any element: one string for every language, or
 * one per language. Checked before use, picked in the visitor's language (else the other one, marked with
 * its `lang`), and rendered as text only, isolated for direction: `dir="auto"` on a block, `<bdi>` inline,
 * so a Latin name in an Arabic sentence (or the reverse) keeps its order. Knows no element.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Locale } from './locale.js';
import { isRecord } from '../delivery/read-json.js';

export type LocalText = string | Partial<Record<Locale, string>>;

/** `value` as local text, or undefined when it holds no text (blank, or no language we show). */
export function localText(value: unknown): LocalText | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (!isRecord(value)) return undefined;
  const kept: Partial<Record<Locale, string>> = {};
  for (const locale of ['en', 'ar'] as const) {
    const item = value[locale];
    if (typeof item === 'string' && item.trim()) kept[locale] = item;
  }
  return kept.en || kept.ar ? kept : undefined;
}

/** The text in `locale`, else in the other language, with that language (so it can be marked `lang`). */
export function textIn(value: LocalText, locale: Locale): { text: string; lang?: Locale } {
  if (typeof value === 'string') return { text: value };
  const own = value[locale];
  if (own) return { text: own };
  const other: Locale = locale === 'ar' ? 'en' : 'ar';
  return { text: value[other] ?? '', lang: other };
}

/** Inline, isolated for direction. */
export function inlineText(value: LocalText, locale: Locale): TemplateResult {
  const { text, lang } = textIn(value, locale);
  return html`<bdi lang=${ifDefined(lang)}>${text}</bdi>`;
}

/** A paragraph that takes its own direction (give it `white-space: pre-line` to keep line breaks). */
export function blockText(value: LocalText, locale: Locale, part?: string): TemplateResult {
  const { text, lang } = textIn(value, locale);
  return html`<p class="text" part=${ifDefined(part)} dir="auto" lang=${ifDefined(lang)}>${text}</p>`;
}
