/**
 * An idea's review, by a moderator: whether the public sees it (waiting, published, rejected), where it
 * stands (its status) and the ministry's answer, which the idea box shows with it. Only what changed is
 * sent (the API dates an answer when it is given, and records the status change it came with); an emptied
 * answer is removed. Checked here as the contract checks it, then by the API; once saved,
 * `console-idea-reviewed` carries the idea as it is now.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import {
  IDEA_STATUSES,
  ideaStatusName,
  REVIEW_STATES,
  reviewStateName,
  type IdeaStatus,
  type ReviewState,
} from './content-labels.js';
import { describedBy, fieldError, type ConsoleErrorSummary, type FormError } from './error-summary.js';
import { consoleStyles } from './styles.js';
import './error-summary.js';

type AdminIdea = Schemas['AdminIdea'];
type IdeaReview = Schemas['IdeaReview'];

const MAX_ANSWER = 5000;

@customElement('console-idea-review')
@localized()
export class ConsoleIdeaReview extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) idea?: AdminIdea;

  @state() private errors: FormError[] = [];
  @state() private busy = false;
  @query('console-error-summary') private summary!: ConsoleErrorSummary;

  override render() {
    if (!this.idea) return nothing;
    const { idea, errors } = this;
    const invalid = (field: string) => (errors.some((error) => error.field === field) ? 'true' : 'false');
    return html`
      <console-error-summary .errors=${errors}></console-error-summary>
      <form novalidate @submit=${this.submit} aria-label=${msg(str`Review of the idea "${idea.title}"`)}>
        <div class="actions fields">
          <div class="field">
            <label for="state">${msg('Shown to the public')}</label>
            ${fieldError(errors, 'state')}
            <select id="state" name="state" aria-invalid=${invalid('state')} aria-describedby=${describedBy(errors, 'state')}>
              ${REVIEW_STATES.map((value) => html`<option value=${value} ?selected=${value === idea.state}>${reviewStateName(value)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="status">${msg("The idea's status")}</label>
            ${fieldError(errors, 'status')}
            <select id="status" name="status" aria-invalid=${invalid('status')} aria-describedby=${describedBy(errors, 'status')}>
              ${IDEA_STATUSES.map((value) => html`<option value=${value} ?selected=${value === idea.status}>${ideaStatusName(value)}</option>`)}
            </select>
          </div>
        </div>
        <div class="field">
          <label for="answer">${msg("The ministry's answer (optional)")}</label>
          <p class="hint" id="answer-hint">
            ${msg('Shown with the idea once it is published, dated today. Empty it to remove the answer. At most 5,000 characters.')}
          </p>
          ${fieldError(errors, 'answer')}
          <textarea id="answer" name="answer" dir="auto" .value=${idea.answer?.text ?? ''} aria-invalid=${invalid('answer')}
            aria-describedby=${describedBy(errors, 'answer', 'answer-hint')}></textarea>
        </div>
        <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Save the review')}</button>
      </form>
    `;
  }

  /** What changed, as the API takes it; undefined when nothing did. */
  private reviewOf(data: FormData, idea: AdminIdea): IdeaReview | undefined {
    const review: IdeaReview = {};
    const chosenState = String(data.get('state')) as ReviewState;
    const chosenStatus = String(data.get('status')) as IdeaStatus;
    const answer = String(data.get('answer') ?? '').trim();
    if (chosenState !== idea.state) review.state = chosenState;
    if (chosenStatus !== idea.status) review.status = chosenStatus;
    if (answer !== (idea.answer?.text ?? '')) review.answer = answer || null;
    return Object.keys(review).length ? review : undefined;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.idea) return;
    const data = new FormData(event.target as HTMLFormElement);
    const review = this.reviewOf(data, this.idea);
    if (String(data.get('answer') ?? '').trim().length > MAX_ANSWER)
      return this.fail([{ field: 'answer', text: msg('Shorten the answer to 5,000 characters or fewer') }]);
    if (!review)
      return this.fail([
        { field: 'state', text: msg('Change whether it is shown, its status or the answer, then save') },
      ]);
    this.busy = true;
    try {
      const idea = await api<AdminIdea>(`ideas/${encodeURIComponent(this.idea.id)}`, { method: 'PATCH', body: review });
      this.errors = [];
      this.dispatchEvent(new CustomEvent('console-idea-reviewed', { detail: idea, bubbles: true, composed: true }));
    } catch (error) {
      await this.fail([this.refusal(error)]);
    } finally {
      this.busy = false;
    }
  }

  private refusal(error: unknown): FormError {
    if (error instanceof ApiError && error.status === 403)
      return { field: 'state', text: msg('Your account may not review ideas: this needs the moderator role') };
    if (error instanceof ApiError && error.status === 404)
      return { field: 'state', text: msg('This idea is no longer there: reload the list') };
    if (error instanceof ApiError && error.status === 422) {
      const named = error.fieldErrors[0]?.field ?? '';
      const field = named === 'answer' ? 'answer' : named === 'status' ? 'status' : 'state';
      return { field, text: msg('The collector refused this field: check it and save again') };
    }
    return { field: 'state', text: msg('The review was not saved: the collector could not be reached. Try again.') };
  }

  private async fail(errors: FormError[]): Promise<void> {
    this.errors = errors;
    await this.summary.show();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-idea-review': ConsoleIdeaReview;
  }
}
