/**
 * The insights behind the admin bearer token, until the console's session guard (server/console/auth/) is
 * merged: then app.ts registers insightsRoutes behind that guard instead, and this file goes.
 */
import type { FastifyInstance } from 'fastify';
import { bearerGuard } from '../../bearer-guard.js';
import type { RouteOptions } from '../../route-options.js';
import { SignInLimiter } from '../../sign-in-limit.js';
import { insightsRoutes } from './routes.js';

export async function insightsBehindBearer(
  app: FastifyInstance,
  { config, store, contract }: RouteOptions,
): Promise<void> {
  // As the admin paths: without a token, none of this exists (404).
  if (!config.adminToken) return;
  app.addHook('onRequest', bearerGuard(config.adminToken, new SignInLimiter(), 'admin'));
  // Not the given options whole: their `prefix` would be added a second time.
  await app.register(insightsRoutes, { config, store, contract });
}
