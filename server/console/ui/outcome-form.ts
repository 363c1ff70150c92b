/**
 * A closed consultation's outcome, "you said, we did", as a moderator publishes it: what was heard and what
 * was decided, each in Arabic and in English, and where to read the report. The views are counted by the API
 * when it is first published; a correction keeps the counts it was published with. Checked here, then by the
 * API; once published, `console-outcome-published` carries the consultation as the public now sees it.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import { textIn } from './content-labels.js';
import { fieldRefusals } from './field-refusals.js';
import { describedBy, fieldError, type ConsoleErrorSummary, type FormError } from './error-summary.js';
import { consoleStyles } from './styles.js';
import './error-summary.js';

type Consultation = Schemas['Consultation'];
type OutcomeInput = Schemas['OutcomeInput'];

const MAX_TEXT = 10000;

/** The form's field for each field the API names in its refusals. */
const FIELDS: Record<string, string> = {
  'heard.ar': 'heard-ar',
  'heard.en': 'heard-en',
  'decided.ar': 'decided-ar',
  'decided.en': 'decided-en',
  url: 'report',
};

@customElement('console-outcome-form')
@localized()
export class ConsoleOutcomeForm extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) consultation?: Consultation;

  @state() private errors: FormError[] = [];
  @state() private busy = false;
  @query('console-error-summary') private summary!: ConsoleErrorSummary;

  override render() {
    const outcome = this.consultation?.outcome;
    return html`
      <console-error-summary .errors=${this.errors}></console-error-summary>
      <form novalidate @submit=${this.submit} aria-label=${msg('The outcome')}>
        <p class="hint" id="outcome-hint">${msg('Plain text; both languages are shown to visitors, each in their own.')}</p>
        ${this.text('heard-ar', msg('What we heard, in Arabic'), textIn(outcome?.heard, 'ar'), 'ar')}
        ${this.text('heard-en', msg('What we heard, in English'), textIn(outcome?.heard, 'en'), 'en')}
        ${this.text('decided-ar', msg('What we decided, in Arabic'), textIn(outcome?.decided, 'ar'), 'ar')}
        ${this.text('decided-en', msg('What we decided, in English'), textIn(outcome?.decided, 'en'), 'en')}
        <div class="field ${this.errors.some((e) => e.field === 'report') ? 'invalid' : ''}">
          <label for="report">${msg('Where to read the report (optional)')}</label>
          ${fieldError(this.errors, 'report')}
          <input id="report" name="report" type="url" dir="ltr" size="50" .value=${outcome?.url ?? ''}
            aria-invalid=${this.errors.some((e) => e.field === 'report') ? 'true' : 'false'}
            aria-describedby=${describedBy(this.errors, 'report')} />
        </div>
        <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${outcome ? msg('Publish the corrected outcome') : msg('Publish the outcome')}
        </button>
      </form>
    `;
  }

  private text(id: string, label: string, value: string, lang: 'ar' | 'en'): TemplateResult {
    const wrong = this.errors.some((error) => error.field === id);
    return html`<div class="field ${wrong ? 'invalid' : ''}">
      <label for=${id}>${label}</label>
      ${fieldError(this.errors, id)}
      <textarea id=${id} name=${id} lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} .value=${value}
        aria-invalid=${wrong ? 'true' : 'false'} aria-describedby=${describedBy(this.errors, id, 'outcome-hint')}></textarea>
    </div>`;
  }

  private check(value: (name: string) => string): FormError[] {
    const errors: FormError[] = [];
    const texts = [
      ['heard-ar', msg('Enter what we heard, in Arabic')],
      ['heard-en', msg('Enter what we heard, in English')],
      ['decided-ar', msg('Enter what we decided, in Arabic')],
      ['decided-en', msg('Enter what we decided, in English')],
    ] as const;
    for (const [field, empty] of texts) {
      if (!value(field)) errors.push({ field, text: empty });
      else if (value(field).length > MAX_TEXT)
        errors.push({ field, text: msg('Shorten this text to 10,000 characters or fewer') });
    }
    const web = URL.canParse(value('report')) && /^https?:$/.test(new URL(value('report')).protocol);
    if (value('report') && !web)
      errors.push({
        field: 'report',
        text: msg('Enter an address starting with https:// or http://, or leave it empty'),
      });
    return errors;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.consultation) return;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const errors = this.check(value);
    if (errors.length) return this.fail(errors);
    const input: OutcomeInput = {
      heard: { ar: value('heard-ar'), en: value('heard-en') },
      decided: { ar: value('decided-ar'), en: value('decided-en') },
      ...(value('report') ? { url: value('report') } : {}),
      // A correction keeps the counts it was first published with (no view comes in after it).
      ...(this.consultation.outcome?.counts ? { counts: this.consultation.outcome.counts } : {}),
    };
    this.busy = true;
    const path = `consultations/${encodeURIComponent(this.consultation.id)}/outcome`;
    const detail = await api<Consultation>(path, { method: 'PUT', body: input }).catch((error: unknown) => {
      void this.fail(this.refusals(error));
      return undefined;
    });
    this.busy = false;
    if (!detail) return;
    this.errors = [];
    this.dispatchEvent(new CustomEvent('console-outcome-published', { detail, bubbles: true, composed: true }));
  }

  private refusals(error: unknown): FormError[] {
    const refused = fieldRefusals(error, FIELDS, 'heard-ar');
    if (refused) return refused;
    let text = msg('The outcome was not published: the collector could not be reached. Try again.');
    if (error instanceof ApiError && error.status === 403)
      text = msg('Your account may not publish outcomes: this needs the moderator role');
    else if (error instanceof ApiError && error.status === 409)
      text = msg('The consultation has not closed yet: publish its outcome once it has');
    return [{ field: 'heard-ar', text }];
  }

  private async fail(errors: FormError[]): Promise<void> {
    this.errors = errors;
    await this.summary.show();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-outcome-form': ConsoleOutcomeForm;
  }
}
