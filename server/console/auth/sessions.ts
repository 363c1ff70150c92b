/**
 * Console sessions: a random 256-bit id in the cookie, stored only as its SHA-256 (a copy of the database
 * signs no one in). A session ends at its absolute expiry, after `idle` without a request, at sign-out, or
 * when its account is disabled, given a new role or a new password.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../../store/types.js';
import type { Role } from './accounts.js';

export interface SessionTimes {
  /** Milliseconds from sign-in to the session's end, however active. */
  absoluteMs: number;
  /** Milliseconds without a request after which the session ends. */
  idleMs: number;
}

export interface Session {
  idHash: string;
  account: string;
  displayName: string;
  role: Role;
  expiresAt: string;
  /** The token a non-GET request must send in `X-CSRF-Token`. */
  csrfToken: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The CSRF token, derived from the session id: bound to the session, and unknown to a page that cannot read
 * the HttpOnly cookie. Another session's token (or one of a session that ended) does not match.
 */
const csrfOf = (id: string): string => createHash('sha256').update(`ep-console-csrf\u0000${id}`).digest('base64url');

export function sameCsrf(given: string | undefined, session: Session): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(session.csrfToken).digest();
  return timingSafeEqual(a, b);
}

/** Starts a session; the id (for the cookie) is given back only here. */
export async function startSession(
  store: Store,
  account: string,
  times: SessionTimes,
  now: Date,
): Promise<{ id: string; expiresAt: string }> {
  const id = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + times.absoluteMs).toISOString();
  const at = now.toISOString();
  await store.batch([
    {
      sql:
        'INSERT INTO console_sessions (id_hash, account, created_at, last_seen_at, expires_at) ' +
        'VALUES (?, ?, ?, ?, ?)',
      params: [sha256(id), account, at, at, expiresAt],
    },
  ]);
  return { id, expiresAt };
}

interface SessionRow {
  id_hash: string;
  account: string;
  display_name: string;
  role: Role;
  last_seen_at: string;
  expires_at: string;
}

/** `last_seen_at` is rewritten at most once a minute per session, not on every request. */
const TOUCH_AFTER_MS = 60_000;

/** The live session of a cookie's id (its account enabled), its idle clock restarted; else undefined. */
export async function findSession(
  store: Store,
  id: string | undefined,
  times: SessionTimes,
  now: Date,
): Promise<Session | undefined> {
  if (!id || id.length > 100) return undefined;
  const idHash = sha256(id);
  const [row] = await store.all<SessionRow>({
    sql:
      'SELECT s.id_hash, s.account, a.display_name, a.role, s.last_seen_at, s.expires_at FROM console_sessions s ' +
      'JOIN console_accounts a ON a.name = s.account WHERE s.id_hash = ? AND a.disabled = 0',
    params: [idHash],
  });
  if (!row) return undefined;
  const idleEnd = Date.parse(row.last_seen_at) + times.idleMs;
  if (Date.parse(row.expires_at) <= now.getTime() || idleEnd <= now.getTime()) {
    await endSession(store, id);
    return undefined;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_AFTER_MS) {
    await store.batch([
      { sql: 'UPDATE console_sessions SET last_seen_at = ? WHERE id_hash = ?', params: [now.toISOString(), idHash] },
    ]);
  }
  return {
    idHash,
    account: row.account,
    displayName: row.display_name,
    role: row.role,
    expiresAt: row.expires_at,
    csrfToken: csrfOf(id),
  };
}

export async function endSession(store: Store, id: string): Promise<void> {
  await store.batch([{ sql: 'DELETE FROM console_sessions WHERE id_hash = ?', params: [sha256(id)] }]);
}

/** Sessions past their absolute end or idle too long (run at sign-in, so the table does not grow). */
export async function sweepSessions(store: Store, times: SessionTimes, now: Date): Promise<void> {
  await store.batch([
    {
      sql: 'DELETE FROM console_sessions WHERE expires_at <= ? OR last_seen_at <= ?',
      params: [now.toISOString(), new Date(now.getTime() - times.idleMs).toISOString()],
    },
  ]);
}
