// Consultations for the in-memory collector (dev-endpoint-core.mjs), for <ep-consultation-card>: the demo, the
// stories and the tests. Every space starts with three sample consultations, dated from the moment the space
// is first used: one upcoming (a draft regulation: `type: 'legal'`, with its `istitlaaUrl`), one open and one
// closed with its outcome published (both `non-legal`; see tools/demo-samples.mjs). Tests add their own, with
// fixed dates (and any `type`, or none, as a collector that predates types would), and read the views it keeps:
//   POST /ep-dev/<space>/__consultations  a consultation, or a list of them (stored by id; replaces one with the same id)
//   GET  /ep-dev/<space>/__views          → the latest view per visitor: [{ id, consultationId, stance, comment? }]
//   GET  /ep-dev/<space>/consultations/<id> → the consultation (see src/core/delivery/paths.ts), 404 when unknown;
//        `participants` counts the views kept on top of the number it was stored with.
// Its answers can be scripted like any route: POST __script { "route": "consultations", "responses": [...] }.
// A `consultation-view` submission whose data names `replaces` (the envelope id of the view it changes)
// takes that view's place; a replaced view that arrives late (from an outbox) is not counted.

import { sampleConsultations } from './demo-samples.mjs';
import { json } from './dev-endpoint-core.mjs';

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

/** The test-only routes (`__consultations`, `__views`): their Response, or null for any other route. */
export function consultationControl(space, route, method, body) {
  if (route === '__consultations' && method === 'POST') {
    const parsed = JSON.parse(body);
    for (const item of Array.isArray(parsed) ? parsed : [parsed]) stateOf(space).consultations.set(item.id, item);
    return json(204);
  }
  if (route === '__views') return json(200, [...stateOf(space).views.values()]);
  return null;
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

/** GET consultations/<id> (`rest` is the path after the route): its Response, or null for any other route. */
export function answerConsultation(space, route, rest, method) {
  if (route !== 'consultations' || method !== 'GET') return null;
  let id = '';
  try {
    id = decodeURIComponent(rest[0] ?? '');
  } catch {
    // Not an id: answered as unknown.
  }
  const { consultations, views } = stateOf(space);
  const item = consultations.get(id);
  if (!item) return json(404, { message: 'no such consultation' });
  const kept = [...views.values()].filter((view) => view.consultationId === id).length;
  return json(200, typeof item.participants === 'number' ? { ...item, participants: item.participants + kept } : item);
}
