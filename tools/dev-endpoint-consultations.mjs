// Consultations for the in-memory collector (dev-endpoint.mjs), for <ep-consultation-card>: the demo, the
// stories and the tests. Every space starts with three sample consultations, dated from the moment the space
// is first used: one upcoming, one open, one closed with its outcome published (see SAMPLES). Tests add their
// own, with fixed dates, and read the views the collector keeps:
//   POST /ep-dev/<space>/__consultations  a consultation, or a list of them (stored by id; replaces one with the same id)
//   GET  /ep-dev/<space>/__views          → the latest view per visitor: [{ id, consultationId, stance, comment? }]
//   GET  /ep-dev/<space>/consultations/<id> → the consultation (see src/core/delivery/paths.ts), 404 when unknown;
//        `participants` counts the views kept on top of the number it was stored with.
// Its answers can be scripted like any route: POST __script { "route": "consultations", "responses": [...] }.
// A `consultation-view` submission whose data names `replaces` (the envelope id of the view it changes)
// takes that view's place; a replaced view that arrives late (from an outbox) is not counted.

import { sampleConsultations } from './demo-samples.mjs';

/** The space's consultations and views, set up the first time the space is used. */
function stateOf(space) {
  if (!space.consultationsState) {
    space.consultationsState = {
      consultations: new Map(sampleConsultations(Date.now()).map((item) => [item.id, item])),
      views: new Map(),
      replaced: new Set(),
    };
  }
  return space.consultationsState;
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(status === 204 ? '' : JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The test-only routes (`__consultations`, `__views`); true when it answered. */
export async function consultationControl(space, route, req, res) {
  if (route === '__consultations' && req.method === 'POST') {
    const body = JSON.parse(await readBody(req));
    for (const item of Array.isArray(body) ? body : [body]) stateOf(space).consultations.set(item.id, item);
    return sendJson(res, 204), true;
  }
  if (route === '__views') return sendJson(res, 200, [...stateOf(space).views.values()]), true;
  return false;
}

/** Keeps the latest view per visitor: a view that names the one it replaces takes its place. Called once per envelope id. */
export function recordView(space, envelope) {
  if (envelope.kind !== 'consultation-view') return;
  const { views, replaced } = stateOf(space);
  const { consultationId, stance, comment, replaces } = envelope.data ?? {};
  if (typeof replaces === 'string' && replaces) {
    views.delete(replaces);
    replaced.add(replaces);
  }
  // Its replacement came first (the outbox sent this one late): the visitor's latest view is already kept.
  if (replaced.has(envelope.id)) return;
  views.set(envelope.id, { id: envelope.id, consultationId, stance, ...(comment ? { comment } : {}) });
}

/** GET consultations/<id>; true when it answered. */
export function answerConsultation(space, route, req, res, url) {
  if (route !== 'consultations' || req.method !== 'GET') return false;
  let id = '';
  try {
    id = decodeURIComponent(url.pathname.split('/')[4] ?? '');
  } catch {
    // Not an id: answered as unknown.
  }
  const { consultations, views } = stateOf(space);
  const item = consultations.get(id);
  if (!item) return sendJson(res, 404, { message: 'no such consultation' }), true;
  const kept = [...views.values()].filter((view) => view.consultationId === id).length;
  sendJson(res, 200, typeof item.participants === 'number' ? { ...item, participants: item.participants + kept } : item);
  return true;
}
