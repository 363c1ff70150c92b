/**
 * localStorage that never throws: storage may be disabled, full, or blocked in a sandboxed iframe, and
 * remembering is a convenience, never a reason for an element to break.
 */
export { readStored } from './read-stored.js';

export function writeStored(key: string, value: unknown): boolean {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeStored(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // Nothing to do: storage is unavailable, so nothing was stored either.
  }
}
