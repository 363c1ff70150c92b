/** `GET {endpoint}/health`: for a load balancer. 200 when the database answers, else 503. */
import type { FastifyInstance } from 'fastify';
import type { RouteOptions } from '../route-options.js';

export async function healthRoutes(app: FastifyInstance, { store }: RouteOptions): Promise<void> {
  app.get('/health', async () => {
    await store.ping();
    return { status: 'ok', database: store.dialect };
  });
}
