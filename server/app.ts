/**
 * The reference collector as a Fastify application: the contract of api/openapi.yaml over a Store.
 *
 * Why Fastify: a well-kept Node framework whose request pipeline (hooks, body limit, content-type parsing
 * with prototype-poisoning protection, error handler) and first-party plugins (@fastify/cors,
 * @fastify/rate-limit) cover what the collector needs, and it is built around Ajv, the validator the
 * contract's JSON Schemas are compiled with. (Validation is done here with the contract's own Ajv instance,
 * not Fastify's, whose defaults coerce types; see routes/submissions.ts.)
 */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, {
  type FastifyError,
  type FastifyHttpOptions,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify';
import { BodyShapeError, textShapeProblem } from './body-shape.js';
import { consoleApi } from './console/auth/index.js';
import { collectorMetrics, countRefusal, instrument, type CollectorMetrics } from './collector-metrics.js';
import type { Config } from './config.js';
import { Contract } from './contract.js';
import { databaseRefusal } from './database-refusal.js';
import { insightsRoutes } from './console/insights/routes.js';
import { checkKinds } from './kinds.js';
import { changeNoteRoutes } from './console/changes/routes.js';
import { panelRoutes } from './console/panel/routes.js';
import { caseRoutes } from './console/cases/routes.js';
import { consoleConsultationRoutes } from './console/consultations/routes.js';
import { ideaReviewRoutes } from './console/ideas/routes.js';
import { consolePageRoutes } from './console/ui-routes.js';
import { adminRoutes } from './routes/admin.js';
import { adminPageRoutes } from './routes/admin-page.js';
import { readRoutes } from './routes/index.js';
import { metricsRoutes } from './routes/metrics.js';
import { submissionRoutes } from './routes/submissions.js';
import { timedStore } from './store/timed.js';
import { StoreUnavailableError, type Store } from './store/types.js';

export interface AppOptions {
  config: Config;
  store: Store;
  contract?: Contract;
  /** A pino logger's options, or false (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Where the app counts what it answers (a fresh set by default; tests pass one to read it). */
  metrics?: CollectorMetrics;
}

/** Headers on every answer: a JSON API that nothing should sniff, frame, cache or refer from. */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'cache-control': 'no-store',
};

/** Fastify's own errors for bodies it cannot read, as the contract's answers. */
function answerFor(error: FastifyError): { status: number; message: string } | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, message: 'The body is not valid JSON.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, message: `The body is larger than the collector accepts.` };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 415 : 400,
        message: 'The body must be application/json.',
      };
    default:
      break;
  }
  if (error instanceof SyntaxError || error.statusCode === 400)
    return { status: 400, message: 'The body is not valid JSON.' };
  if (error.statusCode === 413) return { status: 413, message: 'The body is larger than the collector accepts.' };
  if (error.statusCode === 415) return { status: 415, message: 'The body must be application/json.' };
  if (error.statusCode === 429) return { status: 429, message: 'Too many requests from this client; try again later.' };
  return undefined;
}

/**
 * Fastify's `trustProxy` for the configured proxies. A hop count becomes a function: Fastify takes a bare
 * number as "trust nobody", while the operator who wrote it means "this many proxies stand in front".
 */
function trustProxyOption(trust: Config['trustProxy']): FastifyServerOptions['trustProxy'] {
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return trust;
}

/**
 * The HTTP server's own refusals, before any route: a request not complete within the request timeout
 * (408), or not HTTP at all (400). Answered as Fastify does by default, and counted.
 */
