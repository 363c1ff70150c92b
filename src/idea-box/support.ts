/**
 * Supporting ideas: one support per idea per browser, remembered; a toggle whose count moves at once and
 * moves back, with a message, when the collector refuses or cannot be reached. Each press is one
 * `idea-support` submission, so the collector stores each change once (its envelope id): a support,
 * `{ ideaId, support: true }`, whose envelope id is remembered as it is sent (forgotten if it does not go
 * through), and a withdrawal, `{ ideaId, support: false, withdraws }`, naming that id (the collector takes
 * back only a support it has). Pressing again after a failure resends the same envelope. A change saved on the device
 * by the outbox keeps the count moved and the note says so; a later refusal or drop moves it back.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Announcer } from '../core/a11y/announcer.js';
import { resolveEndpoint } from '../core/element/config.js';
import type { DeliveryNote } from '../core/delivery/delivery-note.js';
import type { Envelope } from '../core/delivery/envelope.js';
import type { EpErrorEvent, EpOutboxDropEvent, EpSubmitEvent, EpSuccessEvent } from '../core/element/events.js';
import { renderedLocale } from '../core/language/language-sync.js';
import { failureMessage } from '../core/language/messages.js';
import type { FailureReason } from '../core/delivery/transport.js';
import type { EpIdeaBox } from './ep-idea-box.js';
import type { Idea } from './ideas.js';
import * as t from './messages.js';
import { rememberSupport, supportedIdeas } from './remembered.js';
import type { Submitter } from '../core/delivery/submitter.js';

type Change = Envelope<Record<string, unknown>>;

export class Supports implements ReactiveController {
  #endpoint?: string | undefined;
  /** The ideas this browser supports, with the envelope id of each support ('' while it is on its way). */
  #on = new Map<string, string>();
  /** Ideas whose change is being sent: another press waits for it. */
  readonly #busy = new Set<string>();
  /** The change that failed last, by idea: pressing again for the same change resends its envelope. */
  readonly #failed = new Map<string, Change>();
  /** Envelope ids of changes saved on the device, until the outbox delivers or gives them up. */
  readonly #waiting = new Set<string>();
  /** This visitor's changes the collector has not counted yet, by idea (added to fresh counts). */
  readonly #delta = new Map<string, number>();
  /** Why an idea's last change did not go through, in the language shown. */
  readonly #problems = new Map<string, () => string>();

  constructor(
    private readonly host: EpIdeaBox,
    private readonly announcer: Announcer,
    private readonly submitter: Submitter,
    /** The idea with this id as the list shows it now. */
    private readonly find: (id: string) => Idea | undefined,
    /** The element's note: "Saved on this device…", then "Sent." (or why not). */
    private readonly delivery: DeliveryNote,
  ) {
    host.addController(this);
    // On the element itself, for as long as it lives: the outbox reports there while it is in the page.
    for (const type of ['ep-submit', 'ep-success', 'ep-error', 'ep-outbox-drop'])
      host.addEventListener(type, this.#onLater as EventListener);
  }

  hostUpdate(): void {
    const endpoint = resolveEndpoint(this.host.endpoint, this.host.ownerDocument);
    if (endpoint !== this.#endpoint) this.#on = supportedIdeas((this.#endpoint = endpoint) ?? '');
  }

  /** Fresh ideas from the collector, with this visitor's changes it has not counted yet. */
  adjust(items: Idea[]): Idea[] {
    for (const idea of items) idea.supports = Math.max(0, idea.supports + (this.#delta.get(idea.id) ?? 0));
    return items;
  }

  async toggle(id: string): Promise<void> {
    if (this.#busy.has(id) || !this.#endpoint) return;
    // The support a press withdraws; none: it supports.
    const support = this.#on.get(id);
    const on = !support;
    const retry = this.#failed.get(id);
    this.#busy.add(id);
    this.#failed.delete(id);
    this.#problems.delete(id);
    this.#move(id, on ? '' : undefined);
    let result: { envelope?: Change | undefined; outcome: { type: string; reason?: FailureReason } };
    try {
      const { submit } = await this.submitter();
      result = await submit(
        this.host,
        retry?.data.support === on
          ? retry
          : { kind: 'idea-support', data: { ideaId: id, support: on, ...(!on && { withdraws: support }) } },
      );
    } catch {
      // The transport could not be downloaded: as unreachable.
      result = { outcome: { type: 'failed', reason: 'network' } };
    }
    this.#busy.delete(id);
    const { outcome, envelope } = result;
    if (outcome.type === 'accepted') this.#counted(id, on);
    else if (outcome.type === 'queued' && envelope) {
      this.#waiting.add(envelope.id);
      this.delivery.queued(envelope.id);
    } else {
      this.#move(id, on ? undefined : support);
      if (outcome.type === 'failed' && envelope) this.#failed.set(id, envelope);
      // A cancelled send (ep-submit) is the page's choice: nothing to tell.
      if (outcome.type === 'failed' || outcome.type === 'rejected') this.#tell(id, on, outcome.reason);
    }
  }

  /**
   * Marks the idea supported by `support` (its envelope id, '' until it is sent) or, without one, not, here
   * and in storage, and moves its count by `step`.
   */
  #move(id: string, support?: string, step = support === undefined ? -1 : 1): void {
    if (support === undefined) this.#on.delete(id);
    else this.#on.set(id, support);
    rememberSupport(this.#endpoint!, id, support);
    this.#delta.set(id, (this.#delta.get(id) ?? 0) + step);
    const idea = this.find(id);
    if (idea) idea.supports = Math.max(0, idea.supports + step);
    this.host.requestUpdate();
  }

  /** The collector counted the change: fresh counts include it from now on. */
  #counted(id: string, on: boolean): void {
    this.#delta.set(id, (this.#delta.get(id) ?? 0) - (on ? 1 : -1));
  }

  /** Says, and shows by the idea, that a change did not go through (and why, when it failed rather than was refused). */
  #tell(id: string, on: boolean, reason?: FailureReason): void {
    const problem = (): string =>
      `${on ? t.notRecorded() : t.notWithdrawn()}${reason ? ` ${failureMessage(reason)}` : ''}`;
    this.#problems.set(id, problem);
    void this.announcer.announce(problem());
  }

  /** A support as it is sent (and each time it is resent); what the outbox did later with a change saved on the device. */
  readonly #onLater = (event: EpSubmitEvent | EpSuccessEvent | EpErrorEvent | EpOutboxDropEvent): void => {
    const { id, data } = event.detail.envelope;
    const ideaId = String(data.ideaId);
    // A support on its way is remembered with its envelope id from then on, for its withdrawal: a page closed
    // before the answer still knows it, and the outbox sends it later. A refusal or a failure forgets it.
    if (event.type === 'ep-submit') return void (this.#on.get(ideaId) === '' && this.#move(ideaId, id, 0));
    if (!this.#waiting.delete(id)) return;
    if (event.type === 'ep-success') return this.#counted(ideaId, data.support === true);
    // A support moves back; a withdrawal too: the support it named is this browser's again.
    this.#move(ideaId, data.support === true ? undefined : String(data.withdraws));
    this.#tell(ideaId, data.support === true);
  };

  /** What the toggle shows besides the count: whether it is pressed, and the message under it. */
  stateOf(id: string): unknown[] {
    return [this.#on.has(id), this.#problems.get(id)];
  }

  /** The toggle with its count, and why the last press did not go through. `key` names the idea's parts. */
  render(idea: Idea, key: string): TemplateResult {
    const problem = this.#problems.get(idea.id);
    return html`<div class="support">
        <button type="button" part="support-button" data-support=${idea.id} aria-pressed=${this.#on.has(idea.id) ? 'true' : 'false'} aria-describedby=${`${key}-supporters`}>
          ${t.support()}<span class="visually-hidden">: <bdi>${idea.title}</bdi></span>
        </button>
        <span id=${`${key}-supporters`} class="hint" part="supporters">${t.supporters(idea.supports, renderedLocale())}</span>
      </div>
      ${problem ? html`<p class="error-message" part="error">${problem()}</p>` : nothing}`;
  }
}
