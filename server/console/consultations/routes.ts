/**
 * The console's consultations, under `{basePath}/console/api`: the list with the views kept on each, one
 * consultation, and the views as they arrive, newest first (viewer); creating and editing a consultation and
 * publishing its outcome (moderator), each change audited with its actor. The writing is the administration's
 * own (content/consultations.ts); bodies and queries are checked against the contract.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bodyChecker, refuseBody } from '../../body-check.js';
import {
  adminConsultation,
  listConsultations,
  publishOutcome,
  putConsultation,
  type OutcomeInput,
} from '../../content/consultations.js';
import { sendExport } from '../../export.js';
import { queryReader } from '../../query-contract.js';
import type { RouteOptions } from '../../route-options.js';
import { checkedConsultation } from '../../routes/admin-content.js';
import { isConsultationId } from '../../routes/consultations.js';
import { CONSULTATION_HEADERS, consultationRows, listViews, VIEW_HEADERS, viewRows } from './views.js';
import { actorOf } from '../auth/audit.js';
import { roleOptions } from '../auth/route-role.js';

type ConsultationAction = 'consultation.create' | 'consultation.edit' | 'consultation.outcome';
type Params = { Params: { id: string } };

const noSuchConsultation = (reply: FastifyReply): FastifyReply =>
  reply.code(404).send({ message: 'No such consultation.' });

export async function consoleConsultationRoutes(
  app: FastifyInstance,
  { config, store, contract }: RouteOptions,
): Promise<void> {
  const as = roleOptions(config);
  const body = bodyChecker(contract);
  const audited = (request: FastifyRequest, action: ConsultationAction, id: string): void => {
    request.consoleAudit = { actor: actorOf(request), action, target: id };
  };

  const listQuery = queryReader(contract, 'listConsoleConsultations');
  app.get('/consultations', as('viewer'), async (request, reply) => {
    const { query, fieldErrors } = listQuery(request.query);
    if (fieldErrors.length) return refuseBody(reply, fieldErrors);
    const list = await listConsultations(store, query.type);
    if (query.format)
      return sendExport(reply, query.format, 'consultations', CONSULTATION_HEADERS, consultationRows(list, new Date()));
    return list;
  });

  app.get<Params>('/consultations/:id', as('viewer'), async (request, reply) => {
    const { id } = request.params;
    const found = isConsultationId(id) ? await adminConsultation(store, id) : undefined;
    return found ?? noSuchConsultation(reply);
  });

  app.put<Params>('/consultations/:id', as('moderator'), async (request, reply) => {
    const { id } = request.params;
    const input = checkedConsultation(body, id, request.body, reply);
    if (!input) return reply;
    // `If-None-Match: *`: create only, so that a new consultation never overwrites one of the same id.
    const createOnly = request.headers['if-none-match'] === '*';
    const existed = !createOnly && (await adminConsultation(store, id)) !== undefined;
    const written = await putConsultation(store, id, input, new Date(), { createOnly });
    if ('exists' in written) return reply.code(412).send({ message: 'A consultation has this id already.' });
    if ('refused' in written) return refuseBody(reply, [written.refused]);
    audited(request, existed ? 'consultation.edit' : 'consultation.create', id);
    return written.consultation;
  });

  const viewsQuery = queryReader(contract, 'listConsultationViews', ['limit']);
  app.get<Params>('/consultations/:id/views', as('viewer'), async (request, reply) => {
    const { id } = request.params;
    if (!isConsultationId(id) || !(await adminConsultation(store, id))) return noSuchConsultation(reply);
    const { query, fieldErrors } = viewsQuery(request.query);
    if (fieldErrors.length) return refuseBody(reply, fieldErrors);
    if (query.format) return sendExport(reply, query.format, `views-${id}`, VIEW_HEADERS, viewRows(store, id));
    return listViews(store, id, { after: query.after, limit: query.limit });
  });

  app.put<Params>('/consultations/:id/outcome', as('moderator'), async (request, reply) => {
    const { id } = request.params;
    if (!isConsultationId(id)) return noSuchConsultation(reply);
    const input = body<OutcomeInput>('OutcomeInput', request.body, reply);
    if (!input) return reply;
    const published = await publishOutcome(store, id, input, new Date());
    if ('missing' in published) return noSuchConsultation(reply);
    if ('refused' in published) return refuseBody(reply, [published.refused]);
    if ('notClosed' in published)
      return reply
        .code(409)
        .send({ message: 'The consultation has not closed yet: its outcome can be published once it has.' });
    audited(request, 'consultation.outcome', id);
    return published.consultation;
  });
}
