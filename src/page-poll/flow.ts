/**
 * Everything the poll does from the vote on: sending, reasons, the comment, thanks, the tally, failures.
 * The element loads this module right after its first render, so the question appears with the least
 * code, and the rest is in place before a visitor can click.
 */
import { adoptStyles, html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { countBand, remainingOf, shouldAnnounce, type CountBand } from '../core/character-count.js';
import type { Envelope } from '../core/envelope.js';
import { formStyles } from '../core/form-styles.js';
import type { Locale } from '../core/locale.js';
import * as core from '../core/messages.js';
import { paths } from '../core/paths.js';
import type { PersonalDataKind } from '../core/personal-data.js';
import type { Payload, SubmitResult } from '../core/submit.js';
import type { FailureReason, FieldError, ReadOutcome } from '../core/transport.js';
import * as t from './messages.js';
import { MAX_REASONS, defaultReasons, reasonLabel, type Answer, type PollReason } from './reasons.js';
import { rememberVote, type RememberedVote } from './remembered.js';
import { pagePollFlowStyles } from './styles.js';
import { parseTally, tallyMessage, type Tally } from './tally.js';

type Step = 'question' | 'voting' | 'reasons' | 'sending' | 'thanks';

/** What the element lends the flow: its options, and the protected capabilities of EpElement. */
export interface PollHost extends LitElement {
  readonly showTally: boolean;
  readonly tallyMin: number;
  readonly noRemember: boolean;
  readonly yesReasons?: PollReason[] | undefined;
  readonly noReasons?: PollReason[] | undefined;
  readonly maxCommentLength: number;
  renderQuestion(busyAnswer?: Answer): TemplateResult;
}

export interface PollCapabilities {
  send(next: { kind: string; data: Payload } | Envelope<Payload>): Promise<SubmitResult>;
  read(path: (endpoint: string) => string): Promise<ReadOutcome | undefined>;
  locale(): Locale;
  pageKey(): string;
}

export class PollFlow implements ReactiveController {
  announcement = '';
  private step: Step = 'question';
  private answer?: Answer;
  private remembered = false;
  private selected: string[] = [];
  private comment = '';
  private limitShown = false;
  private failure?: FailureReason | 'rejected';
  private commentError?: string;
  private personalData: PersonalDataKind[] = [];
  private tally?: Tally;
  private voteId?: string;
  /** Kept across a failed try so that a retry reuses the envelope id (idempotent on the server). */
  private pendingVote?: Envelope<Payload>;
  private pendingDetails?: Envelope<Payload>;
  private band: CountBand = 'plenty';
  private focusAfterRender?: string;
  private personalDataTimer?: ReturnType<typeof setTimeout>;
  private renderedIn?: Locale;

  constructor(
    private readonly host: PollHost,
    private readonly can: PollCapabilities,
    recalled: RememberedVote | undefined,
  ) {
    if (recalled) {
      this.answer = recalled.answer;
      this.remembered = true;
      this.step = 'thanks';
    }
    host.addController(this);
    const constructor = host.constructor as typeof LitElement;
    adoptStyles(host.renderRoot as ShadowRoot, [...constructor.elementStyles, formStyles, pagePollFlowStyles]);
    void this.loadTally();
  }

  hostUpdate(): void {
    // A message announced in the previous language must not linger in the live region.
    const locale = this.can.locale();
    if (this.renderedIn && this.renderedIn !== locale) this.announcement = '';
    this.renderedIn = locale;
  }

  hostUpdated(): void {
    if (!this.focusAfterRender) return;
    this.host.renderRoot.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
    this.focusAfterRender = undefined;
  }

  hostDisconnected(): void {
    clearTimeout(this.personalDataTimer);
  }

  private update(): void {
    this.host.requestUpdate();
  }

  async loadTally(): Promise<void> {
    if (!this.host.showTally) return;
    const page = this.can.pageKey();
    const result = await this.can.read((endpoint) => paths.tally(endpoint, page));
    // The tally is a courtesy: when it cannot be read, it is simply not shown.
    this.tally = result?.type === 'ok' ? parseTally(result.body) : undefined;
    this.update();
  }

  private async announce(text: string): Promise<void> {
    // Clearing first makes a repeated message be read again.
    this.announcement = '';
    this.update();
    await this.host.updateComplete;
    this.announcement = text;
    this.update();
  }

  private reasonsFor(answer: Answer): PollReason[] {
    return (answer === 'yes' ? this.host.yesReasons : this.host.noReasons) ?? defaultReasons(answer);
  }

  async vote(answer: Answer): Promise<void> {
    if (this.step !== 'question') return;
    const retry = this.pendingVote?.data.answer === answer ? this.pendingVote : undefined;
    this.answer = answer;
    this.step = 'voting';
    this.failure = undefined;
    void this.announce(core.sending());
    const { envelope, outcome } = await this.can.send(retry ?? { kind: 'page-vote', data: { answer } });
    this.pendingVote = envelope;
    switch (outcome.type) {
      case 'accepted':
        this.voteId = envelope?.id;
        this.pendingVote = undefined;
        if (!this.host.noRemember) rememberVote(this.can.pageKey(), answer);
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

  private onReasonClick = (event: MouseEvent): void => {
    const box = event.currentTarget as HTMLInputElement;
    // `click` fires before the box toggles, so preventing it keeps a third box unchecked, for keyboard too.
    if (box.checked && !this.selected.includes(box.value) && this.selected.length >= MAX_REASONS) {
      event.preventDefault();
      this.limitShown = true;
      void this.announce(t.limitReached());
    }
  };

  private onReasonChange = (event: Event): void => {
    const box = event.currentTarget as HTMLInputElement;
    this.selected = box.checked ? [...this.selected, box.value] : this.selected.filter((code) => code !== box.value);
    if (this.selected.length < MAX_REASONS) this.limitShown = false;
    this.update();
  };

  private onCommentInput = (event: Event): void => {
    this.comment = (event.currentTarget as HTMLTextAreaElement).value;
    const max = this.host.maxCommentLength;
    const remaining = remainingOf(this.comment, max);
    if (this.commentError && remaining >= 0) this.commentError = undefined;
    const band = countBand(remaining, max);
    if (shouldAnnounce(this.band, band)) void this.announce(core.charactersRemaining(remaining, this.can.locale()));
    this.band = band;
    this.update();
    // Checked after a pause in typing, so the warning does not flicker while a number is half typed; the
    // detector is loaded only once someone writes.
    clearTimeout(this.personalDataTimer);
    this.personalDataTimer = setTimeout(async () => {
      const { findPersonalData } = await import('../core/personal-data.js');
      const found = findPersonalData(this.comment);
      if (found.length > 0 && found.join() !== this.personalData.join()) {
        void this.announce(core.personalDataWarning(found, this.can.locale()));
      }
      this.personalData = found;
      this.update();
    }, 400);
  };

  private sendDetails = async (event?: Event): Promise<void> => {
    event?.preventDefault();
    if (this.step !== 'reasons' || !this.answer) return;
    const max = this.host.maxCommentLength;
    if (remainingOf(this.comment, max) < 0) {
      this.commentError = core.tooLong(max, this.can.locale());
      this.focusAfterRender = 'textarea';
      this.update();
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
      .map((reason) => ({ code: reason.code, label: reasonLabel(reason, this.can.locale()) }));
    const data: Payload = { voteId: this.voteId, answer: this.answer, reasons, comment };
    const retry =
      this.pendingDetails && JSON.stringify(this.pendingDetails.data) === JSON.stringify(data) ? this.pendingDetails : undefined;
    this.step = 'sending';
    this.failure = undefined;
    this.commentError = undefined;
    void this.announce(core.sending());
    const { envelope, outcome } = await this.can.send(retry ?? { kind: 'page-vote-details', data });
    this.pendingDetails = envelope;
    switch (outcome.type) {
      case 'accepted':
        this.pendingDetails = undefined;
        this.finish();
        return;
      case 'rejected':
        // A refusal is final for that envelope: the next send is a new submission.
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
  };

  private showFieldErrors(errors: FieldError[]): void {
    const onComment = errors.find((error) => error.field === 'comment');
    if (!onComment) {
      this.fail('rejected');
      return;
    }
    this.commentError =
      onComment.code === 'too-long'
        ? core.tooLong(this.host.maxCommentLength, this.can.locale())
        : (onComment.message ?? t.fieldInvalid());
    this.focusAfterRender = 'textarea';
    this.update();
  }

  private finish = (): void => {
    this.step = 'thanks';
    this.focusAfterRender = '.thanks';
    void this.announce(t.thanks());
  };

  private renderFailure(lead: string, retry: () => void): TemplateResult | typeof nothing {
    if (!this.failure) return nothing;
    return html`<div class="error" part="error">
      <p class="error-message" tabindex="-1">${lead} ${core.failureMessage(this.failure)}</p>
      <button type="button" @click=${retry}>${core.tryAgain()}</button>
    </div>`;
  }

  private renderQuestionStep(): TemplateResult {
    const busy = this.step === 'voting';
    return html`${this.host.renderQuestion(busy ? this.answer : undefined)}
    ${busy ? html`<p class="hint" aria-hidden="true">${core.sending()}</p>` : nothing}
    ${this.renderFailure(t.voteNotSent(), () => this.answer && void this.vote(this.answer))}`;
  }

  private renderReasons(answer: Answer): TemplateResult {
    const locale = this.can.locale();
    const busy = this.step === 'sending';
    const remaining = remainingOf(this.comment, this.host.maxCommentLength);
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
              <span>${reasonLabel(reason, locale)}</span>
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
          dir="auto"
          aria-describedby=${describedBy}
          aria-invalid=${ifDefined(this.commentError ? 'true' : undefined)}
          .value=${this.comment}
          @input=${this.onCommentInput}
        ></textarea>
        <p id="count" class=${remaining < 0 ? 'error-message' : 'hint'}>${core.charactersRemaining(remaining, locale)}</p>
        ${this.personalData.length
          ? html`<p id="personal-data" class="warning">${core.personalDataWarning(this.personalData, locale)}</p>`
          : nothing}
      </div>
      <div class="actions">
        <button type="submit" class="primary" part="send-button" aria-disabled=${ifDefined(busy ? 'true' : undefined)}>
          ${busy ? core.sending() : t.send()}
        </button>
        <button type="button" class="link" part="skip-button" ?disabled=${busy} @click=${this.finish}>${t.skip()}</button>
      </div>
      ${this.step === 'reasons' ? this.renderFailure(t.detailsNotSent(), () => void this.sendDetails()) : nothing}
    </form>`;
  }

  private renderTally(): TemplateResult | typeof nothing {
    if (!this.host.showTally || !this.tally || this.tally.total < this.host.tallyMin) return nothing;
    if (this.step === 'question' || this.step === 'voting') return nothing;
    return html`<p class="tally" part="tally">${tallyMessage(this.tally, this.can.locale())}</p>`;
  }

  render(): TemplateResult {
    let step: TemplateResult;
    switch (this.step) {
      case 'question':
      case 'voting':
        step = this.renderQuestionStep();
        break;
      case 'reasons':
      case 'sending':
        step = this.renderReasons(this.answer ?? 'yes');
        break;
      case 'thanks':
        step = html`<p class="thanks" part="thanks" tabindex="-1">${this.remembered ? t.alreadyAnswered() : t.thanks()}</p>`;
    }
    return html`${step}${this.renderTally()}`;
  }
}
