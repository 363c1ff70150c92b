/**
 * A form that sends one submission, for any element: what the visitor typed (kept as a draft across a
 * reload), the GOV.UK validation (an error summary that takes focus, each message on its field), the spam
 * guards (a robot is told it was sent; nothing is), and every outcome of the send: received (with the
 * collector's reference), saved on the device by the outbox (with its delivery note), refused on its fields
 * (422) or as a whole, or failed (with a retry that resends the same envelope, so the collector stores it
 * once). The element gives its fields, rules and payload (`FormSpec`) and renders the controls; this renders
 * the form around them and the confirmation (or the element renders its own from `saved`, `unsent`,
 * `reference`, `sent`, `back` and `another`), keeps the state, and takes focus where the GOV.UK pattern
 * says. Knows nothing of any element.
 *
 * Each concern is one of the pieces a form with states of its own composes directly: form-values.ts,
 * form-errors.ts and form-sender.ts. This only puts them in the order of a form that is sent once.
 *
 * Focus targets, by the core renderers' conventions: `.error-summary`, `.failure p` (see
 * `FormSender.renderFailure`), `.confirmation`, and `[part~="send-button"]`.
 */
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Announcer } from '../a11y/announcer.js';
import { DeliveryNote } from '../delivery/delivery-note.js';
import { clearDraft, type DraftValues } from './draft.js';
import { backToWhatYouWrote, notSentAfterAll } from '../delivery/delivery-titles.js';
import type { EpErrorEvent, EpOutboxDropEvent } from '../element/events.js';
import type { CodeMessages, Message } from '../fields/field-error.js';
import { FormErrors } from './form-errors.js';
import { fieldInvalid, honeypotLabel } from './form-messages.js';
import { FormSender } from './form-sender.js';
import { FormValues } from './form-values.js';
import { honeypotValue, renderHoneypot, spamSignal } from './spam-guard.js';
import type { SubmitHost } from '../delivery/submit.js';
import { TextWatch } from '../fields/text-watch.js';
import type { Submitter } from '../delivery/submitter.js';
import { heldInOutbox, takeAnswer } from '../outbox/kept-answer.js';

export interface FormSpec<V extends DraftValues> {
  /** The submission's kind. */
  kind: string;
  /** The form's fields, in the order they are shown and listed in the error summary. */
  fields: readonly (keyof V & string)[];
  empty(): V;
  /** Where the draft is kept (see draft.ts). */
  draftKey(): string;
  /** Keep no draft. Asked at each render: turning it on drops the draft there is. */
  noDraft(): boolean;
  /** Problems by field, in the form's order. */
  validate(values: V): Partial<Record<keyof V & string, Message>>;
  /** The submission's `data`, from values that passed `validate`. */
  payload(values: V): Record<string, unknown>;
  /** What the form says for each code the collector may give for each field (asked when a refusal comes). */
  codeMessages(): CodeMessages<keyof V & string>;
  /** Shown for a collector's field error that has neither a known code nor words of its own (a default is given). */
  invalid?: Message;
  /** The author's minimum fill time in ms (spam-guard.ts); anything but a number from 0 up means the default. */
  minFillTime(): number;
  /**
   * Fields of the collector's answer, besides its reference, that the form shows and the visitor needs (a
   * withdrawal code): kept on the device should the outbox deliver the submission after this page, until the
   * form is shown again on that page, in any tab, with or without a draft.
   */
  keep?: string[];
  /** A free-text field whose count and personal data are watched as the visitor types (`max` is asked each time: an option may change it). */
  watch?: { field: keyof V & string; max(): number };
}

export class FormFlow<V extends DraftValues> implements ReactiveController {
  readonly #form: FormValues<V>;
  readonly #formErrors: FormErrors<keyof V & string>;
  readonly #sender: FormSender;
  /** The collector's `reference` for the submission last received. */
  reference?: string | undefined;
  /** The collector's whole answer to the submission last received (what a kind adds to it: a withdrawal code). */
  receipt?: Record<string, unknown> | undefined;
  /** What the visitor sent last (for the confirmation's wording). */
  sent?: V | undefined;
  /** The watched field's count and personal-data warning (when the spec has one). */
  readonly text: TextWatch;
  /** Whether a draft was restored at the first render. */
  restored = false;
  /** The id of the submission the confirmation shows as saved on the device, until the outbox delivers it. */
  saved?: string | undefined;
  /** The submission the confirmation showed as saved was refused or dropped after all: `sent` is offered back. */
  unsent = false;
  #done = false;
  #started = false;
  /** Whether drafts are kept (the spec's `noDraft`, as at the last render). */
  #keeps = true;

