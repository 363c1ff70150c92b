import { expect } from '@open-wc/testing';
import {
  findPersonalData,
  normalizeDigits,
  passesLuhn,
  type PersonalDataKind,
} from '../../src/core/fields/personal-data.js';

type Row = readonly [text: string, expected: readonly PersonalDataKind[], why: string];

// Checksum-valid fixtures, each verified outside the code under test:
// IBANs: SA0380000000608010167519 (the published Saudi sample), SA3610000000000000000000,
// SA5480000ABC123456789012 (letters in the account), SA2945000000123456789012 — all 1 mod 97.
// Cards (Luhn): 4111111111111111, 5555555555554444, 378282246310005 (Amex), 30569309025904 (Diners),
// 6011111111111117, 4222222222222 (13 digits), 4111111111111111110 (19 digits),
// 1234567890123452 and 0501234567890123 (shaped like an ID / a phone), 00966501234563 (shaped like a phone).
// National ID / iqama (same Luhn check over all 10 digits): 1058529940 and 1001244019 (worked examples in
// the community description of the algorithm), 1000000008 (saudi-id-validator README), 1581872353 (a Rust
// crate's test); 1023456781, 2345678904, 2109876546 built by appending the check digit. Failing it:
// 1023456789, 2345678901, 2023456781, 1700000000, 1500000000, 1000000000, 1058529941.

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
  ['WhatsApp me: 966501234567', ['phone'], 'bare 966 prefix, the WhatsApp form'],
  ['واتساب ٩٦٦٥٠١٢٣٤٥٦٧ فقط', ['phone'], 'bare 966 prefix, Arabic-Indic'],
  ['call 966 50 123 4567 today', ['phone'], 'bare 966 prefix, grouped'],
  ['اتصل على 966 55 987 6543 مساء', ['phone'], 'bare 966 prefix, grouped, Arabic sentence'],
  ['call +966 (0) 50 123 4567', ['phone'], '(0) trunk after the country code, spaced'],
  ['جوالي +966 (0) 55 987 6543', ['phone'], '(0) trunk, spaced, Arabic sentence'],
  ['call +966 (0)50 123 4567', ['phone'], '(0) trunk glued to the operator digits'],
  ['جوالي +٩٦٦ (٠)٥٥ ٩٨٧ ٦٥٤٣', ['phone'], '(0) trunk glued, Arabic-Indic'],
  ['my number is 05 0123 4567', ['phone'], '2-4-4 grouping'],
  ['رقمي ٠٥-٥٩٨٧-٦٥٤٣ للتواصل', ['phone'], '2-4-4 grouping with dashes, Arabic-Indic'],
  ['call 050\u200B123\u200B4567', ['phone'], 'zero-width spaces (U+200B) between groups'],
  ['رقمي ٠٥٠\u200B١٢٣\u200B٤٥٦٧', ['phone'], 'zero-width spaces, Arabic-Indic'],
  ['call 0501\u200C234567', ['phone'], 'zero-width non-joiner (U+200C) inside the number'],
  ['رقمي ٠٥٠١٢\u200C٣٤٥٦٧', ['phone'], 'zero-width non-joiner, Arabic sentence'],
  ['call 050\u200D1234567', ['phone'], 'zero-width joiner (U+200D) inside the number'],
  ['رقمي ٠٥٠\u200D١٢٣٤٥٦٧', ['phone'], 'zero-width joiner, Arabic sentence'],
  ['call 0501234\u2060567', ['phone'], 'word joiner (U+2060) inside the number'],
  ['رقمي ٠٥٠١٢٣٤\u2060٥٦٧', ['phone'], 'word joiner, Arabic sentence'],
  ['call \uFEFF05012\uFEFF34567', ['phone'], 'BOM / ZWNBSP (U+FEFF) inside the number'],
  ['رقمي \uFEFF٠٥٠١٢\uFEFF٣٤٥٦٧', ['phone'], 'BOM / ZWNBSP, Arabic sentence'],

  // national id
  ['هويتي 1058529940', ['national-id'], 'citizen ID, published example'],
  ['my ID is 1001244019', ['national-id'], 'citizen ID, published example whose check digit is 9'],
  ['رقم الهوية ١٠٠٠٠٠٠٠٠٨', ['national-id'], 'Arabic-Indic citizen ID'],
  ['national ID 1581872353, thanks', ['national-id'], 'citizen ID before a comma'],
  ['رقم الإقامة ٢٣٤٥٦٧٨٩٠٤', ['national-id'], 'Arabic-Indic iqama'],
  ['iqama no. ۲۱۰۹۸۷۶۵۴۶.', ['national-id'], 'Persian-digit iqama'],
  ['iqama 2345678904', ['national-id'], 'iqama in an English sentence'],
  ['ID 10585\u200B29940', ['national-id'], 'zero-width space inside an ID'],
  ['هويتي ١٠٥٨٥\u2060٢٩٩٤٠', ['national-id'], 'word joiner inside an Arabic-Indic ID'],

  // iban
  ['الآيبان SA0380000000608010167519', ['iban'], 'ungrouped IBAN in Arabic'],
  ['IBAN: SA03 8000 0000 6080 1016 7519.', ['iban'], 'IBAN grouped in fours'],
  ['iban sa0380000000608010167519', ['iban'], 'lower-case country code'],
  ['SA٠٣٨٠٠٠٠٠٠٠٦٠٨٠١٠١٦٧٥١٩', ['iban'], 'Arabic-Indic IBAN'],
  ['حسابيSA5480000ABC123456789012', ['iban'], 'letters in the account part, Arabic word attached'],
  ['SA36 1000 0000 0000 0000 0000', ['iban'], 'another valid IBAN'],
  ['IBAN: SA03-8000-0000-6080-1016-7519', ['iban'], 'IBAN grouped with hyphens'],
  ['الآيبان SA54-8000-0ABC-1234-5678-9012 لو سمحت', ['iban'], 'IBAN with letters grouped with hyphens, Arabic'],
  ['iban SA03\u200C8000\u200C0000\u200C6080\u200C1016\u200C7519', ['iban'], 'zero-width non-joiners inside an IBAN'],

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
  ['card 4111.1111.1111.1111 exp 12/26', ['card'], 'Visa grouped by dots'],
  ['بطاقتي ٥٥٥٥.٥٥٥٥.٥٥٥٥.٤٤٤٤ شكرا', ['card'], 'Arabic-Indic card grouped by dots'],
  ['card 4111\u200D1111\u200D1111\u200D1111', ['card'], 'zero-width joiners inside a card'],
  ['بطاقتي ٤١١١\uFEFF١١١١١١١١١١١١', ['card'], 'BOM inside an Arabic-Indic card'],

  // several kinds
  ['email a@b.co phone 0501234567', ['email', 'phone'], 'email and phone'],
  ['4111111111111111 then mail me: x@y.com', ['email', 'card'], 'order of the result is fixed, not textual'],
  ['0501234567 or 1023456781', ['phone', 'national-id'], 'phone and ID separated by " or "'],
  ['١٠٢٣٤٥٦٧٨١ و ٠٥٠١٢٣٤٥٦٧', ['phone', 'national-id'], 'ID and phone separated by "و"'],
  ['0501234567و1023456781', ['phone', 'national-id'], '"و" glued to both numbers'],
  [
    'أنا محمد، هويتي ١٠٢٣٤٥٦٧٨١ وجوالي ٠٥٠١٢٣٤٥٦٧ وبريدي m@x.sa والآيبان SA0380000000608010167519 والبطاقة ٤١١١١١١١١١١١١١١١',
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
  ['Order number 2023456781', [], '10 digits starting with 2 failing the ID check digit'],
  ['رقم الطلب ٢٠٢٣٤٥٦٧٨١', [], 'Arabic-Indic order number failing the ID check digit'],
  ['created at 1700000000', [], 'Unix timestamp'],
  ['الطابع الزمني 1700000000', [], 'Unix timestamp, Arabic sentence'],
  ['1500000000 riyals', [], 'amount of 10 digits starting with 1'],
  ['المبلغ ١٥٠٠٠٠٠٠٠٠ ريال', [], 'Arabic-Indic amount of 10 digits'],
  ['ID 1058529941', [], 'a published ID with its check digit changed'],
  ['هويتي ١٠٢٣٤٥٦٧٨٩', [], 'citizen-ID shape failing the check digit'],
  ['رقم الإقامة ٢٣٤٥٦٧٨٩٠١', [], 'iqama shape failing the check digit'],
  ['05 01 2024 10:30', [], 'spaced date with a time'],
  ['٠٥-٠١-٢٠٢٤ ١٠:٣٠', [], 'Arabic-Indic dashed date with a time'],
  ['05.2024 1030', [], 'month.year and a time'],
  ['شهر ٠٥ ١٤٤٦ ١٠٣٠', [], 'month, Hijri year and a time'],
  ['966 11 234 5678', [], 'landline with a bare 966'],
  ['19665012345678', [], 'bare 966 phone shape inside a longer run'],
  ['SA03-8000-0000-6080-1016-7518', [], 'hyphen-grouped IBAN failing mod-97'],
  ['4111.1111.1111.1112', [], 'dot-grouped 16 digits failing Luhn'],
  ['1.111.111.111.111', [], 'dotted thousands'],
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

describe('national ID check digit', () => {
  // Published examples first, then IDs built by appending the check digit (see the fixture note above).
  const VALID = ['1058529940', '1001244019', '1000000008', '1581872353', '1023456781', '2345678904', '2109876546'];

  for (const id of VALID) {
    it(`accepts ${id} and rejects every single-digit change of it`, () => {
      expect(findPersonalData(`ID ${id}`)).to.deep.equal(['national-id']);
      for (let i = 0; i < id.length; i++) {
        for (const digit of '0123456789') {
          if (digit === id[i]) continue;
          const changed = id.slice(0, i) + digit + id.slice(i + 1);
          // A changed leading digit can turn it into something else (0 5… is a phone); only the ID matters here.
          expect(findPersonalData(`ID ${changed}`), changed).not.to.include('national-id');
        }
      }
    });
  }
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

  for (const digits of [
    '4111111111111112',
    '79927398710',
    '1234567890123456',
    '',
    '4111 1111 1111 1111',
    '٤١١١١١١١١١١١١١١١',
  ]) {
    it(`rejects ${JSON.stringify(digits)}`, () => expect(passesLuhn(digits)).to.equal(false));
  }
});
