// A collector for development and tests, in memory. Mounted by the demo (Vite), the element tests
// (@web/test-runner) and Storybook, all under PREFIX. Each first path segment below PREFIX is its own
// space, so every test gets a clean collector: `/ep-dev/<space>/submissions`, `/ep-dev/<space>/tally`.
//
// Tests script what the next requests get, and read what arrived:
//   POST /ep-dev/<space>/__script  { "route": "submissions" | "tally" | "ideas" | "consultations", "responses": [Scripted, ...], "clear"?: true }
//        (clear: forget what was scripted before and not used yet, as when a collector comes back)
//   GET  /ep-dev/<space>/__log     → [{ method, route, query, headers, body, at }] (at: ms since the epoch)
//   GET  /ep-dev/<space>/__stored  → the envelopes stored, once each (what a collector would keep)
// Scripted: { status?, delayMs? (alone: the normal answer, late), body? (JSON), raw? (text body), headers?,
//   drop? (close the socket), hang?,
//   stall? (send the headers and the start of the body, then nothing more),
//   repeat? (answer this many requests the same way; browsers themselves retry a dropped connection or a 408
//   on a reused socket, Chromium once and Firefox more often, so faults that a browser retries need repeat) }
// Unscripted requests get what a real collector would answer (see src/core/paths.ts for the contract).
// Ideas (published ideas, seeding them with POST __ideas, supports): tools/dev-endpoint-ideas.mjs.
// Consultations (their sample data, and routes for tests) are in dev-endpoint-consultations.mjs.

import { acceptIdeas, ideasPage, seedIdeas } from './dev-endpoint-ideas.mjs';
import { answerConsultation, consultationControl, recordView } from './dev-endpoint-consultations.mjs';

export const PREFIX = '/ep-dev/';
const MAX_BODY = 256 * 1024;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function newSpace(name) {
  return { name, log: [], scripts: { submissions: [], tally: [], ideas: [], consultations: [] }, stored: new Map(), answers: new Map(), sequence: 0 };
}

const PREFIXES = { 'page-vote': 'PV', 'page-vote-details': 'PD', feedback: 'FB', idea: 'ID', 'idea-support': 'IS', 'consultation-view': 'CV' };

function accept(space, envelope) {
  space.sequence += 1;
  const year = new Date().getUTCFullYear();
  const reference = `${PREFIXES[envelope.kind] ?? 'EP'}-${year}-${String(space.sequence).padStart(6, '0')}`;
  space.stored.set(envelope.id, envelope);
  recordView(space, envelope);
  return { id: envelope.id, reference, status: 'received', ...acceptIdeas(space, envelope) };
}

function tallyOf(space, page) {
  let yes = 0;
  let total = 0;
  for (const envelope of space.stored.values()) {
    if (envelope.kind !== 'page-vote' || envelope.page?.url !== page) continue;
    total += 1;
    if (envelope.data?.answer === 'yes') yes += 1;
  }
  return { yes, total };
}

/** Returns a Node-style handler `(req, res) => Promise<boolean>`: true when it answered the request. */
/**
 * `seed(spaceOf)` prepares spaces; `onSubmission({ space, from, body })` hears every body POSTed to a
 * space's `submissions`, as read (the tests record them for the contract test).
 */
export function createDevEndpoint({ seed, onSubmission } = {}) {
  const spaces = new Map();
  const spaceOf = (name) => {
    if (!spaces.has(name)) spaces.set(name, newSpace(name));
    return spaces.get(name);
  };
  seed?.(spaceOf);

  return async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(PREFIX)) return false;
    const [name, route] = url.pathname.slice(PREFIX.length).split('/');
    if (!name || !route) return send(res, 404, { message: 'not found' }), true;
    const space = spaceOf(name);

    if (route === '__script' && req.method === 'POST') {
      const { route: target, responses, clear } = JSON.parse(await readBody(req));
      if (clear) space.scripts[target] = [];
      space.scripts[target].push(...responses);
      return send(res, 204, ''), true;
    }
    if (route === '__log') return send(res, 200, space.log), true;
    if (route === '__stored') return send(res, 200, [...space.stored.values()]), true;
    if (route === '__ideas' && req.method === 'POST') return seedIdeas(space, JSON.parse(await readBody(req))), send(res, 204, ''), true;
    if (await consultationControl(space, route, req, res)) return true;

    let body = '';
    try {
      body = await readBody(req);
    } catch {
      return send(res, 413, { message: 'body too large' }), true;
    }
    if (route === 'submissions' && req.method === 'POST') onSubmission?.({ space: name, from: req.headers.referer, body });
    let json;
    try {
      json = body ? JSON.parse(body) : undefined;
    } catch {
      json = undefined;
    }
    const logged = {
      method: req.method,
      route,
      query: Object.fromEntries(url.searchParams),
      headers: { 'idempotency-key': req.headers['idempotency-key'], 'content-type': req.headers['content-type'], 'x-csrf-token': req.headers['x-csrf-token'] },
      body: json ?? body,
      at: Date.now(),
    };
    space.log.push(logged);

    const queue = space.scripts[route];
    const scripted = queue?.[0];
    if (scripted) {
      scripted.repeat = (scripted.repeat ?? 1) - 1;
      if (scripted.repeat <= 0) queue.shift();
      // How it was answered, for tests that follow one submission through its tries.
      logged.answer = scripted.hang ? 'hang' : scripted.drop ? 'drop' : (scripted.status ?? 'late');
      if (scripted.hang) return true; // never answers; the client's timeout decides
      if (scripted.delayMs) await sleep(scripted.delayMs);
      // Only a delay: then the answer a real collector gives (and stores), just late.
      const lateOnly = scripted.status === undefined && scripted.body === undefined && scripted.raw === undefined && !scripted.drop && !scripted.stall;
      if (lateOnly) return answer(space, route, req, res, url, json);
      if (scripted.drop) return req.socket.destroy(), true;
      if (scripted.stall) {
        res.writeHead(scripted.status ?? 200, { 'content-type': 'application/json; charset=utf-8' });
        res.write('{"reference": ');
        return true;
      }
      const status = scripted.status ?? 200;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...scripted.headers });
      res.end(scripted.raw ?? (scripted.body === undefined ? '' : JSON.stringify(scripted.body)));
      return true;
    }

    logged.answer ??= 'normal';
    return answer(space, route, req, res, url, json);
  };
}

/** What a real collector answers (see src/core/paths.ts for the contract). */
function answer(space, route, req, res, url, json) {
  if (route === 'submissions' && req.method === 'POST') {
    if (!json || typeof json.id !== 'string' || typeof json.kind !== 'string') {
      return send(res, 422, { message: 'invalid envelope', fieldErrors: [{ field: 'id', code: 'required' }] }), true;
    }
    const key = req.headers['idempotency-key'] ?? json.id;
    // A repeat returns the first answer and stores nothing.
    if (!space.answers.has(key)) space.answers.set(key, accept(space, json));
    return send(res, 201, space.answers.get(key)), true;
  }
  if (route === 'tally' && req.method === 'GET') {
    return send(res, 200, tallyOf(space, url.searchParams.get('page') ?? '')), true;
  }
  if (route === 'ideas' && req.method === 'GET') return send(res, 200, ideasPage(space, url.searchParams)), true;
  if (answerConsultation(space, route, req, res, url)) return true;
  return send(res, 404, { message: 'not found' }), true;
}

/** For Vite (demo, Storybook, Vitest): `plugins: [devEndpointPlugin()]`. */
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
