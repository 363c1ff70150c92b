/**
 * On the first element's start, a glance for submissions an earlier page left in the outbox; only when
 * there are some is the outbox loaded to send them. A page with nothing waiting pays one storage read.
 */
import { ENTRY_PREFIX } from './entry-key.js';
import type { pageOutbox } from './outbox.js';

/**
 * A module that carries the outbox: the part of an element that sends (submit.ts, or a part that imports it),
 * re-exporting pageOutbox. Loading that part rather than outbox.ts itself lets a bundler keep the outbox in
 * the part's file instead of a file of its own: one download fewer, and better compressed, after a visitor acts.
 */
export interface CarriesOutbox {
  pageOutbox: typeof pageOutbox;
}

let looked = false;

export function wakeOutbox(load: () => Promise<CarriesOutbox>): void {
  if (looked) return;
  looked = true;
  try {
    if (!Object.keys(localStorage).some((key) => key.startsWith(ENTRY_PREFIX))) return;
  } catch {
    return;
  }
  void load().then((part) => part.pageOutbox(true));
}
