/**
 * One case (`#/case?reference=FB-2026-000123`), for moderators: what was written and where, the contact
 * details when they are still held, its notes oldest first, and the forms that change its state and add a
 * note. After a save, focus goes to the heading, above the case's state as it now is; after a note, to the
 * notes, where a note sent by email says so, and one whose email failed says why (the note itself is kept,
 * and the failure is also said at once). A viewer who comes here is told why the collector refused (the case holds contact details).
 */
import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import { moment } from './formats.js';
import { aboutName, kindName, languageName, statusName } from './labels.js';
import { href } from './router.js';
import { announce, ConsoleScreen } from './screen.js';
import './case-change.js';
import './case-note-form.js';

type CaseDetail = Schemas['CaseDetail'];
type Contact = NonNullable<CaseDetail['contact']>;
type CaseNote = Schemas['CaseNote'];

const REFERENCE = /^[A-Z]{2}-[0-9]{4}-[0-9]{6,}$/;

const channelName = (channel: Contact['channel']): string => {
  if (channel === 'email') return msg('Email');
  if (channel === 'phone') return msg('A phone call');
  return msg('A text message');
};

@customElement('console-case')
@localized()
export class ConsoleCase extends ConsoleScreen<CaseDetail> {
  private get reference(): string {
    return this.params.get('reference') ?? '';
  }

  protected load(): Promise<CaseDetail> {
    if (!REFERENCE.test(this.reference)) return Promise.reject(new ApiError(404, 'No such case.'));
    return api<CaseDetail>(`cases/${this.reference}`);
  }

  protected loadedText(detail: CaseDetail): string {
    return msg(str`The case is ${statusName(detail.case.status)}.`);
  }

  protected override problemOf(error: unknown): string {
    if (error instanceof ApiError && error.status === 403)
      return msg(
        'Opening a case needs the moderator role, because it holds the contact details people gave. Your account can read the list of cases.',
      );
    if (error instanceof ApiError && error.status === 404)
      return msg('No case has this reference. Find the case in the list of messages and comments.');
    return super.problemOf(error);
  }

  override render() {
    return html`
      <p><a href=${href('/cases')}>${msg('Back to the messages and comments')}</a></p>
      <h1 tabindex="-1">${msg('Case')} <span class="reference" dir="ltr">${this.reference}</span></h1>
      ${this.loadingState()} ${this.data ? this.detail(this.data) : nothing}
    `;
  }

  private detail(detail: CaseDetail) {
    const { case: item, contact, notes } = detail;
    return html`
      <dl class="facts">
        <dt>${msg('Status')}</dt>
        <dd>${statusName(item.status)}</dd>
        <dt>${msg('Assigned to')}</dt>
        <dd>${item.assignee ? html`<span dir="ltr">${item.assignee}</span>` : msg('Nobody')}</dd>
        <dt>${msg('Tags')}</dt>
        <dd>${item.tags.length ? html`<span dir="ltr">${item.tags.join(', ')}</span>` : msg('None')}</dd>
        <dt>${msg('Last changed')}</dt>
        <dd>
          ${detail.updatedAt ? msg(str`${moment(detail.updatedAt)} by ${detail.updatedBy ?? ''}`) : msg('Not changed yet')}
        </dd>
      </dl>
      <h2>${msg('What was written')}</h2>
      <dl class="facts">
        <dt>${msg('Received')}</dt>
        <dd>${moment(item.receivedAt)}</dd>
        <dt>${msg('Kind')}</dt>
        <dd>${kindName(item.kind)}${item.about ? html` (${aboutName(item)})` : nothing}</dd>
        <dt>${msg('Page')}</dt>
        <dd><span class="url" dir="ltr">${item.page}</span></dd>
        <dt>${msg('Written in')}</dt>
        <dd>${languageName(item.locale)}</dd>
      </dl>
      <blockquote class="written" lang=${item.locale} dir="auto">${item.text}</blockquote>
      <h2>${msg('Contact details')}</h2>
      ${contact ? this.contact(contact) : html`<p>${msg('No contact details are held with this case.')}</p>`}
      <console-case-change .detail=${detail} @console-case-changed=${this.changed}></console-case-change>
      <h2 id="notes-title" tabindex="-1">${msg('Notes')}</h2>
      ${
        notes.length
          ? html`<div class="table-wrap">
            <table>
              <caption>
                ${msg('Notes, oldest first')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Written')}</th>
                  <th scope="col">${msg('By')}</th>
                  <th scope="col">${msg('Note')}</th>
                  <th scope="col">${msg('By email')}</th>
                </tr>
              </thead>
              <tbody>
                ${notes.map(
                  (note) => html`<tr>
                    <th scope="row">${moment(note.at)}</th>
                    <td><span dir="ltr">${note.by}</span></td>
                    <td dir="auto">${note.text}</td>
                    <td>${this.emailState(note)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : html`<p>${msg('No notes yet.')}</p>`
      }
      <console-case-note-form reference=${item.reference} replyByEmail=${detail.replyByEmail} locale=${item.locale}
        @console-case-noted=${this.noted}></console-case-note-form>
    `;
  }

  private emailState({ email }: CaseNote) {
    if (!email) return msg('Recorded only');
    if (email.sent) return msg(str`Sent ${moment(email.at)}`);
    return html`<span class="error-message">${msg(str`Failed (${moment(email.at)}):`)}</span>
      <span dir="ltr">${email.failure ?? ''}</span>`;
  }

  private contact({ name, email, mobile, channel }: Contact) {
    return html`<dl class="facts">
      ${name ? html`<dt>${msg('Name')}</dt><dd dir="auto">${name}</dd>` : nothing}
      ${email ? html`<dt>${msg('Email address')}</dt><dd><span dir="ltr">${email}</span></dd>` : nothing}
      ${mobile ? html`<dt>${msg('Mobile number')}</dt><dd><span dir="ltr">${mobile}</span></dd>` : nothing}
      ${channel ? html`<dt>${msg('How they want a reply')}</dt><dd>${channelName(channel)}</dd>` : nothing}
    </dl>`;
  }

  private async changed(event: CustomEvent<CaseDetail>): Promise<void> {
    const erased = this.data?.contact && !event.detail.contact;
    this.data = event.detail;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    announce(this, erased ? msg('The case is saved and its contact details are erased.') : msg('The case is saved.'));
  }

  private async noted(event: CustomEvent<CaseNote>): Promise<void> {
    if (!this.data) return;
    const { data } = this;
    this.data = { ...data, case: { ...data.case, notes: data.case.notes + 1 }, notes: [...data.notes, event.detail] };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#notes-title')?.focus();
    const { email } = event.detail;
    if (!email) announce(this, msg('The note is added.'));
    else if (email.sent) announce(this, msg('The note is added and sent by email.'));
    else announce(this, msg(str`The note is added, but the email was not sent: ${email.failure ?? ''}`));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-case': ConsoleCase;
  }
}
