/**
 * The pages screen's filters, all the API takes: the days (from, to), the pages' language, the service
 * (when the deployment names services), a path prefix, and the order (least or most useful first). Submitting them sends `console-filters` with the new values;
 * the screen puts them in its address, so that Back returns to the previous ones.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Schemas } from './api.js';
import { describedBy, fieldError, type ConsoleErrorSummary, type FormError } from './error-summary.js';
import { language } from './language.js';
import { consoleStyles } from './styles.js';
import './error-summary.js';

export type Filters = Record<'from' | 'to' | 'lang' | 'service' | 'path' | 'order', string>;

export type Service = Schemas['ConsoleServices']['items'][number];

export const filtersOf = (params: URLSearchParams): Filters => ({
  from: params.get('from') ?? '',
  to: params.get('to') ?? '',
  lang: params.get('lang') ?? '',
  service: params.get('service') ?? '',
  path: params.get('path') ?? '',
  order: params.get('order') === 'most-useful' ? 'most-useful' : 'least-useful',
});

@customElement('console-page-filters')
@localized()
export class ConsolePageFilters extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) filters: Filters = filtersOf(new URLSearchParams());
  /** The services the deployment names (GET services); without any, no service field. */
  @property({ attribute: false }) services: Service[] = [];

  @state() private errors: FormError[] = [];
  @query('console-error-summary') private summary!: ConsoleErrorSummary;

  override render() {
    const { filters, errors } = this;
    const invalid = (field: string) => (errors.some((e) => e.field === field) ? 'true' : 'false');
    return html`
      <console-error-summary .errors=${errors}></console-error-summary>
      <form novalidate @submit=${this.submit} aria-labelledby="filters-title">
        <h2 id="filters-title">${msg('Filters')}</h2>
        <fieldset>
          <legend>${msg('Order')}</legend>
          <label class="choice">
            <input type="radio" name="order" value="least-useful" ?checked=${filters.order === 'least-useful'} />
            ${msg('Least useful first (by the upper bound of the interval)')}
          </label>
          <label class="choice">
            <input type="radio" name="order" value="most-useful" ?checked=${filters.order === 'most-useful'} />
            ${msg('Most useful first (by the lower bound of the interval)')}
          </label>
        </fieldset>
        <div class="actions">
          <div class="field">
            <label for="from">${msg('From (first day counted)')}</label>
            ${fieldError(errors, 'from')}
            <input id="from" name="from" type="date" .value=${filters.from} aria-invalid=${invalid('from')}
              aria-describedby=${describedBy(errors, 'from')} />
          </div>
          <div class="field">
            <label for="to">${msg('To (last day counted)')}</label>
            ${fieldError(errors, 'to')}
            <input id="to" name="to" type="date" .value=${filters.to} aria-invalid=${invalid('to')}
              aria-describedby=${describedBy(errors, 'to')} />
          </div>
          <div class="field">
            <label for="lang">${msg("Pages' language")}</label>
            <select id="lang" name="lang">
              <option value="" ?selected=${filters.lang === ''}>${msg('Both languages')}</option>
              <option value="ar" ?selected=${filters.lang === 'ar'}>${msg('Arabic')}</option>
              <option value="en" ?selected=${filters.lang === 'en'}>${msg('English')}</option>
            </select>
          </div>
          ${this.serviceField()}
          <div class="field">
            <label for="path">${msg('Path starts with')}</label>
            <p class="hint" id="path-hint">${msg('For example /services/')}</p>
            ${fieldError(errors, 'path')}
            <input id="path" name="path" dir="ltr" .value=${filters.path} aria-invalid=${invalid('path')}
              aria-describedby=${describedBy(errors, 'path', 'path-hint')} />
          </div>
        </div>
        <button class="primary">${msg('Show pages')}</button>
      </form>
    `;
  }

  private serviceField() {
    const { services, filters } = this;
    if (!services.length) return nothing;
    return html`<div class="field">
      <label for="service">${msg('Service')}</label>
      <select id="service" name="service">
        <option value="" ?selected=${filters.service === ''}>${msg('All services')}</option>
        ${services.map(
          (service) =>
            html`<option value=${service.code} ?selected=${filters.service === service.code}>
              ${service.name[language()]}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: keyof Filters) => String(data.get(name) ?? '').trim();
    const filters: Filters = {
      from: value('from'),
      to: value('to'),
      lang: value('lang'),
      service: value('service'),
      path: value('path'),
      order: value('order'),
    };
    const errors: FormError[] = [];
    if (filters.from && filters.to && filters.from > filters.to)
      errors.push({ field: 'to', text: msg('The last day must be the same as or after the first day') });
    if (filters.path && !filters.path.startsWith('/'))
      errors.push({ field: 'path', text: msg('Start the path with / (for example /services/)') });
    this.errors = errors;
    if (errors.length) return void (await this.summary.show());
    this.dispatchEvent(new CustomEvent('console-filters', { detail: filters, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-page-filters': ConsolePageFilters;
  }
}
