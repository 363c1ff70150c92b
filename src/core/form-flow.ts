/**
 * A form that sends one submission, for any element: what the visitor typed (kept as a draft across a
 * reload), the GOV.UK validation (an error summary that takes focus, each message on its field), the spam
 * guards (a robot is told it was sent; nothing is), and every outcome of the send: received (with the
 * collector's reference), saved on the device by the outbox (with its delivery note), refused on its fields
 * (422) or as a whole, or failed (with a retry that resends the same envelope, so the collector stores it
 * once). The element gives its fields, rules and payload (`FormSpec`) and renders the controls; this renders
 * the form around them and the confirmation, keeps the state, and takes focus where the GOV.UK pattern
 * says. Knows nothing of any element.
 *
 * Focus targets, by the core renderers' conventions: `.error-summary`, `.failure p` (see `renderFailure`),
 * `.confirmation`, and `[part~="send-button"]`.
 */
import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Announcer } from './announcer.js';
import { DeliveryNote } from './delivery-note.js';
import { clearDraft, readDraft, writeDraft, type DraftValues } from './draft.js';
import type { Envelope } from './envelope.js';
import { backToWhatYouWrote, notSentAfterAll } from './delivery-messages.js';
import type { EpSuccessEvent } from './events.js';
import { renderErrorSummary } from './error-summary.js';
import { matchFieldErrors, type Message } from './field-error.js';
import { errorSummaryTitle, honeypotLabel } from './form-messages.js';
import { failureMessage, sending, tryAgain } from './messages.js';
import { DEFAULT_MIN_FILL_MS, honeypotValue, renderHoneypot, spamSignal } from './spam-guard.js';
import type { SubmitHost, SubmitResult } from './submit.js';
import { TextWatch } from './text-watch.js';
import type { FailureReason } from './transport.js';

/** A collector's field error that has neither a known code nor words of its own. */
const invalid = (): string => msg('This is not valid. Please check it.', { id: 'core.field.invalid' });

type Submitter = () => Promise<Pick<typeof import('./submit.js'), 'submit'>>;

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
  /** The message for a code the collector gave for a field, when the form knows it. */
  localizeCode(field: keyof V & string, code: string | undefined): Message | undefined;
  /** Shown for a collector's field error that has neither a known code nor words of its own (a default is given). */
  invalid?: Message;
  /** The author's minimum fill time in ms (spam-guard.ts); anything but a number from 0 up means the default. */
  minFillTime(): number;
  /** A free-text field whose count and personal data are watched as the visitor types. */
  watch?: { field: keyof V & string; max: number };
}

export class FormFlow<V extends DraftValues> implements ReactiveController {
  step: 'form' | 'sending' | 'sent' = 'form';
  values: V;
  errors: Partial<Record<keyof V & string, Message>> = {};
  /** The collector's own words for problems with fields the form does not have. */
  otherErrors: string[] = [];
  failure?: FailureReason | 'rejected' | undefined;
  /** The collector's `reference` for the submission last received. */
  reference?: string | undefined;
  /** What the visitor sent last (for the confirmation's wording). */
  sent?: V | undefined;
  /** The watched field's count and personal-data warning (when the spec has one). */
  readonly text: TextWatch;
  /** Whether a draft was restored at the first render. */
  restored = false;
  /** When the visitor started on this form (from the draft after a reload): the fill-time guard's clock. */
  private startedAt = Date.now();
  private started = false;
  /** Whether drafts are kept (the spec's `noDraft`, as at the last render). */
  private keeps = true;
  /** The id of the submission the confirmation shows as saved on the device, until the outbox delivers it. */
  private saved?: string | undefined;
  /** The submission the confirmation showed as saved was refused or dropped after all: `sent` is offered back. */
  private unsent = false;
  /** Kept across a failed try so that a retry of the same data reuses the envelope id (idempotent). */
  private pending?: Envelope<Record<string, unknown>> | undefined;
  private pendingData?: string | undefined;

  constructor(
    private readonly host: ReactiveElement & SubmitHost,
    private readonly announcer: Announcer,
    private readonly submitter: Submitter,
    private readonly spec: FormSpec<V>,
    /** Says "Saved on this device…", then "Sent.": the element's one note (render it where it fits). */
    readonly delivery = new DeliveryNote(host),
  ) {
    host.addController(this);
    this.values = spec.empty();
    // The outbox delivered what the confirmation shows as saved: it now says received.
    host.addEventListener('ep-success', (event) => {
      const { envelope, response } = (event as EpSuccessEvent).detail;
      if (envelope.id !== this.saved) return;
      this.saved = undefined;
      this.reference = referenceOf(response);
      host.requestUpdate();
    });
    // Refused or dropped after all: the confirmation says so and gives back what the visitor wrote.
    const undelivered = (event: Event): void => {
      if ((event as CustomEvent<{ envelope: Envelope }>).detail.envelope.id !== this.saved || this.step !== 'sent') return;
      this.saved = undefined;
      this.unsent = true;
      host.requestUpdate();
    };
    host.addEventListener('ep-error', undelivered);
    host.addEventListener('ep-outbox-drop', undelivered);
    this.text = new TextWatch(host, (said) => void announcer.announce(said));
  }

