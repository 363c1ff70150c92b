/**
 * The filters of a list the API pages by cursor (cases, the Lab's panel): each a choice among the API's
 * values (the first, empty, meaning any) or a short text, described by the screen that uses them. Checked
 * by the screen's `check` before they go (GOV.UK's way: a summary that takes focus, a message at the
 * field); then `console-filters` carries the values, which the screen puts in its address.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { describedBy, fieldError, type ConsoleErrorSummary, type FormError } from './error-summary.js';
import { consoleStyles } from './styles.js';
import './error-summary.js';

export interface Choice {
  value: string;
  label: string;
}

export interface FilterField {
  /** The API's query parameter, and the field's id. */
  name: string;
  label: string;
  hint?: string;
  /** A choice among these (the first, with the empty value, means any); a text field without. */
  choices?: Choice[];
  /** `ltr` for what is written in Latin letters whatever the language (account names, tag codes). */
  dir?: 'ltr';
  /** `date` for a day (the browser's date field); text without. */
  type?: 'date';
}

export type FilterValues = Record<string, string>;

/** The values of `fields` in the address's parameters (empty when absent). */
export const filterValues = (fields: readonly FilterField[], params: URLSearchParams): FilterValues =>
  Object.fromEntries(fields.map(({ name }) => [name, params.get(name)?.trim() ?? '']));

@customElement('console-list-filters')
@localized()
export class ConsoleListFilters extends LitElement {
  static override styles = [
    ...consoleStyles,
    css`
      /* Fields with a hint and without one end on the same line. */
      .fields {
        align-items: end;
      }
    `,
  ];

  @property({ attribute: false }) fields: FilterField[] = [];
  @property({ attribute: false }) values: FilterValues = {};
  /** The problems of the values about to go, by field name. */
  @property({ attribute: false }) check: (values: FilterValues) => FormError[] = () => [];
  /** The submit button's words ("Show cases"). */
  @property() action = '';

  @state() private errors: FormError[] = [];
  @query('console-error-summary') private summary!: ConsoleErrorSummary;

  override render() {
    return html`
      <console-error-summary .errors=${this.errors}></console-error-summary>
      <form novalidate @submit=${this.submit} aria-labelledby="filters-title">
        <h2 id="filters-title">${msg('Filters')}</h2>
        <div class="actions fields">${this.fields.map((field) => this.field(field))}</div>
        <button class="primary">${this.action}</button>
      </form>
    `;
  }

  private field({ name, label, hint, choices, dir, type }: FilterField): TemplateResult {
    const { errors } = this;
    const value = this.values[name] ?? '';
    const hintId = hint ? `${name}-hint` : undefined;
    const invalid = errors.some((error) => error.field === name) ? 'true' : 'false';
    return html`<div class="field">
      <label for=${name}>${label}</label>
      ${hint ? html`<p class="hint" id=${hintId!}>${hint}</p>` : nothing} ${fieldError(errors, name)}
      ${
        choices
          ? html`<select id=${name} name=${name}>
            ${choices.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === value}>${choice.label}</option>`)}
          </select>`
          : html`<input id=${name} name=${name} type=${type ?? 'text'} dir=${dir ?? 'auto'} .value=${value} aria-invalid=${invalid}
            aria-describedby=${describedBy(errors, name, hintId)} />`
      }
    </div>`;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const values = Object.fromEntries(this.fields.map(({ name }) => [name, String(data.get(name) ?? '').trim()]));
    this.errors = this.check(values);
    if (this.errors.length) return void (await this.summary.show());
    this.dispatchEvent(new CustomEvent('console-filters', { detail: values, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-list-filters': ConsoleListFilters;
  }
}
