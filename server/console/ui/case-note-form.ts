/**
 * Adding a note to a case (a moderator): what was answered or done, in plain text. Checked as the contract
 * checks it; once the API has it, the form empties and `console-case-noted` carries the note.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import { describedBy, fieldError, type ConsoleErrorSummary, type FormError } from './error-summary.js';
import { consoleStyles } from './styles.js';
import './error-summary.js';

const MAX_NOTE = 5000;

@customElement('console-case-note-form')
@localized()
export class ConsoleCaseNoteForm extends LitElement {
  static override styles = consoleStyles;

  @property() reference = '';

  @state() private errors: FormError[] = [];
  @state() private busy = false;
  @query('console-error-summary') private summary!: ConsoleErrorSummary;

  override render() {
    const { errors } = this;
    const wrong = errors.length > 0;
    return html`
      <console-error-summary .errors=${errors}></console-error-summary>
      <form novalidate @submit=${this.submit} aria-labelledby="note-title">
        <h2 id="note-title">${msg('Add a note')}</h2>
        <div class="field ${wrong ? 'invalid' : ''}">
          <label for="note">${msg('What was answered or done')}</label>
          <p class="hint" id="note-hint">
            ${msg('Plain text, at most 5,000 characters. A note stays with the case as written.')}
          </p>
          ${fieldError(errors, 'note')}
          <textarea id="note" name="note" dir="auto" aria-invalid=${wrong ? 'true' : 'false'}
            aria-describedby=${describedBy(errors, 'note', 'note-hint')}></textarea>
        </div>
        <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Add the note')}</button>
      </form>
    `;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const text = String(new FormData(form).get('note') ?? '').trim();
    if (!text) return this.fail(msg('Enter what was answered or done'));
    if (text.length > MAX_NOTE) return this.fail(msg('Shorten the note to 5,000 characters or fewer'));
    this.busy = true;
    try {
      const note = await api<Schemas['CaseNote']>(`cases/${this.reference}/notes`, { method: 'POST', body: { text } });
      this.errors = [];
      form.reset();
      this.dispatchEvent(new CustomEvent('console-case-noted', { detail: note, bubbles: true, composed: true }));
    } catch (error) {
      await this.fail(
        error instanceof ApiError && error.status === 403
          ? msg('Your account may not add notes: this needs the moderator role')
          : msg('The note was not added: the collector could not be reached. Try again.'),
      );
    } finally {
      this.busy = false;
    }
  }

  private async fail(text: string): Promise<void> {
    this.errors = [{ field: 'note', text }];
    await this.summary.show();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-case-note-form': ConsoleCaseNoteForm;
  }
}
