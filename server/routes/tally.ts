/**
 * `GET {endpoint}/tally?page={url}` (ep-page-poll): the page's yes and total, from the page_tally read model.
 * The page is checked by hand, as the contract's `page` parameter says (a URL of at most 4096 characters).
 */
import type { FastifyInstance } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import { keptPageUrl } from '../privacy/page-url.js';

export async function tallyRoutes(app: FastifyInstance, { config, store }: RouteOptions): Promise<void> {
  app.get<{ Querystring: { page?: string | string[] } }>('/tally', { config: limitFor(config.rateLimit.reads, 'reads') }, async (request, reply) => {
    const { page } = request.query;
    if (typeof page !== 'string' || page.length === 0 || page.length > 4096 || page.includes('\u0000')) {
      const code = page === undefined || page === '' ? 'required' : 'invalid';
      return reply.code(422).send({ message: 'The tally needs one page URL.', fieldErrors: [{ field: 'page', code, message: `page is ${code === 'required' ? 'required' : 'not valid'}.` }] });
    }
    // Under the key votes are stored with (their query string dropped, unless the deployment keeps it).
    return store.tally(keptPageUrl(page, config.keepQueryString));
  });
}
