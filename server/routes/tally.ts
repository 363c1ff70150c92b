/**
 * `GET {endpoint}/tally?page={url}` (ep-page-poll): the page's yes and total, from the page_tally read model.
 * The page is checked against the contract's `page` parameter (a URL of at most 4096 characters).
 */
import type { FastifyInstance } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import { keptPageUrl } from '../privacy/page-url.js';
import { queryReader } from '../query-contract.js';

export async function tallyRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  const tallyQuery = queryReader(contract, 'tally');
  app.get('/tally', { config: limitFor(config.rateLimit.reads, 'reads') }, async (request, reply) => {
    const { query, fieldErrors } = tallyQuery(request.query);
    if (fieldErrors.length) return reply.code(422).send({ message: 'The tally needs one page URL.', fieldErrors });
    // Under the key votes are stored with (their query string dropped, unless the deployment keeps it).
    return store.tally(keptPageUrl(query.page, config.keepQueryString));
  });
}
