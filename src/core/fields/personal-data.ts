/**
 * Spots personal data a visitor typed into a free-text comment, so the form can warn before sending.
 * It answers only which kinds it saw, never the values, so nothing sensitive leaks into logs or events.
 *
 * Each rule describes how people actually write the number (grouping, separators, Saudi prefixes)
 * instead of gluing every digit together, because dates, years, prices and order numbers share text
 * with the numbers we look for and must stay silent.
 */
import { INVISIBLE, normalizeDigits } from '../language/digits.js';

export { normalizeDigits };

export type PersonalDataKind = 'email' | 'phone' | 'national-id' | 'iban' | 'card';

const KIND_ORDER: readonly PersonalDataKind[] = ['email', 'phone', 'national-id', 'iban', 'card'];

/** Luhn checksum over a string of ASCII digits. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** ISO 13616: country and check digits move to the end, letters count as 10–35, the whole must be 1 mod 97. */
function passesMod97(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  // Folding one character at a time keeps the number far below 2^53; a letter adds two decimal digits.
  for (const char of rearranged) {
    const value = parseInt(char, 36);
    rest = (rest * (value < 10 ? 10 : 100) + value) % 97;
  }
  return rest === 1;
}

/** Letters and combining marks of any script, so addresses like محمد@مثال.السعودية count too. */
const EMAIL = /[\p{L}\p{M}\p{N}._%+-]+@[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)*\.\p{L}[\p{L}\p{M}]+/gu;

// Latin-only boundaries: Arabic words are often typed right against a Latin run without a space.
// Groups of four are separated by spaces or hyphens.
const IBAN = /(?<![A-Za-z0-9])SA\d{2}(?:[ -]?[A-Za-z0-9]{4}){5}(?![A-Za-z0-9])/gi;

// After the leading 0 or 966 come 9 digits starting with 5, written whole or in the usual groups, each
// separator one of [ .-]: 5X XXXXXXX, 5X XXX XXXX, 5X XXXX XXX, 5XX XXX XXX, 5 XXXX XXXX (in that order
// below). A "05" group is only followed by two groups of four, which keeps dates such as 05.01.2024 (2-2-4)
// out, and the first of them may not start with 1 or 2, which keeps years out ("05 2024 1030", "05 1446") at
// the cost of 051/052 so grouped. 966 may come without + or 00 (the WhatsApp form, 9665XXXXXXXX) and may keep
// the trunk 0 that people write as "+966 (0) 50…"; the parentheses are gone by the time this runs. Written
// out as one literal: built from parts at run time, it took more bytes to download.
const PHONE =
  /(?<!\d)(?:(?:\+|00)?966[ .-]?(?:0[ .-]?)?|0)5(?:\d{8}|\d[ .-]\d{7}|\d[ .-]\d{3}[ .-]\d{4}|\d[ .-]\d{4}[ .-]\d{3}|\d\d[ .-]\d{3}[ .-]\d{3}|[ .-][03-9]\d{3}[ .-]\d{4})(?!\d)/g;

// Cards are written whole, in fours (Visa, Mastercard, mada; by spaces, dashes or dots) or as
// 4-6-5 / 4-6-4 (Amex, Diners). Four groups of four with a fifth one beside them are a longer run,
// not a card; a shorter neighbour such as the expiry in "4111 1111 1111 1111 12/26" is fine.
const CARD =
  /(?<!\d)(?:\d{13,19}|(?<!\d{4}[ .-])\d{4}(?:[ .-]\d{4}){3}(?![ .-]\d{4})|\d{4}[ -]\d{6}[ -]\d{4,5})(?!\d)/g;

// Written without grouping in practice; 1 is a citizen's ID, 2 a resident's iqama. The tenth digit
// is a check digit, so order numbers, timestamps and amounts of the same shape stay silent. The
// check is not officially published; the community description (github.com/alhazmy13/Saudi-ID-Validator,
// credited to Abdul-Aziz Al-Oraij, with worked examples 1058529940 and 1001244019) doubles the digits
// in odd positions from the left and sums digit sums, total 0 mod 10. With 10 digits those are the
// even positions from the right, so that is exactly Luhn and passesLuhn serves both.
const NATIONAL_ID = /(?<!\d)[12]\d{9}(?!\d)/g;

/** The kinds found, each at most once, in the fixed order of the PersonalDataKind union above. Never returns the values. */
export function findPersonalData(text: string): PersonalDataKind[] {
  let rest = normalizeDigits(text)
    .replace(INVISIBLE, '')
    .replace(/\u00A0/g, ' ');
  const found = new Set<PersonalDataKind>();

  // Each match is cut out, valid or not, so its digits cannot be read again as another kind
  // (a phone inside an email, a card as an ID). The cut leaves a newline, which no rule
  // treats as a separator, so the text on either side cannot join into a new number.
  const cut = (kind: PersonalDataKind, pattern: RegExp, isValid: (match: string) => boolean = () => true) => {
    rest = rest.replace(pattern, (match) => {
      if (isValid(match)) found.add(kind);
      return '\n';
    });
  };

  cut('email', EMAIL);
  cut('iban', IBAN, (match) => passesMod97(match.replace(/[ -]/g, '')));
  // Area-code parentheses, "(050) 123-4567" or "(+966) 50…", are just another separator.
  rest = rest.replace(/\((\+?\d+)\)/g, '$1');
  // Phones before cards: 009665XXXXXXXX is 14 digits and may happen to pass Luhn.
  cut('phone', PHONE);
  cut('card', CARD, (match) => passesLuhn(match.replace(/\D/g, '')));
  cut('national-id', NATIONAL_ID, passesLuhn);

  return KIND_ORDER.filter((kind) => found.has(kind));
}
