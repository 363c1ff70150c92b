/**
 * The read endpoints, one module each: the tally and the page's latest change note (ep-page-poll), the
 * published ideas (ep-idea-box), a consultation (ep-consultation-card), and the health check. A new read
 * is a module here, with its response schema in api/openapi.yaml and its tables in a new migration.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteOptions } from '../route-options.js';
import { changesRoutes } from './changes.js';
import { consultationRoutes } from './consultations.js';
import { healthRoutes } from './health.js';
import { ideaRoutes } from './ideas.js';
import { tallyRoutes } from './tally.js';

export async function readRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  // Only what the modules need: passing this plugin's own options on would repeat its prefix.
  const options = { config, store, contract };
  await app.register(tallyRoutes, options);
  await app.register(changesRoutes, options);
  await app.register(ideaRoutes, options);
  await app.register(consultationRoutes, options);
  await app.register(healthRoutes, options);
}
