/**
 * Health, split as orchestrators probe it:
 * - `GET {endpoint}/health/live`: the process answers (200). It never touches the database, so a database
 *   outage does not get a healthy collector restarted: it answers 503 to writes meanwhile and reconnects.
 * - `GET {endpoint}/health/ready`: the database answers too (200), else 503, so a load balancer sends
 *   visitors elsewhere until it does.
 * - `GET {endpoint}/health`: the same as ready, for the load balancers already set up with it.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteOptions } from '../route-options.js';

export async function healthRoutes(app: FastifyInstance, { store }: RouteOptions): Promise<void> {
  app.get('/health/live', async () => ({ status: 'ok' }));

  const ready = async (): Promise<{ status: string; database: string }> => {
    await store.ping(); // throws StoreUnavailableError: 503 with Retry-After (app.ts)
    return { status: 'ok', database: store.dialect };
  };
  app.get('/health/ready', ready);
  app.get('/health', ready);
}
