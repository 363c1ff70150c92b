/**
 * Time as an element sees it: the real clock, or one that a test, a story or a page fixes, so that states
 * that depend on the date (upcoming, open, closed) are shown and tested without waiting; and a controller
 * that renders again when they change. Knows no element.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A fixed time (a `Date`, an ISO 8601 string, ms since the epoch) or a function that tells the time. */
export type ClockOption = Date | string | number | (() => Date | number) | null | undefined;

/** Ms since the epoch by `option`; the real time when there is none, or when it is not a valid time. */
export function timeOf(option: ClockOption): number {
  const value = typeof option === 'function' ? option() : option;
  const ms = value == null || value === '' ? NaN : new Date(value).getTime();
  return Number.isNaN(ms) ? Date.now() : ms;
}

/**
 * Renders its host again when what it shows changes with time: at `next()` (ms since the epoch: a status
 * that changes then), and at least each minute until then (a "3 hours left" that counts down). Nothing is
 * scheduled while the host is out of the page, or when `next()` is undefined or past.
 */
export class Ticker implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly now: () => number,
    private readonly next: () => number | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    clearTimeout(this.timer);
    const at = this.next();
    const now = this.now();
    if (at !== undefined && at > now)
      this.timer = setTimeout(() => this.host.requestUpdate(), Math.min(at - now + 1, 60_000));
  }

  hostConnected(): void {
    // Back in the page: time moved on meanwhile.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}
