/**
 * `POST /session` (sign in), `GET /session` (who am I, my role, my CSRF token), `DELETE /session` (sign
 * out, ending the session on the server). Failed sign-ins are limited per client and per account name
 * (sign-in-limit.ts); an unknown name, a wrong password and a disabled account get the same answer after
 * the same work (a scrypt verification, against a decoy hash when the name is unknown).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Contract } from '../../contract.js';
import type { limitFor } from '../../route-options.js';
import type { SignInLimiter } from '../../sign-in-limit.js';
import type { Store } from '../../store/types.js';
import { canonicalName, findAccount, isAccountName } from './accounts.js';
import { SESSION_COOKIE } from './guard.js';
import { decoyHash, verifyPassword } from './password.js';
import { endSession, findSession, startSession, sweepSessions, type SessionTimes } from './sessions.js';
import { refuseBody } from '../../body-check.js';

export interface SessionRouteOptions {
  store: Store;
  contract: Contract;
  times: SessionTimes;
  /** Where the console lives: the cookie goes to its paths only. */
  cookiePath: string;
  byClient: SignInLimiter;
  byName: SignInLimiter;
  limit: ReturnType<typeof limitFor>;
}

const FAILED = 'The name or the password is wrong.';

export async function sessionRoutes(app: FastifyInstance, options: SessionRouteOptions): Promise<void> {
  const { store, contract, times, byClient, byName } = options;
  // `Secure` on http://localhost too: browsers take a localhost origin as secure and keep the cookie.
  const cookie: CookieSerializeOptions = { httpOnly: true, sameSite: 'strict', secure: true, path: options.cookiePath };

  const tooMany = (reply: FastifyReply, wait: number) =>
    reply
      .code(429)
      .header('retry-after', String(wait))
      .send({ message: `Too many failed sign-ins; try again in ${wait} seconds.` });

  app.post('/session', { config: { signIn: true, ...options.limit } }, async (request, reply) => {
    const checked = contract.checkBody('ConsoleSignIn', request.body);
    if (!checked.valid) return refuseBody(reply, checked.fieldErrors);
    const { name, password } = request.body as { name: string; password: string };
    const key = canonicalName(name);
    const wait = Math.max(byClient.retryAfter(request.ip), byName.retryAfter(key));
    if (wait > 0) return tooMany(reply, wait);

    const account = isAccountName(name) ? await findAccount(store, key) : undefined;
    const matches = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
    if (!account || !matches || account.disabled) {
      const failures = Math.max(byClient.fail(request.ip), byName.fail(key));
      request.log.warn({ failures }, 'console sign-in failed');
      request.consoleAudit = { actor: isAccountName(name) ? key : '(not a name)', action: 'console.sign-in.failed' };
      return reply.code(401).send({ message: FAILED });
    }
    byClient.succeed(request.ip);
    byName.succeed(key);
    const now = new Date();
    await sweepSessions(store, times, now);
    const { id, expiresAt } = await startSession(store, account.name, times, now);
    const session = await findSession(store, id, times, now);
    reply.setCookie(SESSION_COOKIE, id, { ...cookie, maxAge: Math.floor(times.absoluteMs / 1000) });
    request.consoleAudit = { actor: account.name, action: 'console.sign-in' };
    return {
      name: account.name,
      displayName: account.displayName,
      role: account.role,
      csrfToken: session!.csrfToken,
      expiresAt,
    };
  });

  app.get('/session', { config: { role: 'viewer', ...options.limit } }, async (request) => {
    const actor = request.consoleActor!;
    const session = actor.session;
    if (!session) return { name: actor.name, displayName: actor.name, role: actor.role };
    return {
      name: session.account,
      displayName: session.displayName,
      role: session.role,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    };
  });

  app.delete('/session', { config: { role: 'viewer', ...options.limit } }, async (request, reply) => {
    const id = request.cookies[SESSION_COOKIE];
    if (id) await endSession(store, id);
    reply.clearCookie(SESSION_COOKIE, cookie);
    request.consoleAudit = { actor: request.consoleActor!.name, action: 'console.sign-out' };
    return reply.code(204).send();
  });
}
