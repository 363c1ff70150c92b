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

function isChoice(value: unknown): value is Choice {
  const code = (value as Partial<Choice> | null)?.code;
  return typeof code === 'string' && code.trim() !== '';
}

/**
 * A converter for an attribute that holds choices as JSON (`[{"code": "…", "label": {"en": "…", "ar": "…"}}]`).
 * Anything unusable is reported once on the console, naming the element and the attribute, and the
 * element keeps its defaults, so a typo in a CMS field never leaves the visitor without choices.
 */
export function choicesAttribute(tag: string, attribute: string): (json: string | null) => Choice[] | undefined {
  return (json) => {
    if (json == null || json.trim() === '') return undefined;
    try {
      const value: unknown = JSON.parse(json);
      if (Array.isArray(value) && value.length > 0 && value.every(isChoice)) return value;
    } catch {
      // Reported below.
    }
    console.warn(`${tag}: ${attribute} must be a JSON array of {"code", "label": {"en", "ar"}}; using the defaults.`);
    return undefined;
  };
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
