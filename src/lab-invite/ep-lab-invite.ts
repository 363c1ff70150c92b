import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Announcer } from '../core/a11y/announcer.js';
import { DeliveryNote } from '../core/delivery/delivery-note.js';
import { EpElement } from '../core/element/ep-element.js';
import { headingLevel } from '../core/element/heading-level.js';
import { notAvailable } from '../core/element/not-available.js';
import { onDemand } from '../core/element/on-demand.js';
import { usableChoices, type Choice } from '../core/fields/choices.js';
import { choicesAttribute } from '../core/fields/choices-attribute.js';
import { formElementStyles } from '../core/forms/form-element-styles.js';
import { DEFAULT_MIN_FILL_MS } from '../core/forms/spam-guard.js';
import { reducedMotion } from '../core/styles/motion-styles.js';
import { panelStyles } from '../core/styles/panel-styles.js';
import { LeaveForm } from './leave-form.js';
import * as t from './messages.js';
import { modeOf, type Mode } from './model.js';
import { SignupForm } from './signup-form.js';
import { labInviteStyles } from './styles.js';

/**
 * "Help us improve our services": a visitor volunteers for the Innovation Lab's participant panel (which
 * kinds of session, topics, online or in person and the city, language, age, name and a way to reach them,
 * consent under the privacy notice), and is given a withdrawal code; with it and the contact detail they
 * gave, the same element (or `mode="leave"`) takes them off the panel, which erases their details at the
 * collector. Validated the GOV.UK way, guarded against robots, kept as a draft, kept on the device by the
 * outbox when the collector cannot be reached.
 *
 * @summary Lets a visitor join the Innovation Lab's participant panel, and leave it again with a withdrawal code.
 * @tagname ep-lab-invite
 *
 * @slot heading - Replaces the sign-up's title ("Help us improve our services"); text only, the element gives it its heading role and level.
 * @slot intro - Replaces the sentence under the sign-up's title.
 *
 * @fires {EpSubmitEvent} ep-submit - Before a sign-up (`lab-signup`) or a request to leave (`lab-withdraw`) is sent, and before each retry. Cancelable; `detail.envelope` may be amended.
 * @fires {EpSuccessEvent} ep-success - When the collector accepted it. For a sign-up, `detail.response.withdrawalCode` is shown to the visitor, with `reference`.
 * @fires {EpErrorEvent} ep-error - When it was refused or could not be delivered (a request to leave refused as too many attempts: `outcome.status` 429). `detail.queued` when it was refused later, from the outbox.
 * @fires {EpQueuedEvent} ep-queued - When a send failed for a reason that may pass and it was saved on the device, to be sent later. Cancelable (then it is shown as a failure); a request to leave answered 429 is never kept.
 * @fires {EpOutboxDropEvent} ep-outbox-drop - When a saved sign-up or request was dropped unsent (the outbox was full, or it expired).
 *
 * @csspart base - The box around everything.
 * @csspart heading - The title ("Help us improve our services", or "Leave the panel").
 * @csspart form - The form.
 * @csspart error-summary - "There is a problem" and the list of links to the fields.
 * @csspart sessions - The group of kinds of session.
 * @csspart topics - The group of topics (shown when the page gives `topics`).
 * @csspart attendance - The group of ways to take part (online, in person).
 * @csspart language - The group of languages.
 * @csspart age-band - The group of age bands.
 * @csspart contact - The group of contact details (in the form to leave: the email address or mobile number).
 * @csspart input - Each one-line text field (city, name, email, mobile, withdrawal code); each also has its own
 *   part, below.
 * @csspart city - The city field (for taking part in person).
 * @csspart name - The name field.
 * @csspart email - The email address field.
 * @csspart mobile - The mobile number field.
 * @csspart code - The withdrawal code field, in the form to leave.
 * @csspart consent - The consent check box.
 * @csspart send-button - The Join the panel (or Leave the panel) button.
 * @csspart error - The message shown when sending failed, with its retry.
 * @csspart retry-button - The Try again button.
 * @csspart leave-button - "Already on the panel? Leave it", under the sign-up form. Like `join-button`, `aria-disabled`
 *   while the form above it is being sent, so that its answer is shown, and focused, there.
 * @csspart join-button - "Back to joining the panel", under the form to leave (not with `mode="leave"`).
 * @csspart confirmation - What the visitor sees once it is sent (or saved on the device to be sent).
 * @csspart reference - The sign-up's reference number in the confirmation.
 * @csspart withdrawal - The box with the withdrawal code and how to use it (or that it will come once sent).
 * @csspart withdrawal-code - The withdrawal code itself.
 * @csspart delivery - "Saved on this device…", then "Sent." (or why not), for what was kept on the device.
 * @csspart back-button - "Back to what you wrote", when what was saved on the device was not sent after all.
 * @csspart unavailable - Shown instead of the form when no endpoint is configured.
 *
 * @cssprop --ep-color-primary - Buttons, checked boxes and radios.
 * @cssprop --ep-color-on-primary - Text on primary buttons.
 * @cssprop --ep-color-surface - Background of the box and of secondary buttons.
 * @cssprop --ep-color-field - Background of the text fields.
 * @cssprop --ep-color-text - Text.
 * @cssprop --ep-color-muted - Hints.
 * @cssprop --ep-color-border - Borders of the box, the fields and the withdrawal code.
 * @cssprop --ep-color-error - Error text, the error summary and the bar beside a field in error.
 * @cssprop --ep-color-focus - The focus outline.
 * @cssprop --ep-font-family - Font.
 * @cssprop --ep-font-size - Base font size.
 * @cssprop --ep-radius - Corner radius.
 * @cssprop --ep-space - Inner padding.
 * @cssprop --ep-margin-block-end - Space after the element (so two in a row do not touch); 0 where the page spaces its blocks.
 * @cssprop --ep-target-size - Minimum size of buttons and fields (never below 24px).
 * @cssprop --ep-lab-invite-code-surface - Background of the withdrawal code's box. Default: the fields' background.
 */
