/**
 * The read endpoints, one module each.
 *
 * EXTENSION POINT (issues 5 and 6): `GET /ideas` (published ideas only, with supports and answers) and
 * `GET /consultations/{id}` (with counts and outcome) are each a module beside tally.ts, registered here,
 * with their response schemas in api/openapi.yaml and their tables in a new migration.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteOptions } from '../app.js';
import { healthRoutes } from './health.js';
import { tallyRoutes } from './tally.js';

export async function readRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  // Only what the modules need: passing this plugin's own options on would repeat its prefix.
  const options = { config, store, contract };
  await app.register(tallyRoutes, options);
  await app.register(healthRoutes, options);
}
