import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { Announcer } from '../core/a11y/announcer.js';
import { usableChoices, type Choice } from '../core/fields/choices.js';
import { choicesAttribute } from '../core/fields/choices-attribute.js';
import { givesContact, renderContactFields } from '../core/fields/contact-fields.js';
import { draftKey } from '../core/forms/draft.js';
import { referenceLabel } from '../core/forms/form-messages.js';
import { EpElement } from '../core/element/ep-element.js';
import { renderRadioGroup, renderTextArea } from '../core/fields/fields.js';
import { FormFlow } from '../core/forms/form-flow.js';
import { renderedLocale } from '../core/language/language-sync.js';
import { reducedMotion } from '../core/styles/motion-styles.js';
import { notAvailable } from '../core/element/not-available.js';
import { onDemand } from '../core/element/on-demand.js';
import { DEFAULT_MIN_FILL_MS } from '../core/forms/spam-guard.js';
import { panelStyles } from '../core/styles/panel-styles.js';
import { formElementStyles } from '../core/forms/form-element-styles.js';
import * as t from './messages.js';
import { FIELDS, contactModeOf, defaultTypes, emptyValues, type Rules, type Values } from './model.js';
import { feedbackStyles } from './styles.js';
import { feedbackCodeMessages, toPayload, validate } from './validate.js';
import { numberOption } from '../core/element/number-option.js';
import { headingLevel } from '../core/element/heading-level.js';

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
 * @csspart input - Each one-line text field (name, email, mobile); each also has its own part, below.
 * @csspart name - The name field.
 * @csspart email - The email address field.
 * @csspart mobile - The mobile number field.
 * @csspart channel - The group of preferred ways to be contacted.
 * @csspart consent - The consent check box.
 * @csspart send-button - The Send button.
 * @csspart error - The message shown when sending failed, with its retry.
 * @csspart retry-button - The Try again button.
 * @csspart confirmation - What the visitor sees once the message is sent (or saved on the device to be sent).
 * @csspart delivery - "Saved on this device…", then "Sent." (or why not), for a message kept on the device.
 * @csspart back-button - "Back to your message", when a message saved on the device was not sent after all.
 * @csspart reference - The reference number in the confirmation.
 * @csspart another-button - The Send another message button.
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
 * @cssprop --ep-margin-block-end - Space after the element (so two in a row do not touch); 0 where the page spaces its blocks.
 * @cssprop --ep-target-size - Minimum size of buttons and fields (never below 24px).
 * @cssprop --ep-feedback-field-max-inline-size - Widest a one-line text field grows. Default 30rem.
 */
export class EpFeedback extends EpElement {
  static override styles = [...formElementStyles, panelStyles, reducedMotion, feedbackStyles];

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
  contact: 'optional' | 'required' | 'hidden' = 'optional';

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

  // The parts below are TypeScript-private, not #private: #private fields are set before those TypeScript
  // assigns (useDefineForClassFields is off), and these are built from the options and `sendingPart` above.
  private readonly announcer = new Announcer(this);
  /** The transport loads when the visitor first enters the form, so a reader who never does never downloads it. */
  protected override readonly sendingPart = () => import('../core/delivery/submit.js');
  private readonly submitter = onDemand(this.sendingPart);
  private readonly flow = new FormFlow<Values>(this, this.announcer, this.submitter, {
    kind: 'feedback',
    fields: FIELDS,
    empty: emptyValues,
    // Per page, and per form on the page (its id, else its service).
    draftKey: () => draftKey('feedback', this.pageKey, this.id || this.service || ''),
    noDraft: () => this.noDraft,
    validate: (values) => validate(values, this.#rules),
    payload: (values) => toPayload(values, this.#rules, this.service, renderedLocale()),
    codeMessages: () => feedbackCodeMessages(this.#rules),
    minFillTime: () => this.minFillTime,
    watch: { field: 'message', max: () => this.#rules.maxLength },
  });

  /** The options as the rules use them: numbers the author got wrong fall back to their defaults. */
  get #rules(): Rules {
    const maxLength = numberOption(this.maxMessageLength, 2000, 1);
    return {
      contact: contactModeOf(this.contact),
      minLength: Math.min(numberOption(this.minMessageLength, 10), maxLength),
      maxLength,
      types: usableChoices(this.types) ?? defaultTypes(),
    };
  }

  // ------------------------------------------------------------------------------------------- Rendering

  #renderForm(level: number): TemplateResult {
    const rules = this.#rules;
    const { values, errors, text } = this.flow;
    const fields = html`${renderRadioGroup({ id: 'type', label: t.typeLegend(), choices: rules.types, value: values.type, locale: renderedLocale(), required: true, error: errors.type })}
    ${renderTextArea({
      id: 'message',
      label: t.messageLabel(),
      hint: t.messageHint(),
      value: values.message,
      required: true,
      error: errors.message,
      count: text.count(rules.maxLength),
      warning: text.warning(),
    })}
    ${renderContactFields(values, errors, rules.contact, { hint: t.contactHint, consentLabel: t.consentLabel })}`;
    return html`<slot name="intro"><p class="intro">${t.intro()}</p></slot>
      ${this.flow.renderForm({ labelledBy: 'title', level, send: t.send(), notSent: t.notSent() }, fields)}`;
  }

  #renderSent(level: number): TemplateResult {
    const { flow } = this;
    const rules = this.#rules;
    return html`<div class="confirmation" part="confirmation" tabindex="-1">
      <div class="confirmation-title" role="heading" aria-level=${level}>${flow.unsent ? t.unsentTitle() : flow.saved ? t.savedTitle() : t.sentTitle()}</div>
      ${
        flow.unsent
          ? // Not sent after all: why is in the delivery note below; what they wrote is one button away.
            html`<button type="button" class="primary" part="back-button" @click=${() => flow.back('#message')}>${t.backToMessage()}</button>`
          : html`${
              flow.reference
                ? html`<p class="reference" part="reference">${referenceLabel()} <strong><span dir="ltr">${flow.reference}</span></strong></p>
                  <p class="hint">${t.referenceHint()}</p>`
                : nothing
            }
            <div class="subheading" role="heading" aria-level=${level}>${t.nextTitle()}</div>
            <p>${rules.contact === 'hidden' ? t.nextWithoutAsking() : givesContact(flow.sent!, rules.contact) ? t.nextWithContact() : t.nextWithoutContact()}</p>
            <button type="button" part="another-button" @click=${() => flow.another('#title')}>${t.sendAnother()}</button>`
      }
    </div>`;
  }

  protected override render(): TemplateResult {
    const level = headingLevel(this.headingLevel);
    const inner = Math.min(level + 1, 6);
    return html`<section part="base" class="base" dir=${this.direction} lang=${this.locale}>
      <div id="title" class="title" part="heading" role="heading" aria-level=${level} tabindex="-1">
        <slot name="heading">${t.title()}</slot>
      </div>
      ${
        !this.resolvedEndpoint
          ? html`<p class="unavailable" part="unavailable">${notAvailable()}</p>`
          : this.flow.step === 'sent'
            ? this.#renderSent(inner)
            : this.#renderForm(inner)
      }
      ${this.flow.delivery.render()} ${this.announcer.render()}
    </section>`;
  }
}
