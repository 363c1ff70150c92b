/**
 * The console's review of ideas, under `{basePath}/console/api`: the ideas, newest first, filtered by review
 * state, language and the day they arrived, a page at a time or all of them as CSV (viewer); publishing or
 * rejecting one, its status and the ministry's answer (moderator, audited as `idea.review`). The reading and
 * the review are the administration's own (content/ideas.ts); queries and bodies are checked against the
 * contract.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { bodyChecker, refuseBody } from '../../body-check.js';
import { isIdeaId, listIdeas, reviewIdea, type IdeaFilter, type IdeaReview } from '../../content/ideas.js';
import { sendExport } from '../../export.js';
import { queryReader } from '../../query-contract.js';
import type { RouteOptions } from '../../route-options.js';
import { period } from '../../routes/admin-query.js';
import type { Store } from '../../store/types.js';
import { actorOf } from '../auth/audit.js';
import { roleOptions } from '../auth/route-role.js';

const noSuchIdea = (reply: FastifyReply): FastifyReply => reply.code(404).send({ message: 'No such idea.' });

export const IDEA_HEADERS = [
  'id',
  'reference',
  'received at',
  'review',
  'status',
  'title',
  'description',
  'topic',
  'supporters',
  'published at',
  'answer',
];

/** Every idea the filter finds, as CSV rows, read a page at a time. */
async function* ideaRows(store: Store, filter: Omit<IdeaFilter, 'after' | 'limit'>): AsyncGenerator<unknown[]> {
  let after: string | undefined;
  do {
    const page = await listIdeas(store, { ...filter, after, limit: 500 });
    for (const idea of page.items)
      yield [
        idea.id,
        idea.reference,
        idea.receivedAt,
        idea.state,
        idea.status,
        idea.title,
        idea.description,
        idea.topic?.label,
        idea.supports,
        idea.publishedAt,
        idea.answer?.text,
      ];
    after = page.next;
  } while (after);
}

export async function ideaReviewRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  const as = roleOptions(config);
  const body = bodyChecker(contract);

  const listQuery = queryReader(contract, 'listConsoleIdeas', ['limit']);
  app.get('/ideas', as('viewer'), async (request, reply) => {
    const { query, fieldErrors } = listQuery(request.query);
    const { from, to } = period(query, fieldErrors);
    if (fieldErrors.length) return refuseBody(reply, fieldErrors);
    const filter = { state: query.state, language: query.language, from, to };
    if (query.format) return sendExport(reply, query.format, 'ideas', IDEA_HEADERS, ideaRows(store, filter));
    return listIdeas(store, { ...filter, after: query.after, limit: query.limit });
  });

  app.patch<{ Params: { id: string } }>('/ideas/:id', as('moderator'), async (request, reply) => {
    const { id } = request.params;
    if (!isIdeaId(id)) return noSuchIdea(reply);
    const review = body<IdeaReview>('IdeaReview', request.body, reply);
    if (!review) return reply;
    const reviewed = await reviewIdea(store, id, review, new Date());
    if (!reviewed) return noSuchIdea(reply);
    request.consoleAudit = { actor: actorOf(request), action: 'idea.review', target: id.length <= 200 ? id : null };
    return reviewed;
  });
}
