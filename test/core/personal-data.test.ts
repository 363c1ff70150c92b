import { expect } from '@open-wc/testing';
import { findPersonalData, normalizeDigits, passesLuhn, type PersonalDataKind } from '../../src/core/personal-data.js';

type Row = readonly [text: string, expected: readonly PersonalDataKind[], why: string];

// Checksum-valid fixtures, each verified outside the code under test:
// IBANs: SA0380000000608010167519 (the published Saudi sample), SA3610000000000000000000,
// SA5480000ABC123456789012 (letters in the account), SA2945000000123456789012 — all 1 mod 97.
// Cards (Luhn): 4111111111111111, 5555555555554444, 378282246310005 (Amex), 30569309025904 (Diners),
// 6011111111111117, 4222222222222 (13 digits), 4111111111111111110 (19 digits),
// 1234567890123452 and 0501234567890123 (shaped like an ID / a phone), 00966501234563 (shaped like a phone).

const FOUND: readonly Row[] = [
  // email
  ['Email me at ahmed.ali@example.com', ['email'], 'plain email'],
  ['contact: First.Last+tag@mail.example.co.uk please', ['email'], 'plus tag and sub-domains'],
  ['راسلني على محمد@مثال.السعودية', ['email'], 'email in Arabic script'],
  ['بريدي: user_1@test.sa.', ['email'], 'email before a full stop'],
  ['0501234567@example.com', ['email'], 'digits inside an email are part of the email, not a phone'],

  // phone
  ['رقمي ٠٥٠١٢٣٤٥٦٧ للتواصل', ['phone'], 'Arabic-Indic mobile in an Arabic sentence'],
  ['رقمي ۰۵۰۱۲۳۴۵۶۷ للتواصل', ['phone'], 'Persian-digit mobile'],
  ['call me on 0501234567', ['phone'], 'local mobile, ungrouped'],
  ['call 050 123 4567 after 5', ['phone'], 'spaces between groups'],
  ['050-123-4567', ['phone'], 'dashes between groups'],
  ['050.123.4567', ['phone'], 'dots between groups'],
  ['(050) 123-4567', ['phone'], 'parentheses around the prefix'],
  ['050 1234567', ['phone'], '3-7 grouping'],
  ['0501 234 567', ['phone'], '4-3-3 grouping'],
  ['+966501234567', ['phone'], 'international, ungrouped'],
  ['+966 50 123 4567', ['phone'], 'international, grouped'],
  ['(+966) 50 123-4567', ['phone'], 'international prefix in parentheses'],
  ['00966 55 987 6543', ['phone'], '00 international prefix'],
  ['جوالي +٩٦٦٥٥٩٨٧٦٥٤٣', ['phone'], 'Arabic-Indic international'],
  ['\u200E+966 50 123 4567\u200E', ['phone'], 'bidi marks around the number'],
  ['رقمي ٠٥٠١٢٣٤٥٦٧أو ٠٥٥٩٨٧٦٥٤٣', ['phone'], 'two mobiles joined by a word'],
  ['0501234567 0559876543', ['phone'], 'two mobiles separated by a single space'],
  ['00966501234563', ['phone'], '009665… is a phone even though it happens to pass Luhn'],

  // national id
  ['هويتي 1023456789', ['national-id'], 'citizen ID'],
  ['رقم الإقامة ٢٣٤٥٦٧٨٩٠١', ['national-id'], 'Arabic-Indic iqama'],
  ['iqama no. ۲۳۴۵۶۷۸۹۰۱.', ['national-id'], 'Persian-digit iqama'],

  // iban
  ['الآيبان SA0380000000608010167519', ['iban'], 'ungrouped IBAN in Arabic'],
  ['IBAN: SA03 8000 0000 6080 1016 7519.', ['iban'], 'IBAN grouped in fours'],
  ['iban sa0380000000608010167519', ['iban'], 'lower-case country code'],
  ['SA٠٣٨٠٠٠٠٠٠٠٦٠٨٠١٠١٦٧٥١٩', ['iban'], 'Arabic-Indic IBAN'],
  ['حسابيSA5480000ABC123456789012', ['iban'], 'letters in the account part, Arabic word attached'],
  ['SA36 1000 0000 0000 0000 0000', ['iban'], 'another valid IBAN'],

  // card
  ['card 4111 1111 1111 1111 exp 12/26', ['card'], 'Visa grouped by spaces, expiry beside it'],
  ['4111-1111-1111-1111', ['card'], 'Visa grouped by dashes'],
  ['5555555555554444', ['card'], 'Mastercard ungrouped'],
  ['Amex 3782 822463 10005', ['card'], 'Amex 4-6-5'],
  ['Diners 3056 930902 5904', ['card'], 'Diners 4-6-4'],
  ['4222222222222', ['card'], '13 digits'],
  ['4111111111111111110', ['card'], '19 digits'],
  ['بطاقتي ٤١١١ ١١١١ ١١١١ ١١١١', ['card'], 'Arabic-Indic card'],
  ['۶۰۱۱۱۱۱۱۱۱۱۱۱۱۱۷', ['card'], 'Persian-digit card'],
  ['1234567890123452', ['card'], 'a card starting with 1 is not also a national ID'],
  ['0501234567890123', ['card'], 'a card starting with 05 is not also a phone'],
  ['2024-05-01 4111 1111 1111 1111', ['card'], 'a date right before a card'],

  // several kinds
  ['email a@b.co phone 0501234567', ['email', 'phone'], 'email and phone'],
  ['4111111111111111 then mail me: x@y.com', ['email', 'card'], 'order of the result is fixed, not textual'],
  ['0501234567 or 1023456789', ['phone', 'national-id'], 'phone and ID separated by " or "'],
  ['١٠٢٣٤٥٦٧٨٩ و ٠٥٠١٢٣٤٥٦٧', ['phone', 'national-id'], 'ID and phone separated by "و"'],
  ['0501234567و1023456789', ['phone', 'national-id'], '"و" glued to both numbers'],
  [
    'أنا محمد، هويتي ١٠٢٣٤٥٦٧٨٩ وجوالي ٠٥٠١٢٣٤٥٦٧ وبريدي m@x.sa والآيبان SA0380000000608010167519 والبطاقة ٤١١١١١١١١١١١١١١١',
    ['email', 'phone', 'national-id', 'iban', 'card'],
    'all five in an Arabic sentence',
  ],
  [
    'Order 12345678 on 2024-05-01 cost 1,500 SAR; call +966 55 987 6543',
    ['phone'],
    'a phone among numbers that are not personal',
  ],
];

