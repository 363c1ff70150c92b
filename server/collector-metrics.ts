/**
 * What the collector counts for its operators (served by routes/metrics.ts): requests by route and status,
 * refusals by reason, idempotent replays, the store's latency (store/timed.ts) and the event loop's busy
 * time. Every label value comes from a fixed set (route patterns, status codes, the contract's field error
 * codes): nothing a client sends becomes a series of its own.
 */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry, Sampled } from './metrics.js';

export interface CollectorMetrics {
  registry: Registry;
  requests: Counter;
  refusals: Counter;
  replays: Counter;
  storeSeconds: Histogram;
}

/** Why a request was refused, by status; a 422 is counted by its field errors' codes instead. 404 is an answer, not a refusal. */
const REASONS: Readonly<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthorized',
  408: 'timeout',
  409: 'conflict',
  413: 'too-large',
  415: 'not-json',
  429: 'rate-limited',
};

export function collectorMetrics(): CollectorMetrics {
  const registry = new Registry();
  const metrics: CollectorMetrics = {
    registry,
    requests: registry.add(
      new Counter('ep_http_requests_total', 'Requests answered, by method, route pattern and status.', [
        'method',
        'route',
        'status',
      ]),
    ),
    refusals: registry.add(
      new Counter(
        'ep_refusals_total',
        'Requests refused, by status and reason (for 422, each field error code once per answer).',
        ['status', 'reason'],
      ),
    ),
    replays: registry.add(
      new Counter(
        'ep_idempotent_replays_total',
        'Submissions answered with the first answer of an id stored before (nothing stored).',
        [],
      ),
    ),
    storeSeconds: registry.add(
      new Histogram(
        'ep_store_operation_seconds',
        'Time of each store (database) operation, by operation and outcome.',
        ['operation', 'outcome'],
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      ),
    ),
  };
  // Read when scraped. The event loop's busy time shows what a kind of request costs (the bench's abuse
  // phase reads it), which latency alone hides.
  registry.add(
    new Sampled(
      'ep_event_loop_active_seconds_total',
      'Time the event loop spent running code (not waiting) since start.',
      'counter',
      () => performance.eventLoopUtilization().active / 1000,
    ),
  );
  registry.add(
    new Sampled('process_cpu_seconds_total', 'User and system CPU time of the process, in seconds.', 'counter', () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    }),
  );
  const startedAt = Date.now() / 1000;
  registry.add(
    new Sampled(
      'process_start_time_seconds',
      'Start time of the process, in seconds since the Unix epoch.',
      'gauge',
      () => startedAt,
    ),
  );
  return metrics;
}

/** Counts one refusal that never reached a route (the HTTP server's own 408, say). */
export function countRefusal(metrics: CollectorMetrics, status: number): void {
  metrics.refusals.inc({ status: String(status), reason: REASONS[status] ?? `http-${status}` });
}

/** The codes of a 422's field errors, distinct, or `invalid` when it names none. */
function codesOf(payload: unknown): string[] {
  const errors = (payload as { fieldErrors?: unknown } | null)?.fieldErrors;
  const codes = new Set<string>();
  if (Array.isArray(errors))
    for (const error of errors)
      if (typeof (error as { code?: unknown })?.code === 'string') codes.add((error as { code: string }).code);
  return codes.size ? [...codes] : ['invalid'];
}

/** Adds the hooks that count every answer; call on the root instance, before any route is registered. */
export function instrument(app: FastifyInstance, metrics: CollectorMetrics): void {
  const unprocessable = new WeakMap<FastifyRequest, string[]>();

  // The answer's object, before it becomes text: a 422's codes are read here, not parsed back later.
  app.addHook('preSerialization', async (request, reply, payload) => {
    if (reply.statusCode === 422) unprocessable.set(request, codesOf(payload));
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    metrics.requests.inc({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(status),
    });
    if (reply.getHeader('idempotent-replayed') === 'true') metrics.replays.inc();
    if (status === 422) {
      for (const code of unprocessable.get(request) ?? ['invalid'])
        metrics.refusals.inc({ status: '422', reason: code });
    } else if (status >= 400 && status < 500 && status !== 404) countRefusal(metrics, status);
  });
}