function clientErrorHandler(metrics: CollectorMetrics) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    countRefusal(metrics, status);
    const body = JSON.stringify({
      message: status === 408 ? 'The request took too long to arrive.' : 'The request is not valid HTTP.',
    });
    if (socket.writable) {
      const reason =
        status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
      socket.write(
        `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}

export async function buildApp({
  config,
  store: given,
  contract = new Contract(),
  logger = false,
  metrics = collectorMetrics(),
}: AppOptions): Promise<FastifyInstance> {
  checkKinds(contract);
  const store = timedStore(given, (operation, outcome, seconds) =>
    metrics.storeSeconds.observe({ operation, outcome }, seconds),
  );
  const options: FastifyHttpOptions<Server> = {
    logger:
      logger === false
        ? false
        : {
            level: config.logLevel,
            // No client address in the logs either: only what was asked and how it was answered.
            serializers: {
              req: (request: { method: string; url: string; id: string }) => ({
                method: request.method,
                url: request.url.split('?')[0],
                id: request.id,
              }),
            },
            ...(typeof logger === 'object' ? logger : {}),
          },
    bodyLimit: config.bodyLimit,
    // A client that trickles its request (slowloris) is cut off: the whole request, headers and body, must
    // arrive within the timeout. Node's headersTimeout (60 s by default) must not exceed requestTimeout,
    // or Node swaps the two and lets a body trickle for 60 s; and Node looks for late requests every
    // connectionsCheckingInterval (30 s by default), which would add up to that much again.
    requestTimeout: config.requestTimeout,
    http: {
      requestTimeout: config.requestTimeout,
      headersTimeout: config.requestTimeout,
      connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.round(config.requestTimeout / 10))),
    },
    clientErrorHandler: clientErrorHandler(metrics),
    trustProxy: trustProxyOption(config.trustProxy),
    // `__proto__` and `constructor.prototype` in a body are refused (400), not parsed.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Ids in paths may be as long as the contract allows (200 characters; an Arabic slug is 6 bytes each, encoded).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
  };
  const app = Fastify(options);
  instrument(app, metrics);

  // Only JSON is read: Fastify's text/plain parser would turn any text into a string body (415 instead).
  app.removeContentTypeParser('text/plain');
  // A JSON body's shape is checked on its text before it is parsed (parsing a body nested 30,000 deep
  // takes V8 tens of milliseconds), then it is parsed as Fastify does (prototype poisoning refused).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const problem = textShapeProblem(body as string, contract.bodyLimits);
    if (problem) return done(new BodyShapeError(contract.shapeFieldErrors(problem)), undefined);
    return parseJson(request, body as string, done);
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
    return payload;
  });

  await app.register(cors, {
    // Only the allow-list; no credentials (the elements send none across origins).
    origin: config.allowedOrigins.includes('*') ? '*' : config.allowedOrigins.length ? config.allowedOrigins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'idempotency-key', ...config.allowedHeaders],
    exposedHeaders: ['retry-after', 'idempotent-replayed'],
    maxAge: 600,
    strictPreflight: true,
  });

  await app.register(rateLimit, {
    global: false,
    // The plugin's answer goes through the error handler below, like every other refusal.
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many requests from this client; try again in ${context.after}.`,
    }),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof StoreUnavailableError) {
      request.log.warn({ err: error }, 'store unavailable');
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ message: 'The collector cannot store this now; try again later.' });
    }
    if (error instanceof BodyShapeError)
      return reply
        .code(422)
        .send({ message: 'The request does not match the contract.', fieldErrors: error.fieldErrors });
    const known = answerFor(error);
    if (known) return reply.code(known.status).send({ message: known.status === 429 ? error.message : known.message });
    const refused = databaseRefusal(error);
    if (refused) {
      request.log.warn({ code: (error as { code?: unknown }).code }, 'the database refused the request');
      if (refused.status !== 422) return reply.code(refused.status).send({ message: refused.message });
      return reply
        .code(422)
        .send({ message: refused.message, fieldErrors: [{ field: '', code: 'invalid', message: refused.message }] });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send({ message: 'The collector failed; try again later.' });
  });

  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ message: 'Not found.' }));

  const routeOptions = { config, store, contract };
  await app.register(submissionRoutes, { ...routeOptions, prefix: config.basePath });
  await app.register(readRoutes, { ...routeOptions, prefix: config.basePath });
  if (config.adminToken) {
    await app.register(adminRoutes, { ...routeOptions, prefix: `${config.basePath}/admin` });
    await app.register(adminPageRoutes, { ...routeOptions, prefix: `${config.basePath}/admin` });
  }
  // The console's API: named accounts, sessions and roles (console/auth/); the other console pieces'
  // route plugins go in its `routes`, inside its guard.
  const consolePrefix = `${config.basePath}/console/api`;
  await app.register(consoleApi, {
    ...routeOptions,
    prefix: consolePrefix,
    routes: [insightsRoutes, changeNoteRoutes, panelRoutes, caseRoutes, ideaReviewRoutes, consoleConsultationRoutes],
  });
  // The console's screens (server/console/ui/, built into server/console/dist/), which call that API.
  await app.register(consolePageRoutes, { ...routeOptions, prefix: `${config.basePath}/console` });
  if (config.metricsToken)
    await app.register(metricsRoutes, { token: config.metricsToken, metrics, prefix: config.basePath });
  return app;
}
