/**
 * A field's error message in the GOV.UK pattern (a visually hidden "Error:" before it, tied to the field
 * with `aria-describedby`), and the sorting of a collector's field errors (422) onto a form's fields.
 * Knows nothing of any element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { errorPrefix } from '../language/messages.js';
import type { FieldError } from '../delivery/transport.js';

/** A message built when rendered, so one shown before a language switch follows it. */
export type Message = () => string;

/** The id of the error message of the field with id `field`. */
export const errorIdOf = (field: string): string => `${field}-error`;

export function renderFieldError(field: string, message: Message | undefined): TemplateResult | typeof nothing {
  return message
    ? html`<p id=${errorIdOf(field)} class="error-message"><span class="visually-hidden">${errorPrefix()}</span> ${message()}</p>`
    : nothing;
}

/** An `aria-describedby` value from the ids that apply, or undefined when none does. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/**
 * What a form says for each code a collector may give for each of its fields (api/openapi.yaml's FieldError
 * codes): `codes[code][field]`. The one way a form maps a refusal (422) into the visitor's language; each
 * form exports its table, so a contract test can hold it to the codes the collector returns.
 */
export type CodeMessages<F extends string> = Partial<Record<string, Partial<Record<F, Message>>>>;

export interface MatchedErrors<F extends string> {
  /** The message for each of the form's fields that the collector refused. */
  byField: Partial<Record<F, Message>>;
  /** The collector's own words for fields the form does not have (shown as text, never as HTML). */
  other: string[];
}

/**
 * Puts a collector's field errors on the form's fields. A field is matched by its name or as the last part
 * of a dotted path (`contact.email` is `email`). A code the form knows (in `codes`) is shown in the
 * visitor's language; otherwise the collector's message, else `fallback`. The collector's words are in English
 * (api/openapi.yaml): on a page in another language (`ownWords` false) they are not shown, `fallback` stands
 * for them on a field, and problems with fields the form does not have are left to the general failure.
 */
export function matchFieldErrors<F extends string>(
  errors: readonly FieldError[],
  fields: readonly F[],
  codes: CodeMessages<F>,
  fallback: Message,
  ownWords = true,
): MatchedErrors<F> {
  const byField: Partial<Record<F, Message>> = {};
  const other: string[] = [];
  for (const { field, code, message } of errors) {
    const name = fields.find((candidate) => field === candidate || field.endsWith(`.${candidate}`));
    const words = ownWords ? message : undefined;
    if (!name) {
      if (words) other.push(words);
      continue;
    }
    byField[name] ??= (code ? codes[code]?.[name] : undefined) ?? (words ? () => words : fallback);
  }
  return { byField, other };
}
