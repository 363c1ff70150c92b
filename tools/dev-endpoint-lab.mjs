// The Innovation Lab's panel for the in-memory collector (dev-endpoint-core.mjs), for <ep-lab-invite>: the
// demo, the stories and the tests. As the reference collector (server/lab/, server/routes/submissions.ts):
//   - a `lab-signup`'s receipt adds `withdrawalCode` (`7K3M-Q9XR-2D4F`, Crockford's base 32), made from the
//     envelope id, so that a repeat is told the same code;
//   - a `lab-withdraw` with that code (any case, spaces or dashes; I and L read as 1, O as 0) and an email
//     address or mobile number given at sign-up erases the sign-up's `contact`; the answer is the same
//     receipt whether or not they matched, and the withdrawal is kept with empty `data`;
//   - withdrawals are limited to WITHDRAWAL_LIMIT an hour per space (then 429 with Retry-After), counted
//     before the repeat check, as the real collector counts them per client.
//   GET /ep-dev/<space>/__panel → the sign-ups still on the panel: [{ id, code, contact }] (tests, stories)

import { json } from './dev-endpoint-core.mjs';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const WITHDRAWAL_LIMIT = 10;
const HOUR = 60 * 60 * 1000;

const normalizeCode = (code) =>
  String(code ?? '')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');

/** A code from the id (not secret here: an in-memory collector for tests and demos), in three groups of four. */
function codeOf(id) {
  let hash = 2166136261;
  let code = '';
  for (let i = 0; i < 12; i++) {
    for (const char of `${id}:${i}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    code += ALPHABET[hash % 32];
  }
  return code.match(/.{4}/g).join('-');
}

function panelOf(space) {
  space.panel ??= new Map();
  return space.panel;
}

/** What a stored submission of the Lab's adds to its receipt (a sign-up's code), and what a withdrawal does. */
export function acceptLab(space, envelope) {
  if (envelope.kind === 'lab-signup') {
    const code = codeOf(envelope.id);
    panelOf(space).set(envelope.id, { id: envelope.id, code, contact: envelope.data?.contact ?? {} });
    return { withdrawalCode: code };
  }
  if (envelope.kind === 'lab-withdraw') {
    const { code, contact = {} } = envelope.data ?? {};
    const same = (a, b) =>
      typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();
    for (const member of panelOf(space).values()) {
      const matches = normalizeCode(member.code) === normalizeCode(code);
      if (matches && (same(member.contact.email, contact.email) || same(member.contact.mobile, contact.mobile))) {
        panelOf(space).delete(member.id);
        const signup = space.stored.get(member.id);
        if (signup) space.stored.set(member.id, { ...signup, data: { ...signup.data, contact: undefined } });
      }
    }
    // Neither the code nor the contact detail is kept.
    space.stored.set(envelope.id, { ...envelope, data: {} });
  }
  return {};
}

/** A 429 for a withdrawal over the limit, else null (and the attempt counted). */
export function withdrawalLimit(space, envelope, now = Date.now()) {
  if (envelope?.kind !== 'lab-withdraw') return null;
  space.withdrawals = (space.withdrawals ?? []).filter((at) => now - at < HOUR);
  if (space.withdrawals.length >= WITHDRAWAL_LIMIT) {
    const wait = Math.ceil((space.withdrawals[0] + HOUR - now) / 1000);
    return json(
      429,
      { message: 'Too many withdrawals from this address. Try again later.' },
      { 'retry-after': String(wait) },
    );
  }
  space.withdrawals.push(now);
  return null;
}

/** `GET __panel`: the sign-ups still on the panel, or null for any other route. */
export function panelControl(space, route, method) {
  return route === '__panel' && method === 'GET' ? json(200, [...panelOf(space).values()]) : null;
}
