/**
 * A case's state, changed by a moderator: its status, who has it, its tags. Closing it may also erase the
 * contact details held with it (the message stays): that choice is only offered once "Closed" is chosen and
 * while there are details to erase, and it says plainly what goes and what stays. Checked here as the
 * contract checks it, then by the API; once saved, `console-case-changed` carries the case as it is now.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import { describedBy, fieldError, type ConsoleErrorSummary, type FormError } from './error-summary.js';
import { CASE_STATUSES, statusName, type CaseStatus } from './labels.js';
import { consoleStyles } from './styles.js';
import './error-summary.js';

type CaseDetail = Schemas['CaseDetail'];
type CasePatch = Schemas['CasePatch'];

const TAG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_TAGS = 10;

/** The tags as typed: separated by commas or spaces, each once. */
const tagsOf = (text: string): string[] => [...new Set(text.split(/[\s,،]+/).filter(Boolean))];

@customElement('console-case-change')
@localized()
export class ConsoleCaseChange extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) detail?: CaseDetail;

  /** The status chosen in the form, which decides whether erasing is offered. */
  @state() private chosen: CaseStatus = 'new';
  @state() private errors: FormError[] = [];
  @state() private busy = false;
  @query('console-error-summary') private summary!: ConsoleErrorSummary;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('detail') && this.detail) {
      this.chosen = this.detail.case.status;
      this.errors = [];
    }
  }

  override render() {
    if (!this.detail) return nothing;
    const { case: item, contact } = this.detail;
    const { errors } = this;
    const invalid = (field: string) => (errors.some((error) => error.field === field) ? 'true' : 'false');
    return html`
      <console-error-summary .errors=${errors}></console-error-summary>
      <form novalidate @submit=${this.submit} aria-labelledby="change-title">
        <h2 id="change-title">${msg('Status, assignee and tags')}</h2>
        <div class="field">
          <label for="status">${msg('Status')}</label>
          <select id="status" name="status" @change=${this.choose}>
            ${CASE_STATUSES.map((status) => html`<option value=${status} ?selected=${status === item.status}>${statusName(status)}</option>`)}
          </select>
        </div>
        ${
          this.chosen === 'closed' && contact
            ? html`<div class="field">
              <label class="choice">
                <input id="erase-contact" name="erase-contact" type="checkbox" aria-describedby="erase-hint" />
                ${msg('Erase the contact details')}
              </label>
              <p class="hint" id="erase-hint">
                ${msg(
                  'The name, email address and mobile number given are erased for good, and nobody can reply to this person afterwards. The message stays, with its notes.',
                )}
              </p>
            </div>`
            : nothing
        }
        <div class="field">
          <label for="assignee">${msg('Assigned to')}</label>
          <p class="hint" id="assignee-hint">${msg("A console account's name; leave it empty for nobody.")}</p>
          ${fieldError(errors, 'assignee')}
          <input id="assignee" name="assignee" dir="ltr" .value=${item.assignee ?? ''} aria-invalid=${invalid('assignee')}
            aria-describedby=${describedBy(errors, 'assignee', 'assignee-hint')} />
        </div>
        <div class="field">
          <label for="tags">${msg('Tags')}</label>
          <p class="hint" id="tags-hint">
            ${msg('Separated by commas: lower case English letters, digits and dashes, at most 10 (for example permits, fees).')}
          </p>
          ${fieldError(errors, 'tags')}
          <input id="tags" name="tags" dir="ltr" size="40" .value=${item.tags.join(', ')} aria-invalid=${invalid('tags')}
            aria-describedby=${describedBy(errors, 'tags', 'tags-hint')} />
        </div>
        <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Save the case')}</button>
      </form>
    `;
  }

  private choose(event: Event): void {
    this.chosen = (event.target as HTMLSelectElement).value as CaseStatus;
  }

  private check(assignee: string, tags: string[]): FormError[] {
    const errors: FormError[] = [];
    if (assignee.length > 64)
      errors.push({ field: 'assignee', text: msg('Shorten the account name to 64 characters or fewer') });
    if (tags.some((tag) => !TAG.test(tag) || tag.length > 40))
      errors.push({ field: 'tags', text: msg('Write each tag in lower case English letters, digits and dashes') });
    else if (tags.length > MAX_TAGS) errors.push({ field: 'tags', text: msg('Keep to 10 tags or fewer') });
    return errors;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.detail) return;
    const data = new FormData(event.target as HTMLFormElement);
    const assignee = String(data.get('assignee') ?? '').trim();
    const tags = tagsOf(String(data.get('tags') ?? '').toLowerCase());
    this.errors = this.check(assignee, tags);
    if (this.errors.length) return void (await this.summary.show());
    const status = String(data.get('status')) as CaseStatus;
    const patch: CasePatch = { status, assignee: assignee || null, tags };
    if (status === 'closed' && data.get('erase-contact') !== null) patch.eraseContact = true;
    this.busy = true;
    try {
      const changed = await api<CaseDetail>(`cases/${this.detail.case.reference}`, { method: 'PATCH', body: patch });
      this.dispatchEvent(new CustomEvent('console-case-changed', { detail: changed, bubbles: true, composed: true }));
    } catch (error) {
      this.errors = [this.refusal(error)];
      await this.summary.show();
    } finally {
      this.busy = false;
    }
  }

  private refusal(error: unknown): FormError {
    if (!(error instanceof ApiError)) return { field: 'status', text: msg('The case was not saved: try again.') };
    if (error.status === 403)
      return { field: 'status', text: msg('Your account may not change cases: this needs the moderator role') };
    if (error.status === 422) {
      const named = error.fieldErrors[0]?.field ?? '';
      const field = named.startsWith('tags') ? 'tags' : named.startsWith('assignee') ? 'assignee' : 'status';
      return { field, text: msg('The collector refused this field: check it and save again') };
    }
    return { field: 'status', text: msg('The case was not saved: the collector could not be reached. Try again.') };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-case-change': ConsoleCaseChange;
  }
}
