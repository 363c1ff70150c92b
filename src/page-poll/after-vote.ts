/**
 * Everything the poll does from the vote on: sending, reasons, the comment, thanks, the tally, failures.
 * The element loads this module when it nears the viewport or at the first click, so the question
 * appears with the least code and a reader who never reaches the poll never downloads the rest.
 */
import { adoptStyles, html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { countBand, remainingOf, shouldAnnounce, type CountBand } from '../core/fields/character-count.js';
import { DeliveryNote, deliveryNoteStyles } from '../core/delivery/delivery-note.js';
import type { Envelope } from '../core/delivery/envelope.js';
import { formStyles } from '../core/styles/form-styles.js';
import { reducedMotion } from '../core/styles/motion-styles.js';
import type { Locale } from '../core/language/locale.js';
import * as core from '../core/language/messages.js';
import { paths } from '../core/delivery/paths.js';
import type { PersonalDataKind } from '../core/fields/personal-data.js';
import { read, submit, type Payload, type SubmitHost } from '../core/delivery/submit.js';
import { resolveEndpoint } from '../core/element/config.js';
import { renderedLocale } from '../core/language/language-sync.js';
import { pageKeyOf } from '../core/delivery/page-url.js';
import type { FailureReason, FieldError } from '../core/delivery/transport.js';
import * as t from './messages.js';
import { MAX_REASONS, defaultReasons, reasonLabel, usableReasons, type Answer, type PollReason } from './reasons.js';
import { alreadyAnswered } from './question-messages.js';
import { recallVote } from './recall-vote.js';
import { rememberVote } from './remember-vote.js';
import { pageAfterVoteStyles } from './after-vote-styles.js';
import { parseTally, tallyMessage, type Tally } from './tally.js';

type Step = 'question' | 'voting' | 'reasons' | 'sending' | 'thanks';

/** The element as the flow sees it: its public options (EpElement and the poll's own). */
export interface PollHost extends LitElement, SubmitHost {
  readonly showTally: boolean;
  readonly tallyMin: number;
  readonly noRemember: boolean;
  readonly yesReasons?: PollReason[] | undefined;
  readonly noReasons?: PollReason[] | undefined;
  readonly maxCommentLength: number;
}

/** A number option as the author gave it, or its default when it is not a usable number. */
const positive = (value: number, fallback: number): number => (Number.isFinite(value) && value >= 0 ? value : fallback);

export class AfterVote implements ReactiveController {
  announcement = '';
  private step: Step = 'question';
  private answer?: Answer;
  private remembered = false;
  private selected: string[] = [];
  private comment = '';
  private limitShown = false;
  private failure?: FailureReason | 'rejected';
  /** Built when rendered, so an error shown before a language switch follows it. */
  private commentError?: () => string;
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
  /** What the state belongs to (the page and whether to remember), and what the tally was read for. */
  private stateKey?: string;
  private tallyKey?: string;
  /** Counts restarts: an answer that arrives for an earlier start belongs to the page it was sent from. */
  private generation = 0;
  /** Unusable reason lists already reported on the console. */
  private readonly reported = new Set<unknown>();
  /** Submissions saved on the device to be sent later, and how they fared. */
  private readonly delivery: DeliveryNote;

  constructor(private readonly host: PollHost) {
    host.addController(this);
    this.delivery = new DeliveryNote(host);
    const constructor = host.constructor as typeof LitElement;
    adoptStyles(host.renderRoot as ShadowRoot, [...constructor.elementStyles, formStyles, deliveryNoteStyles, reducedMotion, pageAfterVoteStyles]);
    this.hostUpdate();
  }

  hostUpdate(): void {
    // A message announced in the previous language must not linger in the live region.
    const locale = renderedLocale();
    if (this.renderedIn && this.renderedIn !== locale) this.announcement = '';
    this.renderedIn = locale;
    // A single-page app may point the poll at another page (page-url, include-query): start again for it.
    // Turning memory off asks again only a visitor who is being thanked from memory; it never interrupts
    // someone answering. Navigation alone (no page-url) does not restart: the visitor may be typing.
    const { pageUrl, includeQuery } = this.host;
    const stateKey = `${pageUrl} ${includeQuery} ${this.remembered && this.host.noRemember}`;
    if (stateKey !== this.stateKey) {
      const restart = this.stateKey !== undefined;
      this.stateKey = stateKey;
      this.start();
      // The control the visitor was on has gone: give them the new question (or the thanks).
      if (restart && this.host.shadowRoot?.activeElement) this.focusAfterRender = this.step === 'thanks' ? '.thanks' : '[part="answer-button"]';
    }
    const tallyKey = `${pageKeyOf(this.host)} ${resolveEndpoint(this.host.endpoint, this.host.ownerDocument)} ${this.host.showTally}`;
    if (tallyKey !== this.tallyKey) {
      this.tallyKey = tallyKey;
      void this.loadTally();
    }
  }

  /** The state for the current page: thanks when the answer is remembered, else the question. */
  private start(): void {
    this.generation += 1;
    const recalled = this.host.noRemember ? undefined : recallVote(pageKeyOf(this.host));
    this.step = recalled ? 'thanks' : 'question';
    this.answer = recalled?.answer;
    this.remembered = Boolean(recalled);
    this.selected = [];
    this.comment = '';
    this.limitShown = false;
    this.failure = undefined;
    this.commentError = undefined;
    this.personalData = [];
    this.tally = undefined;
    this.voteId = undefined;
    this.pendingVote = undefined;
    this.pendingDetails = undefined;
    this.band = 'plenty';
    this.announcement = '';
    this.delivery?.reset();
  }

  hostUpdated(): void {
    if (!this.focusAfterRender) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
    this.focusAfterRender = undefined;
    const active = this.host.ownerDocument.activeElement;
    // Focus moves only where the visitor still is: in the poll, or nowhere because the control they used
    // has just gone. Someone who went on to the rest of the page keeps their place and hears the news.
    if (this.host.shadowRoot?.activeElement || !active || active === this.host.ownerDocument.body) target?.focus();
    else if (target?.matches('p')) void this.announce(target.textContent?.trim() ?? '');
  }

  hostConnected(): void {
    // A move in the page cancels a pending check (see hostDisconnected): run it again.
    if (this.comment) this.checkPersonalData();
  }

  hostDisconnected(): void {
    clearTimeout(this.personalDataTimer);
  }

  private update(): void {
    this.host.requestUpdate();
  }

  private async loadTally(): Promise<void> {
    if (!this.host.showTally || !resolveEndpoint(this.host.endpoint, this.host.ownerDocument)) return;
    const page = pageKeyOf(this.host);
    const key = this.tallyKey;
    const result = await read(this.host, (endpoint) => paths.tally(endpoint, page));
    // An answer for a page or endpoint the poll has since left is stale.
    if (key !== this.tallyKey) return;
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
    return usableReasons(answer === 'yes' ? this.host.yesReasons : this.host.noReasons, this.reported) ?? defaultReasons(answer);
  }

  async vote(answer: Answer): Promise<void> {
    if (this.step !== 'question') return;
    const retry = this.pendingVote?.data.answer === answer ? this.pendingVote : undefined;
    this.answer = answer;
    this.step = 'voting';
    this.failure = undefined;
    void this.announce(core.sending());
    const { generation } = this;
    const page = pageKeyOf(this.host);
    const { envelope, outcome } = await submit(this.host, retry ?? { kind: 'page-vote', data: { answer } });
    // Remembered under the page it was sent for, even if the poll has moved on since. A vote saved on the
    // device counts too: it will arrive, and asking again would only record it twice.
    const kept = outcome.type === 'accepted' || outcome.type === 'queued';
    if (kept && !this.host.noRemember) rememberVote(page, answer);
    if (generation !== this.generation) return;
    this.pendingVote = envelope;
    switch (outcome.type) {
      case 'accepted':
      case 'queued':
        this.voteId = envelope?.id;
        this.pendingVote = undefined;
        this.step = 'reasons';
        this.focusAfterRender = 'fieldset';
        // Saved for later, the delivery note says so; "recorded" would not be true yet.
        if (outcome.type === 'queued' && envelope) {
          // "Sending…" must not linger in the other live region.
          this.announcement = '';
          this.delivery.queued(envelope.id);
        } else void this.announce(t.voteRecorded());
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

  /** Shows the failure where the visitor is, and moves focus to it (which is how it is heard). */
  private fail(reason: FailureReason | 'rejected'): void {
    this.failure = reason;
    this.step = this.step === 'voting' ? 'question' : 'reasons';
    this.focusAfterRender = '.error p';
    this.announcement = '';
    this.update();
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
    const max = this.maxLength();
    const remaining = remainingOf(this.comment, max);
    if (this.commentError && remaining >= 0) this.commentError = undefined;
    const band = countBand(remaining, max);
    if (shouldAnnounce(this.band, band)) void this.announce(core.charactersRemaining(remaining, renderedLocale()));
    this.band = band;
    this.update();
    this.checkPersonalData();
  };

  /**
   * Checked after a pause in typing, so the warning does not flicker while a number is half typed; the
   * detector is loaded only once someone writes.
   */
  private checkPersonalData(): void {
    clearTimeout(this.personalDataTimer);
    this.personalDataTimer = setTimeout(async () => {
      const { findPersonalData } = await import('../core/fields/personal-data.js');
      const found = findPersonalData(this.comment);
      if (found.length > 0 && found.join() !== this.personalData.join()) {
        void this.announce(core.personalDataWarning(found, renderedLocale()));
      }
      this.personalData = found;
      this.update();
    }, 400);
  }

  private sendDetails = async (event?: Event): Promise<void> => {
    event?.preventDefault();
    if (this.step !== 'reasons' || !this.answer) return;
    const max = this.maxLength();
    if (remainingOf(this.comment, max) < 0) {
      this.commentError = () => core.tooLong(max, renderedLocale());
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
      .map((reason) => ({ code: reason.code, label: reasonLabel(reason, renderedLocale()) }));
    const data: Payload = { voteId: this.voteId, answer: this.answer, reasons, comment };
    const retry =
      this.pendingDetails && JSON.stringify(this.pendingDetails.data) === JSON.stringify(data) ? this.pendingDetails : undefined;
    this.step = 'sending';
    this.failure = undefined;
    this.commentError = undefined;
    void this.announce(core.sending());
    const { generation } = this;
    const { envelope, outcome } = await submit(this.host, retry ?? { kind: 'page-vote-details', data });
    if (generation !== this.generation) return;
    this.pendingDetails = envelope;
    switch (outcome.type) {
      case 'accepted':
      case 'queued':
        this.pendingDetails = undefined;
        if (outcome.type === 'queued' && envelope) this.delivery.queued(envelope.id);
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
    const { code, message } = onComment;
    this.commentError = () =>
      code === 'too-long' ? core.tooLong(this.maxLength(), renderedLocale()) : (message ?? t.fieldInvalid());
    this.focusAfterRender = 'textarea';
    this.update();
  }

  /** The thanks take focus where the form was, which is how they are heard (once). */
  private finish = (): void => {
    this.step = 'thanks';
    this.focusAfterRender = '.thanks';
    this.announcement = '';
    this.update();
  };

  private maxLength(): number {
    return positive(this.host.maxCommentLength, 500) || 500;
  }

  private renderFailure(lead: string, retry: () => void): TemplateResult | typeof nothing {
    if (!this.failure) return nothing;
    return html`<div class="error" part="error">
      <p class="error-message" tabindex="-1">${lead} ${core.failureMessage(this.failure)}</p>
      <button type="button" @click=${retry}>${core.tryAgain()}</button>
    </div>`;
  }

  /** Whether the question is on screen (the element renders it; see renderQuestionExtras). */
  get asking(): boolean {
    return this.step === 'question' || this.step === 'voting';
  }

  /** The answer being sent, shown busy on its button. */
  get busyAnswer(): Answer | undefined {
    return this.step === 'voting' ? this.answer : undefined;
  }

  /** What goes under the question: progress while the vote is sent, or why it was not. */
  renderQuestionExtras(): TemplateResult {
    return html`${this.step === 'voting' ? html`<p class="hint" aria-hidden="true">${core.sending()}</p>` : nothing}
    ${this.renderFailure(t.voteNotSent(), () => {
      // Focus stays on the answer being sent instead of falling to the page when this button goes.
      this.focusAfterRender = '.answers .primary';
      if (this.answer) void this.vote(this.answer);
    })}`;
  }

  private renderReasons(answer: Answer): TemplateResult {
    const locale = renderedLocale();
    const busy = this.step === 'sending';
    const remaining = remainingOf(this.comment, this.maxLength());
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
          ? html`<p id="comment-error" class="error-message"><span class="visually-hidden">${core.errorPrefix()}</span> ${this.commentError()}</p>`
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
      ${this.step === 'reasons'
        ? this.renderFailure(t.detailsNotSent(), () => {
            this.focusAfterRender = '[part="send-button"]';
            void this.sendDetails();
          })
        : nothing}
    </form>`;
  }

  private renderTally(): TemplateResult | typeof nothing {
    if (!this.host.showTally || !this.tally || this.tally.total < positive(this.host.tallyMin, 10)) return nothing;
    return html`<p class="tally" part="tally">${tallyMessage(this.tally, renderedLocale())}</p>`;
  }

  /** The steps after the question. */
  render(): TemplateResult {
    const step =
      this.step === 'thanks'
        ? html`<p class="thanks" part="thanks" tabindex="-1">${this.remembered ? alreadyAnswered() : t.thanks()}</p>`
        : this.renderReasons(this.answer ?? 'yes');
    return html`${step}${this.delivery.render()}${this.renderTally()}`;
  }
}
