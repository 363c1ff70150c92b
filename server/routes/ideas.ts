/**
 * `GET {endpoint}/ideas?sort=&limit=&topic=&cursor=` (ep-idea-box): one page of published ideas, with their
 * supporters, status and the ministry's answer. The query is checked against the contract's parameters; a
 * cursor is then read, which the contract cannot describe beyond its length.
 */
import type { FastifyInstance } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import { ideasPage, readCursor } from '../content/ideas.js';
import { queryReader } from '../query-contract.js';

export async function ideaRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  const ideasQuery = queryReader(contract, 'ideas', ['sort', 'limit']);
  app.get('/ideas', { config: limitFor(config.rateLimit.reads, 'reads') }, async (request, reply) => {
    const { query, fieldErrors } = ideasQuery(request.query);
    const { sort, limit, topic, cursor } = query;
    // Only a cursor of a known sort can be read, and one the contract refused is named once.
    const readable = cursor !== undefined && !fieldErrors.some(({ field }) => field === 'sort' || field === 'cursor');
    const after = readable ? readCursor(cursor, sort) : undefined;
    if (readable && !after) {
      fieldErrors.push({
        field: 'cursor',
        code: 'invalid',
        message: 'cursor must be the next of a page read with the same sort.',
      });
    }
    if (fieldErrors.length) {
      return reply.code(422).send({ message: 'The query does not match the contract.', fieldErrors });
    }
    return ideasPage(store, { sort, limit, topic: topic || undefined, after });
  });
}
