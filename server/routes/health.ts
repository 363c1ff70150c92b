/**
 * For load balancers and orchestrators. `GET {endpoint}/health`: 200 when the database answers, else 503.
 * `GET {endpoint}/health/live`: 200 while the process answers at all; it asks the database nothing, so a
 * database outage does not get the process restarted.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteOptions } from '../app.js';

export async function healthRoutes(app: FastifyInstance, { store }: RouteOptions): Promise<void> {
  app.get('/health', async () => {
    await store.ping();
    return { status: 'ok', database: store.dialect };
  });
  app.get('/health/live', async () => ({ status: 'ok' }));
}
