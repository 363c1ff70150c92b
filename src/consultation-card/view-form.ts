/**
 * Taking part while a consultation is open: the visitor's view (support, neutral or oppose) and a comment
 * (required when opposing), validated the GOV.UK way, guarded against robots, kept as a draft, sent through
 * the core's form sender (submit() and its outbox), remembered per browser, shown back, and changeable while
 * open (a change is a new submission that names the one it replaces).
 */
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Announcer } from '../core/a11y/announcer.js';
import type { DeliveryNote } from '../core/delivery/delivery-note.js';
import { renderDisclosure } from '../core/a11y/disclosure.js';
import { clearDraft, draftKey as draftKeyOf } from '../core/forms/draft.js';
import { renderRadioGroup, renderTextArea } from '../core/fields/fields.js';
import { FormErrors } from '../core/forms/form-errors.js';
import { fieldInvalid, honeypotLabel } from '../core/forms/form-messages.js';
import { FormSender } from '../core/forms/form-sender.js';
import { FormValues } from '../core/forms/form-values.js';
import { renderedLocale } from '../core/language/language-sync.js';
import { honeypotValue, renderHoneypot, spamSignal } from '../core/forms/spam-guard.js';
import type { SubmitHost } from '../core/delivery/submit.js';
import type { EpErrorEvent, EpOutboxDropEvent } from '../core/element/events.js';
import { TextWatch } from '../core/fields/text-watch.js';
import * as t from './messages.js';
import { STANCES, type Stance } from './model.js';
import { FIELDS, validateView, viewCodeMessages, type Field } from './view-rules.js';
import { forgetView, recallView, rememberView, type SentView } from './remembered.js';
import type { Submitter } from '../core/delivery/submitter.js';
import { numberOption } from '../core/element/number-option.js';

type Values = { stance: string; comment: string };

/** What the card gives the form: its options, its clock and how it writes a date. */
export interface ViewFormHost extends ReactiveElement, SubmitHost {
  maxCommentLength: number;
  minFillTime: number;
  noDraft: boolean;
  /** The card's time (ms since the epoch): the real time, or the one a test or a page fixed. */
  nowMs(): number;
  /** A day in both calendars. */
  day(ms: number): string;
}

/** A number option as the author gave it, whole and not negative, else `fallback`. */

const empty = (): Values => ({ stance: '', comment: '' });

export class ViewForm {
  /** The visitor's view of this consultation: remembered, or just sent. */
  sent?: SentView | undefined;
  /** The consultation: the collector's absolute URL, `#`, and its id ('' until the card knows both). */
  #key = '';
  #id = '';
  /** The form is shown over a view already sent (the visitor is changing it). */
  #editing = false;
  /** In the compact layout the form opens on demand. */
  #opened = false;
  /** The view was sent (or saved on the device) just now, on this page. */
  #just?: 'sent' | 'saved' | undefined;
  /** The view a saved change was to replace: what the card goes back to if the change is refused later. */
  #previous?: SentView | undefined;
  readonly #comment: TextWatch;
  readonly #form: FormValues<Values>;
  readonly #errors: FormErrors<Field>;
  readonly #sender: FormSender;

