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
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { Contract } from './contract.js';
import { checkKinds } from './kinds.js';
import { adminRoutes } from './routes/admin.js';
import { adminPageRoutes } from './routes/admin-page.js';
import { readRoutes } from './routes/index.js';
import { submissionRoutes } from './routes/submissions.js';
import { StoreUnavailableError, type Store } from './store/types.js';

export interface AppOptions {
  config: Config;
  store: Store;
  contract?: Contract;
  /** A pino logger's options, or false (tests). */
  logger?: boolean | Record<string, unknown>;
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
      return { status: error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 415 : 400, message: 'The body must be application/json.' };
    default:
      break;
  }
  if (error instanceof SyntaxError || error.statusCode === 400) return { status: 400, message: 'The body is not valid JSON.' };
  if (error.statusCode === 413) return { status: 413, message: 'The body is larger than the collector accepts.' };
  if (error.statusCode === 415) return { status: 415, message: 'The body must be application/json.' };
  if (error.statusCode === 429) return { status: 429, message: 'Too many requests from this client; try again later.' };
  return undefined;
}

export async function buildApp({ config, store, contract = new Contract(), logger = false }: AppOptions): Promise<FastifyInstance> {
  checkKinds(contract);
  const options: FastifyServerOptions = {
    logger:
      logger === false
        ? false
        : {
            level: config.logLevel,
            // No client address in the logs either: only what was asked and how it was answered.
            serializers: {
              req: (request: { method: string; url: string; id: string }) => ({ method: request.method, url: request.url.split('?')[0], id: request.id }),
            },
            ...(typeof logger === 'object' ? logger : {}),
          },
    bodyLimit: config.bodyLimit,
    // A client that trickles its request (slowloris) is cut off; a submission is small.
    requestTimeout: 15_000,
    trustProxy: config.trustProxy,
    // `__proto__` and `constructor.prototype` in a body are refused (400), not parsed.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Ids in paths may be as long as the contract allows (200 characters; an Arabic slug is 6 bytes each, encoded).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
  };
  const app = Fastify(options);

  // Only JSON is read: Fastify's text/plain parser would turn any text into a string body (415 instead).
  app.removeContentTypeParser('text/plain');

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
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, message: `Too many requests from this client; try again in ${context.after}.` }),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof StoreUnavailableError) {
      request.log.warn({ err: error }, 'store unavailable');
      return reply.code(503).header('retry-after', '5').send({ message: 'The collector cannot store this now; try again later.' });
    }
    const known = answerFor(error);
    if (known) return reply.code(known.status).send({ message: known.status === 429 ? error.message : known.message });
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
  return app;
}