export class EpLabInvite extends EpElement {
  static override styles = [...formElementStyles, panelStyles, reducedMotion, labInviteStyles];

  static override properties: PropertyDeclarations = {
    topics: { converter: choicesAttribute('ep-lab-invite', 'topics', 'no topics are asked') },
    mode: {},
    minFillTime: { type: Number, attribute: 'min-fill-time' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    noDraft: { type: Boolean, attribute: 'no-draft' },
  };

  /**
   * Topics or services the visitor may say they are interested in (none asked without them). JSON in the
   * attribute: `[{ "code": "housing", "label": { "en": "…", "ar": "…" } }]`; codes are sent with the labels shown.
   */
  topics?: Choice[];

  /** `join` (default): the sign-up form, with a way to the form to leave; `leave`: only the form to leave the panel. */
  mode: 'join' | 'leave' = 'join';

  /** Milliseconds the form must have been on screen before a submission counts as a person's (robots are faster). */
  minFillTime = DEFAULT_MIN_FILL_MS;

  /** Level of the title in the page's outline (1–6); its inner headings are one below. */
  headingLevel = 2;

  /** Keep no draft of the sign-up in session storage (the form to leave never keeps one: its code is a secret). */
  noDraft = false;

  /** The form the visitor switched to in `join` mode (the mode's own until then). */
  #shown?: Mode;

  // The parts below are TypeScript-private, not #private: #private fields are set before those TypeScript
  // assigns (useDefineForClassFields is off), and these are built from the options above.
  private readonly announcer = new Announcer(this);
  /** The transport loads when the visitor first enters a form, so a reader who never does never downloads it. */
  protected override readonly sendingPart = () => import('../core/delivery/submit.js');
  private readonly submitter = onDemand(this.sendingPart);
  private readonly delivery = new DeliveryNote(this);
  private readonly signup = new SignupForm(this, this.announcer, this.submitter, this.delivery);
  private readonly leave = new LeaveForm(this, this.announcer, this.submitter, this.delivery);

  /** The author's topics when usable, else none. */
  get topicList(): readonly Choice[] {
    return usableChoices(this.topics) ?? [];
  }

  get #view(): Mode {
    const mode = modeOf(this.mode);
    return mode === 'join' ? (this.#shown ?? mode) : mode;
  }

  /** The form shown now. */
  get #form(): SignupForm | LeaveForm {
    return this.#view === 'leave' ? this.leave : this.signup;
  }

  /** To the other form, whose title takes focus. Not while this one sends: its answer is shown, and heard, here. */
  #switchTo(view: Mode): void {
    if (this.#form.flow.step === 'sending') return;
    this.#shown = view;
    (view === 'leave' ? this.leave : this.signup).flow.startFillTimeClock();
    this.announcer.focus('#title');
  }

  /** Under a form in `join` mode: the way to the other one. */
  #renderSwitch(view: Mode): TemplateResult | typeof nothing {
    const step = this.#form.flow.step;
    if (modeOf(this.mode) === 'leave' || step === 'sent') return nothing;
    const sending = step === 'sending' ? 'true' : undefined;
    return view === 'join'
      ? html`<p class="switch"><button type="button" class="link" part="leave-button" aria-disabled=${ifDefined(sending)} @click=${() => this.#switchTo('leave')}>${t.toLeave()}</button></p>`
      : html`<p class="switch"><button type="button" class="link" part="join-button" aria-disabled=${ifDefined(sending)} @click=${() => this.#switchTo('join')}>${t.backToJoin()}</button></p>`;
  }

  protected override render(): TemplateResult {
    const level = headingLevel(this.headingLevel);
    const inner = Math.min(level + 1, 6);
    const view = this.#view;
    return html`<section part="base" class="base" dir=${this.direction} lang=${this.locale}>
      <div id="title" class="title" part="heading" role="heading" aria-level=${level} tabindex="-1">
        ${view === 'leave' ? t.leaveTitle() : html`<slot name="heading">${t.title()}</slot>`}
      </div>
      ${
        !this.resolvedEndpoint
          ? html`<p class="unavailable" part="unavailable">${notAvailable()}</p>`
          : html`${this.#form.render(inner)} ${this.#renderSwitch(view)}`
      }
      ${this.delivery.render()} ${this.announcer.render()}
    </section>`;
  }
}
