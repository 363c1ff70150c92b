/**
 * What a page may ask of the outbox, without loading it before it is needed: its size (for a status
 * badge; follow `ep-outbox-change` on `document` for changes) and "send now".
 */
import { EpOutboxChangeEvent } from './events.js';
import { ENTRY_PREFIX, OutboxStore } from './outbox-store.js';

let watching = false;

/**
 * Tells this document (`ep-outbox-change`) when another tab holds, sends or drops an entry. Started by
 * the outbox, and by the first call of outboxSize(), so a page with a badge hears the other tabs even
 * before it sends anything itself.
 */
export function watchOtherTabs(): void {
  if (watching) return;
  watching = true;
  addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith(ENTRY_PREFIX)) document.dispatchEvent(new EpOutboxChangeEvent(outboxSize()));
  });
}

/** How many submissions wait on this device (all tabs of the site), and their stored size in bytes. */
export function outboxSize(): { entries: number; bytes: number } {
  watchOtherTabs();
  return new OutboxStore().size();
}

/** Tries now to send what waits on this device (a "Send now" button, say). Retry-After is still honoured. */
export async function flushOutbox(): Promise<void> {
  const { pageOutbox } = await import('./outbox.js');
  return pageOutbox().flush(true);
}
