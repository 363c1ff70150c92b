/**
 * The events every element fires. All bubble and cross shadow boundaries (composed), so a host page can
 * listen on `document`.
 */
import type { Envelope } from '../delivery/envelope.js';
import type { Outcome } from '../delivery/transport.js';

/**
 * What every element event is: an `Event` with a typed `detail`, bubbling and composed. Each subclass
 * names its `type` (and whether it is `cancelable`); the one constructor here reads them from the class
 * being built, so every event is made the same way.
 */
export abstract class EpEvent<Detail> extends Event {
  static readonly type: string;
  static readonly cancelable?: boolean;
  readonly detail: Detail;
  constructor(detail: Detail) {
    const { type, cancelable } = new.target as unknown as typeof EpEvent;
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }
}

export interface SubmitDetail {
  /** The envelope about to be sent. The host may amend it (add a CAPTCHA token to `data`, say). */
  envelope: Envelope<Record<string, unknown>>;
}

/** Fired before a submission is sent. Cancel it (`preventDefault()`) to stop the send. */
export class EpSubmitEvent extends EpEvent<SubmitDetail> {
  static override readonly type = 'ep-submit';
  static override readonly cancelable = true;
}

/** The submission an event is about. */
export interface EnvelopeDetail {
  envelope: Envelope<Record<string, unknown>>;
}

/** What became of a submission: at once, or later from the outbox. */
export interface SettledDetail extends EnvelopeDetail {
  /** True when it was settled later, from the outbox, after the visitor was told it was saved. */
  queued?: boolean;
}

export interface SuccessDetail extends SettledDetail {
  /** The collector's JSON answer (may hold `reference`). */
  response: Record<string, unknown>;
}

/** Fired when the collector accepted a submission. */
export class EpSuccessEvent extends EpEvent<SuccessDetail> {
  static override readonly type = 'ep-success';
}

export interface ErrorDetail extends SettledDetail {
  outcome: Exclude<Outcome, { type: 'accepted' }>;
}

/** Fired when a submission was refused or could not be delivered. */
export class EpErrorEvent extends EpEvent<ErrorDetail> {
  static override readonly type = 'ep-error';
}

export interface QueuedDetail extends EnvelopeDetail {
  /** Why the send failed this time. */
  outcome: Extract<Outcome, { type: 'failed' }>;
}

/**
 * Fired when a submission that failed for a reason that may pass was saved on the device, to be sent
 * later. Cancel it to keep it out of the outbox (the visitor is then shown the failure, and `ep-error` follows).
 */
export class EpQueuedEvent extends EpEvent<QueuedDetail> {
  static override readonly type = 'ep-queued';
  static override readonly cancelable = true;
}

export type DropReason = 'evicted' | 'expired';

export interface DropDetail extends EnvelopeDetail {
  /** `evicted`: the outbox was full and this was its oldest entry; `expired`: held longer than its limit. */
  reason: DropReason;
}

/** Fired when the outbox gave up a submission without sending it. Nothing leaves the outbox silently. */
export class EpOutboxDropEvent extends EpEvent<DropDetail> {
  static override readonly type = 'ep-outbox-drop';
}

export interface OutboxSize {
  /** Submissions waiting on this device (all tabs of the site). */
  entries: number;
  /** Their stored size in bytes. */
  bytes: number;
}

/** Fired on `document` whenever the outbox grows or shrinks (in any tab of the site), for a status badge. */
export class EpOutboxChangeEvent extends EpEvent<OutboxSize> {
  static override readonly type = 'ep-outbox-change';
}

declare global {
  // Every element event bubbles and is composed, so each one can be heard on any element, the shadow root,
  // the document or the window; GlobalEventHandlersEventMap is the map all of those extend.
  interface GlobalEventHandlersEventMap {
    'ep-submit': EpSubmitEvent;
    'ep-success': EpSuccessEvent;
    'ep-error': EpErrorEvent;
    'ep-queued': EpQueuedEvent;
    'ep-outbox-drop': EpOutboxDropEvent;
    'ep-outbox-change': EpOutboxChangeEvent;
  }
}
