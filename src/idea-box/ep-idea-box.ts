import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { Announcer } from '../core/a11y/announcer.js';
import { usableChoices, type Choice } from '../core/fields/choices.js';
import { choicesAttribute } from '../core/fields/choices-attribute.js';
import { DeliveryNote } from '../core/delivery/delivery-note.js';
import { EpElement } from '../core/element/ep-element.js';
import { expandableStyles } from '../core/a11y/expandable-text.js';
import { reducedMotion } from '../core/styles/motion-styles.js';
import { notAvailable } from '../core/element/not-available.js';
import { onDemand } from '../core/element/on-demand.js';
import { panelStyles } from '../core/styles/panel-styles.js';
import { DEFAULT_MIN_FILL_MS } from '../core/forms/spam-guard.js';
import { formElementStyles } from '../core/forms/form-element-styles.js';
import { IdeaForm } from './form.js';
import { IdeaList } from './list.js';
import * as t from './messages.js';
import { defaultTopics, viewOf } from './model.js';
import { ideaBoxStyles } from './styles.js';
import { headingLevel } from '../core/element/heading-level.js';

/**
 * The idea box: visitors share ideas to improve services, browse the published ones, support those they
 * agree with, and see what the ministry did with each ("What we did"). Ideas are sent for review and
 * published by the collector; the list is read from it a page at a time.
 *
 * @summary Lets visitors share, browse and support ideas, and see what was done with them.
 * @tagname ep-idea-box
 *
 * @slot heading - Replaces the title ("Ideas for better services"); text only, the element gives it its heading role and level.
 * @slot intro - Replaces the sentence under the title.
 *
 * @fires {EpSubmitEvent} ep-submit - Before an idea (`idea`) or a change of support (`idea-support`) is sent, and before each retry. Cancelable; `detail.envelope` may be amended.
 * @fires {EpSuccessEvent} ep-success - When the collector accepted it. For an idea, `detail.response.reference` is shown to the visitor when present; for a support, `detail.response.supports` (the new count) is shown when present.
 * @fires {EpErrorEvent} ep-error - When it was refused or could not be delivered (a support then moves back). `detail.outcome` says why; `detail.queued` when it was refused later, from the outbox.
 * @fires {EpQueuedEvent} ep-queued - When a send failed for a reason that may pass and it was saved on the device, to be sent later. Cancelable (then it is shown as a failure).
 * @fires {EpOutboxDropEvent} ep-outbox-drop - When something saved was dropped unsent (the outbox was full, or it expired); a support then moves back.
 *
 * @csspart base - The box around everything.
 * @csspart heading - The title.
 * @csspart share-button - "Share an idea", which shows and hides the form (not while an idea is being sent:
 *   `aria-disabled`, so that its answer is shown, and focused, in the form).
 * @csspart form - The form.
 * @csspart error-summary - "There is a problem" and the list of links to the fields.
 * @csspart input - Each one-line text field (title, name, email, mobile); each also has its own part, below.
 * @csspart title - The idea's title field.
 * @csspart name - The name field.
 * @csspart email - The email address field.
 * @csspart mobile - The mobile number field.
 * @csspart description - The description text area.
 * @csspart count - The characters remaining under the description.
 * @csspart topic - The group of topics in the form.
 * @csspart contact - The group of contact details.
 * @csspart channel - The group of preferred ways to be contacted.
 * @csspart consent - The consent check box.
 * @csspart send-button - The Send idea button.
 * @csspart error - Why something failed: by the Send button (with its retry), under an idea whose support was
 *   not recorded or withdrawn, or by Show more (also `more-error`).
 * @csspart retry-button - A Try again button (after a failed send, or a list that could not load).
 * @csspart confirmation - What the visitor sees once the idea is sent (or saved on the device to be sent).
 * @csspart reference - The reference number in the confirmation.
 * @csspart another-button - The Share another idea button.
 * @csspart back-button - "Back to what you wrote", when an idea saved on the device was not sent after all.
 * @csspart delivery - "Saved on this device…", then "Sent." (or why not), for an idea or a support kept on the device.
 * @csspart list - The published ideas, with their controls.
 * @csspart controls - Sort and topic filter.
 * @csspart select - The sort and topic drop-downs; each also has its own part, below.
 * @csspart sort - The sort drop-down.
 * @csspart filter - The topic filter drop-down.
 * @csspart list-status - Loading, how many ideas are shown, none, or why they could not load (a polite live region).
 * @csspart ideas - The list of ideas.
 * @csspart idea - One idea.
 * @csspart idea-title - An idea's title.
 * @csspart status - An idea's status; each also has `status-{code}` (`status-implemented`, say).
 * @csspart read-more-button - Read more / Show less, under a long description.
 * @csspart answer - The ministry's answer, "What we did".
 * @csspart support-button - The support toggle (`aria-pressed`).
 * @csspart supporters - The number of supporters.
 * @csspart more-button - Show more ideas.
 * @csspart more-error - Why more ideas could not load (also `error`).
 * @csspart unavailable - Shown instead of everything when no endpoint is configured.
 *
 * @cssprop --ep-color-primary - Buttons, checked boxes and radios, a pressed support.
 * @cssprop --ep-color-on-primary - Text on primary buttons.
 * @cssprop --ep-color-surface - Background of the box, of secondary buttons and of each idea.
 * @cssprop --ep-color-field - Background of the text fields and of each idea.
 * @cssprop --ep-color-text - Text.
 * @cssprop --ep-color-muted - Hints, dates and counts.
 * @cssprop --ep-color-border - Borders of the box, the fields and each idea.
 * @cssprop --ep-color-error - Error text, the error summary and the bar beside a field in error.
 * @cssprop --ep-color-warning-surface - Background of the personal-data warning.
 * @cssprop --ep-color-focus - The focus outline.
 * @cssprop --ep-font-family - Font.
 * @cssprop --ep-font-size - Base font size.
 * @cssprop --ep-radius - Corner radius.
 * @cssprop --ep-space - Inner padding.
 * @cssprop --ep-margin-block-end - Space after the element (so two in a row do not touch); 0 where the page spaces its blocks.
 * @cssprop --ep-target-size - Minimum size of buttons and fields (never below 24px).
 * @cssprop --ep-idea-box-answer-surface - Background of the ministry's answer. Default `--ep-color-surface`.
 */
