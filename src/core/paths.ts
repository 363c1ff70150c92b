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
 * | GET    | `{endpoint}/consultations/   | ep-consultation| a consultation: `{ id, title, summary?, department?,   |
 * |        | {id}` (id URI-encoded)       | -card          | level?, opensAt, closesAt, participants?, documents?,  |
 * |        |                              |                | url?, platform?, outcome? }` (see                      |
 * |        |                              |                | src/consultation-card/model.ts); 404 or 410: none.     |
 *
 * A repeated `Idempotency-Key` must return the first answer and store nothing new.
 */

function below(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}/${path}`;
}

export const paths = {
  submissions: (endpoint: string): string => below(endpoint, 'submissions'),
  tally: (endpoint: string, pageUrl: string): string =>
    `${below(endpoint, 'tally')}?page=${encodeURIComponent(pageUrl)}`,
  consultation: (endpoint: string, id: string): string => below(endpoint, `consultations/${encodeURIComponent(id)}`),
} as const;
