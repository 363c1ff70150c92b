/**
 * The bearer-token check of a group of routes (the administration, the metrics), as an `onRequest` hook:
 * a missing or wrong token is counted against the client (sign-in-limit.ts) before it is answered 401,
 * and a client past the limit is answered 429 with Retry-After. Failures are logged with the client's
 * count, never with the token (nor the address: the logs hold none).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { onRequestAsyncHookHandler } from 'fastify';
import type { SignInLimiter } from './sign-in-limit.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Compares in constant time (both sides hashed first, so their lengths do not leak either). */
export function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerGuard(token: string, limiter: SignInLimiter, what: string): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const wait = limiter.retryAfter(request.ip);
    if (wait > 0) {
      return reply
        .code(429)
        .header('retry-after', String(wait))
        .send({ message: `Too many failed sign-ins from this client; try again in ${wait} seconds.` });
    }
    const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
    if (given && sameToken(given, token)) {
      limiter.succeed(request.ip);
      return;
    }
    const failures = limiter.fail(request.ip);
    request.log.warn({ failures, tokenGiven: Boolean(given) }, `${what} sign-in failed`);
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer realm="ep-collector"')
      .send({ message: `A valid ${what} token is required.` });
  };
}
