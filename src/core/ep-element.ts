/**
 * What every ep-* element shares: where its endpoint comes from, which language and direction it renders
 * in, and how a submission is built, announced to the host, and sent. Knows nothing of any one element.
 */
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { DEFAULT_TIMEOUT_MS, getConfig, onConfigChange, resolveEndpoint } from './config.js';
import type { Envelope } from './envelope.js';
import { canonicalPageUrl } from './page-url.js';
import { localeSettled, renderedLocale, startLanguageSync } from './language-sync.js';
import { directionOf, type Locale } from './locale.js';
import type { Payload, SubmitResult } from './submit.js';
import type { ReadOutcome, RequestOptions } from './transport.js';

/** The transport is loaded at the first send or read, not with the element: most visitors never act. */
const loadSubmit = () => import('./submit.js');

export abstract class EpElement extends LitElement {
  // Declared statically rather than with decorators: the decorator helpers cost more bytes than the list.
  static override properties: PropertyDeclarations = {
    endpoint: { reflect: true },
    privacyNotice: { attribute: 'privacy-notice' },
    pageUrl: { attribute: 'page-url' },
    includeQuery: { type: Boolean, attribute: 'include-query' },
    timeout: { type: Number },
  };

  /** Base URL of the collector. Falls back to `configure({ endpoint })`, then `<meta name="ep-endpoint">`. */
  endpoint?: string;

  /** Version of the privacy notice shown with this element; sent with every submission. */
  privacyNotice = '1';

  /** The page URL submissions are filed under. Defaults to the current location's origin and path. */
  pageUrl?: string;

  /** Keep the query string in the page URL (it is dropped by default: it may carry personal data). */
  includeQuery = false;

  /** Request timeout in milliseconds. Falls back to `configure({ timeoutMs })`, then 10 seconds. */
  timeout?: number;

  private stopConfigWatch?: () => void;
  private missingEndpointLogged = false;

  private readonly onLocaleStatus = (): void => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopConfigWatch = onConfigChange(() => this.requestUpdate());
    // Re-render on every status: a loaded locale changes the strings, and a loaded or failed one may let a
    // held-back render through (see shouldUpdate). This also does what updateWhenLocaleChanges would.
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
      void import('./missing-endpoint.js').then(({ missingEndpointMessage }) => console.error(missingEndpointMessage(this.localName)));
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

  /**
   * Sends a new submission of `kind` with `data`, or, given an envelope it returned before, retries that
   * one (same id, so the collector stores it once). Fires `ep-submit` (the host may amend the envelope or
   * cancel), then `ep-success` or `ep-error`.
   */
  protected async send(next: { kind: string; data: Payload } | Envelope<Payload>): Promise<SubmitResult> {
    const endpoint = this.resolvedEndpoint;
    if (!endpoint) return { outcome: { type: 'unavailable' } };
    const { submit } = await loadSubmit();
    const draft =
      'id' in next
        ? next
        : {
            ...next,
            locale: this.locale,
            privacyNotice: this.privacyNotice,
            page: { override: this.pageUrl, includeQuery: this.includeQuery },
            doc: this.ownerDocument,
          };
    return submit(this, endpoint, draft, this.requestOptions);
  }

  /** GETs JSON from `path(endpoint)`; undefined without an endpoint. */
  protected async read(path: (endpoint: string) => string): Promise<ReadOutcome | undefined> {
    const endpoint = this.resolvedEndpoint;
    if (!endpoint) return undefined;
    const { read } = await loadSubmit();
    return read(path(endpoint), this.requestOptions);
  }
}
