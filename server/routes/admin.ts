/**
 * Administration, behind `Authorization: Bearer {EP_ADMIN_TOKEN}` (registered only when the token is set):
 * list stored submissions a page at a time, and export them as CSV or JSON, filtered by kind and dates.
 * The review of ideas and the writing of consultations are routes/admin-content.ts, behind the same token.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import { bearerGuard } from '../bearer-guard.js';
import { BOM, csvRow } from '../csv.js';
import { attachment } from '../attachment.js';
import { behaviourOf } from '../kinds.js';
import { SignInLimiter } from '../sign-in-limit.js';
import { adminContentRoutes } from './admin-content.js';
import { adminPrivacyRoutes } from './admin-privacy.js';
import { auditAdmin } from '../privacy/audit.js';
import type { ListFilter, Store, StoredSubmission } from '../store/types.js';
import { queryReader } from '../query-contract.js';
import { period, refuseQuery } from './admin-query.js';

/** Every matching submission, oldest first, read in pages so that an export of any size streams. */
async function* everything(store: Store, filter: Omit<ListFilter, 'limit'>): AsyncGenerator<StoredSubmission> {
  let after: string | undefined;
  do {
    const page = await store.list({ ...filter, after, limit: 500 });
    yield* page.items;
    after = page.next;
  } while (after);
}

const COMMON = [
  'reference',
  'id',
  'kind',
  'receivedAt',
  'submittedAt',
  'locale',
  'page.url',
  'page.title',
  'page.lang',
  'privacyNotice',
  'client',
];

function commonCells(item: StoredSubmission): unknown[] {
  return [
    item.reference,
    item.id,
    item.kind,
    item.receivedAt,
    item.submittedAt,
    item.locale,
    item.page.url,
    item.page.title,
    item.page.lang,
    item.privacyNotice,
    item.client,
  ];
}

async function* csv(store: Store, filter: Omit<ListFilter, 'limit'>): AsyncGenerator<string> {
  const columns = filter.kind ? (behaviourOf(filter.kind)?.columns ?? []) : [];
  yield BOM + csvRow([...COMMON, ...columns.map((column) => column.header), 'data (JSON)']);
  for await (const item of everything(store, filter)) {
    const data = item.data as Record<string, unknown>;
    yield csvRow([...commonCells(item), ...columns.map((column) => column.value(data)), data]);
  }
}

async function* json(store: Store, filter: Omit<ListFilter, 'limit'>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const item of everything(store, filter)) {
    yield `${first ? '' : ','}\n${JSON.stringify(item)}`;
    first = false;
  }
  yield '\n]\n';
}

export async function adminRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  const token = config.adminToken!;

  // Every admin path, the content routes registered below included; failures count per client.
  app.addHook('onRequest', bearerGuard(token, new SignInLimiter(), 'admin'));

  // Every action that reads personal data or changes anything, in the audit log (privacy/audit.ts).
  auditAdmin(app, store, token, `${config.basePath}/admin`);

  const limit = { config: limitFor(config.rateLimit.admin, 'admin') };

  const listQuery = queryReader(contract, 'listSubmissions', ['limit']);
  app.get('/submissions', limit, async (request, reply) => {
    const { query, fieldErrors } = listQuery(request.query);
    const { from, to } = period(query, fieldErrors);
    if (fieldErrors.length) return refuseQuery(reply, fieldErrors);
    return store.list({ kind: query.kind, from, to, after: query.after, limit: query.limit });
  });

  const exportQuery = queryReader(contract, 'exportSubmissions', ['format']);
  app.get('/submissions/export', limit, async (request, reply) => {
    const { query, fieldErrors } = exportQuery(request.query);
    const filter = { kind: query.kind, ...period(query, fieldErrors) };
    if (fieldErrors.length) return refuseQuery(reply, fieldErrors);
    const { format } = query;
    const parts = ['submissions', filter.kind, query.from, query.to];
    const name = parts.filter(Boolean).join('-');
    reply
      .header('content-disposition', attachment(`${name}.${format}`))
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    return reply.send(Readable.from(format === 'csv' ? csv(store, filter) : json(store, filter)));
  });

  // Inside this plugin, so that the token check above covers it.
  await app.register(adminContentRoutes, { config, store, contract });
  await app.register(adminPrivacyRoutes, { config, store, contract });
}
