import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Announcer } from '../core/announcer.js';
import { choicesAttribute, usableChoices, type Choice } from '../core/choices.js';
import { DeliveryNote, deliveryNoteStyles } from '../core/delivery-note.js';
import { clearDraft, draftKey, readDraft, writeDraft } from '../core/draft.js';
import { EpElement } from '../core/ep-element.js';
import type { Envelope } from '../core/envelope.js';
import { renderErrorSummary } from '../core/error-summary.js';
import { matchFieldErrors } from '../core/field-error.js';
import { renderCheckbox, renderRadioGroup, renderTextArea, renderTextField } from '../core/fields.js';
import { fieldStyles } from '../core/field-styles.js';
import { errorSummaryTitle, honeypotLabel } from '../core/form-messages.js';
import { formStyles } from '../core/form-styles.js';
import { renderedLocale } from '../core/language-sync.js';
import * as core from '../core/messages.js';
import { reducedMotion } from '../core/motion-styles.js';
import { notAvailable } from '../core/not-available.js';
import { onDemand } from '../core/on-demand.js';
import { DEFAULT_MIN_FILL_MS, honeypotStyles, honeypotValue, renderHoneypot, spamSignal } from '../core/spam-guard.js';
import { panelStyles } from '../core/panel-styles.js';
import { sharedStyles } from '../core/styles.js';
import { TextWatch } from '../core/text-watch.js';
import type { FailureReason, FieldError } from '../core/transport.js';
import * as t from './messages.js';
import { FIELDS, channels, contactModeOf, defaultTypes, emptyValues, valuesOf, type Field, type Rules, type Values } from './model.js';
import { feedbackStyles } from './styles.js';
import { givesContact, localizeCode, toPayload, validate, type Errors } from './validate.js';

type Step = 'form' | 'sending' | 'sent';

/** A number option as the author gave it, whole and not negative, else its default. */
const usable = (value: number, fallback: number): number => (Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback);

/**
 * "Comments and suggestions": a form for an inquiry, a suggestion, a complaint or a compliment, with
 * optional contact details, validated the GOV.UK way (an error summary that takes focus, each message on
 * its field), guarded against robots without bothering people, and kept as a draft until it is sent.
 *
 * @summary Lets a visitor send an inquiry, suggestion, complaint or compliment, with a reply if they wish.
 * @tagname ep-feedback
 *
 * @slot heading - Replaces the form's title ("Comments and suggestions"); text only, the element gives it its heading role and level.
 * @slot intro - Replaces the sentence under the title.
 *
 * @fires {EpSubmitEvent} ep-submit - Before the submission (`feedback`) is sent, and before each retry. Cancelable; `detail.envelope` may be amended.
 * @fires {EpSuccessEvent} ep-success - When the collector accepted it. `detail.response.reference` is shown to the visitor when present.
 * @fires {EpErrorEvent} ep-error - When it was refused or could not be delivered. `detail.outcome` says why; `detail.queued` when it was refused later, from the outbox.
 * @fires {EpQueuedEvent} ep-queued - When a send failed for a reason that may pass and the message was saved on the device, to be sent later. Cancelable (then it is shown as a failure).
 * @fires {EpOutboxDropEvent} ep-outbox-drop - When a saved message was dropped unsent (the outbox was full, or it expired).
 *
 * @csspart base - The box around everything.
 * @csspart heading - The form's title.
 * @csspart form - The form.
 * @csspart error-summary - "There is a problem" and the list of links to the fields.
 * @csspart type - The group of message types.
 * @csspart message - The message text area.
 * @csspart count - The characters remaining under the message.
 * @csspart contact - The group of contact details.
 * @csspart input - Each one-line text field (name, email, mobile); each also has its own part: `name`, `email`, `mobile`.
 * @csspart channel - The group of preferred ways to be contacted.
 * @csspart consent - The consent check box.
 * @csspart send-button - The Send button.
 * @csspart error - The message shown when sending failed, with its retry.
 * @csspart retry-button - The Try again button.
 * @csspart confirmation - What the visitor sees once the message is sent (or saved on the device to be sent).
 * @csspart delivery - "Saved on this device…", then "Sent." (or why not), for a message kept on the device.
 * @csspart back-button - "Back to your message", when a message saved on the device was not sent after all.
 * @csspart reference - The reference number in the confirmation.
 * @csspart send-another-button - The Send another message button.
 * @csspart unavailable - Shown instead of the form when no endpoint is configured.
 *
 * @cssprop --ep-color-primary - Buttons, checked boxes and radios.
 * @cssprop --ep-color-on-primary - Text on primary buttons.
 * @cssprop --ep-color-surface - Background of the box and of secondary buttons.
 * @cssprop --ep-color-field - Background of the text fields.
 * @cssprop --ep-color-text - Text.
 * @cssprop --ep-color-muted - Hints.
 * @cssprop --ep-color-border - Borders of the box and the fields.
 * @cssprop --ep-color-error - Error text, the error summary and the bar beside a field in error.
 * @cssprop --ep-color-warning-surface - Background of the personal-data warning.
 * @cssprop --ep-color-focus - The focus outline.
 * @cssprop --ep-font-family - Font.
 * @cssprop --ep-font-size - Base font size.
 * @cssprop --ep-radius - Corner radius.
 * @cssprop --ep-space - Inner padding.
 * @cssprop --ep-target-size - Minimum size of buttons and fields (never below 24px).
 * @cssprop --ep-feedback-field-max-inline-size - Widest a one-line text field grows. Default 30rem.
 */
