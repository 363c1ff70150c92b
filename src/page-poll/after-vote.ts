/**
 * Everything the poll does from the vote on: sending, reasons, the comment, thanks, the tally, failures.
 * The element loads this module when it nears the viewport or at the first click, so the question
 * appears with the least code and a reader who never reaches the poll never downloads the rest.
 *
 * Built on core's shared pieces: the announcer (live region, focus after render), the text watch (count
 * and personal data), the form sender (sending, retry with the same envelope, the failure and its retry).
 * What belongs to one visit of one page is one object (`Visit`), replaced as a whole when the poll starts
 * again, so nothing of an earlier page can leak into the next.
 */
import { adoptStyles, html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Announcer } from '../core/a11y/announcer.js';
import { DeliveryNote, deliveryNoteStyles } from '../core/delivery/delivery-note.js';
import * as paths from '../core/delivery/paths.js';
import { pageKeyOf } from '../core/delivery/page-url.js';
import { pageOutbox, read, submit, type SubmitHost } from '../core/delivery/submit.js';
import { COLLECTOR_WORDS_LOCALE, type FieldError } from '../core/delivery/transport.js';
import { resolveEndpoint } from '../core/element/config.js';
import { headingLevel } from '../core/element/heading-level.js';
import { numberOption } from '../core/element/number-option.js';
import { choiceLabel } from '../core/fields/choices.js';
import { TextWatch } from '../core/fields/text-watch.js';
import { clearDraft, draftKey, readDraft, writeDraft } from '../core/forms/draft.js';
import { FormSender } from '../core/forms/form-sender.js';
import { renderedLocale } from '../core/language/language-sync.js';
import type { Locale } from '../core/language/locale.js';
import * as core from '../core/language/messages.js';
import { formStyles } from '../core/styles/form-styles.js';
import { afterVoteStyles } from './after-vote-styles.js';
import { parseChanges, renderChanges, type ChangeNote } from './changes.js';
import * as t from './messages.js';
import { MAX_REASONS, defaultReasons, usableReasons, type Answer, type PollReason } from './reasons.js';
import type { keyFor, recallVote } from './recall-vote.js';
import { rememberVote } from './remember-vote.js';
import { removeStored } from '../core/element/storage.js';
import { parseTally, tallyMessage, type Tally } from './tally.js';

// The outbox comes with this part: the element's start loads it through here when submissions wait (EpElement).
export { pageOutbox };

/** The element as the after-vote part sees it: its public options (EpElement and the poll's own). */
export interface PollHost extends LitElement, SubmitHost {
  readonly showTally: boolean;
  readonly showChanges: boolean;
  readonly tallyMin: number;
  readonly noRemember: boolean;
  readonly yesReasons?: PollReason[] | undefined;
  readonly noReasons?: PollReason[] | undefined;
  readonly maxCommentLength: number;
  readonly headingLevel: number;
}

/**
 * What this part uses of the element's first load, handed over by it rather than imported: a module both
 * import would be split into a file of its own, one more download before the first render.
 */
export interface FirstLoad {
  recallVote: typeof recallVote;
  keyFor: typeof keyFor;
  alreadyAnswered: () => string;
}

/**
 * What the visitor chose and wrote after their vote, kept in session storage until sent or skipped: the vote is
 * remembered at once, so a reload before Send would otherwise thank them and lose it. Its answer and vote id tie
 * it to the vote it explains.
 */
const NO_DETAILS = { answer: '', voteId: '', selected: '', comment: '' };

/** One visit of one page: the answer, what the visitor chose and wrote, and the sends on their way. */
interface Visit {
  /** Where what the visitor chose and wrote is kept (see NO_DETAILS). */
  draftKey: string;
  step: 'question' | 'reasons' | 'thanks';
  answer?: Answer | undefined;
  /** The visitor answered on an earlier visit: thanked from memory. */
  remembered: boolean;
  selected: string[];
  comment: string;
  limitShown: boolean;
  /** Built when rendered, so an error shown before a language switch follows it. */
  commentError?: (() => string) | undefined;
  tally?: Tally | undefined;
  voteId?: string | undefined;
  /** This visit's sends (a retry reuses the envelope). Its news is heard only while the visit is current. */
  sender: FormSender;
}

