/**
 * On the first element's start, a glance for submissions an earlier page left in the outbox; only when
 * there are some is the outbox loaded to send them. A page with nothing waiting pays one storage read.
 * The same glance drops a collector's answer kept for a form that was not shown again in time (see
 * kept-answer.ts): on a page where nothing waits, nothing else would.
 */
import { ANSWER_PREFIX, ENTRY_PREFIX } from './entry-key.js';
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

/** `load` is the element's sending part; an element without one (it never sends) does not look. */
export function wakeOutbox(load: (() => Promise<CarriesOutbox>) | undefined): void {
  if (looked || !load) return;
  looked = true;
  try {
    const keys = Object.keys(localStorage);
    if (keys.some((key) => key.startsWith(ENTRY_PREFIX))) void load().then((part) => part.pageOutbox(true));
    for (const key of keys)
      if (key.startsWith(ANSWER_PREFIX) && !(untilOf(localStorage[key] as string) > Date.now()))
        localStorage.removeItem(key);
  } catch {
    // Storage is unavailable: nothing can be waiting in it.
  }
}

/**
 * When a kept answer's time is out; 0 for one that cannot be read, which goes too. Only its time is read here,
 * not its whole shape (kept-answer.ts): that module's readers would add 0.3 KB to every page's first load.
 */
function untilOf(json: string): number {
  try {
    return JSON.parse(json)?.until;
  } catch {
    return 0;
  }
}