export class EpIdeaBox extends EpElement {
  static override styles = [...formElementStyles, reducedMotion, panelStyles, expandableStyles, ideaBoxStyles];

  static override properties: PropertyDeclarations = {
    topics: { converter: choicesAttribute('ep-idea-box', 'topics') },
    contact: {},
    sort: {},
    topic: {},
    pageSize: { type: Number, attribute: 'page-size' },
    view: {},
    minFillTime: { type: Number, attribute: 'min-fill-time' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    noDraft: { type: Boolean, attribute: 'no-draft' },
  };

  /** The topics offered in the form and the filter. JSON in the attribute: `[{ "code": "parks", "label": { "en": "…", "ar": "…" } }]`. */
  topics?: Choice[];

  /** Contact details in the form: `optional` (default), `required` (an email address or a mobile number must be given) or `hidden`. */
  contact: 'optional' | 'required' | 'hidden' = 'optional';

  /** The list's order: `supported` (most supported first, the default) or `newest`. The visitor may change it. */
  sort: 'supported' | 'newest' = 'supported';

  /** Show only the ideas on this topic (a topic code); empty for all. The visitor may change it. */
  topic = '';

  /** Ideas per page of the list, 1 to 50. */
  pageSize = 10;

  /** What to show: `all` (the form behind "Share an idea", then the list), `list` or `form`. */
  view: 'all' | 'list' | 'form' = 'all';

  /** Milliseconds the form must have been on screen before a submission counts as a person's (robots are faster). */
  minFillTime = DEFAULT_MIN_FILL_MS;

  /** Level of the title in the page's outline (1–6); the form's and the list's headings are one below, each idea's two. */
  headingLevel = 2;

  /** Keep no draft in session storage (by default what the visitor typed survives a reload of the page). */
  noDraft = false;

  // The parts below are TypeScript-private, not #private: #private fields are set before those TypeScript
  // assigns (useDefineForClassFields is off), and these are built from the options and `sendingPart` above.
  private readonly announcer = new Announcer(this);
  /** The transport loads when the list is first read or the visitor first enters the form. */
  protected override readonly sendingPart = () => import('../core/delivery/submit.js');
  private readonly submitter = onDemand(this.sendingPart);
  /** One note for what waits on the device (an idea, or supports): between the form and the list. */
  private readonly delivery = new DeliveryNote(this);
  private readonly form = new IdeaForm(this, this.announcer, this.submitter, this.delivery);
  private readonly list = new IdeaList(this, this.announcer, this.submitter, this.delivery);

  /** The topics in use: the author's when usable (a framework may bind an empty list while it loads), else ours. */
  get topicList(): Choice[] {
    return usableChoices(this.topics) ?? defaultTopics();
  }

  /** The page size as the collector is asked for it. */
  get limit(): number {
    return Math.min(50, Math.max(1, Math.floor(this.pageSize) || 10));
  }

  protected override render(): TemplateResult {
    const level = headingLevel(this.headingLevel);
    const inner = Math.min(level + 1, 6);
    const view = viewOf(this.view);
    return html`<section part="base" class="base" dir=${this.direction} lang=${this.locale}>
      <div id="heading" class="title" part="heading" role="heading" aria-level=${level} tabindex="-1">
        <slot name="heading">${t.title()}</slot>
      </div>
      <slot name="intro"><p class="intro">${t.intro()}</p></slot>
      ${
        !this.resolvedEndpoint
          ? html`<p class="unavailable" part="unavailable">${notAvailable()}</p>`
          : html`${view === 'list' ? nothing : this.form.render(inner, view === 'form')} ${this.delivery.render()}
          ${view === 'form' ? nothing : this.list.render(inner)}`
      }
      ${this.announcer.render()}
    </section>`;
  }
}
