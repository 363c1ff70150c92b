import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Announcer } from '../core/a11y/announcer.js';
import { Ticker, timeOf, type ClockOption } from '../core/element/clock.js';
import { calendarDates, timeUntil, usableTimeZone } from '../core/language/dates.js';
import { countsStyles } from '../core/language/counts.js';
import { DeliveryNote } from '../core/delivery/delivery-note.js';
import { disclosureStyles, renderDisclosure } from '../core/a11y/disclosure.js';
import { EpElement } from '../core/element/ep-element.js';
import { jsonAttribute } from '../core/element/json-attribute.js';
import { blockText, textIn } from '../core/language/local-text.js';
import { reducedMotion } from '../core/styles/motion-styles.js';
import { notAvailable } from '../core/element/not-available.js';
import { onDemand } from '../core/element/on-demand.js';
import * as paths from '../core/delivery/paths.js';
import { Resource } from '../core/delivery/resource.js';
import { DEFAULT_MIN_FILL_MS } from '../core/forms/spam-guard.js';
import { formElementStyles } from '../core/forms/form-element-styles.js';
import * as t from './messages.js';
import { parseConsultation, statusOf, type Consultation, type ConsultationJson, type Status } from './model.js';
import { renderFacts, renderLinks, renderOutcome, renderPromise, renderStatus, type Shown } from './show.js';
import { cardStyles } from './styles.js';
import { ViewForm } from './view-form.js';
import { headingLevel } from '../core/element/heading-level.js';

/**
 * A public consultation: what it is about, its type (legal or non-legal), who runs it, its level of
 * participation and the ministry's promise at that level, its dates in the Gregorian and the Hijri
 * calendar, how long it has left, who took part, its documents (and, for a legal one, its page on
 * Istitlaa); the visitor's view while it is open (support, neutral or oppose, and a comment),
 * remembered and changeable until it closes; and, once published, what was heard and what was decided.
 *
 * @summary Shows a public consultation, takes the visitor's view while it is open, and shows its outcome.
 * @tagname ep-consultation-card
 *
 * @slot - Anything the page adds at the end of the card (a link to all consultations, say).
 *
 * @fires {EpSubmitEvent} ep-submit - Before a view (`consultation-view`) is sent, and before each retry. Cancelable; `detail.envelope` may be amended.
 * @fires {EpSuccessEvent} ep-success - When the collector accepted the view. `detail.queued` when it was sent later, from the outbox.
 * @fires {EpErrorEvent} ep-error - When it was refused or could not be delivered. `detail.outcome` says why; `detail.queued` when it was refused later, from the outbox.
 * @fires {EpQueuedEvent} ep-queued - When a send failed for a reason that may pass and the view was saved on the device, to be sent later. Cancelable (then it is shown as a failure).
 * @fires {EpOutboxDropEvent} ep-outbox-drop - When a saved view was dropped unsent (the outbox was full, or it expired).
 *
 * @csspart base - The card.
 * @csspart heading - The consultation's title (a heading).
 * @csspart status - Its status: upcoming, open, closed or outcome published.
 * @csspart time-left - "Opens in 5 days", "Closes in 3 days".
 * @csspart type - Its type: a legal consultation (draft regulations and laws) or a non-legal one (policies, strategies, initiatives).
 * @csspart department - The department that runs it.
 * @csspart level - Its level of participation.
 * @csspart opens - The opening date, in both calendars.
 * @csspart closes - The closing date, in both calendars.
 * @csspart promise - The ministry's promise at that level.
 * @csspart participants - How many took part.
 * @csspart summary-button - The button that shows or hides the summary.
 * @csspart summary - The summary.
 * @csspart documents - The draft documents.
 * @csspart istitlaa-link - For a legal consultation, the link to its page on Istitlaa, the unified platform where the draft is commented on (another site).
 * @csspart full-link - The link to the full consultation where it lives elsewhere.
 * @csspart take-part - Where the visitor takes part: when it opens, the form, their view, or that it is closed.
 * @csspart opens-on - "You can give your view from …", before it opens.
 * @csspart open-button - In the compact layout, the button that shows the form.
 * @csspart form - The form.
 * @csspart error-summary - "There is a problem" and the list of links to the fields.
 * @csspart stance - The group of views: support, neutral, oppose.
 * @csspart comment - The comment text area.
 * @csspart count - The characters remaining under the comment.
 * @csspart send-button - The Send button.
 * @csspart keep-button - "Keep my earlier view", while changing a view.
 * @csspart error - A failure (to send, or to load), with its retry.
 * @csspart retry-button - The Try again button.
 * @csspart your-view - The view the visitor sent.
 * @csspart change-button - The Change my view button.
 * @csspart closed - That it is closed.
 * @csspart outcome - You said, we did: what was heard and what was decided.
 * @csspart heard - What was heard.
 * @csspart counts - Views received, by stance.
 * @csspart decided - What was decided.
 * @csspart report-link - The link to the full report.
 * @csspart delivery - "Saved on this device…", then "Sent." (or why not), for a view kept on the device.
 * @csspart loading - Shown while the consultation loads.
 * @csspart not-found - Shown when the endpoint has no such consultation.
 * @csspart unavailable - Shown when no endpoint is configured (instead of the card, or of the form).
 *
 * @cssprop --ep-color-primary - Buttons, radios, the open status and the bars of the counts.
 * @cssprop --ep-color-on-primary - Text on primary buttons and on the open status.
 * @cssprop --ep-color-surface - Background of the card and of secondary buttons.
 * @cssprop --ep-color-field - Background of the comment box.
 * @cssprop --ep-color-text - Text.
 * @cssprop --ep-color-muted - Hints, terms and dates.
 * @cssprop --ep-color-border - Borders of the card, its sections and the fields.
 * @cssprop --ep-color-error - Error text, the error summary and the bar beside a field in error.
 * @cssprop --ep-color-warning-surface - Background of the personal-data warning.
 * @cssprop --ep-color-focus - The focus outline.
 * @cssprop --ep-font-family - Font.
 * @cssprop --ep-font-size - Base font size.
 * @cssprop --ep-radius - Corner radius.
 * @cssprop --ep-space - Inner padding.
 * @cssprop --ep-margin-block-end - Space after the element (so two in a row do not touch); 0 where the page spaces its blocks.
 * @cssprop --ep-target-size - Minimum size of buttons and fields (never below 24px).
 * @cssprop --ep-consultation-gap - Space between the parts of the card. Default 0.75rem.
 */
