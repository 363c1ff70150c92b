/**
 * On the first element's start, a glance for submissions an earlier page left in the outbox; only when
 * there are some is the outbox loaded to send them. A page with nothing waiting pays one storage read.
 */
import { ENTRY_PREFIX } from './entry-key.js';

let looked = false;

export function wakeOutbox(): void {
  if (looked) return;
  looked = true;
  try {
    if (!Object.keys(localStorage).some((key) => key.startsWith(ENTRY_PREFIX))) return;
  } catch {
    return;
  }
  void import('./outbox.js').then(({ pageOutbox }) => pageOutbox(true));
}
