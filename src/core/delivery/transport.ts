/**
 * HTTP to the collector with typed outcomes. Nothing here throws: every way a request can end is a value
 * the element can show.
 */
import type { Envelope } from './envelope.js';
import type { Locale } from '../language/locale.js';
import { readJson, isRecord } from './read-json.js';

export interface FieldError {
  /** The name of the field in the kind's `data` (e.g. `comment`). */
  field: string;
  /** A stable code the element can localize (e.g. `too-long`). */
  code?: string;
  /** The collector's own wording, shown as text only when the code is unknown, and only in its language. */
  message?: string;
}

/** The language of a collector's own wording (api/openapi.yaml): a page in another shows its own words instead. */
export const COLLECTOR_WORDS_LOCALE: Locale = 'en';

export type FailureReason = 'network' | 'timeout' | 'server' | 'bad-response';

export type Outcome =
  /** 2xx: stored. `body` is the collector's JSON object (empty when it sent none). */
  | { type: 'accepted'; status: number; body: Record<string, unknown> }
  /** A final refusal (4xx other than 408 and 429): retrying the same request will not help. */
  | { type: 'rejected'; status: number; message?: string; fieldErrors: FieldError[] }
  /** May pass on a later try: no answer, too slow, 5xx, 408, 429, or an answer we could not read. */
  | { type: 'failed'; reason: FailureReason; status?: number; retryAfterMs?: number };

export type ReadOutcome = { type: 'ok'; status: number; body: unknown } | Exclude<Outcome, { type: 'accepted' }>;

export interface RequestOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Lets a request outlive the page (for `pagehide`). */
  keepalive?: boolean;
}

function isRetryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** `Retry-After` as milliseconds, from either of its two forms (seconds or an HTTP date). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function fieldErrorsOf(body: unknown): FieldError[] {
  if (!isRecord(body) || !Array.isArray(body.fieldErrors)) return [];
  return body.fieldErrors.flatMap((item: unknown) => {
    if (!isRecord(item) || typeof item.field !== 'string') return [];
    const error: FieldError = { field: item.field };
    if (typeof item.code === 'string') error.code = item.code;
    if (typeof item.message === 'string') error.message = item.message;
    return [error];
  });
}

/**
 * One request and the reading of its answer, under one deadline: a collector that sends its headers and
 * then stalls must time out too, or the visitor would watch "Sending…" for ever. Credentials are fetch's default,
 * `same-origin`: a collector on another origin never gets the page's cookies.
 */
async function exchange(url: string, init: RequestInit, timeoutMs: number): Promise<ReadOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const outcome = await settle(await fetch(url, { ...init, signal: controller.signal }));
    // An abort while reading the body surfaces as an unreadable body; it was the deadline.
    return controller.signal.aborted ? { type: 'failed', reason: 'timeout' } : outcome;
  } catch {
    return { type: 'failed', reason: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

async function settle(response: Response): Promise<ReadOutcome> {
  if (isRetryable(response.status)) {
    void response.body?.cancel().catch(() => undefined);
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return {
      type: 'failed',
      reason: 'server',
      status: response.status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  const read = await readJson(response);
  if (response.status >= 400) {
    const body = read.ok ? read.value : undefined;
    const message = isRecord(body) && typeof body.message === 'string' ? body.message : undefined;
    return {
      type: 'rejected',
      status: response.status,
      fieldErrors: fieldErrorsOf(body),
      ...(message ? { message } : {}),
    };
  }
  if (!read.ok) return { type: 'failed', reason: 'bad-response', status: response.status };
  return { type: 'ok', status: response.status, body: read.value };
}

/** POSTs an envelope as JSON, with its id as `Idempotency-Key`. */
export async function postEnvelope(
  url: string,
  envelope: Envelope<unknown>,
  options: RequestOptions,
): Promise<Outcome> {
  const outcome = await exchange(
    url,
    {
      method: 'POST',
      headers: {
        ...options.headers,
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': envelope.id,
      },
      body: JSON.stringify(envelope),
      ...(options.keepalive ? { keepalive: true } : {}),
    },
    options.timeoutMs,
  );
  if (outcome.type !== 'ok') return outcome;
  if (outcome.body !== null && !isRecord(outcome.body))
    return { type: 'failed', reason: 'bad-response', status: outcome.status };
  return { type: 'accepted', status: outcome.status, body: outcome.body ?? {} };
}

/** GETs JSON. The caller validates the shape of `body`. */
export async function getJson(url: string, options: RequestOptions): Promise<ReadOutcome> {
  return exchange(url, { headers: { ...options.headers, accept: 'application/json' } }, options.timeoutMs);
}
