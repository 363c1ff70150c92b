import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { EpElement } from '../core/ep-element.js';
import { paths } from '../core/paths.js';
import { getJson, type FailureReason, type FieldError } from '../core/transport.js';
import { findPersonalData, type PersonalDataKind } from '../core/personal-data.js';
import { countBand, remainingOf, shouldAnnounce, type CountBand } from '../core/character-count.js';
import type { Envelope } from '../core/envelope.js';
import * as core from '../core/messages.js';
import { sharedStyles } from '../core/styles.js';
import * as t from './messages.js';
import { MAX_REASONS, defaultReasons, parseReasons, reasonLabel, type Answer, type PollReason } from './reasons.js';
import { recallVote, rememberVote } from './remembered.js';
import { parseTally, tallyMessage, type Tally } from './tally.js';
import { pagePollStyles } from './styles.js';

type Step = 'question' | 'voting' | 'reasons' | 'sending' | 'thanks';
type Payload = Record<string, unknown>;

const reasonsConverter = { fromAttribute: parseReasons, toAttribute: (value: PollReason[] | undefined) => JSON.stringify(value) };

/**
 * "Was this page useful?": a yes/no vote sent at once, then up to two reasons and an optional comment,
 * then thanks and, when enabled, the page's tally.
 *
 * @summary Asks whether a page was useful and why.
 * @tagname ep-page-poll
 *
 * @fires {EpSubmitEvent} ep-submit - Before each submission (`page-vote`, then `page-vote-details`). Cancelable; `detail.envelope` may be amended.
 * @fires {EpSuccessEvent} ep-success - When the collector accepted a submission. `detail.response` is its answer.
 * @fires {EpErrorEvent} ep-error - When a submission was refused or could not be delivered. `detail.outcome` says why.
 *
 * @csspart base - The box around everything.
 * @csspart question - The question text.
 * @csspart answer-button - The Yes and No buttons.
 * @csspart reasons - The group of reason checkboxes.
 * @csspart comment - The comment text area.
 * @csspart send-button - The Send button.
 * @csspart skip-button - The Skip button.
 * @csspart error - A failure message with its retry.
 * @csspart thanks - The thank-you message.
 * @csspart tally - "N of M visitors found this page useful".
 * @csspart unavailable - Shown instead of the poll when no endpoint is configured.
 *
 * @cssprop --ep-color-primary - Buttons and checked boxes.
 * @cssprop --ep-color-on-primary - Text on primary buttons.
 * @cssprop --ep-color-surface - Background of the box and of secondary buttons.
 * @cssprop --ep-color-text - Text.
 * @cssprop --ep-color-muted - Hints and the tally.
 * @cssprop --ep-color-border - Borders of the box and the text area.
 * @cssprop --ep-color-error - Error text and borders.
 * @cssprop --ep-color-warning-surface - Background of the personal-data warning.
 * @cssprop --ep-color-focus - The focus outline.
 * @cssprop --ep-font-family - Font.
 * @cssprop --ep-font-size - Base font size.
 * @cssprop --ep-radius - Corner radius.
 * @cssprop --ep-space - Inner padding.
 * @cssprop --ep-target-size - Minimum size of buttons (never below 24px).
 * @cssprop --ep-page-poll-min-block-size - Height reserved before the first render. Default 5.5rem.
 * @cssprop --ep-page-poll-gap - Gap between buttons.
 */
export class EpPagePoll extends EpElement {
  static override styles = [...sharedStyles, pagePollStyles];

  /** Show "N of M visitors found this page useful" after the visitor answered. */
  @property({ type: Boolean, attribute: 'show-tally' }) showTally = false;

  /** Hide the tally until at least this many visitors answered. */
  @property({ type: Number, attribute: 'tally-min' }) tallyMin = 10;

  /** Ask again on every visit instead of remembering, per page and browser, that the visitor answered. */
  @property({ type: Boolean, attribute: 'no-remember' }) noRemember = false;

  /** Reasons offered after Yes. JSON in the attribute: `[{ "code": "clear", "label": { "en": "…", "ar": "…" } }]`. */
  @property({ attribute: 'yes-reasons', converter: reasonsConverter }) yesReasons?: PollReason[];

