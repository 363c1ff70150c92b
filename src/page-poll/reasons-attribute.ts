/**
 * Reads the `yes-reasons` / `no-reasons` attributes. Apart from reasons.ts (the default reasons and
 * their strings, loaded with the flow) because the element needs it before its first render.
 */
import type { PollReason } from './reasons.js';

function isReason(value: unknown): value is PollReason {
  if (typeof value !== 'object' || value === null) return false;
  const { code, label } = value as Record<string, unknown>;
  if (typeof code !== 'string' || code.trim() === '') return false;
  if (typeof label === 'string') return true;
  return (
    typeof label === 'object' &&
    label !== null &&
    Object.values(label).every((text) => typeof text === 'string')
  );
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
  console.warn('ep-page-poll: a reasons attribute must be a JSON array of { "code": "...", "label": { "en": "...", "ar": "..." } }. Using the default reasons.');
  return undefined;
}
