/**
 * Data protection for the administration (mounted inside routes/admin.ts, behind its token; every call is
 * in the audit log): what is held about a reference, erasing it or only its contact details, the audit
 * log itself, and the daily vote counts that outlive the deleted votes.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';
import { BOM, csvRow } from '../csv.js';
import { auditEntries, type AuditEntry, type AuditFilter } from '../privacy/audit.js';
import { attachment } from '../attachment.js';
import { eraseContactOf, eraseReference, heldAbout, isReference } from '../privacy/by-reference.js';
import { queryReader } from '../query-contract.js';
import { whereOf } from '../store/sql.js';
import { period, refuseQuery } from './admin-query.js';

const noSuch = (reply: FastifyReply): FastifyReply =>
  reply.code(404).send({ message: 'No submission is held under this reference.' });

const AUDIT_COLUMNS = ['at', 'actor', 'action', 'reference', 'target', 'detail', 'status'];

async function* auditCsv(entries: AsyncGenerator<AuditEntry>): AsyncGenerator<string> {
  yield BOM + csvRow(AUDIT_COLUMNS);
  for await (const entry of entries)
    yield csvRow([
      entry.at,
      entry.actor,
      entry.action,
      entry.reference,
      entry.target,
      entry.detail ? JSON.stringify(entry.detail) : '',
      entry.status,
    ]);
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

export async function adminPrivacyRoutes(
  app: FastifyInstance,
  { config, store, contract }: RouteOptions,
): Promise<void> {
  const limit = { config: limitFor(config.rateLimit.admin, 'admin') };

  app.get<{ Params: { reference: string } }>('/references/:reference', limit, async (request, reply) => {
    const { reference } = request.params;
    const held = isReference(reference) ? await heldAbout(store, reference) : undefined;
    if (!held) return noSuch(reply);
    return reply.header('content-disposition', attachment(`${reference}.json`)).send(held);
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

  const auditQuery = queryReader(contract, 'exportAudit', ['format']);
  app.get('/audit', limit, async (request, reply) => {
    const { query, fieldErrors } = auditQuery(request.query);
    const { from, to } = period(query, fieldErrors);
    if (fieldErrors.length) return refuseQuery(reply, fieldErrors);
    const { format, reference } = query;
    const filter: AuditFilter = { from, to, reference };
    reply
      .header('content-disposition', attachment(`audit.${format}`))
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    const entries = auditEntries(store, filter);
    return reply.send(Readable.from(format === 'csv' ? auditCsv(entries) : auditJson(entries)));
  });

  const dailyQuery = queryReader(contract, 'dailyPageVotes');
  app.get('/page-votes/daily', limit, async (request, reply) => {
    const { query, fieldErrors } = dailyQuery(request.query);
    const { from, to } = period(query, fieldErrors);
    if (fieldErrors.length) return refuseQuery(reply, fieldErrors);
    const { page } = query;
    const { sql: where, params } = whereOf([
      ['page_url = ?', page],
      ['day >= ?', from?.slice(0, 10)],
      ['day < ?', to?.slice(0, 10)],
    ]);
    const rows = await store.all<{ day: string; page_url: string; answer: string; votes: number | string }>({
      sql: `SELECT day, page_url, answer, votes FROM page_votes_daily ${where} ORDER BY day, page_url, answer LIMIT 10000`,
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
