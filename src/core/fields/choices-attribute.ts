// Apart from choices.ts, which the poll loads too: only the elements with a list of choices in an attribute use it.
import { isChoice, type Choice } from './choices.js';

/**
 * A converter for an attribute that holds choices as JSON (`[{"code": "…", "label": {"en": "…", "ar": "…"}}]`).
 * Anything unusable is reported once on the console, naming the element and the attribute, and the
 * element keeps its defaults (`instead` says what it does), so a typo in a CMS field never leaves the visitor
 * without choices.
 */
export function choicesAttribute(
  tag: string,
  attribute: string,
  instead = 'using the defaults',
): (json: string | null) => Choice[] | undefined {
  return (json) => {
    if (json == null || json.trim() === '') return undefined;
    try {
      const value: unknown = JSON.parse(json);
      if (Array.isArray(value) && value.length > 0 && value.every(isChoice)) return value;
    } catch {
      // Reported below.
    }
    console.warn(`${tag}: ${attribute} must be a JSON array of {"code", "label": {"en", "ar"}}; ${instead}.`);
    return undefined;
  };
}
