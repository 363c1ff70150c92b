/**
 * What a visitor is typing into a form, kept in sessionStorage so that a reload or a crash of the tab
 * loses nothing. Session storage belongs to one tab and is gone when the tab closes; a form clears its
 * draft once it is sent. Like core/element/storage.ts, nothing here throws: storage may be off, full or blocked.
 */
export type DraftValues = Record<string, string | boolean>;

export interface Draft {
  values: DraftValues;
  /** When the visitor started on this form (ms since the epoch): a reload does not restart the clock. */
  startedAt: number;
  /** The id of the submission of these values held in the outbox (on its way), until it is sent or given up. */
  pending?: string | undefined;
}

/** The key of one form's draft: its kind, the page it is on, and which of the page's forms it is. */
export function draftKey(kind: string, page: string, which = ''): string {
  return `ep-widgets:${kind}:draft:v1:${page}#${which}`;
}

/**
 * The stored draft, as `defaults` filled in: only the fields `defaults` has, each only when its stored value
 * is of the same type (anything else, such as a trap field or a value from an older form, is dropped).
 */
export function readDraft<V extends DraftValues>(key: string, defaults: V): (Draft & { values: V }) | undefined {
  try {
    const raw = globalThis.sessionStorage?.getItem(key);
    const stored: unknown = raw == null ? undefined : JSON.parse(raw);
    if (typeof stored !== 'object' || stored === null) return undefined;
    const { values, startedAt, pending } = stored as Partial<Draft>;
    if (typeof values !== 'object' || values === null || typeof startedAt !== 'number') return undefined;
    const kept: DraftValues = { ...defaults };
    for (const field of Object.keys(defaults)) {
      if (typeof values[field] === typeof defaults[field]) kept[field] = values[field]!;
    }
    return { values: kept as V, startedAt, ...(typeof pending === 'string' && { pending }) };
  } catch {
    return undefined;
  }
}

/** Stores the draft; one with nothing typed in it is removed instead. */
export function writeDraft(key: string, draft: Draft): void {
  if (!Object.values(draft.values).some(Boolean)) return clearDraft(key);
  try {
    globalThis.sessionStorage?.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or blocked: the form still works, only a reload would lose the text.
  }
}

export function clearDraft(key: string): void {
  try {
    globalThis.sessionStorage?.removeItem(key);
  } catch {
    // Blocked storage held nothing.
  }
}
