/**
 * The Innovation Lab's participant panel: what a sign-up adds to `lab_panel` (kinds.ts runs it with the
 * submission), what a withdrawal does (erases the sign-up's name and contact details and its panel row, when
 * the code and a contact detail match; nothing said either way), and the clean-up that drops the panel rows
 * of sign-ups whose contact details are gone (the retention sweep, an erasure by reference).
 */
import { dataOf, eraseContactStatements } from '../privacy/contact.js';
import type { Statement, Store } from '../store/types.js';
import { codeHash, contactHash, withdrawalCode, type PanelKey } from './withdrawal-codes.js';

/** What a sign-up's panel row is made of, worked out before it is stored (the key is read from the database). */
export interface PanelSignup {
  code: string;
  codeHash: string;
  emailHash: string | null;
  mobileHash: string | null;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** `['a', 'b']` → `' a b '`: each code between spaces, so that `LIKE '% a %'` finds one exactly. */
export const spaced = (codes: readonly string[]): string => ` ${codes.join(' ')} `;

export async function signupOf(key: PanelKey, id: string, data: Record<string, unknown>): Promise<PanelSignup> {
  const secret = await key.get();
  const code = withdrawalCode(secret, id);
  const contact = record(data.contact);
  return {
    code,
    codeHash: codeHash(code),
    emailHash: contactHash(secret, 'email', contact.email),
    mobileHash: contactHash(secret, 'mobile', contact.mobile),
  };
}

/** The panel row of a sign-up, stored with it. */
export function panelRow(id: string, data: Record<string, unknown>, signup: PanelSignup, receivedAt: Date): Statement {
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
  const topics = Array.isArray(data.topics) ? data.topics.map((topic) => String(record(topic).code)) : [];
  return {
    sql:
      'INSERT INTO lab_panel (submission_id, code_hash, email_hash, mobile_hash, sessions, topics, attendance, city, language, received_at) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    params: [
      id,
      signup.codeHash,
      signup.emailHash,
      signup.mobileHash,
      spaced(list(data.sessions)),
      spaced(topics),
      spaced(list(data.attendance)),
      typeof data.city === 'string' ? data.city.trim() : null,
      String(data.language),
      receivedAt.toISOString(),
    ],
  };
}

/**
 * A withdrawal: when the code names a sign-up still on the panel and one of the contact details given
 * matches one given at sign-up, that sign-up's contact details (its name among them) are erased and its
 * row leaves the panel. Returns whether one matched, for the log and the tests only: the visitor is told
 * the same either way.
 */
export async function withdraw(
  store: Store,
  key: PanelKey,
  data: Record<string, unknown>,
  now: Date,
): Promise<boolean> {
  const secret = await key.get();
  const contact = record(data.contact);
  const email = contactHash(secret, 'email', contact.email);
  const mobile = contactHash(secret, 'mobile', contact.mobile);
  const [found] = await store.all<{ id: string; data: unknown }>({
    sql:
      'SELECT s.id, s.data FROM lab_panel p JOIN submissions s ON s.id = p.submission_id ' +
      'WHERE p.code_hash = ? AND ((p.email_hash IS NOT NULL AND p.email_hash = ?) OR (p.mobile_hash IS NOT NULL AND p.mobile_hash = ?))',
    params: [codeHash(String(data.code)), email, mobile],
  });
  if (!found) return false;
  await store.batch([
    ...eraseContactStatements(found.id, dataOf(found.data), now).statements,
    { sql: 'DELETE FROM lab_panel WHERE submission_id = ?', params: [found.id] },
  ]);
  return true;
}

/** Panel rows whose sign-up is gone or has had its contact details erased: run after any erasure. */
export const PANEL_CLEANUP: Statement = {
  sql: 'DELETE FROM lab_panel WHERE submission_id NOT IN (SELECT id FROM submissions WHERE contact_erased_at IS NULL)',
  params: [],
};