const NOT_FOUND: readonly Row[] = [
  ['', [], 'empty text'],
  ['The page was helpful, thanks!', [], 'no numbers at all'],
  ['التاريخ 2024-05-01', [], 'ISO date'],
  ['التاريخ ٢٠٢٤-٠٥-٠١', [], 'Arabic-Indic date'],
  ['05.01.2024 10:30', [], 'dotted date with a time'],
  ['2024-05-01 10:30', [], 'date with a time'],
  ['سنة 1446 هـ / 2025 م', [], 'years'],
  ['سنة ۱۴۴۶', [], 'Persian-digit year'],
  ['السعر 1,500,000 ريال', [], 'price with thousands commas'],
  ['السعر ١,٥٠٠,٠٠٠ ريال', [], 'Arabic-Indic price with commas'],
  ['السعر ١٬٥٠٠٬٠٠٠ ريال', [], 'price with the Arabic thousands separator'],
  ['costs 1.500 or 1 500 000', [], 'dotted and spaced prices'],
  ['order #12345', [], '5-digit order number'],
  ['طلب رقم ١٢٣٤٥٦٧٨', [], '8-digit order number'],
  ['ref 3123456789', [], '10 digits starting with 3'],
  ['ref 9876543210', [], '10 digits starting with 9'],
  ['ref ٥٠١٢٣٤٥٦٧٨', [], '10 digits starting with 5 (no leading 0)'],
  ['4111 1111 1111 1112', [], '16 digits failing Luhn'],
  ['٤١١١١١١١١١١١١١١٢', [], 'Arabic-Indic 16 digits failing Luhn'],
  ['4111 1111 1111 1111 1111', [], 'a valid card inside a longer run of groups'],
  ['SA0380000000608010167518', [], 'IBAN shape failing mod-97'],
  ['SA03 8000 0000 6080 1016 7518', [], 'grouped IBAN shape failing mod-97'],
  ['10501234567', [], 'mobile preceded by another digit'],
  ['05012345678', [], 'mobile followed by another digit'],
  ['050123456', [], 'mobile one digit short'],
  ['0401234567', [], '04 is not a mobile prefix'],
  ['+966 11 234 5678', [], 'landline'],
  ['0 5 0 1 2 3 4 5 6 7', [], 'single digits spaced out'],
  ['12345678901', [], 'ID-like digits inside an 11-digit run'],
  ['01023456789', [], 'ID-like digits after a leading zero'],
  ['user@localhost', [], 'email without a TLD'],
  ['a@b.c', [], 'one-letter TLD'],
  ['follow @ep_widgets on social', [], 'a handle is not an email'],
];

