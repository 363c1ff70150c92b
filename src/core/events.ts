/**
 * The events every element fires. All bubble and cross shadow boundaries (composed), so a host page can
 * listen on `document`.
 */
import type { Envelope } from './envelope.js';
import type { Outcome } from './transport.js';

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

declare global {
  interface HTMLElementEventMap {
    'ep-submit': EpSubmitEvent;
    'ep-success': EpSuccessEvent;
    'ep-error': EpErrorEvent;
  }
}
