import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { EpElement } from '../core/element/ep-element.js';
import { notAvailable } from '../core/element/not-available.js';
import { onDemand } from '../core/element/on-demand.js';
import { whenNearViewport } from '../core/element/near-viewport.js';
import { sharedStyles } from '../core/styles/styles.js';
import type { AfterVote } from './after-vote.js';
import * as q from './question-messages.js';
import type { Answer, PollReason } from './reasons.js';
import { readReasonsAttribute } from './reasons-attribute.js';
import { keyFor, recallVote } from './recall-vote.js';
import { pagePollStyles } from './styles.js';
import { headingLevel } from '../core/element/heading-level.js';

/**
 * The page keys worked out so far, by what each came from: parsing the page's address was most of a poll's own
 * first render (which looks for a remembered vote under it), and a page of a hundred polls needs it parsed once.
 * A document's address has no spaces, so no two different inputs read alike; a blank page-url is as good as none.
 */
const pageKeys: Record<string, string> = {};

/**
 * "Was this page useful?": a yes/no vote sent at once, then up to two reasons and an optional comment,
 * then thanks with the page's latest "What we changed" note (if any) and, when enabled, the page's tally.
 *
 * @summary Asks whether a page was useful and why.
 * @tagname ep-page-poll
 *
 * @fires {EpSubmitEvent} ep-submit - Before each submission (`page-vote`, then `page-vote-details`). Cancelable; `detail.envelope` may be amended.
 * @fires {EpSuccessEvent} ep-success - When the collector accepted a submission. `detail.response` is its answer; `detail.queued` when it was sent later, from the outbox.
 * @fires {EpErrorEvent} ep-error - When a submission was refused or could not be delivered. `detail.outcome` says why; `detail.queued` when it was refused later, from the outbox.
 * @fires {EpQueuedEvent} ep-queued - When a send failed for a reason that may pass and the submission was saved on the device, to be sent later. Cancelable (then it is shown as a failure).
 * @fires {EpOutboxDropEvent} ep-outbox-drop - When a saved submission was dropped unsent (the outbox was full, or it expired).
 *
 * @csspart base - The box around everything.
 * @csspart question - The question text.
 * @csspart answer-button - The Yes and No buttons.
 * @csspart reasons - The group of reason checkboxes.
 * @csspart comment - The comment text area.
 * @csspart count - The characters remaining under the comment.
 * @csspart send-button - The Send button.
 * @csspart skip-button - The Skip button.
 * @csspart error - Why something failed: the answer or the comment not sent (with its retry), or the rest of the poll
 *   not loaded.
 * @csspart retry-button - The Try again button.
 * @csspart thanks - The thank-you message.
 * @csspart delivery - "Saved on this device…", then "Sent." (or why not), for a submission kept on the device.
 * @csspart tally - "N of M visitors found this page useful".
 * @csspart changes - The page's latest "What we changed" note, shown with the thanks when the collector has one
 *   (from the start, under the question, with `show-changes`).
 * @csspart changes-heading - Its heading: one level below the question's while the question shows, at the poll's
 *   own level after.
 * @csspart changes-link - The link to more about the change, when the note has one.
 * @csspart unavailable - Shown instead of the poll when no endpoint is configured.
 *
 * @cssprop --ep-color-primary - Buttons and checked boxes.
 * @cssprop --ep-color-on-primary - Text on primary buttons.
 * @cssprop --ep-color-surface - Background of the box and of secondary buttons.
 * @cssprop --ep-color-field - Background of the comment box.
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
 * @cssprop --ep-margin-block-end - Space after the element (so two in a row do not touch); 0 where the page spaces its blocks.
 * @cssprop --ep-target-size - Minimum size of buttons (never below 24px).
 * @cssprop --ep-page-poll-min-block-size - Height reserved before the first render. Default 5.5rem.
 * @cssprop --ep-page-poll-changes-min-block-size - With `show-changes`, the height held for the question and the
 *   note together, before and after the note arrives (and when there is none). Default 14rem; 20rem under 30rem wide.
 * @cssprop --ep-page-poll-gap - Gap between buttons.
 */
export class EpPagePoll extends EpElement {
  static override styles = [...sharedStyles, pagePollStyles];

