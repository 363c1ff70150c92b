/**
 * Reads the `yes-reasons` / `no-reasons` attributes as JSON. Whether what they hold is usable is checked
 * where the reasons are shown (usableReasons in reasons.ts, loaded with the flow), which also checks a
 * list set as a property: the element's first load carries only this.
 */
import type { PollReason } from './reasons.js';

/** Unparseable JSON is kept as the text it was, so the check can report it. */
export function parseReasons(json: string | null): PollReason[] | undefined {
  if (json == null || json.trim() === '') return undefined;
  try {
    return JSON.parse(json) as PollReason[];
  } catch {
    return json as unknown as PollReason[];
  }
}