export class EpConsultationCard extends EpElement {
  static override styles = [...formElementStyles, disclosureStyles, countsStyles, reducedMotion, cardStyles];

  static override properties: PropertyDeclarations = {
    consultationId: { attribute: 'consultation-id', reflect: true },
    consultation: { converter: jsonAttribute('ep-consultation-card', 'consultation') },
    layout: { reflect: true },
    now: {},
    timeZone: { attribute: 'time-zone' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    maxCommentLength: { type: Number, attribute: 'max-comment-length' },
    minFillTime: { type: Number, attribute: 'min-fill-time' },
    noDraft: { type: Boolean, attribute: 'no-draft' },
  };

  /** The consultation to load from `{endpoint}/consultations/{id}`; also names one given as `consultation` without an id. */
  consultationId?: string;

  /**
   * The consultation, given by the page instead of loaded (the shape the endpoint returns, see docs/elements.md).
   * JSON in the attribute. When set, nothing is loaded.
   */
  consultation?: ConsultationJson;

  /** `full` (default): everything shown; `compact`: for a grid of cards, the summary and the form open on demand. */
  layout: 'full' | 'compact' = 'full';

  /**
   * The time the card goes by: a `Date`, an ISO 8601 string (also as the attribute), ms since the epoch, or
   * a function that returns one. Unset: the real time. For tests, stories and previews.
   */
  now?: ClockOption;

  /** The time zone its dates are written in (an IANA name). Default `Asia/Riyadh`: a ministry's dates are Saudi dates. */
  timeZone?: string;

  /** Level of the title's heading in the page's outline (1–6); the card's inner headings are one below. */
  headingLevel = 2;

  /** Longest comment accepted, in characters. */
  maxCommentLength = 2000;

  /** Milliseconds the form must have been on screen before a view counts as a person's (robots are faster). */
  minFillTime = DEFAULT_MIN_FILL_MS;

  /** Keep no draft of the comment in session storage (by default it survives a reload of the page). */
  noDraft = false;

  /** Unset: open in the full layout, closed in the compact one. */
  #summaryOpen?: boolean;
  // The parts below are TypeScript-private, not #private: #private fields are set before those TypeScript
  // assigns (useDefineForClassFields is off), and these are built from the options and `sendingPart` above.
  private readonly announcer = new Announcer(this);
  /** A view saved on the device to be sent later, and how it fared. */
  private readonly delivery = new DeliveryNote(this);
  /** The transport: loaded to read the consultation, or when the visitor first enters the form. */
  protected override readonly sendingPart = () => import('../core/delivery/submit.js');
  private readonly submitter = onDemand(this.sendingPart);
  /** The consultation read from the endpoint (when the page gives none). */
  private readonly loaded = new Resource(this, this.submitter, (body) =>
    parseConsultation(body, this.consultationId?.trim()),
  );
  private readonly view = new ViewForm(this, this.announcer, this.delivery, this.submitter);

  constructor() {
    super();
    // While it is upcoming or open: renders again as the time left runs down, and when it opens or closes.
    new Ticker(
      this,
      () => this.nowMs(),
      () => {
        const data = this.#data;
        return data && (this.nowMs() < data.opensAt ? data.opensAt : data.closesAt);
      },
    );
  }

  /**
   * The card's time now, in ms since the epoch (see `now`).
   * @internal
   */
  nowMs(): number {
    return timeOf(this.now);
  }

  /**
   * A day in both calendars, in the card's language and time zone.
   * @internal
   */
  day = (ms: number): string => {
    const { gregorian, hijri } = calendarDates(ms, this.locale, usableTimeZone(this.timeZone));
    return t.bothCalendars(gregorian, hijri);
  };

  get #compact(): boolean {
    return this.layout === 'compact';
  }