export class AfterVote implements ReactiveController {
  readonly announcer: Announcer;
  #visit!: Visit;
  readonly #text: TextWatch;
  /** Submissions saved on the device to be sent later, and how they fared. */
  readonly #delivery: DeliveryNote;
  #renderedIn?: Locale;
  /** What the visit belongs to (the page and whether to remember), and what the tally was read for. */
  #visitKey?: string;
  #tallyKey?: string;
  /** The page's "what we changed" note, read once per page and endpoint when the thanks are first shown. */
  #changesKey?: string;
  #note?: ChangeNote | null | undefined;
  /** Unusable reason lists already reported on the console. */
  readonly #reported = new Set<unknown>();

  readonly #host: PollHost;
  readonly #firstLoad: FirstLoad;

  constructor(host: PollHost, firstLoad: FirstLoad) {
    this.#host = host;
    this.#firstLoad = firstLoad;
    host.addController(this);
    this.announcer = new Announcer(host);
    this.#delivery = new DeliveryNote(host);
    this.#text = new TextWatch(host, (said) => void this.announcer.announce(said));
    const constructor = host.constructor as typeof LitElement;
    adoptStyles(host.renderRoot as ShadowRoot, [
      ...constructor.elementStyles,
      formStyles,
      deliveryNoteStyles,
      afterVoteStyles,
    ]);
    this.hostUpdate();
  }

