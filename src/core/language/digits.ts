/**
 * Digits as people type them in Saudi Arabia. Its own module so that contact validation and the
 * personal-data detector share it without one loading the other.
 */
/** Arabic-Indic (U+0660–0669) and Persian/Extended Arabic-Indic (U+06F0–06F9) digits to ASCII 0-9; nothing else changes. */
export function normalizeDigits(text: string): string {
  // Both blocks start at a code point ending in 0, so the low four bits are the digit's value.
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
}

/**
 * Bidi marks and zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) that keyboards and
 * copy-paste slip into mixed Arabic/Latin text, even between the digits of a number.
 */
export const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
