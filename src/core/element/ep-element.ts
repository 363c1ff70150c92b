/**
 * What every ep-* element shares: its options, where its endpoint comes from, and which language and
 * direction it renders in. Sending lives in core/delivery/submit.ts, which an element loads when a visitor acts.
 * Knows nothing of any one element.
 */
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { onConfigChange, resolveEndpoint } from './config.js';
import { pageKeyOf } from '../delivery/page-url.js';
import { localeSettled, needFirstStrings, renderedLocale, startLanguageSync } from '../language/language-sync.js';
import { directionOf, type Locale } from '../language/locale.js';
import { wakeOutbox, type CarriesOutbox } from '../outbox/outbox-wake.js';
import { VERSION } from './version.js';

/** The tags whose strings an element has asked for as it connected. */
const asked = new Set<string>();

export abstract class EpElement extends LitElement {
  /** The library's version: a page that registers two versions is told which one it got (see define.ts). */
  static readonly version = VERSION;

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

  /**
   * Loads the element's part that sends, which carries the outbox (outbox-wake.ts): at the start of a page where
   * earlier pages left submissions waiting, it is loaded to send them. An element that never sends has none.
   */
  protected readonly sendingPart?: () => Promise<CarriesOutbox>;

  private stopConfigWatch?: () => void;
  /** Telling the web team that no endpoint is configured, once per element. */
  private missingEndpointReport?: Promise<void>;

  /** The locale of the last render: a locale settling to the one already rendered needs no second update. */
  private renderedIn?: Locale;

  private readonly onLocaleStatus = (): void => {
    if (!this.hasUpdated || this.renderedIn !== renderedLocale()) this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopConfigWatch = onConfigChange(() => this.requestUpdate());
    // Re-render on every status: a loaded locale changes the strings, and a loaded or failed one may let a
    // held-back render through (see shouldUpdate). This also does what updateWhenLocaleChanges would.
    window.addEventListener('lit-localize-status', this.onLocaleStatus);
    // The page's language and its strings (define.ts asked already, unless this class was registered under
    // another name): the first of its tag asks, and any while they are not in, with a render once they are. For
    // all but the first of a page's hundred polls they are in, and nothing is asked.
    const tag = this.localName;
    if (!asked.has(tag) || !localeSettled(tag)) {
      asked.add(tag);
      void Promise.all([startLanguageSync(), needFirstStrings(tag)]).then(this.onLocaleStatus);
    }
    wakeOutbox(this.sendingPart);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopConfigWatch?.();
    window.removeEventListener('lit-localize-status', this.onLocaleStatus);
  }

  /** Holds rendering while the page's language is loading, so an Arabic page never flashes English. */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    return super.shouldUpdate(changed) && localeSettled(this.localName);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.renderedIn = renderedLocale();
    if (!this.resolvedEndpoint)
      this.missingEndpointReport ??= import('./diagnostics.js').then(({ reportMissingEndpoint }) =>
        reportMissingEndpoint(this.localName, () => !this.resolvedEndpoint, this.ownerDocument),
      );
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
    return pageKeyOf(this);
  }
}
