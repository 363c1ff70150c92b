/**
 * The whole HTTP contract between the elements and a collector, in one place.
 *
 * The `endpoint` an element is given is a base URL. Below it:
 *
 * | method | path                         | used by        | body / answer                                         |
 * |--------|------------------------------|----------------|-------------------------------------------------------|
 * | POST   | `{endpoint}/submissions`     | every element  | a submission envelope (see envelope.ts), JSON;        |
 * |        |                              |                | header `Idempotency-Key: {envelope.id}`.               |
 * |        |                              |                | 2xx: JSON object (may hold `reference`).              |
 * |        |                              |                | 4xx: `{ message?, fieldErrors?: [{ field, code?,       |
 * |        |                              |                | message? }] }`; 408, 429 and 5xx may pass on retry.    |
 * | GET    | `{endpoint}/tally?page={url}`| ep-page-poll   | `{ yes: number, total: number }`                      |
 * | GET    | `{endpoint}/changes?page=    | ep-page-poll   | `{ note: null }` or `{ note: { date: "YYYY-MM-DD",     |
 * |        | {url}`                       |                | text: { ar, en }, link? } }`: the page's latest "what  |
 * |        |                              |                | we changed" note (see src/page-poll/changes.ts).       |
 * | GET    | `{endpoint}/ideas?sort=…`    | ep-idea-box    | one page of published ideas (see below)               |
 * | GET    | `{endpoint}/consultations/   | ep-consultation| a consultation: `{ id, title, summary?, department?,   |
 * |        | {id}` (id URI-encoded)       | -card          | level?, opensAt, closesAt, participants?, documents?,  |
 * |        |                              |                | url?, platform?, outcome? }` (see                      |
 * |        |                              |                | src/consultation-card/model.ts); 404 or 410: none.     |
 *
 * `GET {endpoint}/ideas?sort={supported or newest}&limit={n}[&topic={code}][&cursor={next}]` answers
 * `{ items: Idea[], next?: string, total?: number }`: `next` is an opaque cursor for the following page (none on
 * the last one), `total` how many ideas match. An Idea is `{ id, title, description, topic?: code or { code,
 * label }, supports: number, status?: "new", "under-review", "accepted", "in-progress", "implemented" or
 * "not-adopted", publishedAt?: ISO 8601, answer?: { text, at?: ISO 8601, from?: status, to?: status } }`, where
 * `answer` is the ministry's answer ("What we did") and `from`/`to` the status change it made. A page must fit
 * in 64 KB (the transport reads no more).
 *
 * ep-idea-box submits kind `idea` (`{ title, description, topic: { code, label }, contact?, consent? }`) and kind
 * `idea-support` (`{ ideaId, support: true }`, or `{ ideaId, support: false, withdraws }` naming the envelope id
 * of the support it takes back: one change of this browser's support, sent as it is made); a 2xx answer to a
 * support may give the idea's new count as `supports`.
 *
 * A repeated `Idempotency-Key` must return the first answer and store nothing new.
 *
 * For a backend team, the same contract with a JSON Schema for every body, status, header and example is
 * api/openapi.yaml; the reference collector (server/) implements it, and its tests check this table's
 * shapes against it.
 */

function below(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}/${path}`;
}

// One export each, imported as `* as paths` inside the library: a bundle keeps only the paths its element uses.
export const submissions = (endpoint: string): string => below(endpoint, 'submissions');

export const tally = (endpoint: string, pageUrl: string): string =>
  `${below(endpoint, 'tally')}?page=${encodeURIComponent(pageUrl)}`;

export const changes = (endpoint: string, pageUrl: string): string =>
  `${below(endpoint, 'changes')}?page=${encodeURIComponent(pageUrl)}`;

/** One page of published ideas; empty options are left out of the query. */
export const ideas = (endpoint: string, query: Record<string, string | number | undefined>): string =>
  `${below(endpoint, 'ideas')}?${new URLSearchParams(Object.entries(query).flatMap(([name, value]) => (value === undefined || value === '' ? [] : [[name, String(value)]])))}`;

export const consultation = (endpoint: string, id: string): string =>
  below(endpoint, `consultations/${encodeURIComponent(id)}`);

/** All four in one object, as the public API (api.ts) has always offered them. */
export const paths = { submissions, tally, ideas, consultation } as const;
