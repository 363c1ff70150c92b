import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { countBand, remainingOf, shouldAnnounce, type CountBand } from '../core/character-count.js';
import { choiceLabel, choicesAttribute, type Choice } from '../core/choices.js';
import { clearDraft, draftKey, readDraft, writeDraft } from '../core/draft.js';
import { EpElement } from '../core/ep-element.js';
import type { Envelope } from '../core/envelope.js';
import { renderErrorSummary } from '../core/error-summary.js';
import { describedBy, errorIdOf, matchFieldErrors, renderFieldError } from '../core/field-error.js';
import { fieldStyles } from '../core/field-styles.js';
import { errorSummaryTitle, honeypotLabel } from '../core/form-messages.js';
import { formStyles } from '../core/form-styles.js';
import { renderedLocale } from '../core/language-sync.js';
import * as core from '../core/messages.js';
import { reducedMotion } from '../core/motion-styles.js';
import { notAvailable } from '../core/not-available.js';
import type { PersonalDataKind } from '../core/personal-data.js';
import { DEFAULT_MIN_FILL_MS, honeypotStyles, honeypotValue, renderHoneypot, spamSignal } from '../core/spam-guard.js';
import { sharedStyles } from '../core/styles.js';
import type { FailureReason, FieldError } from '../core/transport.js';
import * as t from './messages.js';
import { FIELDS, channels, contactModeOf, defaultTypes, emptyValues, type Field, type Rules, type Values } from './model.js';
import { feedbackStyles } from './styles.js';
import { givesContact, localizeCode, toPayload, validate, type Errors } from './validate.js';