const KINDS: readonly PersonalDataKind[] = ['email', 'phone', 'national-id', 'iban', 'card'];

describe('findPersonalData', () => {
  describe('finds', () => {
    for (const [text, expected, why] of FOUND) {
      it(`${why}: ${JSON.stringify(text)}`, () => {
        expect(findPersonalData(text)).to.deep.equal(expected);
      });
    }
  });

  describe('stays silent on', () => {
    for (const [text, expected, why] of NOT_FOUND) {
      it(`${why}: ${JSON.stringify(text)}`, () => {
        expect(findPersonalData(text)).to.deep.equal(expected);
      });
    }
  });

  it('returns only kind names, never the matched values', () => {
    for (const [text] of [...FOUND, ...NOT_FOUND]) {
      const result = findPersonalData(text);
      for (const kind of result) expect(KINDS).to.include(kind);
      expect(result.join(' ')).not.to.match(/[\d\u0660-\u0669\u06F0-\u06F9@]/);
    }
  });

  it('reports each kind once however often it appears', () => {
    expect(findPersonalData('0501234567, 0559876543, 050 111 2222')).to.deep.equal(['phone']);
  });
});

describe('normalizeDigits', () => {
  it('maps Arabic-Indic digits', () => {
    expect(normalizeDigits('٠١٢٣٤٥٦٧٨٩')).to.equal('0123456789');
  });

  it('maps Persian digits', () => {
    expect(normalizeDigits('۰۱۲۳۴۵۶۷۸۹')).to.equal('0123456789');
  });

  it('leaves everything else alone', () => {
    const text = 'Abc ١٬٥٠٠٫٥ ريال، 12 — ١ and ۲ १२ １２';
    expect(normalizeDigits(text)).to.equal('Abc 1٬500٫5 ريال، 12 — 1 and 2 १२ １２');
    expect(normalizeDigits('')).to.equal('');
  });
});

describe('passesLuhn', () => {
  for (const digits of ['4111111111111111', '5555555555554444', '378282246310005', '79927398713', '0']) {
    it(`accepts ${digits}`, () => expect(passesLuhn(digits)).to.equal(true));
  }

  for (const digits of ['4111111111111112', '79927398710', '1234567890123456', '', '4111 1111 1111 1111', '٤١١١١١١١١١١١١١١١']) {
    it(`rejects ${JSON.stringify(digits)}`, () => expect(passesLuhn(digits)).to.equal(false));
  }
});