  /** Reasons offered after No, in the same shape as `yesReasons`. */
  @property({ attribute: 'no-reasons', converter: reasonsConverter }) noReasons?: PollReason[];

  /** Longest comment accepted, in characters. */
  @property({ type: Number, attribute: 'max-comment-length' }) maxCommentLength = 500;

  /** Level of the question's heading in the page's outline (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private step: Step = 'question';
  @state() private answer?: Answer;
  @state() private remembered = false;
  @state() private selected: string[] = [];
  @state() private comment = '';
  @state() private limitShown = false;
  @state() private failure?: FailureReason | 'rejected';
  @state() private commentError?: string;
  @state() private personalData: PersonalDataKind[] = [];
  @state() private announcement = '';
  @state() private tally?: Tally;

  private voteId?: string;
  /** Kept across a failed try so that a retry reuses the envelope id (idempotent on the server). */
  private pendingVote?: Envelope<Payload>;
  private pendingDetails?: Envelope<Payload>;
  private countBandNow: CountBand = 'plenty';
  private focusAfterRender?: string;
  private personalDataTimer?: ReturnType<typeof setTimeout>;
  private renderedIn?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    const vote = this.noRemember ? undefined : recallVote(this.pageKey);
    if (vote && this.step === 'question') {
      this.answer = vote.answer;
      this.remembered = true;
      this.step = 'thanks';
    }
    void this.loadTally();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.personalDataTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A message announced in the previous language must not linger in the live region.
    if (this.renderedIn && this.renderedIn !== this.locale) this.announcement = '';
    this.renderedIn = this.locale;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('showTally') && this.showTally && changed.get('showTally') === false) void this.loadTally();
    if (this.focusAfterRender) {
      this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
      this.focusAfterRender = undefined;
    }
  }

  private async loadTally(): Promise<void> {
    const endpoint = this.resolvedEndpoint;
    if (!this.showTally || !endpoint) return;
    const result = await getJson(paths.tally(endpoint, this.pageKey), this.requestOptions);
    // The tally is a courtesy: when it cannot be read, it is simply not shown.
    this.tally = result.type === 'ok' ? parseTally(result.body) : undefined;
  }

  private async announce(text: string): Promise<void> {
    // Clearing first makes a repeated message be read again.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  private reasonsFor(answer: Answer): PollReason[] {
    return (answer === 'yes' ? this.yesReasons : this.noReasons) ?? defaultReasons(answer);
  }

  private async vote(answer: Answer): Promise<void> {
    if (this.step !== 'question') return;
    const envelope = this.pendingVote?.data.answer === answer ? this.pendingVote : this.envelopeFor('page-vote', { answer });
    this.pendingVote = envelope;
    this.answer = answer;
    this.step = 'voting';
    this.failure = undefined;
    void this.announce(core.sending());
    const { outcome } = await this.send(envelope);
    switch (outcome.type) {
      case 'accepted':
        this.voteId = envelope.id;
        this.pendingVote = undefined;
        if (!this.noRemember) rememberVote(this.pageKey, answer);
        this.step = 'reasons';
        this.focusAfterRender = 'fieldset';
        void this.announce(t.voteRecorded());
        void this.loadTally();
        return;
      case 'rejected':
        this.pendingVote = undefined;
        this.fail('rejected');
        return;
      case 'failed':
        this.fail(outcome.reason);
        return;
      default:
        this.step = 'question';
        void this.announce('');
    }
  }

  private fail(reason: FailureReason | 'rejected'): void {
    this.failure = reason;
    this.step = this.step === 'voting' ? 'question' : 'reasons';
    this.focusAfterRender = '.error p';
    void this.announce(`${this.step === 'question' ? t.voteNotSent() : t.detailsNotSent()} ${core.failureMessage(reason)}`);
  }

  private onReasonClick(event: MouseEvent): void {
    const box = event.currentTarget as HTMLInputElement;
    // `click` fires before the box toggles, so preventing it keeps a third box unchecked, for keyboard too.
    if (box.checked && !this.selected.includes(box.value) && this.selected.length >= MAX_REASONS) {
      event.preventDefault();
      this.limitShown = true;
      void this.announce(t.limitReached());
    }
  }

  private onReasonChange(event: Event): void {
    const box = event.currentTarget as HTMLInputElement;
    this.selected = box.checked ? [...this.selected, box.value] : this.selected.filter((code) => code !== box.value);
    if (this.selected.length < MAX_REASONS) this.limitShown = false;
  }

  private onCommentInput(event: Event): void {
    this.comment = (event.currentTarget as HTMLTextAreaElement).value;
    if (this.commentError && remainingOf(this.comment, this.maxCommentLength) >= 0) this.commentError = undefined;
    const band = countBand(remainingOf(this.comment, this.maxCommentLength), this.maxCommentLength);
    if (shouldAnnounce(this.countBandNow, band)) void this.announce(core.charactersRemaining(remainingOf(this.comment, this.maxCommentLength), this.locale));
    this.countBandNow = band;
    // Checked after a pause in typing: the warning should not flicker while a number is half typed.
    clearTimeout(this.personalDataTimer);
    this.personalDataTimer = setTimeout(() => {
      const found = findPersonalData(this.comment);
      if (found.join() !== this.personalData.join() && found.length > 0) void this.announce(core.personalDataWarning(found, this.locale));
      this.personalData = found;
    }, 400);
  }

  private async sendDetails(event: Event): Promise<void> {
    event.preventDefault();
    if (this.step !== 'reasons' || !this.answer) return;
    if (remainingOf(this.comment, this.maxCommentLength) < 0) {
      this.commentError = core.tooLong(this.maxCommentLength, this.locale);
      this.focusAfterRender = 'textarea';
      return;
    }
    const comment = this.comment.trim();
    if (this.selected.length === 0 && comment === '') {
      // Nothing to add: sending an empty form would only store noise.
      this.finish();
      return;
    }
    const reasons = this.reasonsFor(this.answer)
      .filter((reason) => this.selected.includes(reason.code))
      .map((reason) => ({ code: reason.code, label: reasonLabel(reason, this.locale) }));
    const data: Payload = { voteId: this.voteId, answer: this.answer, reasons, comment };
    const envelope =
      this.pendingDetails && JSON.stringify(this.pendingDetails.data) === JSON.stringify(data)
        ? this.pendingDetails
        : this.envelopeFor('page-vote-details', data);
    this.pendingDetails = envelope;
    this.step = 'sending';
    this.failure = undefined;
    this.commentError = undefined;
    void this.announce(core.sending());
    const { outcome } = await this.send(envelope);
    switch (outcome.type) {
      case 'accepted':
        this.pendingDetails = undefined;
        this.finish();
        return;
      case 'rejected':
        this.pendingDetails = undefined;
        this.step = 'reasons';
        this.showFieldErrors(outcome.fieldErrors);
        return;
      case 'failed':
        this.step = 'reasons';
        this.fail(outcome.reason);
        return;
      default:
        this.step = 'reasons';
        void this.announce('');
    }
  }

  private showFieldErrors(errors: FieldError[]): void {
    const onComment = errors.find((error) => error.field === 'comment');
    if (!onComment) {
      this.fail('rejected');
      return;
    }
    this.commentError =
      onComment.code === 'too-long' ? core.tooLong(this.maxCommentLength, this.locale) : (onComment.message ?? t.fieldInvalid());
    this.focusAfterRender = 'textarea';
  }

  private finish(): void {
    this.step = 'thanks';
    this.focusAfterRender = '.thanks';
    void this.announce(t.thanks());
  }

  private renderQuestion(): TemplateResult {
    const busy = this.step === 'voting';
    const answerButton = (answer: Answer, label: string) => html`<button
      type="button"
      part="answer-button"
      class=${this.answer === answer && busy ? 'primary' : ''}
      aria-disabled=${ifDefined(busy ? 'true' : undefined)}
      @click=${() => void this.vote(answer)}
    >
      ${label}
    </button>`;
    return html`<div class="question-row" role="group" aria-labelledby="question">
        <div id="question" class="question" part="question" role="heading" aria-level=${this.headingLevel}>${t.question()}</div>
        <div class="answers">${answerButton('yes', t.yes())} ${answerButton('no', t.no())}</div>
      </div>
      ${busy ? html`<p class="hint" aria-hidden="true">${core.sending()}</p>` : nothing}
      ${this.step === 'question' ? this.renderFailure(t.voteNotSent(), () => this.answer && void this.vote(this.answer)) : nothing}`;
  }

  private renderFailure(lead: string, retry: () => void): TemplateResult | typeof nothing {
    if (!this.failure) return nothing;
    return html`<div class="error" part="error">
      <p class="error-message" tabindex="-1">${lead} ${core.failureMessage(this.failure)}</p>
      <button type="button" @click=${retry}>${core.tryAgain()}</button>
    </div>`;
  }

  private renderReasons(answer: Answer): TemplateResult {
    const busy = this.step === 'sending';
    const remaining = remainingOf(this.comment, this.maxCommentLength);
    const describedBy = ['notice', 'count', this.personalData.length ? 'personal-data' : '', this.commentError ? 'comment-error' : '']
      .filter(Boolean)
      .join(' ');
    return html`<form novalidate @submit=${this.sendDetails}>
      <fieldset tabindex="-1" part="reasons" aria-describedby=${ifDefined(this.limitShown ? 'limit' : undefined)}>
        <legend>${t.why()}</legend>
        <div class="reasons">
          ${this.reasonsFor(answer).map(
            (reason, index) => html`<label class="choice">
              <input
                type="checkbox"
                name="reason"
                id=${`reason-${index}`}
                .value=${reason.code}
                .checked=${this.selected.includes(reason.code)}
                @click=${this.onReasonClick}
                @change=${this.onReasonChange}
              />
              <span>${reasonLabel(reason, this.locale)}</span>
            </label>`,
          )}
        </div>
        ${this.limitShown ? html`<p id="limit" class="hint">${t.limitReached()}</p>` : nothing}
      </fieldset>
      <div class="field">
        <label for="comment">${t.commentLabel()}</label>
        <p id="notice" class="hint">${t.notice()}</p>
        ${this.commentError
          ? html`<p id="comment-error" class="error-message"><span class="visually-hidden">${core.errorPrefix()}</span> ${this.commentError}</p>`
          : nothing}
        <textarea
          id="comment"
          name="comment"
          part="comment"
          rows="4"
          aria-describedby=${describedBy}
          aria-invalid=${ifDefined(this.commentError ? 'true' : undefined)}
          .value=${this.comment}
          @input=${this.onCommentInput}
        ></textarea>
        <p id="count" class=${remaining < 0 ? 'error-message' : 'hint'}>${core.charactersRemaining(remaining, this.locale)}</p>
        ${this.personalData.length
          ? html`<p id="personal-data" class="warning">${core.personalDataWarning(this.personalData, this.locale)}</p>`
          : nothing}
      </div>
      <div class="actions">
        <button type="submit" class="primary" part="send-button" aria-disabled=${ifDefined(busy ? 'true' : undefined)}>
          ${busy ? core.sending() : t.send()}
        </button>
        <button type="button" class="link" part="skip-button" ?disabled=${busy} @click=${this.finish}>${t.skip()}</button>
      </div>
      ${this.step === 'reasons' ? this.renderFailure(t.detailsNotSent(), () => void this.sendDetails(new Event('submit', { cancelable: true }))) : nothing}
    </form>`;
  }

  private renderThanks(): TemplateResult {
    return html`<p class="thanks" part="thanks" tabindex="-1">${this.remembered ? t.alreadyAnswered() : t.thanks()}</p>`;
  }

  private renderTally(): TemplateResult | typeof nothing {
    if (!this.showTally || !this.tally || this.tally.total < this.tallyMin) return nothing;
    if (this.step === 'question' || this.step === 'voting') return nothing;
    return html`<p class="tally" part="tally">${tallyMessage(this.tally, this.locale)}</p>`;
  }

  private renderStep(): TemplateResult {
    switch (this.step) {
      case 'question':
      case 'voting':
        return this.renderQuestion();
      case 'reasons':
      case 'sending':
        return this.renderReasons(this.answer ?? 'yes');
      case 'thanks':
        return this.renderThanks();
    }
  }

  protected override render(): TemplateResult {
    const available = Boolean(this.resolvedEndpoint);
    return html`<section part="base" class="base" dir=${this.direction} lang=${this.locale} aria-label=${t.question()}>
      ${available ? html`${this.renderStep()}${this.renderTally()}` : html`<p class="unavailable" part="unavailable">${core.notAvailable()}</p>`}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}
