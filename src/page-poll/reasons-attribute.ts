/**
 * Reads the `yes-reasons` / `no-reasons` attributes as JSON. Whether what they hold is usable is checked
 * where the reasons are shown (usableReasons in reasons.ts, loaded after the vote), which also checks a
 * list set as a property: the element's first load carries only this.
 */

/** What the attribute holds, unchecked; unparseable JSON is kept as the text it was, so the check can report it. */
export function readReasonsAttribute(json: string | null): unknown {
  if (!json?.trim()) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}
