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

/**
 * The failures recorded with a case's notes sent by email (console/cases/reply-mail.ts): they are stored
 * without the address, but a server's answer can name the visitor in ways no pattern knows (the mailbox's
 * name alone, another spelling), so they go with the contact details.
 */
const noteFailuresStatement = (id: string): Statement => ({
  sql: 'UPDATE case_notes SET email_failure = NULL WHERE submission_id = ? AND email_failure IS NOT NULL',
  params: [id],
});

/**
 * The statements that erase one submission's contact details and what was recorded of them in its case's
 * notes (or only mark it seen, when it has none).
 */
export function eraseContactStatements(
  id: string,
  data: Record<string, unknown>,
  now: Date,
): { statements: Statement[]; erased: boolean } {
  const kept = withoutContact(data);
  const at = now.toISOString();
  const submission: Statement = kept
    ? {
        // The body hash covered the contact details: kept, it would confirm a guess at them. Without it, a repeat
        // of the submission gets its first answer (types.ts checkRepeat).
        sql: 'UPDATE submissions SET data = ?, body_hash = NULL, contact_erased_at = COALESCE(contact_erased_at, ?) WHERE id = ?',
        params: [JSON.stringify(kept), at, id],
      }
    : {
        sql: 'UPDATE submissions SET contact_erased_at = COALESCE(contact_erased_at, ?) WHERE id = ?',
        params: [at, id],
      };
  return { statements: [submission, noteFailuresStatement(id)], erased: kept !== undefined };
}