  /** The consultation to show: the page's, else the one loaded. */
  get #data(): Consultation | undefined {
    if (this.consultation !== undefined) return parseConsultation(this.consultation, this.consultationId);
    return this.loaded.state?.state === 'ready' ? this.loaded.state.value : undefined;
  }

  #path = (endpoint: string): string => paths.consultation(endpoint, this.consultationId!.trim());

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const endpoint = this.resolvedEndpoint;
    const id = this.consultationId?.trim();
    this.loaded.follow(this.consultation === undefined && endpoint && id ? `${endpoint}#${id}` : '', this.#path);
    const data = this.#data;
    // The visitor's view is kept per collector and consultation, whichever page shows the card.
    if (endpoint && data?.id)
      this.view.use(new URL(endpoint, this.ownerDocument.baseURI).href.replace(/\/+$/, ''), data.id);
  }

  /** After a failure: the news is where the visitor is, on the card's title or on the failure again. */
  #retry = async (): Promise<void> => {
    const loaded = this.loaded.load(this.#path);
    // Meanwhile on "Loading…": the button has gone, and with it the visitor's place.
    this.announcer.focus('.load-state');
    this.announcer.focus((await loaded) ? '#title' : '.load-state');
  };

  #toggleSummary = (): void => {
    this.#summaryOpen = !(this.#summaryOpen ?? !this.#compact);
    this.requestUpdate();
  };

  // ------------------------------------------------------------------------------------------- Rendering

  /** Instead of the card: not available, loading, not found (or none named, or unusable), or a failure with its retry. */
  #renderState(): TemplateResult {
    if (this.consultation === undefined && !this.resolvedEndpoint)
      return html`<p class="unavailable" part="unavailable">${notAvailable()}</p>`;
    return this.loaded.renderState(
      { loading: t.loading(), missing: t.notFound(), failed: t.loadFailed() },
      this.#retry,
    );
  }

  #renderTakePart(data: Consultation, status: Status, level: number): TemplateResult {
    let body: TemplateResult | typeof nothing;
    if (status === 'upcoming') body = html`<p part="opens-on">${t.opensOn(this.day(data.opensAt))}</p>`;
    else if (status !== 'open')
      body = html`<p class="closed" part="closed">${t.closed()}</p>${this.view.renderClosed(level)}`;
    else if (!this.resolvedEndpoint || !data.id)
      body = html`<p class="unavailable" part="unavailable">${notAvailable()}</p>`;
    else body = this.view.renderOpen(level, this.#compact);
    return html`<div class="take-part" part="take-part">${body}</div>`;
  }

  #renderCard(data: Consultation, level: number): TemplateResult {
    const { locale } = this;
    const inner = Math.min(level + 1, 6);
    const shown: Shown = { locale, day: this.day, level: inner, sublevel: Math.min(inner + 1, 6) };
    const now = this.nowMs();
    const status = statusOf(data, now);
    const timeLeft =
      status === 'upcoming'
        ? t.opensIn(timeUntil(data.opensAt, now, locale))
        : status === 'open'
          ? t.closesIn(timeUntil(data.closesAt, now, locale))
          : undefined;
    const title = textIn(data.title, locale);
    const summaryOpen = this.#summaryOpen ?? !this.#compact;
    return html`<div id="title" class="title" part="heading" role="heading" aria-level=${level} tabindex="-1" dir="auto" lang=${ifDefined(title.lang)}>
        ${title.text}
      </div>
      ${renderStatus(status, timeLeft)} ${renderFacts(data, shown)} ${status === 'outcome' ? nothing : renderPromise(data)}
      ${data.participants === undefined ? nothing : html`<p class="participants" part="participants">${t.participants(data.participants, locale)}</p>`}
      ${
        data.summary
          ? html`${renderDisclosure({ label: t.summary(), expanded: summaryOpen, controls: 'summary', part: 'summary-button', toggle: this.#toggleSummary })}
          ${summaryOpen ? html`<div id="summary" part="summary">${blockText(data.summary, locale)}</div>` : nothing}`
          : nothing
      }
      ${renderLinks(data, shown)} ${this.#renderTakePart(data, status, inner)}
      ${status === 'outcome' ? renderOutcome(data, data.outcome!, shown) : nothing}
      <slot></slot>`;
  }

  protected override render(): TemplateResult {
    const level = headingLevel(this.headingLevel);
    const data = this.#data;
    return html`<article part="base" class=${this.#compact ? 'base compact' : 'base'} dir=${this.direction} lang=${this.locale} aria-labelledby=${ifDefined(data ? 'title' : undefined)}>
      ${data ? this.#renderCard(data, level) : this.#renderState()} ${this.delivery.render()} ${this.announcer.render()}
    </article>`;
  }
}
