/**
 * Building, announcing and sending one submission. Loaded on demand by EpElement (at the first send or
 * read), so that a page pays for the transport only when a visitor acts.
 */
import { createEnvelope, type Envelope, type PageUrlOptions } from './envelope.js';
import { EpErrorEvent, EpSubmitEvent, EpSuccessEvent } from './events.js';
import type { Locale } from './locale.js';
import { paths } from './paths.js';
import { getJson, postEnvelope, type Outcome, type ReadOutcome, type RequestOptions } from './transport.js';

export type Payload = Record<string, unknown>;

export type SubmitResult =
  | { envelope: Envelope<Payload>; outcome: Outcome | { type: 'cancelled' } }
  | { envelope?: undefined; outcome: { type: 'unavailable' } };

export interface Draft {
  kind: string;
  data: Payload;
  locale: Locale;
  privacyNotice: string;
  page: PageUrlOptions;
  doc: Document;
}

/**
 * Fires `ep-submit` on `host` (the host page may amend the envelope or cancel), sends, then fires
 * `ep-success` or `ep-error`. An envelope passed again is a retry: its id makes it idempotent.
 */
export async function submit(
  host: HTMLElement,
  endpoint: string,
  next: Envelope<Payload> | Draft,
  options: RequestOptions,
): Promise<SubmitResult> {
  const envelope = 'id' in next ? next : createEnvelope(next);
  if (!host.dispatchEvent(new EpSubmitEvent({ envelope }))) return { envelope, outcome: { type: 'cancelled' } };
  const outcome = await postEnvelope(paths.submissions(endpoint), envelope, options);
  host.dispatchEvent(
    outcome.type === 'accepted'
      ? new EpSuccessEvent({ envelope, response: outcome.body })
      : new EpErrorEvent({ envelope, outcome }),
  );
  return { envelope, outcome };
}

export function read(url: string, options: RequestOptions): Promise<ReadOutcome> {
  return getJson(url, options);
}
