// The in-memory dev collector itself, written against the Fetch API only (Request in, Response out), so the
// one implementation runs in Node (tools/dev-endpoint.mjs: the demo, the element tests, the smoke run) and
// in the browser (tools/dev-endpoint-msw.mjs: Mock Service Worker, for Storybook dev and static builds).
//
// Every first path segment after `/ep-dev/` is its own space, so every test or story gets a clean collector:
// `/ep-dev/<space>/submissions`, `/ep-dev/<space>/tally`. The prefix may sit below a base path
// (`/design-system/ep-dev/<space>/...`), as it does when a static Storybook is published under a sub-path.
//
// Tests and stories script what the next requests get, and read what arrived:
//   POST /ep-dev/<space>/__script  { "route": "submissions" | "tally" | "changes" | "ideas" | "consultations", "responses": [Scripted, ...], "clear"?: true }
//        (clear: forget what was scripted before and not used yet, as when a collector comes back)
//   POST /ep-dev/<space>/__changes { "page": url, "note": { date, text: { ar, en }, link? } | null }
//        (the page's "what we changed" note, answered by GET changes?page=; no note: `{ note: null }`)
//   GET  /ep-dev/<space>/__log     → [{ method, route, query, headers, body, at }] (at: ms since the epoch)
//   GET  /ep-dev/<space>/__stored  → the envelopes stored, once each (what a collector would keep)
// Scripted: { status?, delayMs? (alone: the normal answer, late), body? (JSON), raw? (text body), headers?,
//   drop? (a network error: the Node adapter closes the socket, the browser adapter fails the fetch), hang?,
//   stall? (send the headers and the start of the body, then nothing more),
//   repeat? (answer this many requests the same way; browsers themselves retry a dropped connection or a 408
//   on a reused socket, Chromium once and Firefox more often, so faults that a browser retries need repeat) }
// Unscripted requests get what a real collector would answer (see src/core/delivery/paths.ts for the contract).
// Ideas (published ideas, seeding them with POST __ideas, supports): tools/dev-endpoint-ideas.mjs.
// Consultations (their sample data, and routes for tests) are in dev-endpoint-consultations.mjs.
// The Lab's panel (withdrawal codes, withdrawals and their limit, GET __panel) is in dev-endpoint-lab.mjs.

import { acceptIdeas, ideasPage, seedIdeas } from './dev-endpoint-ideas.mjs';
import { answerConsultation, consultationControl, recordView } from './dev-endpoint-consultations.mjs';
import { acceptLab, panelControl, withdrawalLimit } from './dev-endpoint-lab.mjs';

export const PREFIX = '/ep-dev/';
export const MAX_BODY = 256 * 1024;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** What `hang` returns: a promise that never settles, so the client's own timeout decides. */
const never = () => new Promise(() => {});

export function json(status, body, headers = {}) {
  const text = status === 204 ? null : typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** `/ep-dev/<space>/<route>/<rest...>` below any base path, or null when the URL is not the collector's. */
export function collectorPath(url) {
  const at = url.pathname.indexOf(PREFIX);
  if (at < 0) return null;
  const [name = '', route = '', ...rest] = url.pathname.slice(at + PREFIX.length).split('/');
  return { name, route, rest };
}

function newSpace(name) {
  return {
    name,
    log: [],
    scripts: { submissions: [], tally: [], changes: [], ideas: [], consultations: [] },
    notes: new Map(),
    stored: new Map(),
    answers: new Map(),
    bodies: new Map(),
    sequence: 0,
  };
}

/** As the reference collector compares them (server/canonical.ts): one id in any spelling, one body in any key order. */
const canonicalId = (id) =>
  String(id)
    .replace(/^urn:uuid:/i, '')
    .toLowerCase();
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const PREFIXES = {
  'page-vote': 'PV',
  'page-vote-details': 'PD',
  feedback: 'FB',
  idea: 'ID',
  'idea-support': 'IS',
  'consultation-view': 'CV',
  'lab-signup': 'LP',
  'lab-withdraw': 'LW',
};

function accept(space, envelope) {
  space.sequence += 1;
  const year = new Date().getUTCFullYear();
  const reference = `${PREFIXES[envelope.kind] ?? 'EP'}-${year}-${String(space.sequence).padStart(6, '0')}`;
  space.stored.set(envelope.id, envelope);
  recordView(space, envelope);
  return {
    id: envelope.id,
    reference,
    status: 'received',
    ...acceptIdeas(space, envelope),
    ...acceptLab(space, envelope),
  };
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

/** A body that sends its start and then nothing more (`stall`). */
function stalledBody() {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"reference": '));
    },
  });
}

/**
 * The collector: `handle(request, { from })` resolves to its Response, or to null when the request is not
 * under `/ep-dev/`. A `drop` resolves to `Response.error()`, which each adapter turns into a network error.
 * `seed(spaceOf)` prepares spaces; `onSubmission({ space, from, body })` hears every body POSTed to a
 * space's `submissions`, as read (the element tests record them for the contract test).
 */
