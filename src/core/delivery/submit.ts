/**
 * Building, announcing and sending one submission, and reading from the collector, for any element.
 * Elements import it from the part of them that loads when a visitor acts, so a page that is only read
 * never downloads the transport.
 */
import { DEFAULT_TIMEOUT_MS, getConfig, resolveEndpoint } from '../element/config.js';
import { createEnvelope, type Envelope } from './envelope.js';
import { EpErrorEvent, EpQueuedEvent, EpSubmitEvent, EpSuccessEvent } from '../element/events.js';
import { renderedLocale } from '../language/language-sync.js';
import type { Keep } from '../outbox/kept-answer.js';
import { pageOutbox } from '../outbox/outbox.js';
import * as paths from './paths.js';
import {
  getJson,
  postEnvelope,
  type FailureReason,
  type Outcome,
  type ReadOutcome,
  type RequestOptions,
} from './transport.js';

// The outbox comes with this module: an element's start loads it through here (outbox-wake.ts, CarriesOutbox).
export { pageOutbox };

export type Payload = Record<string, unknown>;

export type SubmitResult =
  | {
      envelope: Envelope<Payload>;
      /** `queued`: it failed for a reason that may pass and is saved on the device, to be sent later. */
      outcome: Outcome | { type: 'cancelled' } | { type: 'queued'; reason: FailureReason };
    }
  /** Nothing was sent: the element has no endpoint. */
  | { envelope?: undefined; outcome: { type: 'unavailable' } };

/** The element's public options that a request depends on (EpElement has them all). */
export interface SubmitHost extends HTMLElement {
  endpoint?: string | undefined;
  privacyNotice: string;
  pageUrl?: string | undefined;
  includeQuery: boolean;
  timeout?: number | undefined;
}

/** A timeout a timer can keep (setTimeout fires at once above 2^31 - 1 ms), else undefined. */
const usable = (ms: number | undefined): number | undefined =>
  ms !== undefined && ms > 0 && ms <= 2 ** 31 - 1 ? ms : undefined;

/** Headers and timeout: the element's own timeout when it is usable, else configure()'s, else 10 s. */
function optionsFor(host: SubmitHost): RequestOptions {
  const config = getConfig();
  return {
    headers: { ...config.headers },
    timeoutMs: usable(host.timeout) ?? usable(config.timeoutMs) ?? DEFAULT_TIMEOUT_MS,
  };
}

/**
 * Sends a new submission of `kind` with `data`, or, given an envelope sent before, that one again (same
 * id, so the collector stores it once). Fires `ep-submit` on `host` (the host page may amend the envelope
 * or cancel), then `ep-success`, `ep-queued` (kept in the outbox, see outbox.ts) or `ep-error`.
 *
 * The envelope is written to the outbox before it is sent, so a page closed mid-request loses nothing; `held`
 * hears its id then (a form keeps it, to show it as on its way after a reload). `keep`: what of the
 * collector's answer to keep on the device should the outbox deliver it after this page (see OutboxEntry).
 */
export async function submit(
  host: SubmitHost,
  next: { kind: string; data: Payload } | Envelope<Payload>,
  held?: (id: string) => void,
  keep?: Keep,
): Promise<SubmitResult> {
  const endpoint = resolveEndpoint(host.endpoint, host.ownerDocument);
  if (!endpoint) return { outcome: { type: 'unavailable' } };
  const envelope =
    'id' in next
      ? next
      : createEnvelope({
          ...next,
          locale: renderedLocale(),
          privacyNotice: host.privacyNotice,
          page: { override: host.pageUrl, includeQuery: host.includeQuery },
          doc: host.ownerDocument,
        });
  if (!host.dispatchEvent(new EpSubmitEvent({ envelope }))) return { envelope, outcome: { type: 'cancelled' } };
  const url = paths.submissions(endpoint);
  const options = optionsFor(host);
  const outbox = pageOutbox();
  const kept = outbox.hold(url, envelope, options.timeoutMs, host, keep);
  if (kept) held?.(envelope.id);
  const outcome = await postEnvelope(url, envelope, options);
  if (
    kept &&
    outcome.type === 'failed' &&
    host.dispatchEvent(new EpQueuedEvent({ envelope, outcome })) &&
    outbox.defer(envelope.id, outcome)
  ) {
    return { envelope, outcome: { type: 'queued', reason: outcome.reason } };
  }
  if (kept) outbox.release(envelope.id);
  host.dispatchEvent(
    outcome.type === 'accepted'
      ? new EpSuccessEvent({ envelope, response: outcome.body })
      : new EpErrorEvent({ envelope, outcome }),
  );
  return { envelope, outcome };
}

/** GETs JSON from `path(endpoint)`; undefined when the element has no endpoint. */
export async function read(host: SubmitHost, path: (endpoint: string) => string): Promise<ReadOutcome | undefined> {
  const endpoint = resolveEndpoint(host.endpoint, host.ownerDocument);
  return endpoint ? getJson(path(endpoint), optionsFor(host)) : undefined;
}