  constructor(
    private readonly host: ReactiveElement & SubmitHost,
    private readonly announcer: Announcer,
    private readonly submitter: Submitter,
    private readonly spec: FormSpec<V>,
    /** Says "Saved on this device…", then "Sent.": the element's one note (render it where it fits). */
    readonly delivery = new DeliveryNote(host),
  ) {
    host.addController(this);
    this.text = new TextWatch(host, (said) => void announcer.announce(said));
    this.#form = new FormValues(host, spec.empty, (field) => field === spec.watch?.field && this.#watch());
    this.#formErrors = new FormErrors(spec.fields, announcer);
    this.#sender = new FormSender(host, announcer, this.delivery, submitter);
    // The outbox delivered what the confirmation shows as saved: it now says received.
    host.addEventListener('ep-success', (event) => {
      const { envelope, response } = event.detail;
      if (envelope.id !== this.saved) return;
      // Shown now: what the outbox kept of the answer, and the draft that waited for it, go.
      takeAnswer(envelope.id);
      this.#form.forgetDraft();
      this.saved = undefined;
      this.receipt = response;
      this.reference = referenceOf(response);
      host.requestUpdate();
    });
    // Refused or dropped after all: the confirmation says so and gives back what the visitor wrote.
    const undelivered = (event: EpErrorEvent | EpOutboxDropEvent): void => {
      if (event.detail.envelope.id !== this.saved || !this.#done) return;
      this.saved = undefined;
      this.unsent = true;
      host.requestUpdate();
    };
    host.addEventListener('ep-error', undelivered);
    host.addEventListener('ep-outbox-drop', undelivered);
  }

  get step(): 'form' | 'sending' | 'sent' {
    return this.#done ? 'sent' : this.#sender.busy ? 'sending' : 'form';
  }

  get values(): V {
    return this.#form.values;
  }

  get errors(): Partial<Record<keyof V & string, Message>> {
    return this.#formErrors.byField;
  }

  hostUpdate(): void {
    const keep = !this.spec.noDraft();
    if (!keep && this.#keeps) clearDraft(this.spec.draftKey());
    this.#keeps = keep;
    if (this.#started) {
      this.#form.key = keep ? this.spec.draftKey() : '';
      return;
    }
    // The first render: the form shows what the visitor had typed before a reload.
    this.#started = true;
    this.restored = this.#form.restore(keep ? this.spec.draftKey() : '');
    // Unless it was on its way then: shown as saved while the outbox holds it (and told here how it ends), as
    // sent once the outbox delivered it after that page (and kept its answer; for a form whose answer the
    // visitor needs, found in any tab). Else the draft is the visitor's again, to send: it was given up.
    const id = this.#form.pending;
    const receipt = (id || this.spec.keep) && takeAnswer(id, this.spec.keep && this.spec.draftKey());
    if (receipt || (id && heldInOutbox(id))) {
      this.#succeed(receipt || undefined, receipt ? undefined : id, false);
      if (!receipt) {
        this.delivery.queued(id!);
        void this.submitter().then(
          (part) => part.pageOutbox().adopt(id!, this.host),
          () => undefined,
        );
      }
    }
    this.#watch(true);
  }

  #watch(quietly = false): void {
    const { watch } = this.spec;
    if (watch) this.text.update(String(this.values[watch.field]), watch.max(), quietly);
  }

  /** The form (re)appears: the spam guard's fill-time clock starts now, unless the visitor had already started. */
  startFillTimeClock(): void {
    if (!Object.values(this.values).some(Boolean)) this.#form.startedAt = Date.now();
  }

  /** Preloads the transport when the visitor enters the form. */
  readonly #preload = (): void => void this.submitter().catch(() => undefined);

  /** Never the browser's own submission, nor that of a form around the element. */
  readonly #onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.#send();
  };

