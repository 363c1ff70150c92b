/**
 * The console's screens, `GET {basePath}/console/` and their files under `assets/`: what
 * scripts/build-console.mjs built into server/console/dist/ (from server/console/ui/), read once at start.
 * The page holds no data; its script asks the console's API (`./api/`, same origin) for everything. Its
 * Content-Security-Policy is the admin pages' (routes/admin-page.ts): its own scripts, styles and API only,
 * no inline script or style (Lit's constructed style sheets are not inline styles).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';

const BUILT = fileURLToPath(new URL('./dist/', import.meta.url));

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The built files by their path under the console (`/`, `/assets/index-….js`); empty when not built. */
function builtFiles(): Map<string, { type: string; body: Buffer }> {
  const files = new Map<string, { type: string; body: Buffer }>();
  if (!existsSync(`${BUILT}index.html`)) return files;
  files.set('/', { type: 'text/html; charset=utf-8', body: readFileSync(`${BUILT}index.html`) });
  for (const name of readdirSync(`${BUILT}assets`)) {
    const type = TYPES[extname(name)];
    if (type) files.set(`/assets/${name}`, { type, body: readFileSync(`${BUILT}assets/${name}`) });
  }
  return files;
}

export async function consolePageRoutes(app: FastifyInstance, { config }: RouteOptions): Promise<void> {
  const files = builtFiles();
  const limit = { config: limitFor(config.rateLimit.reads, 'console-page') };

  app.get('/', limit, async (request, reply) => {
    // `{base}/console` without its slash is sent to `{base}/console/`, where the page's relative addresses
    // (assets/…, api/…) resolve under the console.
    if (!request.url.split('?')[0]!.endsWith('/')) return reply.redirect('console/', 301);
    const page = files.get('/');
    if (!page)
      return reply.code(503).send({ message: 'The console is not built: run npm run console:build, then restart.' });
    return reply.type(page.type).header('content-security-policy', CSP).send(page.body);
  });

  app.get<{ Params: { name: string } }>('/assets/:name', limit, async (request, reply) => {
    const file = files.get(`/assets/${request.params.name}`);
    if (!file) return reply.code(404).send({ message: 'Not found.' });
    // Named by their content's hash: a new build has new names.
    return reply
      .type(file.type)
      .header('content-security-policy', CSP)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(file.body);
  });
}
