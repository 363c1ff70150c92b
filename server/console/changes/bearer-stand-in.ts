/**
 * A console plugin behind the administration's bearer token (bearer-guard.ts): what stands in for the
 * session guard of server/console/auth/ until the console's pieces are merged (issue 17). A request that
 * passes it acts as an administrator, as the bearer will under the session guard.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { bearerGuard } from '../../bearer-guard.js';
import { SignInLimiter } from '../../sign-in-limit.js';

export function behindBearer<O extends object>(
  token: string,
  plugin: (app: FastifyInstance, options: O) => Promise<void>,
): FastifyPluginAsync<O> {
  return async (app, options) => {
    app.addHook('onRequest', bearerGuard(token, new SignInLimiter(), 'console'));
    // Its own options only: passing the prefix on would mount the routes under it twice.
    const { prefix: _prefix, ...own } = options as O & { prefix?: string };
    await app.register(plugin, own as O);
  };
}
