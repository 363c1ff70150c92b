/**
 * Failed sign-ins (a missing or wrong bearer token) per client, in memory, per instance: after `max`
 * failures in a window, the client is refused with 429 until the window ends, whatever it sends, so that
 * a right guess is not told apart from a wrong one while it is refused. Counted before the 401 is
 * answered: the general rate limit runs after the token check, and would never see these requests.
 */

export interface SignInLimits {
  /** Failures allowed in one window; the next request is refused. */
  max: number;
  windowMs: number;
}

export const SIGN_IN_LIMITS: SignInLimits = { max: 10, windowMs: 60_000 };

/** Clients remembered at most; beyond, the ones whose windows ended are forgotten, then the oldest. */
const MAX_CLIENTS = 10_000;

interface Window {
  failures: number;
  endsAt: number;
}

export class SignInLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limits: SignInLimits = SIGN_IN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until this client may try again (for Retry-After), or 0 when it may try now. */
  retryAfter(client: string): number {
    const window = this.current(client);
    return window && window.failures >= this.limits.max
      ? Math.max(1, Math.ceil((window.endsAt - this.now()) / 1000))
      : 0;
  }

  /** Counts a failure; returns the failures in this client's window so far. */
  fail(client: string): number {
    let window = this.current(client);
    if (!window) {
      if (this.windows.size >= MAX_CLIENTS) this.forget();
      window = { failures: 0, endsAt: this.now() + this.limits.windowMs };
      this.windows.set(client, window);
    }
    window.failures += 1;
    return window.failures;
  }

  /** A right token: the client's earlier mistakes are forgiven. */
  succeed(client: string): void {
    this.windows.delete(client);
  }

  private current(client: string): Window | undefined {
    const window = this.windows.get(client);
    if (window && window.endsAt <= this.now()) {
      this.windows.delete(client);
      return undefined;
    }
    return window;
  }

  private forget(): void {
    const now = this.now();
    for (const [client, window] of this.windows) if (window.endsAt <= now) this.windows.delete(client);
    // Still full (a spread of addresses guessing at once): the oldest windows go first (insertion order).
    for (const client of this.windows.keys()) {
      if (this.windows.size < MAX_CLIENTS) break;
      this.windows.delete(client);
    }
  }
}
