/**
 * What a page may ask of the outbox, without loading it before it is needed: its size (for a status
 * badge; follow `ep-outbox-change` on `document` for changes) and "send now".
 */
export { outboxSize } from './outbox-size.js';

/** Tries now to send what waits on this device (a "Send now" button, say). Retry-After is still honoured. */
export async function flushOutbox(): Promise<void> {
  const { pageOutbox } = await import('./outbox.js');
  return pageOutbox().flush(true);
}
