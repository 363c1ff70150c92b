/**
 * `GET {base}/metrics`: the collector's metrics in the Prometheus text format (collector-metrics.ts), only
 * when EP_METRICS_TOKEN is set, and only with `Authorization: Bearer {EP_METRICS_TOKEN}` (Prometheus's
 * `authorization` scrape setting). A token of its own rather than the admin token: whatever holds the
 * scraper's configuration must not be able to read submissions. Failed sign-ins count against the client
 * as the administration's do.
 */
import type { FastifyInstance } from 'fastify';
import { bearerGuard } from '../bearer-guard.js';
import type { CollectorMetrics } from '../collector-metrics.js';
import { EXPOSITION_TYPE } from '../metrics.js';
import { SignInLimiter } from '../sign-in-limit.js';

export interface MetricsRouteOptions {
  token: string;
  metrics: CollectorMetrics;
}

export async function metricsRoutes(app: FastifyInstance, { token, metrics }: MetricsRouteOptions): Promise<void> {
  app.addHook('onRequest', bearerGuard(token, new SignInLimiter(), 'metrics'));
  app.get('/metrics', async (_request, reply) => reply.type(EXPOSITION_TYPE).send(metrics.registry.exposition()));
}
