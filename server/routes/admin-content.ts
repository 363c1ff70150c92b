/**
 * The administration of what the elements show (mounted inside routes/admin.ts, behind its token): review
 * ideas (publish or reject, status, answer), create or change consultations, publish their outcomes.
 * Bodies are checked against the contract's schemas, like submissions.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import {
  inputProblem,
  listConsultations,
  publishOutcome,
  putConsultation,
  type ConsultationInput,
  type OutcomeInput,
} from '../content/consultations.js';
import { isIdeaId, listIdeas, reviewIdea, type IdeaReview } from '../content/ideas.js';
import { isConsultationId } from './consultations.js';
import { queryReader } from '../query-contract.js';
import { bodyChecker, refuseBody } from '../body-check.js';

/**
 * A consultation as a PUT writes it: its id, and its body as the contract and `inputProblem` check them (the
 * console's route too); undefined once the 422 is sent.
 */
export function checkedConsultation(
  body: ReturnType<typeof bodyChecker>,
  id: string,
  given: unknown,
  reply: FastifyReply,
): ConsultationInput | undefined {
  if (!isConsultationId(id)) {
    void refuseBody(reply, [
      {
        field: 'id',
        code: 'invalid',
        message: 'id must be a slug (no spaces, slashes, ? or #), at most 200 characters.',
      },
    ]);
    return undefined;
  }
  const input = body<ConsultationInput>('ConsultationInput', given, reply);
  const problem = input && inputProblem(input);
  if (problem) void refuseBody(reply, [problem]);
  return problem ? undefined : input;
}

const notFound = (reply: FastifyReply, what: string): FastifyReply =>
  reply.code(404).send({ message: `No such ${what}.` });

export async function adminContentRoutes(
  app: FastifyInstance,
  { config, store, contract }: RouteOptions,
): Promise<void> {
  const limit = { config: limitFor(config.rateLimit.admin, 'admin') };
  const body = bodyChecker(contract);

  const ideasQuery = queryReader(contract, 'listIdeas', ['limit']);
  app.get('/ideas', limit, async (request, reply) => {
    const { query, fieldErrors } = ideasQuery(request.query);
    if (fieldErrors.length) return refuseBody(reply, fieldErrors);
    return listIdeas(store, query);
  });

  app.patch<{ Params: { id: string } }>('/ideas/:id', limit, async (request, reply) => {
    if (!isIdeaId(request.params.id)) return notFound(reply, 'idea');
    const review = body<IdeaReview>('IdeaReview', request.body, reply);
    if (!review) return reply;
    return (await reviewIdea(store, request.params.id, review, new Date())) ?? notFound(reply, 'idea');
  });

  const consultationsQuery = queryReader(contract, 'listConsultations');
  app.get('/consultations', limit, async (request, reply) => {
    const { query, fieldErrors } = consultationsQuery(request.query);
    if (fieldErrors.length) return refuseBody(reply, fieldErrors);
    return listConsultations(store, query.type);
  });

  app.put<{ Params: { id: string } }>('/consultations/:id', limit, async (request, reply) => {
    const input = checkedConsultation(body, request.params.id, request.body, reply);
    if (!input) return reply;
    const written = await putConsultation(store, request.params.id, input, new Date());
    return 'refused' in written ? refuseBody(reply, [written.refused]) : written.consultation;
  });

  app.put<{ Params: { id: string } }>('/consultations/:id/outcome', limit, async (request, reply) => {
    if (!isConsultationId(request.params.id)) return notFound(reply, 'consultation');
    const input = body<OutcomeInput>('OutcomeInput', request.body, reply);
    if (!input) return reply;
    const published = await publishOutcome(store, request.params.id, input, new Date());
    if ('missing' in published) return notFound(reply, 'consultation');
    if ('refused' in published) return refuseBody(reply, [published.refused]);
    if ('notClosed' in published)
      return reply
        .code(409)
        .send({ message: 'The consultation has not closed yet: its outcome can be published once it has.' });
    return published.consultation;
  });
}