  static override properties: PropertyDeclarations = {
    showTally: { type: Boolean, attribute: 'show-tally' },
    showChanges: { type: Boolean, attribute: 'show-changes', reflect: true },
    tallyMin: { type: Number, attribute: 'tally-min' },
    noRemember: { type: Boolean, attribute: 'no-remember' },
    yesReasons: { attribute: 'yes-reasons', converter: readReasonsAttribute },
    noReasons: { attribute: 'no-reasons', converter: readReasonsAttribute },
    maxCommentLength: { type: Number, attribute: 'max-comment-length' },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Show "N of M visitors found this page useful" after the visitor answered. */
  showTally = false;

  /**
   * Show the page's latest "What we changed" note from the start, under the question, rather than only with
   * the thanks. Its space is held before it arrives (`--ep-page-poll-changes-min-block-size`, and reserve.css
   * before the script), so nothing on the page moves when it does.
   */
  showChanges = false;

  /** Hide the tally until at least this many visitors answered. */
  tallyMin = 10;

  /** Ask again on every visit instead of remembering, per page and browser, that the visitor answered. */
  noRemember = false;

  /** Reasons offered after Yes. JSON in the attribute: `[{ "code": "clear", "label": { "en": "…", "ar": "…" } }]`. */
  yesReasons?: PollReason[];

  /** Reasons offered after No, in the same shape as `yesReasons`. */
  noReasons?: PollReason[];

  /** Longest comment accepted, in characters. */
  maxCommentLength = 500;

  /** Level of the question's heading in the page's outline (1–6). */
  headingLevel = 2;

  /** The steps after the question, once after-vote.ts has loaded. */
  private flow?: AfterVote;
  private flowLoading?: Promise<AfterVote>;
  /** after-vote.ts sends, and carries the outbox (see EpElement). */
  protected override readonly sendingPart = () => import('./after-vote.js');
  // A download that stalls ends as a failure after the usual request time, not as a busy poll for ever.
  private readonly loadAfterVote = onDemand(this.sendingPart);
  /** The answer clicked while after-vote.ts was loading: shown busy, sent once it is there (the latest wins). */
  private pendingAnswer?: Answer;
  private loadFailed?: boolean;
  private stopWatching?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // Most readers never reach the poll: the rest of it loads when it comes near the viewport, or at the
    // first click, whichever is first.
    this.stopWatching = whenNearViewport(this, () => void this.loadFlow().catch(() => undefined));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
  }

  /** Loads the rest of the poll once; after a failed load the next click tries again. */
  private loadFlow(): Promise<AfterVote> {
    this.stopWatching?.();
    return (this.flowLoading = this.loadAfterVote().then(({ AfterVote }) => {
      this.flow ??= new AfterVote(this, { recallVote, keyFor, alreadyAnswered: q.alreadyAnswered });
      this.requestUpdate();
      return this.flow;
    }));
  }

  /** Also waits for the rest of the poll when it is loading, so `await el.updateComplete` sees it settled. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.flowLoading?.catch(() => undefined);
    return super.getUpdateComplete();
  }

  private async vote(answer: Answer): Promise<void> {
    this.pendingAnswer = answer;
    this.loadFailed = false;
    this.requestUpdate();
    try {
      const flow = await this.loadFlow();
      // Clicks while loading: the first to get here sends the latest answer, the others find none.
      const latest = this.pendingAnswer;
      this.pendingAnswer = undefined;
      if (latest) await flow.vote(latest);
    } catch {
      // The rest of the poll could not be loaded (offline, or a deploy replaced its file): say so and keep
      // the question, so a click tries again.
      this.pendingAnswer = undefined;
      this.loadFailed = true;
      this.requestUpdate();
      await this.updateComplete;
      // Said where the visitor is: on the answer they pressed (so focus moves to the message), not elsewhere.
      if (this.shadowRoot?.activeElement) this.renderRoot.querySelector<HTMLElement>('.load-error')?.focus();
    }
  }

  /**
   * The first step: the question and its two answers, one of them busy while it is being sent, then `extras`.
   * One template, the buttons written out rather than each a template of its own: every template is one more
   * clone and walk of DOM in the first render, and a page may hold a hundred polls. No white space between the
   * elements (here and in render()): it would only be text nodes that show nothing, cloned with every poll.
   */
  private renderQuestion(busyAnswer: Answer | undefined, extras: TemplateResult | typeof nothing): TemplateResult {
    return html`<div class="question-row" role="group" aria-labelledby="question"><div id="question" class="question" part="question" role="heading" aria-level=${headingLevel(this.headingLevel)}>${q.question()}</div><div class="answers"><button type="button" part="answer-button" class=${busyAnswer === 'yes' ? 'primary' : ''} aria-disabled=${ifDefined(busyAnswer && 'true')} @click=${() => void this.vote('yes')}>${q.yes()}</button> <button type="button" part="answer-button" class=${busyAnswer === 'no' ? 'primary' : ''} aria-disabled=${ifDefined(busyAnswer && 'true')} @click=${() => void this.vote('no')}>${q.no()}</button></div></div>${extras}`;
  }

  protected override render(): TemplateResult {
    const { flow } = this;
    // Read once per render: it looks for the page's <meta name="ep-endpoint"> each time.
    const endpoint = this.resolvedEndpoint;
    // The question is rendered from this one place whether after-vote.ts is in or not, so the buttons (and the
    // focus on them) survive its arrival. Storage is read only until then: after-vote.ts keeps the visit.
    const body = !endpoint
      ? html`<p class="unavailable" part="unavailable">${notAvailable()}</p>`
      : flow && !flow.asking
        ? flow.render()
        : !flow &&
            !this.noRemember &&
            recallVote(
              (pageKeys[`${this.includeQuery} ${this.ownerDocument.URL} ${this.pageUrl ?? ''}`] ??= this.pageKey),
            )
          ? html`<p class="thanks" part="thanks">${q.alreadyAnswered()}</p>`
          : this.renderQuestion(
              flow?.busyAnswer ?? this.pendingAnswer,
              flow
                ? flow.renderQuestionExtras()
                : this.loadFailed
                  ? html`<p class="load-error" part="error" tabindex="-1">${q.loadFailed()}</p>`
                  : nothing,
            );
    // No landmark of its own: the question is a heading, and a page footer needs no extra region.
    return html`<section part="base" class="base" dir=${this.direction} lang=${this.locale}>${body}${endpoint ? flow?.renderChanges() : nothing}<div id="announcer" class="visually-hidden" aria-live="polite">${flow?.announcer.text ?? ''}</div></section>`;
  }
}
