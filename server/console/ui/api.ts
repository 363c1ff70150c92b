/**
 * The one way the console's screens call its API (`{console}/api/…`, same origin): JSON in and out, the
 * session cookie sent by the browser, and the session's CSRF token added to every request that may change
 * something (the guard refuses one without it). A 401 on any call but the sign-in's own means the session
 * ended: the app hears it (SESSION_ENDED) and asks for a sign-in again.
 */
import type { components } from '../../../api/generated/openapi.js';

export type Schemas = components['schemas'];
export type FieldError = Schemas['FieldError'];

/** Dispatched on `window` when a call answers 401: the session is over. */
export const SESSION_ENDED = 'ep-console-session-ended';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** Seconds, from Retry-After (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;

/** The session's CSRF token (from sign-in or `GET session`); undefined after sign-out. */
export function useCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export type Query = Record<string, string | number | undefined>;

export interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Request headers of the call's own (`If-None-Match: *`: create only). */
  headers?: Record<string, string>;
}

/** The API's URL for `path` (`pages`, `changes/12`), relative to the console's own address. */
export function apiUrl(path: string, query: Query = {}): URL {
  const url = new URL(`api/${path}`, document.baseURI);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  return url;
}

export async function api<T>(path: string, { method = 'GET', query, body, headers: own }: Call = {}): Promise<T> {
  const headers: Record<string, string> = { ...own, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(apiUrl(path, query), {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => ({}))) as { message?: string; fieldErrors?: FieldError[] };
  if (response.ok) return json as T;
  if (response.status === 401 && !(path === 'session' && method !== 'DELETE'))
    window.dispatchEvent(new Event(SESSION_ENDED));
  const wait = Number(response.headers.get('retry-after'));
  throw new ApiError(
    response.status,
    json.message ?? response.statusText,
    json.fieldErrors ?? [],
    Number.isFinite(wait) && wait > 0 ? wait : undefined,
  );
}
