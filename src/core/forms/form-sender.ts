/**
 * Sending one form's submission through core/delivery/submit.ts, for any element: "Sending…" said while it goes and
 * the button busy; a retry of the same data reuses the envelope (same id, so the collector stores it
 * once), while a refusal is final for its envelope; a view saved on the device is handed to the delivery
 * note; a failure that may pass is shown above the Send button with "Try again", and takes focus (which is
 * how it is heard). The element keeps what is its own: its rules, and what a refusal's field errors mean.
 * Knows no element.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Announcer } from '../a11y/announcer.js';
import type { DeliveryNote } from '../delivery/delivery-note.js';
import type { Envelope } from '../delivery/envelope.js';
import { failureMessage, sending, tryAgain } from '../language/messages.js';
import type { Payload, SubmitHost, SubmitResult } from '../delivery/submit.js';
import type { FailureReason } from '../delivery/transport.js';
import type { Submitter } from '../delivery/submitter.js';
import type { Keep } from '../outbox/kept-answer.js';

export class FormSender {
  /** A submission is on its way: show it on the Send button (`aria-disabled`, "Sending…"). */
  busy = false;
  /** Why the last send failed, while the form shows it. */
  failure?: FailureReason | 'rejected' | undefined;
  /** The last failure was the collector's 429 (too many attempts from this client). */
  #limited = false;
  #pending?: Envelope<Payload> | undefined;
  #pendingData?: string | undefined;

  constructor(
    private readonly host: SubmitHost & ReactiveControllerHost,
    private readonly announcer: Pick<Announcer, 'announce' | 'focus'>,
    private readonly delivery: Pick<DeliveryNote, 'queued'>,
    private readonly submitter: Submitter,
  ) {}

  /**
   * Sends `data` as a new `kind` submission, or as the envelope that failed with the same data before.
   * Resolves with what became of it (a failure is already shown); undefined while busy. `held` and `keep`: see
   * submit().
   */
  async send(kind: string, data: Payload, held?: (id: string) => void, keep?: Keep): Promise<SubmitResult | undefined> {
    if (this.busy) return undefined;
    this.failure = undefined;
    const key = JSON.stringify(data);
    const retry = this.#pendingData === key ? this.#pending : undefined;
    this.busy = true;
    void this.announcer.announce(sending());
    let result: SubmitResult;
    try {
      result = await (await this.submitter()).submit(this.host, retry ?? { kind, data }, held, keep);
    } catch {
      // The transport could not be downloaded (offline, or a deploy replaced the file): as unreachable.
      result = { outcome: { type: 'failed', reason: 'network' } } as SubmitResult;
    }
    this.busy = false;
    const { envelope, outcome } = result;
    // Kept for a retry only while it may pass: a refusal is final for that envelope, a success is done.
    this.#pending = outcome.type === 'failed' ? envelope : undefined;
    this.#pendingData = key;
    this.#limited = outcome.type === 'failed' && outcome.status === 429;
    if (outcome.type === 'queued') this.delivery.queued(envelope!.id);
    else if (outcome.type === 'failed') this.fail(outcome.reason);
    else if (outcome.type !== 'accepted' && outcome.type !== 'rejected') void this.announcer.announce('');
    this.host.requestUpdate();
    return result;
  }

  /** Shows the failure above the Send button, and moves focus to it. */
  fail(reason: FailureReason | 'rejected'): void {
    this.failure = reason;
    this.announcer.focus('.failure p');
  }

  /** Forgets the envelope kept for a retry and any failure shown (the form starts again). */
  reset(): void {
    this.#pending = this.#pendingData = this.failure = undefined;
  }

  /**
   * The failure, with "Try again" unless it was refused (or even then, with `retryRefused`: the poll offers
   * it); `notSent` says what was not sent and what is kept; `tooMany`, when given, says why after a 429.
   */
  renderFailure(
    notSent: string,
    retry: () => void,
    retryRefused = false,
    tooMany?: string,
  ): TemplateResult | typeof nothing {
    if (!this.failure) return nothing;
    return html`<div class="failure" part="error">
      <p class="error-message" tabindex="-1">${notSent} ${(this.#limited && tooMany) || failureMessage(this.failure)}</p>
      ${this.failure === 'rejected' && !retryRefused ? nothing : html`<button type="button" part="retry-button" @click=${retry}>${tryAgain()}</button>`}
    </div>`;
  }

  /** The Send button's text: `label`, or "Sending…" while busy. */
  label(label: string): string {
    return this.busy ? sending() : label;
  }
}
