/**
 * The console API's guard, an `onRequest` hook over every route of its scope: a session cookie (or the
 * admin bearer token, for machines) and the route's least role (`config.role`), plus, on every request
 * that may change something, the session's CSRF token in `X-CSRF-Token` and, when the browser sends one,
 * an Origin that is the console's own. A route without a role needs an administrator: forgetting to
 * declare one closes the route rather than opening it.
 */
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { sameToken } from '../../bearer-guard.js';
import type { SignInLimiter } from '../../sign-in-limit.js';
import type { Store } from '../../store/types.js';
import { allows, type Role } from './accounts.js';
import { findSession, sameCsrf, type Session, type SessionTimes } from './sessions.js';

export const SESSION_COOKIE = 'ep_console_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface ConsoleActor {
  /** The account's name, or "token" for the bearer. */
  name: string;
  role: Role;
  session?: Session;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The least role a console route needs (console/auth/guard.ts). */
    role?: Role;
    /** The sign-in route: open to anyone (limited per client and per name instead). */
    signIn?: boolean;
  }
  interface FastifyRequest {
    consoleActor: ConsoleActor | null;
  }
}

const SAFE = new Set(['GET', 'HEAD']);

export interface GuardOptions {
  store: Store;
  adminToken: string | undefined;
  times: SessionTimes;
  /** Failed bearer tokens per client. */
  limiter: SignInLimiter;
}

const refuse = (reply: FastifyReply, status: number, message: string): FastifyReply =>
  reply.code(status).send({ message });

/** The request's own origin, as a browser would write it in `Origin`. */
const ownOrigin = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

export function consoleGuard({ store, adminToken, times, limiter }: GuardOptions): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const config = request.routeOptions.config;
    if (request.routeOptions.url === undefined || config.signIn) return;
    const needed: Role = config.role ?? 'administrator';

    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
    if (request.headers.authorization !== undefined) {
      const wait = limiter.retryAfter(request.ip);
      if (wait > 0)
        return reply
          .code(429)
          .header('retry-after', String(wait))
          .send({ message: `Too many failed sign-ins from this client; try again in ${wait} seconds.` });
      if (!adminToken || !bearer || !sameToken(bearer, adminToken)) {
        request.log.warn({ failures: limiter.fail(request.ip) }, 'console bearer sign-in failed');
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer realm="ep-collector"')
          .send({ message: 'A valid token or session is required.' });
      }
      limiter.succeed(request.ip);
      // The token is never sent by a browser on its own, so it needs no CSRF token.
      request.consoleActor = { name: 'token', role: 'administrator' };
      return;
    }

    const session = await findSession(store, request.cookies[SESSION_COOKIE], times, new Date());
    if (!session) return refuse(reply, 401, 'Sign in to the console first.');
    if (!SAFE.has(request.method)) {
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== ownOrigin(request))
        return refuse(reply, 403, 'This request comes from another site.');
      const token = request.headers[CSRF_HEADER];
      if (!sameCsrf(typeof token === 'string' ? token : undefined, session))
        return refuse(reply, 403, 'The CSRF token is missing or wrong.');
    }
    if (!allows(session.role, needed)) return refuse(reply, 403, `This needs the ${needed} role.`);
    request.consoleActor = { name: session.account, role: session.role, session };
  };
}
