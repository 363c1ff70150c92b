/**
 * Two small pages for the administration: the inbox, `GET {base}/admin/`, and the ideas to review,
 * `GET {base}/admin/ideas.html` (with their scripts and shared style). The pages hold no data and need no
 * token to load; they ask for the token and call the admin API with it (see server/admin-page/inbox.js and
 * ideas.js, which write everything as text). Their own Content-Security-Policy allows their scripts, style
 * and calls to this origin only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { limitFor, type RouteOptions } from '../route-options.js';

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
    '/ideas.html': { type: 'text/html; charset=utf-8', body: read('ideas.html') },
    '/ideas.js': { type: 'text/javascript; charset=utf-8', body: read('ideas.js') },
  };
  for (const [path, file] of Object.entries(files)) {
    app.get(path, { config: limitFor(config.rateLimit.admin, 'admin') }, async (request, reply) => {
      // `{base}/admin` without its slash is sent to `{base}/admin/`: there, the page's relative links
      // (inbox.js, ideas.html) would otherwise resolve one folder up.
      if (path === '/' && !request.url.split('?')[0]!.endsWith('/')) return reply.redirect('admin/', 301);
      return reply.type(file.type).header('content-security-policy', CSP).send(file.body);
    });
  }
}
