/**
 * The console API's scope (`{basePath}/console/api`): cookies, the guard (guard.ts) over every route in
 * it, the audit of every change, the session and account routes, and then the other pieces' route plugins
 * (`routes`), so that the guard and the audit cover them too.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { limitFor, type RouteOptions } from '../../route-options.js';
import { SignInLimiter } from '../../sign-in-limit.js';
import { accountRoutes } from './account-routes.js';
import { auditConsole } from './audit.js';
import { consoleGuard } from './guard.js';
import { sessionRoutes } from './session-routes.js';
import type { SessionTimes } from './sessions.js';

export interface ConsoleApiOptions extends RouteOptions {
  /** Where this scope is mounted (its routes' URLs start with it). */
  prefix: string;
  /** The other console pieces' route plugins, registered inside the guard. */
  routes?: FastifyPluginAsync<RouteOptions>[];
}

export const sessionTimesOf = ({ consoleSession }: RouteOptions['config']): SessionTimes => ({
  absoluteMs: consoleSession.hours * 3_600_000,
  idleMs: consoleSession.idleMinutes * 60_000,
});

export async function consoleApi(app: FastifyInstance, options: ConsoleApiOptions): Promise<void> {
  const { config, store, contract, prefix } = options;
  const times = sessionTimesOf(config);
  await app.register(cookie);
  app.decorateRequest('consoleActor', null);
  app.addHook('onRequest', consoleGuard({ store, adminToken: config.adminToken, times, limiter: new SignInLimiter() }));
  auditConsole(app, store, prefix);

  const limit = limitFor(config.rateLimit.admin, 'console');
  // The cookie goes to the console's pages and API, nowhere else on the collector.
  const cookiePath = `${config.basePath}/console`;
  await app.register(sessionRoutes, {
    store,
    contract,
    times,
    cookiePath,
    byClient: new SignInLimiter(),
    byName: new SignInLimiter(),
    limit,
  });
  await app.register(accountRoutes, { store, contract, limit });
  for (const routes of options.routes ?? []) await app.register(routes, { config, store, contract });
}
