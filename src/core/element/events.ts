/**
 * The events every element fires. All bubble and cross shadow boundaries (composed), so a host page can
 * listen on `document`.
 */
import type { Envelope } from '../delivery/envelope.js';
import type { Outcome } from '../delivery/transport.js';

const flags = { bubbles: true, composed: true } as const;

export interface SubmitDetail {
  /** The envelope about to be sent. The host may amend it (add a CAPTCHA token to `data`, say). */
  envelope: Envelope<Record<string, unknown>>;
}

/** Fired before a submission is sent. Cancel it (`preventDefault()`) to stop the send. */
export class EpSubmitEvent extends Event {
  static readonly type = 'ep-submit';
  readonly detail: SubmitDetail;
  constructor(detail: SubmitDetail) {
    super(EpSubmitEvent.type, { ...flags, cancelable: true });
    this.detail = detail;
  }
}

export interface SuccessDetail {
  envelope: Envelope<Record<string, unknown>>;
  /** The collector's JSON answer (may hold `reference`). */
  response: Record<string, unknown>;
  /** True when it was sent later, from the outbox, after the visitor was told it was saved. */
  queued?: boolean;
}

/** Fired when the collector accepted a submission. */
export class EpSuccessEvent extends Event {
  static readonly type = 'ep-success';
  readonly detail: SuccessDetail;
  constructor(detail: SuccessDetail) {
    super(EpSuccessEvent.type, flags);
    this.detail = detail;
  }
}

export interface ErrorDetail {
  envelope: Envelope<Record<string, unknown>>;
  outcome: Exclude<Outcome, { type: 'accepted' }>;
  /** True when the collector refused it later, from the outbox, after the visitor was told it was saved. */
  queued?: boolean;
}

/** Fired when a submission was refused or could not be delivered. */
export class EpErrorEvent extends Event {
  static readonly type = 'ep-error';
  readonly detail: ErrorDetail;
  constructor(detail: ErrorDetail) {
    super(EpErrorEvent.type, flags);
    this.detail = detail;
  }
}

export interface QueuedDetail {
  envelope: Envelope<Record<string, unknown>>;
  /** Why the send failed this time. */
  outcome: Extract<Outcome, { type: 'failed' }>;
}

/**
 * Fired when a submission that failed for a reason that may pass was saved on the device, to be sent
 * later. Cancel it to keep it out of the outbox (the visitor is then shown the failure, and `ep-error` follows).
 */
export class EpQueuedEvent extends Event {
  static readonly type = 'ep-queued';
  readonly detail: QueuedDetail;
  constructor(detail: QueuedDetail) {
    super(EpQueuedEvent.type, { ...flags, cancelable: true });
    this.detail = detail;
  }
}

export type DropReason = 'evicted' | 'expired';

export interface DropDetail {
  envelope: Envelope<Record<string, unknown>>;
  /** `evicted`: the outbox was full and this was its oldest entry; `expired`: held longer than its limit. */
  reason: DropReason;
}

/** Fired when the outbox gave up a submission without sending it. Nothing leaves the outbox silently. */
export class EpOutboxDropEvent extends Event {
  static readonly type = 'ep-outbox-drop';
  readonly detail: DropDetail;
  constructor(detail: DropDetail) {
    super(EpOutboxDropEvent.type, flags);
    this.detail = detail;
  }
}

export interface OutboxSize {
  /** Submissions waiting on this device (all tabs of the site). */
  entries: number;
  /** Their stored size in bytes. */
  bytes: number;
}

/** Fired on `document` whenever the outbox grows or shrinks (in any tab of the site), for a status badge. */
export class EpOutboxChangeEvent extends Event {
  static readonly type = 'ep-outbox-change';
  readonly detail: OutboxSize;
  constructor(detail: OutboxSize) {
    super(EpOutboxChangeEvent.type, flags);
    this.detail = detail;
  }
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