export function createCollector({ seed, onSubmission } = {}) {
  const spaces = new Map();
  const spaceOf = (name) => {
    if (!spaces.has(name)) spaces.set(name, newSpace(name));
    return spaces.get(name);
  };
  seed?.(spaceOf);

  return async function handle(request, { from } = {}) {
    const url = new URL(request.url);
    const path = collectorPath(url);
    if (!path) return null;
    const { name, route, rest } = path;
    if (!name || !route) return json(404, { message: 'not found' });
    const space = spaceOf(name);

    const body = await request.text();
    if (body.length > MAX_BODY) return json(413, { message: 'body too large' });
    const method = request.method;

    if (route === '__script' && method === 'POST') {
      const { route: target, responses, clear } = JSON.parse(body);
      if (clear) space.scripts[target] = [];
      space.scripts[target].push(...responses);
      return json(204);
    }
    if (route === '__log') return json(200, space.log);
    if (route === '__stored') return json(200, [...space.stored.values()]);
    if (route === '__changes' && method === 'POST') {
      const { page, note } = JSON.parse(body);
      space.notes.set(page, note);
      return json(204);
    }
    if (route === '__ideas' && method === 'POST') return (seedIdeas(space, JSON.parse(body)), json(204));
    const control = consultationControl(space, route, method, body) ?? panelControl(space, route, method);
    if (control) return control;

    if (route === 'submissions' && method === 'POST') onSubmission?.({ space: name, from, body });
    let parsed;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      parsed = undefined;
    }
    const header = (key) => request.headers.get(key) ?? undefined;
    const logged = {
      method,
      route,
      query: Object.fromEntries(url.searchParams),
      headers: {
        'idempotency-key': header('idempotency-key'),
        'content-type': header('content-type'),
        'x-csrf-token': header('x-csrf-token'),
      },
      body: parsed ?? body,
      // The body exactly as it arrived, for tests that compare a resend with its first try byte for byte.
      text: body,
      at: Date.now(),
    };
    space.log.push(logged);
    const normal = () => answer(space, route, rest, method, url, parsed, header('idempotency-key'));

    const queue = space.scripts[route];
    const scripted = queue?.[0];
    if (!scripted) {
      logged.answer = 'normal';
      return normal();
    }
    scripted.repeat = (scripted.repeat ?? 1) - 1;
    if (scripted.repeat <= 0) queue.shift();
    // How it was answered, for tests that follow one submission through its tries.
    logged.answer = scripted.hang ? 'hang' : scripted.drop ? 'drop' : (scripted.status ?? 'late');
    if (scripted.hang) return never();
    if (scripted.delayMs) await sleep(scripted.delayMs);
    // Only a delay: then the answer a real collector gives (and stores), just late.
    const lateOnly =
      scripted.status === undefined &&
      scripted.body === undefined &&
      scripted.raw === undefined &&
      !scripted.drop &&
      !scripted.stall;
    if (lateOnly) return normal();
    if (scripted.drop) return Response.error();
    const headers = { 'content-type': 'application/json; charset=utf-8', ...scripted.headers };
    if (scripted.stall) return new Response(stalledBody(), { status: scripted.status ?? 200, headers });
    const text = scripted.raw ?? (scripted.body === undefined ? '' : JSON.stringify(scripted.body));
    const status = scripted.status ?? 200;
    // 204 and 304 cannot carry a body in a Response.
    return new Response(status === 204 || status === 304 ? null : text, { status, headers });
  };
}

/** What a real collector answers (see src/core/delivery/paths.ts for the contract). */
function answer(space, route, rest, method, url, parsed, idempotencyKey) {
  if (route === 'submissions' && method === 'POST') {
    if (!parsed || typeof parsed.id !== 'string' || typeof parsed.kind !== 'string') {
      return json(422, { message: 'invalid envelope', fieldErrors: [{ field: 'id', code: 'required' }] });
    }
    const limited = withdrawalLimit(space, parsed);
    if (limited) return limited;
    const key = canonicalId(idempotencyKey ?? parsed.id);
    // A repeat returns the first answer and stores nothing; another body under a stored id is refused.
    const canonicalBody = canonicalJson({ ...parsed, id: canonicalId(parsed.id) });
    if (space.bodies.has(key) && space.bodies.get(key) !== canonicalBody) {
      const reused = {
        field: 'id',
        code: 'idempotency-key-reused',
        message: 'This id was already used for a submission with another body.',
      };
      return json(422, { message: 'The submission does not match the contract.', fieldErrors: [reused] });
    }
    space.bodies.set(key, canonicalBody);
    if (!space.answers.has(key)) space.answers.set(key, accept(space, parsed));
    return json(201, space.answers.get(key));
  }
  if (route === 'tally' && method === 'GET') return json(200, tallyOf(space, url.searchParams.get('page') ?? ''));
  if (route === 'changes' && method === 'GET') {
    // Cacheable, as the real collector's answer is (server/routes/changes.ts).
    const note = space.notes.get(url.searchParams.get('page') ?? '') ?? null;
    return json(200, { note }, { 'cache-control': 'public, max-age=60, stale-while-revalidate=600' });
  }
  if (route === 'ideas' && method === 'GET') return json(200, ideasPage(space, url.searchParams));
  return answerConsultation(space, route, rest, method) ?? json(404, { message: 'not found' });
}
