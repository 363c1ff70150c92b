/**
 * The console's entries in the audit log (privacy/audit.ts's table): sign-ins that passed or failed (never
 * the password), sign-outs, and every change a console user makes, with the account's name as the actor
 * ("token" for the bearer). Written in `onSend`, so no audit row means no answer, as in the admin scope.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../../store/types.js';

export interface AuditLine {
  actor: string;
  action: string;
  target?: string | null | undefined;
  detail?: Record<string, string> | undefined;
  status: number;
}

export async function recordAudit(store: Store, line: AuditLine, now = new Date()): Promise<void> {
  await store.batch([
    {
      sql:
        'INSERT INTO audit_log (at, actor, action, reference, target, detail, status) ' +
        'VALUES (?, ?, ?, NULL, ?, ?, ?)',
      params: [
        now.toISOString(),
        line.actor,
        line.action,
        line.target ?? null,
        line.detail ? JSON.stringify(line.detail) : null,
        line.status,
      ],
    },
  ]);
}

/** Who the audit log names for a console request: the signed-in account, or "token" for the bearer (guard.ts). */
export const actorOf = (request: FastifyRequest): string => request.consoleActor?.name ?? 'token';

declare module 'fastify' {
  interface FastifyRequest {
    /** What a console route wants recorded about its change (set by the route; the hook writes it). */
    consoleAudit: Omit<AuditLine, 'status'> | null;
  }
}

/** `METHOD /route` (below the console API's prefix) → action, for the changes this piece knows by name. */
const ACTIONS: Record<string, string> = {
  'POST /accounts': 'console.account.add',
  'PATCH /accounts/:name': 'console.account.change',
};

/**
 * Records each change (any method but GET and HEAD) that passed the guard: a route's own line when it set
 * one (sign-in, sign-out, accounts), else `METHOD /route` with the actor.
 */
export function auditConsole(app: FastifyInstance, store: Store, prefix: string): void {
  app.decorateRequest('consoleAudit', null);
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (route === undefined) return payload;
    const own = request.consoleAudit;
    if (own) {
      await recordAudit(store, { ...own, status: reply.statusCode });
      return payload;
    }
    if (request.method === 'GET' || request.method === 'HEAD' || !request.consoleActor) return payload;
    const path = route.startsWith(prefix) ? route.slice(prefix.length) || '/' : route;
    const action = ACTIONS[`${request.method} ${path}`] ?? `${request.method} ${path}`;
    const target =
      (request.params as Record<string, string | undefined> | undefined)?.name ??
      (request.params as Record<string, string | undefined> | undefined)?.id;
    await recordAudit(store, {
      actor: request.consoleActor.name,
      action,
      target: target && target.length <= 200 ? target : null,
      status: reply.statusCode,
    });
    return payload;
  });
}