  hostUpdate(): void {
    const keep = !this.spec.noDraft();
    if (!keep && this.keeps) clearDraft(this.spec.draftKey());
    this.keeps = keep;
    if (this.started) return;
    // The first render: the form shows what the visitor had typed before a reload.
    this.started = true;
    const draft = keep ? readDraft(this.spec.draftKey(), this.spec.empty()) : undefined;
    this.restored = Boolean(draft);
    if (draft) {
      this.values = draft.values;
      this.startedAt = draft.startedAt;
    }
    this.watch(true);
  }

  private watch(quietly = false): void {
    const { watch } = this.spec;
    if (watch) this.text.update(String(this.values[watch.field]), watch.max, quietly);
  }

  /** The form (re)appears: the fill-time clock starts now, unless the visitor had already started. */
  restart(): void {
    if (!Object.values(this.values).some(Boolean)) this.startedAt = Date.now();
  }

  /** Preloads the transport when the visitor enters the form. */
  private readonly preload = (): void => void this.submitter().catch(() => undefined);

  /** Keeps each field's value as the visitor types. */
  private readonly onInput = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    const field = control.name as keyof V & string;
    // The honeypot is not one of the fields: it is neither kept nor stored.
    if (!this.spec.fields.includes(field) || (control.type === 'radio' && !control.checked)) return;
    (this.values as DraftValues)[field] = control.type === 'checkbox' ? control.checked : control.value;
    if (field === this.spec.watch?.field) this.watch();
    if (this.keeps) writeDraft(this.spec.draftKey(), { values: this.values, startedAt: this.startedAt });
    this.host.requestUpdate();
  };

  /** Never the browser's own submission, nor that of a form around the element. */
  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.send();
  };

  private readonly retry = (): void => {
    // Focus stays on the button that shows the progress instead of falling to the page when this one goes.
    this.announcer.focus('[part~="send-button"]');
    void this.send();
  };

  private async send(): Promise<void> {
    if (this.step !== 'form') return;
    const { spec } = this;
    this.failure = undefined;
    this.otherErrors = [];
    this.errors = spec.validate(this.values);
    if (Object.keys(this.errors).length > 0) return this.announcer.focus('.error-summary');
    // A robot is told it was sent; nothing is sent and no event fires.
    const minFillMs = spec.minFillTime();
    const guard = { honeypot: honeypotValue(this.host.renderRoot), startedAt: this.startedAt, minFillMs: minFillMs >= 0 ? minFillMs : DEFAULT_MIN_FILL_MS };
    if (spamSignal(guard)) return this.succeed();

    const data = spec.payload(this.values);
    const key = JSON.stringify(data);
    const retry = this.pendingData === key ? this.pending : undefined;
    this.step = 'sending';
    void this.announcer.announce(sending());
    let result: SubmitResult;
    try {
      const { submit } = await this.submitter();
      result = await submit(this.host, retry ?? { kind: spec.kind, data });
    } catch {
      // The transport could not be downloaded (offline, or a deploy replaced the file): as unreachable.
      this.step = 'form';
      return this.fail('network');
    }
    this.step = 'form';
    this.pending = result.envelope;
    this.pendingData = key;
    const { outcome } = result;
    switch (outcome.type) {
      case 'accepted':
        return this.succeed(referenceOf(outcome.body));
      case 'queued':
        // Kept on the device: the visitor is done here; the note says it waits, then that it arrived.
        if (result.envelope) this.delivery.queued(result.envelope.id);
        return this.succeed(undefined, result.envelope?.id);
      case 'rejected': {
        // A refusal is final for that envelope: the next send is a new submission.
        this.pending = undefined;
        // On the fields the form shows now; errors about others (contact details it does not ask for) are listed as text.
        const shown = spec.fields.filter((field) => this.host.renderRoot.querySelector(`[name="${field}"]`));
        const { byField, other } = matchFieldErrors(outcome.fieldErrors, shown, spec.localizeCode, spec.invalid ?? invalid);
        if (Object.keys(byField).length === 0 && other.length === 0) return this.fail('rejected');
        this.errors = byField;
        this.otherErrors = other;
        return this.announcer.focus('.error-summary');
      }
      case 'failed':
        return this.fail(outcome.reason);
      default:
        // Cancelled by the page (ep-submit), or no endpoint any more: the form stays as the visitor left it.
        void this.announcer.announce('');
    }
  }

  /** Shows the failure by the Send button, and moves focus to it (which is how it is heard). */
  private fail(reason: FailureReason | 'rejected'): void {
    this.failure = reason;
    this.announcer.focus('.failure p');
  }

  /** The confirmation takes focus where the form was. No draft is kept after this. */
  private succeed(reference?: string, saved?: string): void {
    clearDraft(this.spec.draftKey());
    this.step = 'sent';
    this.saved = saved;
    this.unsent = false;
    this.reference = reference;
    this.sent = this.values;
    this.values = this.spec.empty();
    this.watch(true);
    this.errors = {};
    this.pending = this.pendingData = undefined;
    this.announcer.focus('.confirmation');
  }

  /** Back to what the visitor wrote, as they wrote it, after it was not sent after all. */
  private readonly back = (): void => {
    if (!this.sent) return;
    this.values = this.sent;
    this.unsent = false;
    this.step = 'form';
    // A person who sent it once is no robot: sending it again at once is not "too fast".
    this.startedAt = 0;
    this.watch(true);
    if (this.keeps) writeDraft(this.spec.draftKey(), { values: this.values, startedAt: this.startedAt });
    this.announcer.focus(`#${this.spec.fields[0]}`);
  };

  /** Back to an empty form, for another submission; focus goes to its first field. */
  private readonly another = (): void => {
    this.step = 'form';
    this.startedAt = Date.now();
    this.announcer.focus(`#${this.spec.fields[0]}`);
  };


  /**
   * The form around the element's `fields`: the error summary on top (its title at `level`; each field in
   * error linked, then the collector's other words), the honeypot, the failure by the Send button (`notSent`:
   * "Your … was not sent. What you wrote is kept.", why, and a retry), and the Send button, which shows
   * progress while sending and stays focusable (`aria-disabled`, not `disabled`). Named by `labelledBy`.
   */
  renderForm(texts: { labelledBy: string; level: number; send: string; notSent: string }, fields: TemplateResult): TemplateResult {
    const busy = this.step === 'sending';
    const problems = [
      ...this.spec.fields.filter((field) => this.errors[field]).map((field) => ({ text: this.errors[field]!(), target: field })),
      ...this.otherErrors.map((text) => ({ text })),
    ];
    return html`<form novalidate part="form" aria-labelledby=${texts.labelledBy} @submit=${this.onSubmit} @input=${this.onInput} @focusin=${this.preload}>
      ${renderErrorSummary(problems, errorSummaryTitle(), texts.level)} ${fields} ${renderHoneypot(honeypotLabel())}
      ${this.failure
        ? html`<div class="failure" part="error">
            <p class="error-message" tabindex="-1">${texts.notSent} ${failureMessage(this.failure)}</p>
            ${this.failure === 'rejected' ? nothing : html`<button type="button" part="retry-button" @click=${this.retry}>${tryAgain()}</button>`}
          </div>`
        : nothing}
      <button type="submit" class="primary" part="send-button" aria-disabled=${ifDefined(busy ? 'true' : undefined)}>${busy ? sending() : texts.send}</button>
    </form>`;
  }

  /**
   * The confirmation, which takes focus once sent: a heading (`saved` while the submission only waits on the
   * device, else `sent`), the collector's reference when it gave one, `body`, and a button for another.
   */
  renderConfirmation(level: number, texts: { sent: string; saved: string; reference: string; body: TemplateResult | string; another: string }): TemplateResult {
    if (this.unsent) {
      // Why is in the delivery note; what they wrote is one button away.
      return html`<div class="confirmation" part="confirmation" tabindex="-1">
        <div class="subtitle" role="heading" aria-level=${level}>${notSentAfterAll()}</div>
        <button type="button" class="primary" part="back-button" @click=${this.back}>${backToWhatYouWrote()}</button>
      </div>`;
    }
    return html`<div class="confirmation" part="confirmation" tabindex="-1">
      <div class="subtitle" role="heading" aria-level=${level}>${this.saved ? texts.saved : texts.sent}</div>
      ${this.reference
        ? html`<p class="reference" part="reference">${texts.reference} <strong><bdi dir="ltr">${this.reference}</bdi></strong></p>`
        : nothing}
      ${texts.body}
      <button type="button" part="another-button" @click=${this.another}>${texts.another}</button>
    </div>`;
  }

}

/** The collector's reference for a submission, when it gave a usable one. */
function referenceOf(body: Record<string, unknown> | undefined): string | undefined {
  const reference = body?.reference;
  const shown = typeof reference === 'string' || typeof reference === 'number' ? String(reference).trim() : '';
  return shown || undefined;
}
