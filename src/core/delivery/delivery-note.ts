/**
 * The visitor's view of submissions kept on the device: "Saved on this device…", then, when the outbox
 * sends them while the page is still open, a quiet "Sent." (or why not). Any element can add it; it
 * listens for the outbox's events on its host and follows only the envelopes it was told about.
 */
import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { deliveryMessage, type DeliveryState } from './delivery-messages.js';
import type { EpErrorEvent, EpOutboxDropEvent, EpSuccessEvent } from '../element/events.js';

type Host = ReactiveControllerHost & HTMLElement;

/** The events that end a held submission. */
const OUTCOMES = ['ep-success', 'ep-error', 'ep-outbox-drop'] as const;

export class DeliveryNote implements ReactiveController {
  /** Envelopes saved on the device whose fate the visitor has not been told yet. */
  readonly #waiting = new Set<string>();
  #state?: DeliveryState;
  /** Shown text; set a moment after the state so the live region exists before its words change. */
  #text?: DeliveryState;

  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of OUTCOMES) this.#host.addEventListener(type, this.#onOutcome);
  }

  hostDisconnected(): void {
    for (const type of OUTCOMES) this.#host.removeEventListener(type, this.#onOutcome);
  }

  /** The envelope `id` was saved on the device. */
  queued(id: string): void {
    this.#waiting.add(id);
    void this.#show('queued');
  }

  /** Forgets everything (the element started again, for another page, say). */
  reset(): void {
    this.#waiting.clear();
    this.#state = this.#text = undefined;
  }

  get current(): DeliveryState | undefined {
    return this.#state;
  }

  readonly #onOutcome = (event: EpSuccessEvent | EpErrorEvent | EpOutboxDropEvent): void => {
    const { id } = event.detail.envelope;
    if (!this.#waiting.delete(id)) return;
    // A refusal or a drop stays shown until the visitor has seen it; "sent" only once nothing waits.
    if (event.type !== 'ep-success') void this.#show(event.type === 'ep-error' ? 'refused' : 'dropped');
    else if (this.#waiting.size === 0 && this.#state === 'queued') void this.#show('sent');
  };

  async #show(state: DeliveryState): Promise<void> {
    this.#state = state;
    this.#text = undefined;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (this.#state !== state) return;
    this.#text = state;
    this.#host.requestUpdate();
  }

  /** A polite live region, always in place while the element shows it, empty when there is no news. */
  render(): TemplateResult {
    const bad = this.#state === 'refused' || this.#state === 'dropped';
    return html`<p part="delivery" role="status" class="delivery ${bad ? 'error-message' : 'hint'}">${this.#text ? deliveryMessage(this.#text) : ''}</p>`;
  }
}

/** An empty note takes no room, but stays in place: a live region must exist before its words change. */
export const deliveryNoteStyles = css`
  .delivery {
    margin-block: 0.5rem 0;
  }
  .delivery:empty {
    margin: 0;
  }
`;
