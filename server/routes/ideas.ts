/**
 * `GET {endpoint}/ideas?sort=&limit=&topic=&cursor=` (ep-idea-box): one page of published ideas, with their
 * supporters, status and the ministry's answer. The query is checked by hand, as the contract describes it.
 */
import type { FastifyInstance } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import type { FieldError } from '../contract.js';
import { ideasPage, readCursor, type IdeaQuery } from '../content/ideas.js';

type Query = Record<string, string | string[] | undefined>;

/** The query as an IdeaQuery, or the field errors that stop it. */
export function ideaQueryOf(query: Query): { query: IdeaQuery } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const one = (name: string): string | undefined => {
    const value = query[name];
    if (Array.isArray(value)) errors.push({ field: name, code: 'invalid', message: `${name} must be given once.` });
    return typeof value === 'string' ? value : undefined;
  };
  const sort = one('sort') ?? 'supported';
  if (sort !== 'supported' && sort !== 'newest') errors.push({ field: 'sort', code: 'invalid', message: 'sort must be supported or newest.' });
  const limitText = one('limit');
  const limit = limitText === undefined ? 10 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50 || (limitText !== undefined && !/^\d+$/.test(limitText))) {
    errors.push({ field: 'limit', code: 'invalid', message: 'limit must be a whole number from 1 to 50.' });
  }
  const topic = one('topic');
  if (topic !== undefined && (topic.length > 100 || !/\S/.test(topic) || topic.includes('\u0000'))) {
    errors.push({ field: 'topic', code: 'invalid', message: 'topic must be a topic code.' });
  }
  const cursor = one('cursor');
  const known = sort === 'supported' || sort === 'newest';
  const after = cursor !== undefined && known && cursor.length <= 512 ? readCursor(cursor, sort) : undefined;
  if (cursor !== undefined && known && !after) errors.push({ field: 'cursor', code: 'invalid', message: 'cursor must be the next of a page read with the same sort.' });
  if (errors.length) return { errors };
  return { query: { sort: sort as IdeaQuery['sort'], limit, topic: topic || undefined, after } };
}

export async function ideaRoutes(app: FastifyInstance, { config, store }: RouteOptions): Promise<void> {
  app.get<{ Querystring: Query }>('/ideas', { config: limitFor(config.rateLimit.reads, 'reads') }, async (request, reply) => {
    const checked = ideaQueryOf(request.query);
    if ('errors' in checked) return reply.code(422).send({ message: 'The query does not match the contract.', fieldErrors: checked.errors });
    return ideasPage(store, checked.query);
  });
}
