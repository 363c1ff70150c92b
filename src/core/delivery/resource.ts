/**
 * Something an element reads from its collector (a consultation, a list of ideas), for any element: read
 * through core/delivery/submit.ts's `read()` when its key changes, and known as loading, missing (404 or 410),
 * failed (with the reason, for a retry) or ready, once checked by `parse`. An answer that comes after the
 * element asked for something else is dropped; and what the visitor sees instead of it meanwhile. Knows
 * no element.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { failureMessage, tryAgain } from '../language/messages.js';
import type { SubmitHost } from './submit.js';
import type { FailureReason, ReadOutcome } from './transport.js';
import type { Submitter } from './submitter.js';

export type ResourceState<T> =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'failed'; reason: FailureReason | 'rejected' }
  | { state: 'ready'; value: T };

export class Resource<T> {
  state?: ResourceState<T> | undefined;
  private key = '';

  /**
   * `submitter` loads core/delivery/submit.js (on demand, and shared with the element's sending); `parse` checks
   * the body and returns undefined for one it cannot use (shown as a failure: `bad-response`).
   */
  constructor(
    private readonly host: SubmitHost & ReactiveControllerHost,
    private readonly submitter: Submitter,
    private readonly parse: (body: unknown) => T | undefined,
  ) {}

  /** Reads `path` when `key` changed ('' when there is nothing to read). Call it from `willUpdate`. */
  follow(key: string, path: (endpoint: string) => string): void {
    if (key === this.key) return;
    this.key = key;
    this.state = undefined;
    if (key) void this.load(path);
  }

  /** Reads `path` (again, after a failure, say); resolves true when it is ready. */
  async load(path: (endpoint: string) => string): Promise<boolean> {
    const key = this.key;
    this.state = { state: 'loading' };
    this.host.requestUpdate();
    let outcome: ReadOutcome | undefined;
    try {
      outcome = await (await this.submitter()).read(this.host, path);
    } catch {
      // The transport could not be downloaded: as unreachable.
      outcome = { type: 'failed', reason: 'network' };
    }
    if (key !== this.key || !outcome) return false;
    const value = outcome.type === 'ok' ? this.parse(outcome.body) : undefined;
    this.state =
      value !== undefined
        ? { state: 'ready', value }
        : outcome.type === 'rejected' && (outcome.status === 404 || outcome.status === 410)
          ? { state: 'missing' }
          : {
              state: 'failed',
              reason:
                outcome.type === 'ok' ? 'bad-response' : outcome.type === 'rejected' ? 'rejected' : outcome.reason,
            };
    this.host.requestUpdate();
    return value !== undefined;
  }

  /**
   * What is shown instead of the resource while it is not ready, in the element's words (`missing` also
   * when there is nothing to read): loading, missing, or why it failed with "Try again". Each message can
   * take focus (selector `.load-state`): "Loading…" while a retry reads, where focus would otherwise fall to
   * the page with the button, then the outcome.
   */
  renderState(words: { loading: string; missing: string; failed: string }, retry: () => void): TemplateResult {
    const { state } = this;
    if (state?.state === 'loading')
      return html`<p class="load-state hint" part="loading" tabindex="-1">${words.loading}</p>`;
    if (state?.state === 'failed') {
      return html`<div part="error">
        <p class="load-state error-message" tabindex="-1">${words.failed} ${failureMessage(state.reason)}</p>
        <button type="button" part="retry-button" @click=${retry}>${tryAgain()}</button>
      </div>`;
    }
    return html`<p class="load-state hint" part="not-found" tabindex="-1">${words.missing}</p>`;
  }
}
