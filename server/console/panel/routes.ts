/**
 * `{basePath}/console/api/panel`: the Lab's participant panel for moderators (it holds contact details, so
 * a viewer is refused), as JSON a page at a time or as one CSV or JSON file. Every read is in the audit log with the
 * filter it used, since it hands out personal data.
 */
import type { FastifyInstance } from 'fastify';
import { refuseBody } from '../../body-check.js';
import { queryReader } from '../../query-contract.js';
import { limitFor, type RouteOptions } from '../../route-options.js';
import { sendExport } from '../../export.js';
import { listMembers, MEMBER_HEADERS, memberRows } from './members.js';
import { actorOf } from '../auth/audit.js';

export async function panelRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  const options = { config: { ...limitFor(config.rateLimit.admin, 'admin'), role: 'moderator' as const } };
  const readQuery = queryReader(contract, 'listPanelMembers', ['limit']);

  app.get('/panel', options, async (request, reply) => {
    const { query, fieldErrors } = readQuery(request.query);
    if (fieldErrors.length) return refuseBody(reply, fieldErrors);
    const filter = { session: query.session, topic: query.topic, city: query.city };
    const given = { ...filter, format: query.format };
    const detail = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
    request.consoleAudit = {
      actor: actorOf(request),
      action: query.format ? 'lab-panel.export' : 'lab-panel.list',
      target: null,
      detail: detail as Record<string, string>,
    };
    if (query.format) return sendExport(reply, query.format, 'lab-panel', MEMBER_HEADERS, memberRows(store, filter));
    return listMembers(store, { ...filter, after: query.after, limit: query.limit });
  });
}
