/**
 * Contact details as visitors type them: an email address, and a Saudi mobile number in any of the ways
 * people write one. Each check answers with the value to send (normalised) or undefined, never throws,
 * and knows nothing of any element.
 */
import { INVISIBLE, normalizeDigits } from '../language/digits.js';

/** What a visitor typed, without the invisible marks copy-paste adds and the spaces around it. */
export function cleanInput(text: string): string {
  return text.replace(INVISIBLE, '').trim();
}

// The HTML standard's "valid email address", widened to letters and digits of any script, so that
// addresses on Arabic domains (محمد@مثال.السعودية) pass too. No quoted local parts, no IP literals:
// nobody gives those in a contact form.
const ATOM = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, 'u');
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
/** A top-level domain is letters (com, sa, السعودية) or the ASCII form of one (xn--mgberp4a5d4ar). */
const TOP_LEVEL = /^(?:[\p{L}\p{M}]{2,}|xn--[a-z0-9-]+)$/iu;

/** The address to send (trimmed), or undefined when it is not an email address. */
export function normalizeEmail(text: string): string | undefined {
  const email = cleanInput(text);
  const at = email.lastIndexOf('@');
  if (at < 1 || email.length > 254) return undefined;
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  const valid =
    local.length <= 64 &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL.test(labels[labels.length - 1]!);
  return valid ? email : undefined;
}

/**
 * A Saudi mobile number in E.164 (`+9665XXXXXXXX`), or undefined. Accepts what people write:
 * `05X XXX XXXX`, `5XXXXXXXX`, `+966 5X…`, `966 5X…`, `00966 5X…`, `+966 (0) 5X…`, with spaces, dashes,
 * dots or parentheses between the groups, in Western or Arabic-Indic digits.
 */
export function normalizeSaudiMobile(text: string): string | undefined {
  const compact = normalizeDigits(cleanInput(text)).replace(/[\s().-]/g, '');
  const match = /^(?:(?:\+|00)?9660?|0)?(5\d{8})$/.exec(compact);
  return match ? `+966${match[1]}` : undefined;
}
