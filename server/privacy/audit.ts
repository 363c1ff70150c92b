/**
 * The audit log: each administration request that reads personal data or changes anything is recorded
 * (who: the admin token's fingerprint; when; what action; which reference or idea or consultation; the
 * list's filters; the status answered), never the content read or written. Written in the admin scope's
 * `onSend` hook, so the row is stored before the answer leaves: no audit row, no answer (an export whose
 * row cannot be written fails rather than leaving no trace).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../store/types.js';
import { whereOf } from '../store/sql.js';
import { STATES } from '../content/ideas.js';
import { KINDS } from '../kinds.js';
import { isReference } from './by-reference.js';

/** `METHOD path` (below `/admin`) → action. Other changes (not GET) are recorded under their route. */
const ACTIONS: Record<string, string> = {
  'GET /submissions': 'submissions.list',
  'GET /submissions/export': 'submissions.export',
  'GET /ideas': 'ideas.list',
  'PATCH /ideas/:id': 'idea.review',
  'PUT /consultations/:id': 'consultation.write',
  'PUT /consultations/:id/outcome': 'consultation.outcome',
  'GET /references/:reference': 'reference.export',
  'DELETE /references/:reference': 'reference.erase',
  'DELETE /references/:reference/contact': 'reference.erase-contact',
  'GET /audit': 'audit.export',
};

/**
 * The query parameters recorded: filters, never free text. Each is kept only when it has its filter's shape
 * (a kind, a date, a format, a review state, a reference), so that whatever else an administrator typed
 * there (an email, a name) is not kept in a log nobody can erase.
 */
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const FILTERS: Record<string, (value: string) => boolean> = {
  kind: (value) => Object.hasOwn(KINDS, value),
  from: (value) => DATE.test(value),
  to: (value) => DATE.test(value),
  format: (value) => value === 'csv' || value === 'json',
  state: (value) => (STATES as readonly string[]).includes(value),
  reference: isReference,
};

/** A value kept as typed only when any database can hold it and it is short: else not kept. */
const storable = (value: unknown): string | null =>
  typeof value === 'string' && value.length <= 200 && !value.includes('\u0000') && value.isWellFormed() ? value : null;

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Who: the token's fingerprint, so that rotated tokens can be told apart without keeping any. */
export const actorOf = (token: string): string => `admin-token:${sha256(token).toString('hex').slice(0, 8)}`;

function bearerIs(request: FastifyRequest, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
  return given !== undefined && timingSafeEqual(sha256(given), sha256(token));
}

export function actionOf(method: string, route: string): string | undefined {
  return (
    ACTIONS[`${method} ${route}`] ??
    (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? undefined : `${method} ${route}`)
  );
}

/** Records the admin scope's requests (register inside it). `prefix`: where the admin routes are mounted. */
export function auditAdmin(app: FastifyInstance, store: Store, token: string, prefix: string): void {
  const actor = actorOf(token);
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    // Refused sign-ins are not administrators' actions (and are limited and logged elsewhere).
    if (route === undefined || reply.statusCode === 401 || !bearerIs(request, token)) return payload;
    const action = actionOf(request.method, route.startsWith(prefix) ? route.slice(prefix.length) || '/' : route);
    if (!action) return payload;
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const query = (request.query ?? {}) as Record<string, unknown>;
    const filters = Object.fromEntries(
      Object.entries(FILTERS)
        .filter(([name, shaped]) => storable(query[name]) !== null && shaped(query[name] as string))
        .map(([name]) => [name, query[name]]),
    );
    await store.batch([
      {
        sql: 'INSERT INTO audit_log (at, actor, action, reference, target, detail, status) VALUES (?, ?, ?, ?, ?, ?, ?)',
        params: [
          new Date().toISOString(),
          actor,
          action,
          // Only a reference: anything else typed in its place (an email, a name) is not kept.
          params.reference !== undefined && isReference(params.reference) ? params.reference : null,
          storable(params.id),
          Object.keys(filters).length ? JSON.stringify(filters) : null,
          reply.statusCode,
        ],
      },
    ]);
    return payload;
  });
}

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  reference?: string | undefined;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  reference: string | null;
  target: string | null;
  detail: Record<string, string> | null;
  status: number;
}

/** Every matching audit row, oldest first, a page at a time (for a streamed export). */
export async function* auditEntries(store: Store, filter: AuditFilter): AsyncGenerator<AuditEntry> {
  let after = 0;
  for (;;) {
    const { sql: where, params } = whereOf([
      ['seq > ?', after],
      ['at >= ?', filter.from],
      ['at < ?', filter.to],
      ['reference = ?', filter.reference],
    ]);
    const rows = await store.all<{
      seq: number | string;
      at: string;
      actor: string;
      action: string;
      reference: string | null;
      target: string | null;
      detail: string | null;
      status: number | string;
    }>({
      sql: `SELECT seq, at, actor, action, reference, target, detail, status FROM audit_log ${where} ORDER BY seq LIMIT 1000`,
      params,
    });
    for (const row of rows) {
      yield {
        at: row.at,
        actor: row.actor,
        action: row.action,
        reference: row.reference,
        target: row.target,
        detail: row.detail ? (JSON.parse(row.detail) as Record<string, string>) : null,
        status: Number(row.status),
      };
    }
    if (rows.length < 1000) return;
    after = Number(rows.at(-1)!.seq);
  }
}
