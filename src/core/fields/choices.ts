/**
 * A list of choices a page author may replace (message types, reasons, topics): stable codes that
 * collectors aggregate on, and labels in each language. Knows nothing of any element.
 */
import type { Locale } from '../language/locale.js';

/** A choice as a page author writes it: a label per language, or one label for every language. */
export interface Choice {
  code: string;
  label: string | Partial<Record<Locale, string>>;
}

export function isChoice(value: unknown): value is Choice {
  const code = (value as Partial<Choice> | null)?.code;
  return typeof code === 'string' && code.trim() !== '';
}

/** The author's list when it is usable (set as a property, say), else undefined: the element's defaults. */
export function usableChoices(value: unknown): Choice[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every(isChoice) ? value : undefined;
}

/** The label in `locale`, else in the other language, else the code: a choice never goes unnamed. */
export function choiceLabel({ code, label }: Choice, locale: Locale): string {
  const text = typeof label === 'string' ? label : (label?.[locale] ?? label?.en ?? label?.ar);
  return typeof text === 'string' && text.trim() ? text : code;
}