  readonly #retry = (): void => {
    // Focus stays on the button that shows the progress instead of falling to the page when this one goes.
    this.announcer.focus('[part~="send-button"]');
    void this.#send();
  };

  async #send(): Promise<void> {
    if (this.step !== 'form') return;
    const { spec } = this;
    const sender = this.#sender;
    sender.failure = undefined;
    if (this.#formErrors.show(spec.validate(this.values))) return;
    // A robot is told it was sent; nothing is sent and no event fires.
    const guard = {
      honeypot: honeypotValue(this.host.renderRoot),
      startedAt: this.#form.startedAt,
      minFillMs: spec.minFillTime(),
    };
    if (spamSignal(guard)) return this.#succeed();

    // Its id is kept with the draft from the moment the outbox holds it, so that a reload shows it on its way.
    const held = (id: string): void => {
      this.#form.pending = id;
      this.#form.saveDraft();
    };
    const result = await sender.send(
      spec.kind,
      spec.payload(this.values),
      held,
      this.#keeps || spec.keep ? { form: spec.draftKey(), fields: ['reference', ...(spec.keep ?? [])] } : undefined,
    );
    const outcome = result?.outcome;
    if (outcome?.type === 'accepted') return this.#succeed(outcome.body);
    // Kept on the device: the visitor is done here; the note says it waits, then that it arrived.
    if (outcome?.type === 'queued') return this.#succeed(undefined, result!.envelope!.id);
    if (outcome?.type !== 'rejected') return;
    // On the fields the form shows now; errors about others (contact details it does not ask for) are listed as text.
    const shown = spec.fields.filter((field) => this.host.renderRoot.querySelector(`[name="${field}"]`));
    if (!this.#formErrors.showRefusal(outcome.fieldErrors, spec.codeMessages(), spec.invalid ?? fieldInvalid, shown))
      sender.fail('rejected');
  }

  /**
   * The confirmation takes focus where the form was (unless it is shown as the page opens). No draft is kept
   * after this, but that of a submission `saved` on the device, until it is sent.
   */
  #succeed(receipt?: Record<string, unknown>, saved?: string, focus = true): void {
    if (!saved) this.#form.forgetDraft();
    this.#done = true;
    this.saved = saved;
    this.unsent = false;
    this.receipt = receipt;
    this.reference = referenceOf(receipt);
    this.sent = this.values;
    this.#form.values = this.spec.empty();
    this.#watch(true);
    this.#formErrors.show();
    this.#sender.reset();
    if (focus) this.announcer.focus('.confirmation');
  }

  /** Back to what the visitor wrote, as they wrote it, after it was not sent after all; focus goes to `focus`. */
  back(focus = `#${this.spec.fields[0]}`): void {
    if (!this.sent) return;
    this.#form.values = this.sent;
    this.unsent = false;
    this.#done = false;
    // A person who sent it once is no robot: sending it again at once is not "too fast".
    this.#form.startedAt = 0;
    this.#watch(true);
    this.#form.saveDraft();
    this.announcer.focus(focus);
  }

  /** Back to an empty form, for another submission; focus goes to `focus`. */
  another(focus = `#${this.spec.fields[0]}`): void {
    // One saved on the device goes on its way (the delivery note follows it); the draft is the new one's.
    this.saved = undefined;
    this.#form.forgetDraft();
    this.#done = false;
    this.#form.startedAt = Date.now();
    this.announcer.focus(focus);
  }

  /**
   * The form around the element's `fields`: the error summary on top (its title at `level`; each field in
   * error linked, then the collector's other words), the honeypot, the failure by the Send button (`notSent`:
   * "Your … was not sent. What you wrote is kept.", why, or `tooMany` after a 429, and a retry), and the Send button, which shows
   * progress while sending and stays focusable (`aria-disabled`, not `disabled`). Named by `labelledBy`.
   */
  renderForm(
    texts: { labelledBy: string; level: number; send: string; notSent: string; tooMany?: string },
    fields: TemplateResult,
  ): TemplateResult {
    const sender = this.#sender;
    return html`<form novalidate part="form" aria-labelledby=${texts.labelledBy} @submit=${this.#onSubmit} @input=${this.#form.onInput} @focusin=${this.#preload}>
      ${this.#formErrors.render(texts.level)} ${fields} ${renderHoneypot(honeypotLabel())}
      ${sender.renderFailure(texts.notSent, this.#retry, false, texts.tooMany)}
      <button type="submit" class="primary" part="send-button" aria-disabled=${ifDefined(sender.busy ? 'true' : undefined)}>${sender.label(texts.send)}</button>
    </form>`;
  }

  /**
   * The confirmation, which takes focus once sent: a heading (`saved` while the submission only waits on the
   * device, else `sent`), the collector's reference when it gave one (said with `reference`; none without it),
   * `body`, and a button for another (when `another` names it).
   */
  renderConfirmation(
    level: number,
    texts: { sent: string; saved: string; reference?: string; body: TemplateResult | string; another?: string },
  ): TemplateResult {
    if (this.unsent) {
      // Why is in the delivery note; what they wrote is one button away.
      return html`<div class="confirmation" part="confirmation" tabindex="-1">
        <div class="subtitle" role="heading" aria-level=${level}>${notSentAfterAll()}</div>
        <button type="button" class="primary" part="back-button" @click=${() => this.back()}>${backToWhatYouWrote()}</button>
      </div>`;
    }
    return html`<div class="confirmation" part="confirmation" tabindex="-1">
      <div class="subtitle" role="heading" aria-level=${level}>${this.saved ? texts.saved : texts.sent}</div>
      ${
        this.reference && texts.reference
          ? html`<p class="reference" part="reference">${texts.reference} <strong><bdi dir="ltr">${this.reference}</bdi></strong></p>`
          : nothing
      }
      ${texts.body}
      ${texts.another ? html`<button type="button" part="another-button" @click=${() => this.another()}>${texts.another}</button>` : nothing}
    </div>`;
  }
}

/** The collector's reference for a submission, when it gave a usable one. */
function referenceOf(body: Record<string, unknown> | undefined): string | undefined {
  const reference = body?.reference;
  const shown = typeof reference === 'string' || typeof reference === 'number' ? String(reference).trim() : '';
  return shown || undefined;
}
