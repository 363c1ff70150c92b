// The in-memory dev collector (tools/dev-endpoint-core.mjs, where its routes and scripted faults are
// described) on Node's HTTP servers: Vite's (the demo), @web/test-runner's (the element tests) and plain
// `node:http` ones (the smoke run, the bench). Storybook runs the same collector in the browser instead,
// through Mock Service Worker (tools/dev-endpoint-msw.mjs).

import { Readable } from 'node:stream';
import { MAX_BODY, PREFIX, collectorPath, createCollector, json } from './dev-endpoint-core.mjs';

export { PREFIX };

function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Writes a Fetch Response to Node's response; `Response.error()` (a scripted drop) closes the socket. */
async function write(response, req, res) {
  if (response.type === 'error') return req.socket.destroy();
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return res.end();
  // Streamed, so that a stalled body stays stalled.
  Readable.fromWeb(response.body).pipe(res);
}

/** Returns a Node-style handler `(req, res) => Promise<boolean>`: true when it answered the request. */
export function createDevEndpoint(options) {
  const handle = createCollector(options);
  return async function handleNode(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!collectorPath(url)) return false;
    let body;
    try {
      body = await readBody(req);
    } catch {
      await write(json(413, { message: 'body too large' }), req, res);
      return true;
    }
    const headers = Object.entries(req.headers).flatMap(([key, value]) =>
      value === undefined ? [] : [[key, String(value)]],
    );
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(url, { method: req.method, headers, body: hasBody ? body : undefined });
    const response = await handle(request, { from: req.headers.referer });
    if (response) await write(response, req, res);
    return true;
  };
}

/** For Vite (the demo): `plugins: [devEndpointPlugin()]`. */
export function devEndpointPlugin(options) {
  const handle = createDevEndpoint(options);
  const mount = (server) => {
    server.middlewares.use((req, res, next) => {
      handle(req, res).then((handled) => handled || next(), next);
    });
  };
  return { name: 'ep-dev-endpoint', configureServer: mount, configurePreviewServer: mount };
}

/** For @web/test-runner and @web/dev-server (Koa): `middleware: [devEndpointMiddleware()]`. */
export function devEndpointMiddleware(options) {
  const handle = createDevEndpoint(options);
  return async (ctx, next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    ctx.respond = false; // the handler writes to the raw response itself
    await handle(ctx.req, ctx.res);
  };
}
