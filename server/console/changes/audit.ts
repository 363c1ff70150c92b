/**
 * A console user's change to a note, in the audit log of the data-protection work (privacy/audit.ts's
 * table): who, when, what and which note, with the status answered. Never the note's text.
 */
import type { Store } from '../../store/types.js';

export type NoteAction = 'change-note.create' | 'change-note.edit' | 'change-note.delete';

export function auditNoteChange(
  store: Store,
  entry: { actor: string; at: Date; action: NoteAction; noteId: string; status: number },
): Promise<void> {
  return store.batch([
    {
      sql: 'INSERT INTO audit_log (at, actor, action, reference, target, detail, status) VALUES (?, ?, ?, ?, ?, ?, ?)',
      params: [entry.at.toISOString(), entry.actor, entry.action, null, entry.noteId, null, entry.status],
    },
  ]);
}
