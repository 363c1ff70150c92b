/**
 * Data protection for the administration (mounted inside routes/admin.ts, behind its token; every call is
 * in the audit log): what is held about a reference, erasing it or only its contact details, the audit
 * log itself, and the daily vote counts that outlive the deleted votes.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import type { FieldError } from '../contract.js';
import { BOM, csvRow } from '../csv.js';
import { auditEntries, type AuditEntry, type AuditFilter } from '../privacy/audit.js';
import { eraseContactOf, eraseReference, heldAbout, isReference } from '../privacy/by-reference.js';
import { instant } from './admin-dates.js';

const noSuch = (reply: FastifyReply): FastifyReply => reply.code(404).send({ message: 'No submission is held under this reference.' });

const refuse = (reply: FastifyReply, fieldErrors: FieldError[]): FastifyReply => reply.code(422).send({ message: 'The query is not valid.', fieldErrors });

/** `from` and `to` (dates or date-times) as ISO 8601 UTC, or the field errors. */
function period(query: { from?: string; to?: string }): { from?: string; to?: string; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const result: { from?: string; to?: string } = {};
  for (const name of ['from', 'to'] as const) {
    const value = query[name];
    if (value === undefined) continue;
    const at = instant(value, name === 'to');
    if (at) result[name] = at;
    else errors.push({ field: name, code: 'invalid', message: `${name} must be a date (2026-03-01) or an ISO 8601 date-time.` });
  }
  return { ...result, errors };
}

const AUDIT_COLUMNS = ['at', 'actor', 'action', 'reference', 'target', 'detail', 'status'];

async function* auditCsv(entries: AsyncGenerator<AuditEntry>): AsyncGenerator<string> {
  yield BOM + csvRow(AUDIT_COLUMNS);
  for await (const entry of entries) yield csvRow([entry.at, entry.actor, entry.action, entry.reference, entry.target, entry.detail ? JSON.stringify(entry.detail) : '', entry.status]);
}

async function* auditJson(entries: AsyncGenerator<AuditEntry>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const entry of entries) {
    yield `${first ? '' : ','}\n${JSON.stringify(entry)}`;
    first = false;
  }
  yield '\n]\n';
}

export async function adminPrivacyRoutes(app: FastifyInstance, { config, store }: RouteOptions): Promise<void> {
  const limit = { config: limitFor(config.rateLimit.admin, 'admin') };

  app.get<{ Params: { reference: string } }>('/references/:reference', limit, async (request, reply) => {
    const { reference } = request.params;
    const held = isReference(reference) ? await heldAbout(store, reference) : undefined;
    if (!held) return noSuch(reply);
    return reply.header('content-disposition', `attachment; filename="${reference}.json"`).send(held);
  });

  app.delete<{ Params: { reference: string } }>('/references/:reference', limit, async (request, reply) => {
    const { reference } = request.params;
    const erased = isReference(reference) ? await eraseReference(store, reference) : undefined;
    return erased ? { reference, ...erased } : noSuch(reply);
  });

  app.delete<{ Params: { reference: string } }>('/references/:reference/contact', limit, async (request, reply) => {
    const { reference } = request.params;
    const erased = isReference(reference) ? await eraseContactOf(store, reference, new Date()) : undefined;
    return erased ? { reference, ...erased } : noSuch(reply);
  });

  app.get<{ Querystring: { from?: string; to?: string; reference?: string; format?: string } }>('/audit', limit, async (request, reply) => {
    const { from, to, errors } = period(request.query);
    const { reference } = request.query;
    const format = request.query.format ?? 'json';
    if (format !== 'csv' && format !== 'json') errors.push({ field: 'format', code: 'invalid', message: 'format must be csv or json.' });
    if (reference !== undefined && !isReference(reference)) errors.push({ field: 'reference', code: 'invalid', message: 'reference must be a reference such as FB-2026-000123.' });
    if (errors.length) return refuse(reply, errors);
    const filter: AuditFilter = { from, to, reference };
    reply
      .header('content-disposition', `attachment; filename="audit.${format}"`)
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    const entries = auditEntries(store, filter);
    return reply.send(Readable.from(format === 'csv' ? auditCsv(entries) : auditJson(entries)));
  });

  app.get<{ Querystring: { page?: string; from?: string; to?: string } }>('/page-votes/daily', limit, async (request, reply) => {
    const { from, to, errors } = period(request.query);
    const { page } = request.query;
    if (page !== undefined && (typeof page !== 'string' || page.length === 0 || page.length > 4096)) errors.push({ field: 'page', code: 'invalid', message: 'page must be one page URL.' });
    if (errors.length) return refuse(reply, errors);
    const where: string[] = [];
    const params: string[] = [];
    if (page) (where.push('page_url = ?'), params.push(page));
    if (from) (where.push('day >= ?'), params.push(from.slice(0, 10)));
    if (to) (where.push('day < ?'), params.push(to.slice(0, 10)));
    const rows = await store.all<{ day: string; page_url: string; answer: string; votes: number | string }>({
      sql: `SELECT day, page_url, answer, votes FROM page_votes_daily ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY day, page_url, answer LIMIT 10000`,
      params,
    });
    const days = new Map<string, { day: string; page: string; yes: number; no: number }>();
    for (const row of rows) {
      const key = `${row.day} ${row.page_url}`;
      const entry = days.get(key) ?? { day: row.day, page: row.page_url, yes: 0, no: 0 };
      if (row.answer === 'yes' || row.answer === 'no') entry[row.answer] += Number(row.votes);
      days.set(key, entry);
    }
    return [...days.values()];
  });
}
