/**
 * What a page may ask of the outbox, without loading it before it is needed: its size (for a status
 * badge; follow `ep-outbox-change` on `document` for changes) and "send now".
 */
import { OutboxStore } from './outbox-store.js';

/** How many submissions wait on this device (all tabs of the site), and their stored size in bytes. */
export function outboxSize(): { entries: number; bytes: number } {
  return new OutboxStore().size();
}

/** Tries now to send what waits on this device (a "Send now" button, say). Retry-After is still honoured. */
export async function flushOutbox(): Promise<void> {
  const { pageOutbox } = await import('./outbox.js');
  return pageOutbox().flush(true);
}