  hostUpdate(): void {
    // A message announced in the previous language must not linger in the live region.
    const locale = renderedLocale();
    if (this.#renderedIn && this.#renderedIn !== locale) this.announcer.text = '';
    this.#renderedIn = locale;
    // A single-page app may point the poll at another page (page-url, include-query): start again for it.
    // Turning memory off asks again only a visitor who is being thanked from memory; it never interrupts
    // someone answering. Navigation alone (no page-url) does not restart: the visitor may be typing.
    const host = this.#host;
    const visitKey = `${host.pageUrl} ${host.includeQuery} ${Boolean(this.#visit?.remembered && host.noRemember)}`;
    if (visitKey !== this.#visitKey) {
      const restart = this.#visitKey !== undefined;
      this.#visitKey = visitKey;
      this.#start();
      // The control the visitor was on has gone: give them the new question (or the thanks).
      if (restart && host.shadowRoot?.activeElement)
        this.announcer.focus(this.#visit.step === 'thanks' ? '.thanks' : '[part="answer-button"]');
    }
    const tallyKey = `${pageKeyOf(host)} ${resolveEndpoint(host.endpoint, host.ownerDocument)} ${host.showTally}`;
    if (tallyKey !== this.#tallyKey) {
      this.#tallyKey = tallyKey;
      void this.#loadTally();
    }
    // Read only when shown (from the start, or for a visitor who reached the thanks), once per page and endpoint.
    const changesKey = tallyKey.slice(0, tallyKey.lastIndexOf(' '));
    if (this.#showsChanges && changesKey !== this.#changesKey) {
      this.#changesKey = changesKey;
      void this.#loadChanges();
    }
  }

  async #loadChanges(): Promise<void> {
    const key = this.#changesKey;
    const page = pageKeyOf(this.#host);
    this.#note = undefined;
    const result = await read(this.#host, (endpoint) => paths.changes(endpoint, page));
    if (key !== this.#changesKey) return;
    // No note, or no usable answer: nothing shown, nothing said.
    this.#note = result?.type === 'ok' ? parseChanges(result.body) : undefined;
    this.#host.requestUpdate();
  }

  /**
   * A new visit for the current page: thanks when the answer is remembered, else the question; the reasons
   * again, as they were left, when the page was loaded again before they were sent or skipped.
   */
  #start(): void {
    const page = pageKeyOf(this.#host);
    const key = draftKey('page-poll', page);
    const recalled = this.#host.noRemember ? undefined : this.#firstLoad.recallVote(page);
    const details = recalled && readDraft(key, NO_DETAILS)?.values;
    const resumed = recalled && details?.answer === recalled.answer ? details : undefined;
    // Only reasons still offered, two at most: the page's list may have changed since (or the draft been edited).
    const offered = resumed ? this.#reasonsFor(recalled!.answer).map((reason) => reason.code) : [];
    const visit: Visit = {
      draftKey: key,
      step: resumed ? 'reasons' : recalled ? 'thanks' : 'question',
      answer: recalled?.answer,
      remembered: Boolean(recalled) && !resumed,
      selected: (resumed?.selected.split('\n') ?? []).filter((code) => offered.includes(code)).slice(0, MAX_REASONS),
      comment: resumed?.comment ?? '',
      voteId: resumed?.voteId || undefined,
      limitShown: false,
      sender: new FormSender(
        this.#host,
        // An answer that arrives after the poll moved on belongs to the page it was sent from: not heard here.
        {
          announce: (said) => (this.#visit === visit ? this.announcer.announce(said) : Promise.resolve()),
          focus: (target) => this.#visit === visit && this.announcer.focus(target),
        },
        { queued: (id) => this.#visit === visit && this.#delivery.queued(id) },
        async () => ({ submit, read, pageOutbox }),
      ),
    };
    this.#visit = visit;
    this.announcer.text = '';
    this.#text.update(visit.comment, this.#maxLength(), true);
    this.#delivery.reset();
  }

  async #loadTally(): Promise<void> {
    if (!this.#host.showTally) return;
    const page = pageKeyOf(this.#host);
    const key = this.#tallyKey;
    const result = await read(this.#host, (endpoint) => paths.tally(endpoint, page));
    // An answer for a page or endpoint the poll has since left is stale.
    if (key !== this.#tallyKey) return;
    // The tally is a courtesy: when it cannot be read, it is simply not shown.
    this.#visit.tally = result?.type === 'ok' ? parseTally(result.body) : undefined;
    this.#host.requestUpdate();
  }

  #reasonsFor(answer: Answer): PollReason[] {
    return (
      usableReasons(answer === 'yes' ? this.#host.yesReasons : this.#host.noReasons, this.#reported) ??
      defaultReasons(answer)
    );
  }

  async vote(answer: Answer): Promise<void> {
    const visit = this.#visit;
    if (visit.step !== 'question' || visit.sender.busy) return;
    visit.answer = answer;
    const key = this.#firstLoad.keyFor(pageKeyOf(this.#host));
    let remembered = false;
    // Remembered under the page it was sent for, even if the poll has moved on since, from the moment the
    // outbox holds it: it will arrive, and a reload that asked again would only record it twice.
    const remember = (): void => {
      if (!this.#host.noRemember) rememberVote(key, answer);
      remembered = !this.#host.noRemember;
    };
    const result = await visit.sender.send('page-vote', { answer }, remember);
    if (!result) return;
    const { envelope, outcome } = result;
    const kept = outcome.type === 'accepted' || outcome.type === 'queued';
    // Sent with the outbox off, or not kept after all (refused, or failed and not saved): as it ended.
    if (kept) remember();
    else if (remembered) removeStored(key);
    if (visit !== this.#visit) return;
    if (kept) {
      visit.voteId = envelope?.id;
      visit.step = 'reasons';
      this.announcer.focus('fieldset');
      // Saved for later, the delivery note says so; "recorded" would not be true yet.
      if (outcome.type === 'accepted') void this.announcer.announce(t.voteRecorded());
      // A tally read before the vote would leave the visitor's own answer out: shown is the one read after.
      visit.tally = undefined;
      void this.#loadTally();
    } else if (outcome.type === 'rejected') visit.sender.fail('rejected');
  }

  /** A box clicked, by mouse or keyboard: the choice is kept, unless it would be a third. */
  #onReasonClick = (event: MouseEvent): void => {
    const box = event.currentTarget as HTMLInputElement;
    const visit = this.#visit;
    const selected = box.checked ? [...visit.selected, box.value] : visit.selected.filter((code) => code !== box.value);
    // The box has toggled already, but preventing its `click` puts it back: a third stays unchecked.
    if (selected.length > MAX_REASONS) {
      event.preventDefault();
      visit.limitShown = true;
      void this.announcer.announce(t.limitReached());
      return;
    }
    visit.selected = selected;
    if (selected.length < MAX_REASONS) visit.limitShown = false;
    this.#keepDetails();
    this.#host.requestUpdate();
  };

  #onCommentInput = (event: Event): void => {
    const visit = this.#visit;
    visit.comment = (event.currentTarget as HTMLTextAreaElement).value;
    const max = this.#maxLength();
    this.#text.update(visit.comment, max);
    if (visit.commentError && !this.#text.count(max).over) visit.commentError = undefined;
    this.#keepDetails();
    this.#host.requestUpdate();
  };

  /**
   * Keeps what the visitor chose and wrote for a reload (see NO_DETAILS); nothing once there is nothing, nor
   * with `no-remember`, which keeps nothing of the visitor's on the device (and would not bring it back).
   */
  #keepDetails(): void {
    const { answer = '', voteId = '', selected, comment, draftKey: key } = this.#visit;
    if ((selected.length === 0 && !comment) || this.#host.noRemember) return clearDraft(key);
    writeDraft(key, { values: { answer, voteId, selected: selected.join('\n'), comment }, startedAt: 0 });
  }

  #sendDetails = async (event?: Event): Promise<void> => {
    event?.preventDefault();
    const visit = this.#visit;
    const { answer, sender } = visit;
    if (visit.step !== 'reasons' || sender.busy || !answer) return;
    const max = this.#maxLength();
    if (this.#text.count(max).over) {
      visit.commentError = () => core.tooLong(max, renderedLocale());
      this.announcer.focus('textarea');
      return;
    }
    const comment = visit.comment.trim();
    // Nothing to add: sending an empty form would only store noise.
    if (visit.selected.length === 0 && comment === '') return this.#finish();
    const reasons = this.#reasonsFor(answer)
      .filter((reason) => visit.selected.includes(reason.code))
      .map((reason) => ({ code: reason.code, label: choiceLabel(reason, renderedLocale()) }));
    visit.commentError = undefined;
    const result = await sender.send('page-vote-details', { voteId: visit.voteId, answer, reasons, comment });
    if (visit !== this.#visit) return;
    const outcome = result?.outcome;
    if (outcome?.type === 'accepted' || outcome?.type === 'queued') this.#finish();
    else if (outcome?.type === 'rejected') this.#showFieldErrors(outcome.fieldErrors);
  };

  #showFieldErrors(errors: FieldError[]): void {
    const onComment = errors.find((error) => error.field === 'comment');
    if (!onComment) return this.#visit.sender.fail('rejected');
    const { code, message } = onComment;
    this.#visit.commentError = () =>
      code === 'too-long'
        ? core.tooLong(this.#maxLength(), renderedLocale())
        : (renderedLocale() === COLLECTOR_WORDS_LOCALE && message) || t.fieldInvalid();
    this.announcer.focus('textarea');
  }

  /** The thanks take focus where the form was, which is how they are heard (once). */
  #finish = (): void => {
    clearDraft(this.#visit.draftKey);
    this.#visit.step = 'thanks';
    this.announcer.focus('.thanks');
  };

  #maxLength(): number {
    return numberOption(this.#host.maxCommentLength, 500, 1);
  }

  /**
   * Thanked for a vote of this visit: the note is shown then, as the answer to what they did. Not to a visitor
   * thanked from memory: nothing holds its space there, so its arrival would move the page under them.
   */
  get #votedNow(): boolean {
    return this.#visit.step === 'thanks' && !this.#visit.remembered;
  }

  /** Whether the question is on screen (the element renders it; see renderQuestionExtras). */
  get asking(): boolean {
    return this.#visit.step === 'question';
  }

  /** The answer being sent, shown busy on its button. */
  get busyAnswer(): Answer | undefined {
    return this.asking && this.#visit.sender.busy ? this.#visit.answer : undefined;
  }

  /** What goes under the question: progress while the vote is sent, or why it was not. */
  renderQuestionExtras(): TemplateResult {
    return html`${this.busyAnswer ? html`<p class="hint" aria-hidden="true">${core.sending()}</p>` : nothing}
    ${this.#visit.sender.renderFailure(
      t.voteNotSent(),
      () => {
        // Focus stays on the answer being sent instead of falling to the page when this button goes.
        this.announcer.focus('.answers .primary');
        if (this.#visit.answer) void this.vote(this.#visit.answer);
      },
      true,
    )}`;
  }

  #renderReasons(answer: Answer): TemplateResult {
    const visit = this.#visit;
    const text = this.#text;
    const locale = renderedLocale();
    const busy = visit.sender.busy;
    const count = text.count(this.#maxLength());
    const warning = text.warning();
    const describedBy = `notice count${warning ? ' personal-data' : ''}${visit.commentError ? ' comment-error' : ''}`;
    return html`<form novalidate @submit=${this.#sendDetails}>
      <fieldset tabindex="-1" part="reasons" aria-describedby=${ifDefined(visit.limitShown ? 'limit' : undefined)}>
        <legend>${t.why()}</legend>
        <div class="reasons">
          ${this.#reasonsFor(answer).map(
            (reason) => html`<label class="choice">
              <input type="checkbox" .value=${reason.code} .checked=${visit.selected.includes(reason.code)} @click=${this.#onReasonClick} />
              <span>${choiceLabel(reason, locale)}</span>
            </label>`,
          )}
        </div>
        ${visit.limitShown ? html`<p id="limit" class="hint">${t.limitReached()}</p>` : nothing}
      </fieldset>
      <div class="field">
        <label for="comment">${t.commentLabel()}</label>
        <p id="notice" class="hint">${t.notice()}</p>
        ${
          visit.commentError
            ? html`<p id="comment-error" class="error-message"><span class="visually-hidden">${core.errorPrefix()}</span> ${visit.commentError()}</p>`
            : nothing
        }
        <textarea id="comment" part="comment" rows="4" dir="auto" aria-describedby=${describedBy} aria-invalid=${ifDefined(visit.commentError ? 'true' : undefined)} .value=${visit.comment} @input=${this.#onCommentInput}></textarea>
        <p id="count" class=${count.over ? 'error-message' : 'hint'} part="count">${count.text}</p>
        ${warning ? html`<p id="personal-data" class="warning">${warning}</p>` : nothing}
      </div>
      <div class="actions">
        <button type="submit" class="primary" part="send-button" aria-disabled=${ifDefined(busy ? 'true' : undefined)}>${visit.sender.label(t.send())}</button>
        <button type="button" class="link" part="skip-button" ?disabled=${busy} @click=${this.#finish}>${t.skip()}</button>
      </div>
      ${
        busy
          ? nothing
          : visit.sender.renderFailure(
              t.detailsNotSent(),
              () => {
                this.announcer.focus('[part="send-button"]');
                void this.#sendDetails();
              },
              true,
            )
      }
    </form>`;
  }

  #renderTally(): TemplateResult | typeof nothing {
    const { tally } = this.#visit;
    if (!this.#host.showTally || !tally || tally.total < numberOption(this.#host.tallyMin, 10)) return nothing;
    return html`<p class="tally" part="tally">${tallyMessage(tally, renderedLocale())}</p>`;
  }

  /** The steps after the question. */
  render(): TemplateResult {
    const thanks = this.#visit.remembered ? this.#firstLoad.alreadyAnswered() : t.thanks();
    const step =
      this.#visit.step === 'thanks'
        ? html`<p class="thanks" part="thanks" tabindex="-1">${thanks}</p>`
        : this.#renderReasons(this.#visit.answer ?? 'yes');
    return html`${step}${this.#delivery.render()}${this.#renderTally()}`;
  }

  /** With the thanks of a vote of this visit (votedNow); with `show-changes`, in every step, its space held. */
  get #showsChanges(): boolean {
    return this.#host.showChanges || this.#votedNow;
  }

  /** The page's note, when it is shown and there is one (the host renders it under every step). */
  renderChanges(): TemplateResult | typeof nothing {
    // One below the question while it is there; at the poll's own level once it has gone (reasons, thanks), as
    // the one heading left in the poll.
    const level = headingLevel(this.#host.headingLevel);
    const note = this.#showsChanges ? this.#note : undefined;
    return renderChanges(note, renderedLocale(), this.asking ? Math.min(level + 1, 6) : level);
  }
}
