/**
 * Adding a note to a case (a moderator): what was answered or done, in plain text, and, when the case allows
 * it (`replyByEmail`), sent to the visitor by email; when it does not, the form says why instead of offering
 * it. Checked as the contract checks it; once the API has it, the form empties and `console-case-noted`
 * carries the note (with how the sending went: a refused email does not lose the note).
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import { describedBy, fieldError, type ConsoleErrorSummary, type FormError } from './error-summary.js';
import { languageName } from './labels.js';
import { consoleStyles } from './styles.js';
import './error-summary.js';

const MAX_NOTE = 5000;

type ReplyByEmail = Schemas['ReplyByEmail'];

/** Why a note cannot go by email, said where the choice would be. */
function noEmailReason(reply: ReplyByEmail): string {
  if (reply === 'not-configured')
    return msg(
      'Sending a note by email is not offered: the collector has no SMTP settings. Record here what was answered by other means.',
    );
  if (reply === 'contact-erased')
    return msg('Sending a note by email is not offered: the contact details of this case were erased.');
  return msg('Sending a note by email is not offered: the person gave no email address.');
}

@customElement('console-case-note-form')
@localized()
export class ConsoleCaseNoteForm extends LitElement {
  static override styles = consoleStyles;

  @property() reference = '';
  /** Whether the case's notes can go by email (CaseDetail.replyByEmail). */
  @property() replyByEmail: ReplyByEmail = 'not-configured';
  /** The language the person wrote in, which an email to them is in. */
  @property() locale = '';

  @state() private errors: FormError[] = [];
  @state() private busy = false;
  @query('console-error-summary') private summary!: ConsoleErrorSummary;

  override render() {
    const { errors } = this;
    const invalid = (field: string) => (errors.some((error) => error.field === field) ? 'true' : 'false');
    return html`
      <console-error-summary .errors=${errors}></console-error-summary>
      <form novalidate @submit=${this.submit} aria-labelledby="note-title">
        <h2 id="note-title">${msg('Add a note')}</h2>
        <div class="field ${invalid('note') === 'true' ? 'invalid' : ''}">
          <label for="note">${msg('What was answered or done')}</label>
          <p class="hint" id="note-hint">
            ${msg('Plain text, at most 5,000 characters. A note stays with the case as written.')}
          </p>
          ${fieldError(errors, 'note')}
          <textarea id="note" name="note" dir="auto" aria-invalid=${invalid('note')}
            aria-describedby=${describedBy(errors, 'note', 'note-hint')}></textarea>
        </div>
        ${
          this.replyByEmail === 'available'
            ? html`<div class="field ${invalid('send-email') === 'true' ? 'invalid' : ''}">
              ${fieldError(errors, 'send-email')}
              <label class="choice">
                <input id="send-email" name="send-email" type="checkbox" aria-invalid=${invalid('send-email')}
                  aria-describedby=${describedBy(errors, 'send-email', 'send-email-hint')} />
                ${msg('Also send this note to the person by email')}
              </label>
              <p class="hint" id="send-email-hint">
                ${msg(
                  str`As plain text from the ministry's address, with the case's reference in the subject. They wrote in ${languageName(this.locale)}: write the note in it.`,
                )}
              </p>
            </div>`
            : html`<p class="hint">${noEmailReason(this.replyByEmail)}</p>`
        }
        <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Add the note')}</button>
      </form>
    `;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = String(data.get('note') ?? '').trim();
    const sendEmail = this.replyByEmail === 'available' && data.get('send-email') !== null;
    if (!text) return this.fail(msg('Enter what was answered or done'));
    if (text.length > MAX_NOTE) return this.fail(msg('Shorten the note to 5,000 characters or fewer'));
    this.busy = true;
    try {
      const note = await api<Schemas['CaseNote']>(`cases/${this.reference}/notes`, {
        method: 'POST',
        body: sendEmail ? { text, sendEmail } : { text },
      });
      this.errors = [];
      form.reset();
      this.dispatchEvent(new CustomEvent('console-case-noted', { detail: note, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.fieldErrors[0]?.field === 'sendEmail')
        return void (await this.fail(
          msg('The note was not added: it can no longer be sent by email. Untick sending and add it again.'),
          'send-email',
        ));
      await this.fail(
        error instanceof ApiError && error.status === 403
          ? msg('Your account may not add notes: this needs the moderator role')
          : msg('The note was not added: the collector could not be reached. Try again.'),
      );
    } finally {
      this.busy = false;
    }
  }

  private async fail(text: string, field = 'note'): Promise<void> {
    this.errors = [{ field, text }];
    await this.summary.show();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-case-note-form': ConsoleCaseNoteForm;
  }
}