export class EpFeedback extends EpElement {
  static override styles = [...sharedStyles, formStyles, fieldStyles, honeypotStyles, deliveryNoteStyles, panelStyles, reducedMotion, feedbackStyles];

  static override properties: PropertyDeclarations = {
    service: {},
    types: { converter: choicesAttribute('ep-feedback', 'types') },
    contact: {},
    minMessageLength: { type: Number, attribute: 'min-message-length' },
    maxMessageLength: { type: Number, attribute: 'max-message-length' },
    minFillTime: { type: Number, attribute: 'min-fill-time' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    noDraft: { type: Boolean, attribute: 'no-draft' },
  };

  /** The service the page is about (a code or a name); sent with the message as `data.service`. */
  service?: string;

  /** The types of message offered. JSON in the attribute: `[{ "code": "inquiry", "label": { "en": "…", "ar": "…" } }]`. */
  types?: Choice[];

  /** Contact details: `optional` (default), `required` (an email address or a mobile number must be given) or `hidden`. */
  contact = 'optional';

  /** Shortest message accepted, in characters. */
  minMessageLength = 10;

  /** Longest message accepted, in characters. */
  maxMessageLength = 2000;

  /** Milliseconds the form must have been on screen before a submission counts as a person's (robots are faster). */
  minFillTime = DEFAULT_MIN_FILL_MS;

  /** Level of the form's title in the page's outline (1–6); its inner headings are one below. */
  headingLevel = 2;

  /** Keep no draft in session storage (by default what the visitor typed survives a reload of the page). */
  noDraft = false;

  private step: Step = 'form';
  private values: Values = emptyValues();
  private errors: Errors = {};
  /** The collector's own words for problems with fields the form does not have. */
  private otherErrors: string[] = [];
  private failure?: FailureReason | 'rejected' | undefined;
  private reference?: string | undefined;
  private repliable = false;
  /** Kept across a failed try so that a retry of the same data reuses the envelope id (idempotent). */
  private pending?: Envelope<Record<string, unknown>> | undefined;
  private pendingData?: string | undefined;
  /** When the visitor started on this form (from the draft after a reload): the fill-time guard's clock. */
  private startedAt = 0;
  private started = false;
  private readonly announcer = new Announcer(this);
  /** A message saved on the device to be sent later, and how it fared. */
  private readonly delivery = new DeliveryNote(this, (state, { envelope, response }) => {
    // Only the confirmation of that very message changes; a visitor already writing another keeps it.
    if (this.step !== 'sent' || !this.saved || envelope.id !== this.savedId) return;
    if (state === 'sent') this.reference = referenceOf(response ?? {});
    // Refused or dropped: what they wrote comes back to them, one button away.
    else this.unsent = valuesOf(envelope.data);
    this.requestUpdate();
  });
  /** The confirmation is for a message saved on the device, not (yet) received: this one. */
  private saved = false;
  private savedId?: string;
  /** What the visitor wrote in a saved message the collector later refused (or the outbox dropped). */
  private unsent?: Values;
  private readonly message = new TextWatch(this, (text) => void this.announcer.announce(text));
  /** The transport loads when the visitor first enters the form, so a reader who never does never downloads it. */
  private readonly submitter = onDemand(() => import('../core/submit.js'));

  /** The options as the rules use them: numbers the author got wrong fall back to their defaults. */
  private get rules(): Rules {
    const maxLength = usable(this.maxMessageLength, 2000) || 2000;
    return {
      contact: contactModeOf(this.contact),
      minLength: Math.min(usable(this.minMessageLength, 10), maxLength),
      maxLength,
      types: usableChoices(this.types) ?? defaultTypes(),
    };
  }

  /** Per page, and per form on the page (its id, else its service). */
  private get draftKey(): string {
    return draftKey('feedback', this.pageKey, this.id || this.service || '');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.started) {
      // The first render: the form appears, with what the visitor had typed before a reload.
      this.started = true;
      const draft = this.noDraft ? undefined : readDraft(this.draftKey, emptyValues());
      this.values = draft?.values ?? emptyValues();
      // A start in the future (the device clock was put back since the draft was written) counts from now:
      // a person must never be caught for good by a clock.
      this.startedAt = Math.min(draft?.startedAt ?? Date.now(), Date.now());
      this.message.update(this.values.message, this.rules.maxLength, true);
    }
    if (changed.has('noDraft') && this.noDraft) clearDraft(this.draftKey);
  }

