/**
 * What every ep-* element shares: where its endpoint comes from, which language and direction it renders
 * in, and how a submission is built, announced to the host, and sent. Knows nothing of any one element.
 */
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { updateWhenLocaleChanges } from '@lit/localize';
import { DEFAULT_TIMEOUT_MS, getConfig, missingEndpointMessage, onConfigChange, resolveEndpoint } from './config.js';
import { canonicalPageUrl, createEnvelope, type Envelope } from './envelope.js';
import { EpErrorEvent, EpSubmitEvent, EpSuccessEvent } from './events.js';
import { localeSettled, renderedLocale, startLanguageSync } from './language-sync.js';
import { directionOf, type Locale } from './locale.js';
import { paths } from './paths.js';
import { postEnvelope, type Outcome, type RequestOptions } from './transport.js';

export type SendResult =
  | { envelope: Envelope<Record<string, unknown>>; outcome: Outcome }
  | { envelope: Envelope<Record<string, unknown>>; outcome: { type: 'cancelled' } }
  | { envelope?: undefined; outcome: { type: 'unavailable' } };

export abstract class EpElement extends LitElement {
  /** Base URL of the collector. Falls back to `configure({ endpoint })`, then `<meta name="ep-endpoint">`. */
  @property({ reflect: true }) endpoint?: string;

  /** Version of the privacy notice shown with this element; sent with every submission. */
  @property({ attribute: 'privacy-notice' }) privacyNotice = '1';

  /** The page URL submissions are filed under. Defaults to the current location's origin and path. */
  @property({ attribute: 'page-url' }) pageUrl?: string;

  /** Keep the query string in the page URL (it is dropped by default: it may carry personal data). */
  @property({ type: Boolean, attribute: 'include-query' }) includeQuery = false;

  /** Request timeout in milliseconds. Falls back to `configure({ timeoutMs })`, then 10 seconds. */
  @property({ type: Number }) timeout?: number;

  private stopConfigWatch?: () => void;
  private missingEndpointLogged = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  private readonly onLocaleStatus = (): void => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopConfigWatch = onConfigChange(() => this.requestUpdate());
    // Every status (loaded or failed) may let a held-back render through; see shouldUpdate.
    window.addEventListener('lit-localize-status', this.onLocaleStatus);
    void startLanguageSync().then(this.onLocaleStatus);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopConfigWatch?.();
    window.removeEventListener('lit-localize-status', this.onLocaleStatus);
  }

  /** Holds rendering while the page's language is loading, so an Arabic page never flashes English. */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    return super.shouldUpdate(changed) && localeSettled();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.resolvedEndpoint && !this.missingEndpointLogged) {
      this.missingEndpointLogged = true;
      console.error(missingEndpointMessage(this.localName));
    }
  }

  /** The locale this element renders in now. */
  protected get locale(): Locale {
    return renderedLocale();
  }

  protected get direction(): 'rtl' | 'ltr' {
    return directionOf(this.locale);
  }

  protected get resolvedEndpoint(): string | undefined {
    return resolveEndpoint(this.endpoint, this.ownerDocument);
  }

  /** The URL this element's answers are filed under (also its key in the tally and in storage). */
  protected get pageKey(): string {
    return canonicalPageUrl(this.ownerDocument.location.href, { override: this.pageUrl, includeQuery: this.includeQuery });
  }

  protected get requestOptions(): RequestOptions {
    const config = getConfig();
    return { headers: { ...config.headers }, timeoutMs: this.timeout ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  }

  /** A fresh envelope for this element's page and language. */
  protected envelopeFor(kind: string, data: Record<string, unknown>): Envelope<Record<string, unknown>> {
    return createEnvelope({
      kind,
      data,
      locale: this.locale,
      privacyNotice: this.privacyNotice,
      page: { override: this.pageUrl, includeQuery: this.includeQuery },
      doc: this.ownerDocument,
    });
  }

  /**
   * Fires `ep-submit` (the host may amend the envelope or cancel), sends, then fires `ep-success` or
   * `ep-error`. Pass the same envelope again to retry: its id makes the retry idempotent.
   */
  protected async send(envelope: Envelope<Record<string, unknown>>): Promise<SendResult> {
    const endpoint = this.resolvedEndpoint;
    if (!endpoint) return { outcome: { type: 'unavailable' } };
    if (!this.dispatchEvent(new EpSubmitEvent({ envelope }))) return { envelope, outcome: { type: 'cancelled' } };
    const outcome = await postEnvelope(paths.submissions(endpoint), envelope, this.requestOptions);
    if (outcome.type === 'accepted') this.dispatchEvent(new EpSuccessEvent({ envelope, response: outcome.body }));
    else this.dispatchEvent(new EpErrorEvent({ envelope, outcome }));
    return { envelope, outcome };
  }
}