  /** `submitter` loads the transport (shared with the card, which may have loaded it already). */
  constructor(
    private readonly host: ViewFormHost,
    private readonly announcer: Announcer,
    private readonly delivery: DeliveryNote,
    private readonly submitter: Submitter,
  ) {
    this.#comment = new TextWatch(host, (text) => void announcer.announce(text));
    this.#form = new FormValues(
      host,
      empty,
      (field, value) => field === 'comment' && this.#comment.update(value as string, this.#max),
    );
    this.#errors = new FormErrors(FIELDS, announcer);
    this.#sender = new FormSender(host, announcer, delivery, submitter);
    host.addEventListener('ep-error', this.#onUndelivered);
    host.addEventListener('ep-outbox-drop', this.#onUndelivered);
  }

  /**
   * A view saved on the device was refused or dropped after all: it was not recorded, so the card stops
   * showing it as sent (going back to the view it was to replace, if any) and gives it back to the
   * visitor to send again. The delivery note says why.
   */
  readonly #onUndelivered = (event: EpErrorEvent | EpOutboxDropEvent): void => {
    const { envelope } = event.detail;
    if (this.#just !== 'saved' || !this.sent || envelope.id !== this.sent.id) return;
    const { stance, comment } = this.sent;
    if (this.#previous) rememberView(this.#key, this.#previous);
    else forgetView(this.#key);
    this.sent = this.#previous;
    this.#previous = undefined;
    this.#just = undefined;
    this.#form.values = { stance, comment };
    this.#comment.update(comment, this.#max, true);
    this.#editing = Boolean(this.sent);
    this.#opened = true;
    this.host.requestUpdate();
  };

  get #max(): number {
    return numberOption(this.host.maxCommentLength, 2000, 1);
  }

  /**
   * Points the form at one consultation (`key`: the collector's absolute URL, `#`, the id). Another
   * consultation starts afresh: its remembered view, and the draft the visitor left in this tab.
   */
  use(collector: string, id: string): void {
    const key = `${collector}#${id}`;
    if (key === this.#key) return;
    this.#key = key;
    this.#id = id;
    const sent = (this.sent = recallView(key));
    const draftKey = draftKeyOf('consultation', collector, id);
    if (this.host.noDraft) clearDraft(draftKey);
    // Someone who sent a view once is no robot: changing it quickly is not "too fast" (started at 0).
    const restored = this.#form.restore(
      this.host.noDraft ? '' : draftKey,
      sent ? { stance: sent.stance, comment: sent.comment } : empty(),
      sent ? 0 : Date.now(),
    );
    // A draft over a view already sent is a change the visitor was making.
    this.#opened = restored;
    this.#editing = restored && Boolean(sent);
    this.#just = undefined;
    this.#errors.show();
    this.#sender.reset();
    this.#comment.update(this.#form.values.comment, this.#max, true);
  }

  #preload = (): void => void this.submitter().catch(() => undefined);

  #onSubmit = (event: Event): void => {
    // Never the browser's own submission (the form is in a shadow root: not of a form around the card either).
    event.preventDefault();
    void this.#send();
  };

  #retry = (): void => {
    // Focus stays on the button that shows the progress instead of falling to the page when this one goes.
    this.announcer.focus('[part~="send-button"]');
    void this.#send();
  };

