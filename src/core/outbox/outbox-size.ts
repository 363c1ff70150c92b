/**
 * How many submissions wait on this device, and news of changes other tabs make. Imported by the outbox and
 * by the public outbox functions alike, so neither has to import the other.
 */
import { EpOutboxChangeEvent } from '../element/events.js';
import { ENTRY_PREFIX } from './entry-key.js';
import { OutboxStore } from './outbox-store.js';

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
    if (event.key === null || event.key.startsWith(ENTRY_PREFIX))
      document.dispatchEvent(new EpOutboxChangeEvent(outboxSize()));
  });
}

/** How many submissions wait on this device (all tabs of the site), and their stored size in bytes. */
export function outboxSize(): { entries: number; bytes: number } {
  watchOtherTabs();
  return new OutboxStore().size();
}
