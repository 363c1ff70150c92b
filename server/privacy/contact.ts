/**
 * Contact details inside a submission's data: the feedback form and the idea box send
 * `contact: { name?, email?, mobile?, channel? }` (contact-columns.ts). Erasing them removes that object
 * and keeps the rest (the message, the idea, `consent`: the record that the visitor agreed).
 */
import type { Statement } from '../store/types.js';

export function dataOf(value: unknown): Record<string, unknown> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

/** The data without its contact details, or undefined when it holds none. */
export function withoutContact(data: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!('contact' in data)) return undefined;
  const { contact: _erased, ...rest } = data;
  return rest;
}

/** The statement that erases one submission's contact details (or only marks it seen, when it has none). */
export function eraseContactStatement(
  id: string,
  data: Record<string, unknown>,
  now: Date,
): { statement: Statement; erased: boolean } {
  const kept = withoutContact(data);
  const at = now.toISOString();
  if (!kept)
    return {
      statement: {
        sql: 'UPDATE submissions SET contact_erased_at = COALESCE(contact_erased_at, ?) WHERE id = ?',
        params: [at, id],
      },
      erased: false,
    };
  return {
    statement: {
      sql: 'UPDATE submissions SET data = ?, contact_erased_at = COALESCE(contact_erased_at, ?) WHERE id = ?',
      params: [JSON.stringify(kept), at, id],
    },
    erased: true,
  };
}
