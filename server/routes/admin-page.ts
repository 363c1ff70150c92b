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

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escape = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The pages: each its own `<main>` (`{name}-main.html`) and script, in one frame (page.html) with both links. */
const PAGES = [
  {
    link: './',
    name: 'inbox',
    title: 'Submissions',
    note:
      "The reference collector's inbox. Nothing is shown until the admin token is given; it is kept in this tab " +
      'only.',
  },
  {
    link: 'ideas.html',
    name: 'ideas',
    title: 'Ideas to review',
    note:
      'Publish or reject the ideas visitors sent, set where each stands and answer it. Nothing is shown until the ' +
      'admin token is given; it is kept in this tab only.',
  },
] as const;

function framed(page: (typeof PAGES)[number], main: string): string {
  const links = PAGES.map(({ link, title }) => {
    const current = link === page.link ? ' aria-current="page"' : '';
    return `          <li><a href="${link}"${current}>${title}</a></li>`;
  });
  const { title, name, note } = page;
  const fill: Record<string, string> = { title, script: `${name}.js`, note, pages: links.join('\n'), main };
  return read('page.html').replace(/\{\{(\w+)\}\}/g, (_, key: string) => fill[key]!);
}

export async function adminPageRoutes(app: FastifyInstance, { config, contract }: RouteOptions): Promise<void> {
  const options = [...contract.kinds.keys()]
    .map((kind) => `<option value="${escape(kind)}">${escape(kind)}</option>`)
    .join('');
  const html = 'text/html; charset=utf-8';
  const files: Record<string, { type: string; body: string }> = {
    '/': { type: html, body: framed(PAGES[0], read('inbox-main.html').replace('<!--KINDS-->', options)) },
    '/inbox.js': { type: 'text/javascript; charset=utf-8', body: read('inbox.js') },
    '/inbox.css': { type: 'text/css; charset=utf-8', body: read('inbox.css') },
    '/ideas.html': { type: html, body: framed(PAGES[1], read('ideas-main.html')) },
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