  private preload = (): void => void this.submitter().catch(() => undefined);

  private onInput = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    const field = control.name as Field;
    // The honeypot is not one of the fields: it is neither kept nor stored.
    if (!FIELDS.includes(field) || (control.type === 'radio' && !control.checked)) return;
    (this.values as Record<Field, string | boolean>)[field] = control.type === 'checkbox' ? control.checked : control.value;
    if (field === 'message') this.message.update(this.values.message, this.rules.maxLength);
    if (!this.noDraft) writeDraft(this.draftKey, { values: this.values, startedAt: this.startedAt });
    this.requestUpdate();
  };

  private onSubmit = (event: Event): void => {
    // Never the browser's own submission: not of this form, and (it is in a shadow root) not of a form around the element.
    event.preventDefault();
    void this.send();
  };

  private retry = (): void => {
    // Focus stays on the button that shows the progress instead of falling to the page when this one goes.
    this.announcer.focus('[part~="send-button"]');
    void this.send();
  };

  private async send(): Promise<void> {
    if (this.step !== 'form') return;
    const rules = this.rules;
    this.failure = undefined;
    this.otherErrors = [];
    this.errors = validate(this.values, rules);
    if (Object.keys(this.errors).length > 0) return this.showErrors();
    const repliable = givesContact(this.values, rules);
    // A robot is told its message went; nothing is sent and no event fires.
    const minFillMs = usable(this.minFillTime, DEFAULT_MIN_FILL_MS);
    if (spamSignal({ honeypot: honeypotValue(this.renderRoot), startedAt: this.startedAt, minFillMs })) return this.succeed(undefined, repliable);

    const data = toPayload(this.values, rules, this.service, renderedLocale());
    const key = JSON.stringify(data);
    const retry = this.pendingData === key ? this.pending : undefined;
    this.step = 'sending';
    void this.announcer.announce(core.sending());
    let result: Awaited<ReturnType<typeof import('../core/submit.js').submit>>;
    try {
      const { submit } = await this.submitter();
      result = await submit(this, retry ?? { kind: 'feedback', data });
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
      case 'accepted': {
        return this.succeed(referenceOf(outcome.body), repliable);
      }
      case 'queued':
        // Kept on the device: the visitor is done here; the note says it waits, then that it arrived.
        if (result.envelope) this.delivery.queued(result.envelope.id);
        this.savedId = result.envelope?.id;
        return this.succeed(undefined, repliable, true);
      case 'rejected':
        // A refusal is final for that envelope: the next send is a new submission.
        this.pending = undefined;
        return this.showRejection(outcome.fieldErrors, rules);
      case 'failed':
        return this.fail(outcome.reason);
      default:
        // Cancelled by the page (ep-submit), no endpoint any more, or an outcome this element does not know
        // yet: the form stays as the visitor left it, and nothing is said that may not be true.
        void this.announcer.announce('');
    }
  }

  private showErrors(): void {
    this.announcer.focus('.error-summary');
  }

  private showRejection(fieldErrors: FieldError[], rules: Rules): void {
    // Errors about contact fields the form does not show go to the summary as text, like unknown fields.
    const shown = rules.contact === 'hidden' ? FIELDS.filter((field) => field === 'type' || field === 'message') : FIELDS;
    const { byField, other } = matchFieldErrors(fieldErrors, shown, (field, code) => localizeCode(field, code, rules), t.invalid);
    if (Object.keys(byField).length === 0 && other.length === 0) return this.fail('rejected');
    this.errors = byField;
    this.otherErrors = other;
    this.showErrors();
  }

  /** Shows the failure by the Send button, and moves focus to it (which is how it is heard). */
  private fail(reason: FailureReason | 'rejected'): void {
    this.failure = reason;
    this.announcer.focus('.failure p');
  }

  /** The confirmation takes focus where the form was. No draft is kept after this. */
  private succeed(reference: string | undefined, repliable: boolean, saved = false): void {
    clearDraft(this.draftKey);
    this.step = 'sent';
    this.saved = saved;
    this.unsent = undefined;
    this.reference = reference;
    this.repliable = repliable;
    this.values = emptyValues();
    this.message.update('', this.rules.maxLength, true);
    this.errors = {};
    this.pending = this.pendingData = undefined;
    this.announcer.focus('.confirmation');
  }

  /** Back to a saved message that was not sent after all, as the visitor wrote it. */
  private backToMessage = (): void => {
    if (!this.unsent) return;
    this.values = this.unsent;
    this.unsent = undefined;
    this.saved = false;
    this.step = 'form';
    this.startedAt = Date.now() - usable(this.minFillTime, DEFAULT_MIN_FILL_MS);
    this.message.update(this.values.message, this.rules.maxLength, true);
    if (!this.noDraft) writeDraft(this.draftKey, { values: this.values, startedAt: this.startedAt });
    this.announcer.focus('#message');
  };

  private again = (): void => {
    this.step = 'form';
    this.startedAt = Date.now();
    this.announcer.focus('#title');
  };

  // ------------------------------------------------------------------------------------------- Rendering

  private renderContact(rules: Rules): TemplateResult {
    const required = rules.contact === 'required';
    const { values, errors } = this;
    return html`<fieldset class="contact" part="contact" aria-describedby="contact-hint">
      <legend>${t.contactLegend(required)}</legend>
      <p id="contact-hint" class="hint">${t.contactHint(required)}</p>
      ${renderTextField({ id: 'name', label: t.nameLabel(), type: 'text', autocomplete: 'name', value: values.name, error: errors.name })}
      ${renderTextField({ id: 'email', label: t.emailLabel(), type: 'email', autocomplete: 'email', dir: 'ltr', value: values.email, error: errors.email })}
      ${renderTextField({
        id: 'mobile',
        label: t.mobileLabel(),
        hint: t.mobileHint(),
        type: 'tel',
        autocomplete: 'tel',
        dir: 'ltr',
        value: values.mobile,
        error: errors.mobile,
      })}
      ${renderRadioGroup({ id: 'channel', label: t.channelLegend(), choices: channels(), value: values.channel, locale: renderedLocale(), error: errors.channel })}
      ${renderCheckbox({ id: 'consent', label: t.consentLabel(), checked: values.consent, required: givesContact(values, rules), error: errors.consent })}
    </fieldset>`;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    if (!this.failure) return nothing;
    return html`<div class="failure" part="error">
      <p class="error-message" tabindex="-1">${t.notSent()} ${core.failureMessage(this.failure)}</p>
      ${this.failure === 'rejected'
        ? nothing
        : html`<button type="button" part="retry-button" @click=${this.retry}>${core.tryAgain()}</button>`}
    </div>`;
  }

  private renderForm(level: number): TemplateResult {
    const rules = this.rules;
    const busy = this.step === 'sending';
    const problems = [
      ...FIELDS.filter((field) => this.errors[field]).map((field) => ({ text: this.errors[field]!(), target: field })),
      ...this.otherErrors.map((text) => ({ text })),
    ];
    const { values, errors } = this;
    const locale = renderedLocale();
    return html`<slot name="intro"><p class="intro">${t.intro()}</p></slot>
      <form novalidate part="form" aria-labelledby="title" @submit=${this.onSubmit} @input=${this.onInput} @focusin=${this.preload}>
        ${renderErrorSummary(problems, errorSummaryTitle(), level)}
        ${renderRadioGroup({ id: 'type', label: t.typeLegend(), choices: rules.types, value: values.type, locale, required: true, error: errors.type })}
        ${renderTextArea({
          id: 'message',
          label: t.messageLabel(),
          hint: t.messageHint(),
          value: values.message,
          required: true,
          error: errors.message,
          count: this.message.count(rules.maxLength),
          warning: this.message.warning(),
        })}
        ${rules.contact === 'hidden' ? nothing : this.renderContact(rules)} ${renderHoneypot(honeypotLabel())}
        ${this.renderFailure()}
        <button type="submit" class="primary" part="send-button" aria-disabled=${ifDefined(busy ? 'true' : undefined)}>
          ${busy ? core.sending() : t.send()}
        </button>
      </form>`;
  }

  private renderSent(level: number): TemplateResult {
    return html`<div class="confirmation" part="confirmation" tabindex="-1">
      <div class="confirmation-title" role="heading" aria-level=${level}>
        ${this.unsent ? t.unsentTitle() : this.saved && this.delivery.current !== 'sent' ? t.savedTitle() : t.sentTitle()}
      </div>
      ${this.unsent
        ? // Not sent after all: why is in the delivery note below; what they wrote is one button away.
          html`<button type="button" class="primary" part="back-button" @click=${this.backToMessage}>${t.backToMessage()}</button>`
        : html`${this.reference
              ? html`<p class="reference" part="reference">${t.referenceLabel()} <strong><span dir="ltr">${this.reference}</span></strong></p>
                  <p class="hint">${t.referenceHint()}</p>`
              : nothing}
            <div class="subheading" role="heading" aria-level=${level}>${t.nextTitle()}</div>
            <p>${this.rules.contact === 'hidden' ? t.nextWithoutAsking() : this.repliable ? t.nextWithContact() : t.nextWithoutContact()}</p>
            <button type="button" part="send-another-button" @click=${this.again}>${t.sendAnother()}</button>`}
    </div>`;
  }

  protected override render(): TemplateResult {
    const level = [1, 2, 3, 4, 5, 6].includes(this.headingLevel) ? this.headingLevel : 2;
    const inner = Math.min(level + 1, 6);
    return html`<section part="base" class="base" dir=${this.direction} lang=${this.locale}>
      <div id="title" class="title" part="heading" role="heading" aria-level=${level} tabindex="-1">
        <slot name="heading">${t.title()}</slot>
      </div>
      ${!this.resolvedEndpoint
        ? html`<p class="unavailable" part="unavailable">${notAvailable()}</p>`
        : this.step === 'sent'
          ? this.renderSent(inner)
          : this.renderForm(inner)}
      ${this.delivery.render()} ${this.announcer.render()}
    </section>`;
  }
}

/** The collector's reference for a message, when it gave a usable one. */
function referenceOf(body: Record<string, unknown>): string | undefined {
  const { reference } = body;
  const shown = typeof reference === 'string' || typeof reference === 'number' ? String(reference).trim() : '';
  return shown || undefined;
}