type Step = 'form' | 'sending' | 'sent';
type Submitter = typeof import('../core/submit.js');

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
 * @fires {EpErrorEvent} ep-error - When it was refused or could not be delivered. `detail.outcome` says why.
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
 * @csspart confirmation - What the visitor sees once the message is sent.
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
  static override styles = [...sharedStyles, formStyles, fieldStyles, honeypotStyles, reducedMotion, feedbackStyles];

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
  private band: CountBand = 'plenty';
  private personalData: PersonalDataKind[] = [];
  private personalDataTimer?: ReturnType<typeof setTimeout>;
  private announcement = '';
  private focusAfterRender?: string | undefined;
  private submitter?: Promise<Submitter> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // A move in the page cancels a pending check (see disconnectedCallback): run it again.
    if (this.values.message) this.checkPersonalData();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.personalDataTimer);
  }

  /** The options as the rules use them: numbers the author got wrong fall back to their defaults. */
  private get rules(): Rules {
    const maxLength = usable(this.maxMessageLength, 2000) || 2000;
    return {
      contact: contactModeOf(this.contact),
      minLength: Math.min(usable(this.minMessageLength, 10), maxLength),
      maxLength,
      types: this.types ?? defaultTypes(),
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
      const draft = this.noDraft ? undefined : readDraft(this.draftKey, FIELDS);
      const values = emptyValues() as unknown as Record<string, string | boolean>;
      for (const [field, value] of Object.entries(draft?.values ?? {})) {
        if (typeof value === typeof values[field]) values[field] = value;
      }
      this.values = values as unknown as Values;
      this.startedAt = draft?.startedAt ?? Date.now();
      this.band = countBand(remainingOf(this.values.message, this.rules.maxLength), this.rules.maxLength);
      if (this.values.message) this.checkPersonalData();
    }
    if (changed.has('noDraft') && this.noDraft) clearDraft(this.draftKey);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.focusAfterRender) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
    this.focusAfterRender = undefined;
    const active = this.ownerDocument.activeElement;
    // Focus moves only where the visitor still is: in the form, or nowhere because the control they used
    // has just gone. Someone who went on to the rest of the page keeps their place and hears the news.
    if (this.shadowRoot?.activeElement || !active || active === this.ownerDocument.body) target?.focus();
    else if (target) void this.announce(target.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  private async announce(text: string): Promise<void> {
    // Clearing first makes a repeated message be read again.
    this.announcement = '';
    this.requestUpdate();
    await this.updateComplete;
    this.announcement = text;
    this.requestUpdate();
  }

  /** The transport loads when the visitor first enters the form, so a reader who never does never downloads it. */
  private loadSubmitter(): Promise<Submitter> {
    // A download that stalls ends as a failure after the usual request time, not as "Sending…" for ever.
    this.submitter ??= Promise.race([
      import('../core/submit.js'),
      new Promise<never>((_, reject) => setTimeout(reject, 10_000)),
    ]).catch((error: unknown) => {
      this.submitter = undefined;
      throw error;
    });
    return this.submitter;
  }

  private preload = (): void => void this.loadSubmitter().catch(() => undefined);

  private saveDraft(): void {
    if (!this.noDraft) writeDraft(this.draftKey, { values: { ...this.values }, startedAt: this.startedAt });
  }

  private onInput = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    const field = control.name as Field;
    // The honeypot is not one of the fields: it is neither kept nor stored.
    if (!FIELDS.includes(field) || (control.type === 'radio' && !control.checked)) return;
    (this.values as unknown as Record<Field, string | boolean>)[field] = control.type === 'checkbox' ? control.checked : control.value;
    if (field === 'message') {
      const max = this.rules.maxLength;
      const remaining = remainingOf(this.values.message, max);
      const band = countBand(remaining, max);
      if (shouldAnnounce(this.band, band)) void this.announce(core.charactersRemaining(remaining, renderedLocale()));
      this.band = band;
      this.checkPersonalData();
    }
    this.saveDraft();
    this.requestUpdate();
  };

  /**
   * Checked after a pause in typing, so the warning does not flicker while a number is half typed; the
   * detector is loaded only once someone writes.
   */
  private checkPersonalData(): void {
    clearTimeout(this.personalDataTimer);
    this.personalDataTimer = setTimeout(async () => {
      const { findPersonalData } = await import('../core/personal-data.js');
      const found = findPersonalData(this.values.message);
      if (found.length > 0 && found.join() !== this.personalData.join()) {
        void this.announce(core.personalDataWarning(found, renderedLocale()));
      }
      this.personalData = found;
      this.requestUpdate();
    }, 400);
  }

  private onSubmit = (event: Event): void => {
    // Never the browser's own submission: not of this form, and (it is in a shadow root) not of a form around the element.
    event.preventDefault();
    void this.send();
  };

  private retry = (): void => {
    // Focus stays on the button that shows the progress instead of falling to the page when this one goes.
    this.focusAfterRender = '[part~="send-button"]';
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
    void this.announce(core.sending());
    let result: Awaited<ReturnType<Submitter['submit']>>;
    try {
      const { submit } = await this.loadSubmitter();
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
        const { reference } = outcome.body;
        const shown = typeof reference === 'string' || typeof reference === 'number' ? String(reference).trim() : '';
        return this.succeed(shown || undefined, repliable);
      }
      case 'rejected':
        // A refusal is final for that envelope: the next send is a new submission.
        this.pending = undefined;
        return this.showRejection(outcome.fieldErrors, rules);
      case 'failed':
        return this.fail(outcome.reason);
      default:
        // Cancelled by the page (ep-submit), no endpoint any more, or an outcome this element does not know
        // yet: the form stays as the visitor left it, and nothing is said that may not be true.
        void this.announce('');
        this.requestUpdate();
    }
  }

  private showErrors(): void {
    this.focusAfterRender = '.error-summary';
    this.announcement = '';
    this.requestUpdate();
  }

  private showRejection(fieldErrors: FieldError[], rules: Rules): void {
    const shown = rules.contact === 'hidden' ? FIELDS.slice(0, 2) : FIELDS;
    const { byField, other } = matchFieldErrors(fieldErrors, shown, (field, code) => localizeCode(field, code, rules), t.invalid);
    if (Object.keys(byField).length === 0 && other.length === 0) return this.fail('rejected');
    this.errors = byField;
    this.otherErrors = other;
    this.showErrors();
  }

  /** Shows the failure by the Send button, and moves focus to it (which is how it is heard). */
  private fail(reason: FailureReason | 'rejected'): void {
    this.failure = reason;
    this.focusAfterRender = '.failure p';
    this.announcement = '';
    this.requestUpdate();
  }

  /** The confirmation takes focus where the form was. No draft is kept after this. */
  private succeed(reference: string | undefined, repliable: boolean): void {
    clearDraft(this.draftKey);
    clearTimeout(this.personalDataTimer);
    this.step = 'sent';
    this.reference = reference;
    this.repliable = repliable;
    this.values = emptyValues();
    this.errors = {};
    this.personalData = [];
    this.band = 'plenty';
    this.pending = this.pendingData = undefined;
    this.announcement = '';
    this.focusAfterRender = '.confirmation';
    this.requestUpdate();
  }

  private again = (): void => {
    this.step = 'form';
    this.startedAt = Date.now();
    this.focusAfterRender = '#title';
    this.requestUpdate();
  };

  // ------------------------------------------------------------------------------------------- Rendering

  private invalid(field: Field): string {
    return this.errors[field] ? 'field invalid' : 'field';
  }

  /** A group of radios (message type, preferred channel); the first radio carries the group's id, for the summary's link. */
  private renderRadios(field: 'type' | 'channel', legend: string, choices: readonly Choice[], required: boolean): TemplateResult {
    const error = this.errors[field];
    const locale = renderedLocale();
    return html`<fieldset class=${this.invalid(field)} part=${field} aria-describedby=${ifDefined(describedBy(error && errorIdOf(field)))}>
      <legend>${legend}</legend>
      ${renderFieldError(field, error)}
      <div class="choices">
        ${choices.map(
          (choice, index) => html`<label class="choice">
            <input
              type="radio"
              name=${field}
              id=${index ? `${field}-${index}` : field}
              .value=${choice.code}
              .checked=${this.values[field] === choice.code}
              ?required=${required}
              aria-invalid=${ifDefined(error ? 'true' : undefined)}
            />
            <span>${choiceLabel(choice, locale)}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderMessage(rules: Rules): TemplateResult {
    const error = this.errors.message;
    const locale = renderedLocale();
    const remaining = remainingOf(this.values.message, rules.maxLength);
    const warned = this.personalData.length > 0;
    return html`<div class=${this.invalid('message')}>
      <label for="message">${t.messageLabel()}</label>
      <p id="message-hint" class="hint">${t.messageHint()}</p>
      ${renderFieldError('message', error)}
      <textarea
        id="message"
        name="message"
        part="message"
        rows="6"
        dir="auto"
        required
        aria-describedby=${describedBy('message-hint', error && errorIdOf('message'), 'message-count', warned && 'personal-data')!}
        aria-invalid=${ifDefined(error ? 'true' : undefined)}
        .value=${this.values.message}
      ></textarea>
      <p id="message-count" part="count" class=${remaining < 0 ? 'error-message' : 'hint'}>${core.charactersRemaining(remaining, locale)}</p>
      ${warned ? html`<p id="personal-data" class="warning">${core.personalDataWarning(this.personalData, locale)}</p>` : nothing}
    </div>`;
  }

  private renderInput(field: 'name' | 'email' | 'mobile', label: string, type: 'text' | 'email' | 'tel', hint?: string): TemplateResult {
    const error = this.errors[field];
    const hintId = hint ? `${field}-hint` : undefined;
    return html`<div class=${this.invalid(field)}>
      <label for=${field}>${label}</label>
      ${hint ? html`<p id=${`${field}-hint`} class="hint">${hint}</p>` : nothing}
      ${renderFieldError(field, error)}
      <input
        class="input"
        id=${field}
        name=${field}
        part=${`input ${field}`}
        type=${type}
        autocomplete=${type === 'text' ? 'name' : type}
        dir=${type === 'text' ? 'auto' : 'ltr'}
        spellcheck="false"
        aria-describedby=${ifDefined(describedBy(hintId, error && errorIdOf(field)))}
        aria-invalid=${ifDefined(error ? 'true' : undefined)}
        .value=${this.values[field]}
      />
    </div>`;
  }

  private renderContact(rules: Rules): TemplateResult {
    const required = rules.contact === 'required';
    const error = this.errors.consent;
    return html`<fieldset class="contact" part="contact" aria-describedby="contact-hint">
      <legend>${t.contactLegend(required)}</legend>
      <p id="contact-hint" class="hint">${t.contactHint(required)}</p>
      ${this.renderInput('name', t.nameLabel(), 'text')} ${this.renderInput('email', t.emailLabel(), 'email')}
      ${this.renderInput('mobile', t.mobileLabel(), 'tel', t.mobileHint())}
      ${this.renderRadios('channel', t.channelLegend(), channels(), false)}
      <div class=${this.invalid('consent')}>
        ${renderFieldError('consent', error)}
        <label class="choice">
          <input
            type="checkbox"
            id="consent"
            name="consent"
            part="consent"
            .checked=${this.values.consent}
            ?required=${givesContact(this.values, rules)}
            aria-describedby=${ifDefined(describedBy(error && errorIdOf('consent')))}
            aria-invalid=${ifDefined(error ? 'true' : undefined)}
          />
          <span>${t.consentLabel()}</span>
        </label>
      </div>
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
    return html`<slot name="intro"><p class="intro">${t.intro()}</p></slot>
      <form novalidate part="form" aria-labelledby="title" @submit=${this.onSubmit} @input=${this.onInput} @focusin=${this.preload}>
        ${renderErrorSummary(problems, errorSummaryTitle(), level)}
        ${this.renderRadios('type', t.typeLegend(), rules.types, true)} ${this.renderMessage(rules)}
        ${rules.contact === 'hidden' ? nothing : this.renderContact(rules)} ${renderHoneypot(honeypotLabel())}
        ${this.renderFailure()}
        <button type="submit" class="primary" part="send-button" aria-disabled=${ifDefined(busy ? 'true' : undefined)}>
          ${busy ? core.sending() : t.send()}
        </button>
      </form>`;
  }

  private renderSent(level: number): TemplateResult {
    return html`<div class="confirmation" part="confirmation" tabindex="-1">
      <div class="confirmation-title" role="heading" aria-level=${level}>${t.sentTitle()}</div>
      ${this.reference
        ? html`<p class="reference" part="reference">${t.referenceLabel()} <strong dir="ltr">${this.reference}</strong></p>
            <p class="hint">${t.referenceHint()}</p>`
        : nothing}
      <div class="subheading" role="heading" aria-level=${level}>${t.nextTitle()}</div>
      <p>${this.repliable ? t.nextWithContact() : t.nextWithoutContact()}</p>
      <button type="button" part="send-another-button" @click=${this.again}>${t.sendAnother()}</button>
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
      <div id="announcer" class="visually-hidden" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}
