/**
 * `GET {endpoint}/changes?page={url}` (ep-page-poll): the page's latest published "what we changed" note, or
 * `{ note: null }` (why 200 and not 404: see the operation in api/openapi.yaml). Read on every page view,
 * so it is cacheable by browsers and shared caches alike: a strong `ETag` of the body, 304 when the
 * client's copy is current, and a short public lifetime served stale while it is revalidated. Like every
 * request, it is logged without its query string (the page) and without the client's address (app.ts).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { latestPublished } from '../console/changes/notes.js';
import { keptPageUrl } from '../privacy/page-url.js';
import { queryReader } from '../query-contract.js';
import { limitFor, type RouteOptions } from '../route-options.js';

/** A minute fresh: a note published or withdrawn shows within about that; ten more served while revalidated. */
export const CHANGES_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

export const etagOf = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** Whether `If-None-Match` names this entity tag (RFC 9110 §13.1.2: weak comparison, `*` matches any). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export async function changesRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  const changesQuery = queryReader(contract, 'pageChanges');
  app.get('/changes', { config: limitFor(config.rateLimit.reads, 'reads') }, async (request, reply) => {
    const { query, fieldErrors } = changesQuery(request.query);
    if (fieldErrors.length) return reply.code(422).send({ message: 'The changes need one page URL.', fieldErrors });
    // Under the key votes are stored with, as the tally is read.
    const body = JSON.stringify(await latestPublished(store, keptPageUrl(query.page, config.keepQueryString)));
    const etag = etagOf(body);
    reply.header('etag', etag).header('cache-control', CHANGES_CACHE_CONTROL);
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
