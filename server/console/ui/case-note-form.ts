/**
 * Adding a note to a case (a moderator): what was answered or done, in plain text, and, when the case allows
 * it (`replyByEmail`), sent to the visitor by email; when it does not, the form says why instead of offering
 * it. Checked as the contract checks it; once the API has it, the form empties and `console-case-noted`
 * carries the note (with how the sending went: a refused email does not lose the note).
 */
import { localized, msg, str } from '@lit/localize';
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import { ConsoleForm } from './console-form.js';
import { describedBy, fieldError, type FormError } from './error-summary.js';
import { languageName } from './labels.js';

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

function refusal(error: unknown): FormError {
  if (error instanceof ApiError && error.status === 422 && error.fieldErrors[0]?.field === 'sendEmail')
    return {
      field: 'send-email',
      text: msg('The note was not added: it can no longer be sent by email. Untick sending and add it again.'),
    };
  if (error instanceof ApiError && error.status === 403)
    return { field: 'note', text: msg('Your account may not add notes: this needs the moderator role') };
  return { field: 'note', text: msg('The note was not added: the collector could not be reached. Try again.') };
}

@customElement('console-case-note-form')
@localized()
export class ConsoleCaseNoteForm extends ConsoleForm {
  @property() reference = '';
  /** Whether the case's notes can go by email (CaseDetail.replyByEmail). */
  @property() replyByEmail: ReplyByEmail = 'not-configured';
  /** The language the person wrote in, which an email to them is in. */
  @property() locale = '';

  override render() {
    const { errors } = this;
    return html`
      <console-error-summary .errors=${errors}></console-error-summary>
      <form novalidate @submit=${this.submit} aria-labelledby="note-title">
        <h2 id="note-title">${msg('Add a note')}</h2>
        <div class=${this.fieldClass('note')}>
          <label for="note">${msg('What was answered or done')}</label>
          <p class="hint" id="note-hint">
            ${msg('Plain text, at most 5,000 characters. A note stays with the case as written.')}
          </p>
          ${fieldError(errors, 'note')}
          <textarea id="note" name="note" dir="auto" aria-invalid=${this.invalid('note')}
            aria-describedby=${describedBy(errors, 'note', 'note-hint')}></textarea>
        </div>
        ${
          this.replyByEmail === 'available'
            ? html`<div class=${this.fieldClass('send-email')}>
              ${fieldError(errors, 'send-email')}
              <label class="choice">
                <input id="send-email" name="send-email" type="checkbox" aria-invalid=${this.invalid('send-email')}
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
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = String(data.get('note') ?? '').trim();
    const sendEmail = this.replyByEmail === 'available' && data.get('send-email') !== null;
    if (!text) return this.fail([{ field: 'note', text: msg('Enter what was answered or done') }]);
    if (text.length > MAX_NOTE)
      return this.fail([{ field: 'note', text: msg('Shorten the note to 5,000 characters or fewer') }]);
    const note = await this.send(
      () =>
        api<Schemas['CaseNote']>(`cases/${this.reference}/notes`, {
          method: 'POST',
          body: sendEmail ? { text, sendEmail } : { text },
        }),
      refusal,
    );
    if (!note) return;
    form.reset();
    this.dispatchEvent(new CustomEvent('console-case-noted', { detail: note, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-case-note-form': ConsoleCaseNoteForm;
  }
}
