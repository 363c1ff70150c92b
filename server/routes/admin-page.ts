/**
 * A small inbox page for the administration: `GET {base}/admin/` (and its script and style). The page holds
 * no data and needs no token to load; it asks for the token and reads the admin API with it (see
 * server/admin-page/inbox.js, which writes everything as text). Its own Content-Security-Policy allows its
 * script, style and calls to this origin only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { limitFor, type RouteOptions } from '../app.js';

const folder = fileURLToPath(new URL('../admin-page/', import.meta.url));
const read = (name: string): string => readFileSync(`${folder}${name}`, 'utf8');

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escape = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export async function adminPageRoutes(app: FastifyInstance, { config, contract }: RouteOptions): Promise<void> {
  const options = [...contract.kinds.keys()].map((kind) => `<option value="${escape(kind)}">${escape(kind)}</option>`).join('');
  const files: Record<string, { type: string; body: string }> = {
    '/': { type: 'text/html; charset=utf-8', body: read('inbox.html').replace('<!--KINDS-->', options) },
    '/inbox.js': { type: 'text/javascript; charset=utf-8', body: read('inbox.js') },
    '/inbox.css': { type: 'text/css; charset=utf-8', body: read('inbox.css') },
  };
  for (const [path, file] of Object.entries(files)) {
    app.get(path, { config: limitFor(config.rateLimit.admin, 'admin') }, async (_request, reply) =>
      reply.type(file.type).header('content-security-policy', CSP).send(file.body),
    );
  }
}
