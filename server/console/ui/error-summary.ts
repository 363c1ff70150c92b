/**
 * GOV.UK's error summary: the problems of a form, at its top, each a link to its field. Shown and focused
 * when a submission fails, so that a screen reader reads the problems first and the keyboard is one Tab
 * from the first of them. Its links move focus to their field, in the same shadow root as the summary.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consoleStyles } from './styles.js';

export interface FormError {
  /** The id of the field it is about (in the shadow root that holds the summary). */
  field: string;
  text: string;
}

/** The message under a field, which the field names in `aria-describedby` (`{field}-error`). */
export function fieldError(errors: readonly FormError[], field: string): TemplateResult | typeof nothing {
  const error = errors.find((one) => one.field === field);
  if (!error) return nothing;
  return html`<p class="error-message" id="${field}-error">
    <span class="visually-hidden">${msg('Error:')}</span> ${error.text}
  </p>`;
}

/** What a field's `aria-describedby` names: its hint when it has one, and its error when there is one. */
export function describedBy(errors: readonly FormError[], field: string, hint?: string): string | typeof nothing {
  const ids = [hint, errors.some((one) => one.field === field) ? `${field}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

@customElement('console-error-summary')
@localized()
export class ConsoleErrorSummary extends LitElement {
  static override styles = [
    ...consoleStyles,
    css`
      div {
        border: 4px solid var(--_ep-color-error);
        padding: 1rem 1.25rem;
        margin-block-end: 1.5rem;
      }
      h2 {
        margin-block: 0 0.5rem;
        font-size: 1.25rem;
      }
      ul {
        margin: 0;
        padding-inline-start: 1.25rem;
      }
      a {
        color: var(--_ep-color-error);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) errors: FormError[] = [];

  /** Focuses the summary once it shows the current errors. */
  async show(): Promise<void> {
    // The form that holds the summary gives it the errors when it renders next: wait for that render first,
    // or the summary would still be empty (and nothing focused) when a form calls this right after failing.
    const host = (this.getRootNode() as ShadowRoot).host;
    if (host instanceof LitElement) await host.updateComplete;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('div')?.focus();
  }

  override render() {
    if (!this.errors.length) return nothing;
    return html`<div tabindex="-1" aria-labelledby="summary-title">
      <h2 id="summary-title">${msg('There is a problem')}</h2>
      <ul>
        ${this.errors.map(
          ({ field, text }) =>
            html`<li><a href="#${field}" @click=${(event: Event) => this.follow(event, field)}>${text}</a></li>`,
        )}
      </ul>
    </div>`;
  }

  private follow(event: Event, field: string): void {
    // The field is in a shadow root, where a fragment cannot reach (and the fragment is the router's).
    event.preventDefault();
    (this.getRootNode() as Document | ShadowRoot).getElementById(field)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-error-summary': ConsoleErrorSummary;
  }
}