  async #send(): Promise<void> {
    if (this.#sender.busy) return;
    const { stance } = this.#form.values;
    const comment = this.#form.values.comment.trim();
    const max = this.#max;
    this.#sender.failure = undefined;
    if (this.#errors.show(validateView({ stance, comment }, max))) return;
    const minFillMs = this.host.minFillTime;
    // A robot is told its view went; nothing is sent or remembered, and no event fires.
    if (spamSignal({ honeypot: honeypotValue(this.host.renderRoot), startedAt: this.#form.startedAt, minFillMs }))
      return this.#done();

    const data: Record<string, unknown> = { consultationId: this.#id, stance };
    if (comment) data.comment = comment;
    if (this.sent?.id) data.replaces = this.sent.id;
    const result = await this.#sender.send('consultation-view', data);
    const outcome = result?.outcome;
    if (outcome?.type === 'accepted' || outcome?.type === 'queued')
      return this.#done(result!.envelope!.id, outcome.type === 'queued');
    if (
      outcome?.type === 'rejected' &&
      !this.#errors.showRefusal(outcome.fieldErrors, viewCodeMessages(max), fieldInvalid)
    )
      this.#sender.fail('rejected');
  }

  /** The view is sent (or saved on the device, or looks sent to a robot): shown back, focused, no draft kept. */
  #done(id?: string, saved = false): void {
    const { stance, comment } = this.#form.values;
    this.#previous = saved ? this.sent : undefined;
    this.sent = {
      id: id ?? '',
      stance: stance as Stance,
      comment: comment.trim(),
      at: new Date(this.host.nowMs()).toISOString(),
    };
    if (id) {
      rememberView(this.#key, this.sent);
      // A person sent it: changing it later, however quickly, is not "too fast".
      this.#form.startedAt = 0;
    }
    this.#form.forgetDraft();
    this.#just = saved ? 'saved' : 'sent';
    this.#editing = false;
    this.announcer.focus('.your-view');
  }

  #change = (): void => {
    this.#editing = this.#opened = true;
    this.#just = undefined;
    this.announcer.focus('input[name="stance"]:checked');
  };

  #keep = (): void => {
    this.#form.forgetDraft();
    const { stance, comment } = this.sent!;
    this.#form.values = { stance, comment };
    this.#comment.update(comment, this.#max, true);
    this.#editing = false;
    this.#errors.show();
    this.#sender.reset();
    this.announcer.focus('.your-view');
  };

  #open = (): void => {
    this.#opened = !this.#opened;
    this.host.requestUpdate();
  };

  // ------------------------------------------------------------------------------------------- Rendering

  /** While the consultation is open: the form, or the view sent (and a way to change it). */
  renderOpen(level: number, compact: boolean): TemplateResult {
    if (this.sent && !this.#editing) return this.#renderSent(level, true);
    // In the compact layout the form opens on demand (a disclosure); a form in progress is open already.
    const disclosure = compact && !this.#editing;
    const shown = !disclosure || this.#opened;
    // Either names the form (aria-labelledby="view-title"): the heading, or in the compact layout the button.
    return html`${
      disclosure
        ? renderDisclosure({
            id: 'view-title',
            label: t.giveYourView(),
            expanded: shown,
            controls: 'view-form',
            part: 'open-button',
            toggle: this.#open,
          })
        : html`<div class="subheading" role="heading" aria-level=${level} id="view-title">${t.giveYourView()}</div>`
    }
      ${shown ? this.#renderForm(level) : nothing}`;
  }

  /** Once closed: the view the visitor sent, if any, without a way to change it. */
  renderClosed(level: number): TemplateResult | typeof nothing {
    return this.sent ? this.#renderSent(level, false) : nothing;
  }

  #renderForm(level: number): TemplateResult {
    const sender = this.#sender;
    const { values } = this.#form;
    const errors = this.#errors.byField;
    const oppose = values.stance === 'oppose';
    return html`<form id="view-form" novalidate part="form" aria-labelledby="view-title" @submit=${this.#onSubmit} @input=${this.#form.onInput} @focusin=${this.#preload}>
      ${this.#errors.render(Math.min(level + 1, 6))}
      ${renderRadioGroup({
        id: 'stance',
        label: t.stanceLegend(),
        choices: STANCES.map((code) => ({ code, label: t.stanceNames[code]() })),
        value: values.stance,
        locale: renderedLocale(),
        required: true,
        error: errors.stance,
      })}
      ${renderTextArea({
        id: 'comment',
        label: oppose ? t.commentWhy() : t.commentOptional(),
        hint: t.commentHint(),
        value: values.comment,
        required: oppose,
        error: errors.comment,
        count: this.#comment.count(this.#max),
        warning: this.#comment.warning(),
      })}
      ${renderHoneypot(honeypotLabel())} ${sender.renderFailure(t.notSent(), this.#retry)}
      <div class="actions">
        <button type="submit" class="primary" part="send-button" aria-disabled=${ifDefined(sender.busy ? 'true' : undefined)}>${sender.label(t.send())}</button>
        ${this.#editing ? html`<button type="button" part="keep-button" @click=${this.#keep}>${t.keepEarlier()}</button>` : nothing}
      </div>
    </form>`;
  }

  #renderSent(level: number, open: boolean): TemplateResult {
    const { stance, comment, at } = this.sent!;
    const saved = this.#just === 'saved' && this.delivery.current !== 'sent';
    return html`<div class="your-view" part="your-view" tabindex="-1">
      <div class="subheading" role="heading" aria-level=${level}>${saved ? t.savedHere() : open && this.#just ? t.thanks() : t.yourView()}</div>
      <p><strong>${t.stanceNames[stance]()}</strong></p>
      ${comment ? html`<p class="comment" dir="auto">${comment}</p>` : nothing}
      ${saved ? nothing : html`<p class="hint">${t.sentOn(this.host.day(Date.parse(at)))}</p>`}
      ${
        open
          ? html`<p class="hint">${t.changeHint()}</p>
            <button type="button" part="change-button" @click=${this.#change}>${t.change()}</button>`
          : nothing
      }
    </div>`;
  }
}
