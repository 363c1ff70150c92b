/**
 * Reads the `yes-reasons` / `no-reasons` attributes. Apart from reasons.ts (the default reasons and
 * their strings, loaded with the flow) because the element needs it before its first render.
 */
import type { PollReason } from './reasons.js';

/** A reason needs a code; its label is checked when shown (a missing one falls back to the code). */
function isReason(value: unknown): value is PollReason {
  const code = (value as Partial<PollReason> | null)?.code;
  return typeof code === 'string' && code.trim() !== '';
}

/**
 * Reads a reasons attribute (JSON). Anything unusable is reported once on the console and the defaults
 * are kept, so a typo in a CMS field never leaves the visitor without choices.
 */
export function parseReasons(json: string | null): PollReason[] | undefined {
  if (json == null || json.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(json);
    if (Array.isArray(value) && value.length > 0 && value.every(isReason)) return value;
  } catch {
    // Reported below.
  }
  console.warn('ep-page-poll: reasons must be a JSON array of {"code", "label": {"en", "ar"}}; using the defaults.');
  return undefined;
}
