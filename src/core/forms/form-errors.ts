/**
 * A form's problems in the GOV.UK pattern, for any element: each on its field, all in the error summary
 * (which takes focus, so it is heard once), from the form's own rules or from a collector's refusal (its
 * field errors put on the form's fields, known codes in the visitor's language, the collector's words
 * otherwise). Knows no element: the element gives its fields and what each code means for them.
 */
import { nothing, type TemplateResult } from 'lit';
import type { Announcer } from '../a11y/announcer.js';
import { renderErrorSummary } from '../fields/error-summary.js';
import { matchFieldErrors, type CodeMessages, type Message } from '../fields/field-error.js';
import { errorSummaryTitle } from './form-messages.js';
import { COLLECTOR_WORDS_LOCALE, type FieldError } from '../delivery/transport.js';
import { renderedLocale } from '../language/language-sync.js';

export class FormErrors<F extends string> {
  /** The message of each field in error (give it to the field's renderer). */
  byField: Partial<Record<F, Message>> = {};
  /** The collector's own words for problems with fields the form does not have. */
  #other: string[] = [];

  /** `fields`: the form's fields in the order they are shown; each is also its control's id. */
  constructor(
    private readonly fields: readonly F[],
    private readonly announcer: Announcer,
  ) {}

  /** Shows these problems (none clears them); the summary takes focus when there are any. True when there are. */
  show(byField: Partial<Record<F, Message>> = {}, other: string[] = []): boolean {
    this.byField = byField;
    this.#other = other;
    const any = this.fields.some((field) => byField[field]) || other.length > 0;
    if (any) this.announcer.focus('.error-summary');
    return any;
  }

  /**
   * Shows a refusal's field errors on the fields `shown` (all by default; errors about others are listed as
   * the collector's words): `codes[code][field]` when the form has words for it, else the collector's message,
   * else `fallback`. The collector's words are English: on a page in another language, see matchFieldErrors.
   * False when none of them is about anything: show a general failure.
   */
  showRefusal(
    errors: readonly FieldError[],
    codes: CodeMessages<F>,
    fallback: Message,
    shown: readonly F[] = this.fields,
  ): boolean {
    const { byField, other } = matchFieldErrors(
      errors,
      shown,
      codes,
      fallback,
      renderedLocale() === COLLECTOR_WORDS_LOCALE,
    );
    return this.show(byField, other);
  }

  /** The error summary, or nothing; `level` is its heading's. */
  render(level: number): TemplateResult | typeof nothing {
    const items = [
      ...this.fields
        .filter((field) => this.byField[field])
        .map((field) => ({ text: this.byField[field]!(), target: field })),
      ...this.#other.map((text) => ({ text })),
    ];
    return renderErrorSummary(items, errorSummaryTitle(), level);
  }
}
