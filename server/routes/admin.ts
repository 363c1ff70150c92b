/**
 * Administration, behind `Authorization: Bearer {EP_ADMIN_TOKEN}` (registered only when the token is set):
 * list stored submissions a page at a time, and export them as CSV or JSON, filtered by kind and dates.
 * The review of ideas and the writing of consultations are routes/admin-content.ts, behind the same token.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import { bearerGuard } from '../bearer-guard.js';
import type { FieldError } from '../contract.js';
import { BOM, csvRow } from '../csv.js';
import { behaviourOf } from '../kinds.js';
import { SignInLimiter } from '../sign-in-limit.js';
import { adminContentRoutes } from './admin-content.js';
import { adminPrivacyRoutes } from './admin-privacy.js';
import { auditAdmin } from '../privacy/audit.js';
import type { ListFilter, Store, StoredSubmission } from '../store/types.js';
import { instant } from './admin-dates.js';

interface Query {
  kind?: string;
  from?: string;
  to?: string;
  limit?: string;
  after?: string;
  format?: string;
}


function filterOf(query: Query, kinds: ReadonlySet<string>): { filter: Omit<ListFilter, 'limit'>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const filter: Omit<ListFilter, 'limit'> = {};
  if (query.kind !== undefined) {
    if (kinds.has(query.kind)) filter.kind = query.kind;
    else errors.push({ field: 'kind', code: 'invalid', message: `kind must be one of ${[...kinds].join(', ')}.` });
  }
  for (const name of ['from', 'to'] as const) {
    const value = query[name];
    if (value === undefined) continue;
    const at = instant(value, name === 'to');
    if (at) filter[name] = at;
    else errors.push({ field: name, code: 'invalid', message: `${name} must be a date (2026-03-01) or an ISO 8601 date-time.` });
  }
  return { filter, errors };
}

function refuse(reply: FastifyReply, errors: FieldError[]): FastifyReply {
  return reply.code(422).send({ message: 'The query is not valid.', fieldErrors: errors });
}

/** Every matching submission, oldest first, read in pages so that an export of any size streams. */
async function* everything(store: Store, filter: Omit<ListFilter, 'limit'>): AsyncGenerator<StoredSubmission> {
  let after: string | undefined;
  do {
    const page = await store.list({ ...filter, after, limit: 500 });
    yield* page.items;
    after = page.next;
  } while (after);
}

const COMMON = ['reference', 'id', 'kind', 'receivedAt', 'submittedAt', 'locale', 'page.url', 'page.title', 'page.lang', 'privacyNotice', 'client'];

function commonCells(item: StoredSubmission): unknown[] {
  return [item.reference, item.id, item.kind, item.receivedAt, item.submittedAt, item.locale, item.page.url, item.page.title, item.page.lang, item.privacyNotice, item.client];
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
  const kinds = new Set(contract.kinds.keys());

  // Every admin path, the content routes registered below included; failures count per client.
  app.addHook('onRequest', bearerGuard(token, new SignInLimiter(), 'admin'));

  // Every action that reads personal data or changes anything, in the audit log (privacy/audit.ts).
  auditAdmin(app, store, token, `${config.basePath}/admin`);

  const limit = { config: limitFor(config.rateLimit.admin, 'admin') };

  app.get<{ Querystring: Query }>('/submissions', limit, async (request, reply) => {
    const { filter, errors } = filterOf(request.query, kinds);
    const size = request.query.limit === undefined ? 100 : Number(request.query.limit);
    if (!Number.isInteger(size) || size < 1 || size > 1000) errors.push({ field: 'limit', code: 'invalid', message: 'limit must be a whole number from 1 to 1000.' });
    const after = request.query.after;
    if (after !== undefined && !/^\d{1,18}$/.test(after)) errors.push({ field: 'after', code: 'invalid', message: 'after must be the next cursor of a page.' });
    if (errors.length) return refuse(reply, errors);
    return store.list({ ...filter, after, limit: size });
  });

  app.get<{ Querystring: Query }>('/submissions/export', limit, async (request, reply) => {
    const { filter, errors } = filterOf(request.query, kinds);
    const format = request.query.format ?? 'csv';
    if (format !== 'csv' && format !== 'json') errors.push({ field: 'format', code: 'invalid', message: 'format must be csv or json.' });
    if (errors.length) return refuse(reply, errors);
    const name = ['submissions', filter.kind, request.query.from, request.query.to].filter(Boolean).join('-').replace(/[^A-Za-z0-9._-]/g, '_');
    reply
      .header('content-disposition', `attachment; filename="${name}.${format}"`)
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    return reply.send(Readable.from(format === 'csv' ? csv(store, filter) : json(store, filter)));
  });

  // Inside this plugin, so that the token check above covers it.
  await app.register(adminContentRoutes, { config, store, contract });
  await app.register(adminPrivacyRoutes, { config, store, contract });
}
