/**
 * The administration of what the elements show (mounted inside routes/admin.ts, behind its token): review
 * ideas (publish or reject, status, answer), create or change consultations, publish their outcomes.
 * Bodies are checked against the contract's schemas, like submissions.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import type { FieldError } from '../contract.js';
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

function refuse(reply: FastifyReply, fieldErrors: FieldError[]): FastifyReply {
  return reply.code(422).send({ message: 'The request does not match the contract.', fieldErrors });
}

const notFound = (reply: FastifyReply, what: string): FastifyReply =>
  reply.code(404).send({ message: `No such ${what}.` });

export async function adminContentRoutes(
  app: FastifyInstance,
  { config, store, contract }: RouteOptions,
): Promise<void> {
  const limit = { config: limitFor(config.rateLimit.admin, 'admin') };
  /** The body checked against a schema: the value, or the answer already sent. */
  const body = <T>(schema: string, value: unknown, reply: FastifyReply): T | undefined => {
    const checked = contract.checkBody(schema, value);
    if (checked.valid) return value as T;
    void refuse(
      reply,
      checked.fieldErrors.length
        ? checked.fieldErrors
        : [{ field: '', code: 'invalid', message: 'The body must be a JSON object.' }],
    );
    return undefined;
  };

  const ideasQuery = queryReader(contract, 'listIdeas', ['limit']);
  app.get('/ideas', limit, async (request, reply) => {
    const { query, fieldErrors } = ideasQuery(request.query);
    if (fieldErrors.length) return refuse(reply, fieldErrors);
    return listIdeas(store, query);
  });

  app.patch<{ Params: { id: string } }>('/ideas/:id', limit, async (request, reply) => {
    if (!isIdeaId(request.params.id)) return notFound(reply, 'idea');
    const review = body<IdeaReview>('IdeaReview', request.body, reply);
    if (!review) return reply;
    return (await reviewIdea(store, request.params.id, review, new Date())) ?? notFound(reply, 'idea');
  });

  app.get('/consultations', limit, async () => listConsultations(store));

  app.put<{ Params: { id: string } }>('/consultations/:id', limit, async (request, reply) => {
    if (!isConsultationId(request.params.id))
      return refuse(reply, [
        {
          field: 'id',
          code: 'invalid',
          message: 'id must be a slug (no spaces, slashes, ? or #), at most 200 characters.',
        },
      ]);
    const input = body<ConsultationInput>('ConsultationInput', request.body, reply);
    if (!input) return reply;
    const problem = inputProblem(input);
    if (problem) return refuse(reply, [problem]);
    const written = await putConsultation(store, request.params.id, input, new Date());
    return 'refused' in written ? refuse(reply, [written.refused]) : written.consultation;
  });

  app.put<{ Params: { id: string } }>('/consultations/:id/outcome', limit, async (request, reply) => {
    if (!isConsultationId(request.params.id)) return notFound(reply, 'consultation');
    const input = body<OutcomeInput>('OutcomeInput', request.body, reply);
    if (!input) return reply;
    const published = await publishOutcome(store, request.params.id, input, new Date());
    if ('missing' in published) return notFound(reply, 'consultation');
    if ('refused' in published) return refuse(reply, [published.refused]);
    if ('notClosed' in published)
      return reply
        .code(409)
        .send({ message: 'The consultation has not closed yet: its outcome can be published once it has.' });
    return published.consultation;
  });
}
