/**
 * A transport for the form pieces' unit tests: it answers each `submit` with the next scripted result and
 * records what it was asked to send, so a test sees exactly which submissions (new, or an envelope sent
 * before) a piece hands to it. No network.
 */
import type { Envelope } from '../../../src/core/delivery/envelope.js';
import type { Payload, SubmitResult } from '../../../src/core/delivery/submit.js';
import type { Submitter } from '../../../src/core/delivery/submitter.js';
import type { Outcome } from '../../../src/core/delivery/transport.js';

export type Sent = { kind: string; data: Payload } | Envelope<Payload>;

let ids = 0;

export class FakeTransport {
  /** Each submission handed over, as given: `{ kind, data }` for a new one, an envelope for a retry. */
  readonly calls: Sent[] = [];
  /** What the next submissions become; `hold` keeps the answer back until `release()`. */
  private readonly script: Array<Outcome | { type: 'queued'; reason: 'server' } | 'unloadable'> = [];
  private held?: () => void;
  hold = false;

  answer(...outcomes: Array<Outcome | { type: 'queued'; reason: 'server' } | 'unloadable'>): this {
    this.script.push(...outcomes);
    return this;
  }

  release(): void {
    this.held?.();
  }

  readonly submitter: Submitter = async () => {
    if (this.script[0] === 'unloadable') {
      this.script.shift();
      throw new TypeError('Failed to fetch dynamically imported module');
    }
    return {
      submit: async (_host, next) => {
        this.calls.push(next);
        if (this.hold) await new Promise<void>((resolve) => (this.held = resolve));
        const outcome = this.script.shift();
        if (!outcome || outcome === 'unloadable') throw new Error('no answer scripted');
        const envelope =
          'id' in next ? next : ({ ...next, id: `envelope-${(ids += 1)}` } as unknown as Envelope<Payload>);
        return { envelope, outcome } as SubmitResult;
      },
      // The form pieces only send; a read here is a mistake the test should see.
      read: async () => {
        throw new Error('the form pieces do not read');
      },
      // Reached only by a form shown again with a submission the outbox holds (tested in the browser suites).
      pageOutbox: () => {
        throw new Error('no outbox here');
      },
    };
  };
}

export const accepted = (body: Record<string, unknown> = {}): Outcome => ({ type: 'accepted', status: 201, body });
export const failed = (): Outcome => ({ type: 'failed', reason: 'server', status: 503 });
export const rejected = (fieldErrors: Array<{ field: string; code?: string; message?: string }> = []): Outcome => ({
  type: 'rejected',
  status: 422,
  fieldErrors,
});
