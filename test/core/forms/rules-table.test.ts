// A form's rules table on its own: the checks before sending and the words for a collector's codes come
// from the same rows.
import { expect } from '@open-wc/testing';
import { checkRules, codeMessagesOf, type RulesTable } from '../../../src/core/forms/rules-table.js';
import { contactInput, contactRules } from '../../../src/core/fields/contact-rules.js';
import { emptyContact } from '../../../src/core/fields/contact-fields.js';

type Field = 'title' | 'email';
type Input = { title: string; email: string; max: number };

const titleMissing = () => 'Enter a title';
const titleTooLong = () => 'Enter fewer characters';
const emailMissing = () => 'Enter an email address';
const emailForChannel = () => 'Enter an email address, or choose another way';

const table: RulesTable<Field, Input> = [
  {
    field: 'title',
    code: 'required',
    alsoCodes: ['invalid'],
    fails: ({ title }) => !title.trim(),
    message: titleMissing,
  },
  { field: 'title', code: 'too-long', fails: ({ title, max }) => title.length > max, message: titleTooLong },
  { field: 'email', fails: ({ email }) => email === 'channel', message: emailForChannel },
  { field: 'email', code: 'required', message: emailMissing },
];

describe('core/forms/rules-table', () => {
  it('finds no problem when no row fails', () => {
    expect(checkRules(table, { title: 'A title', email: '', max: 20 })).to.deep.equal({});
  });

  it('gives each field the message of its first failing row, in the order of the table', () => {
    const errors = checkRules(table, { title: ' ', email: 'channel', max: 0 });
    // The blank title is too long for max 0 as well: the row listed first is the one said.
    expect(errors.title).to.equal(titleMissing);
    expect(errors.email).to.equal(emailForChannel);
    expect(Object.keys(errors)).to.deep.equal(['title', 'email']);
    expect(checkRules(table, { title: 'Too long a title', email: '', max: 3 })).to.deep.equal({ title: titleTooLong });
  });

  it('never finds a row without a check itself, but says it for its code', () => {
    expect(checkRules(table, { title: 'ok', email: '', max: 20 }).email).to.equal(undefined);
    expect(codeMessagesOf(table).required?.email).to.equal(emailMissing);
  });

  it('says a row for its code and for its other codes; a row without a code is for the form alone', () => {
    expect(codeMessagesOf(table)).to.deep.equal({
      required: { title: titleMissing, email: emailMissing },
      invalid: { title: titleMissing },
      'too-long': { title: titleTooLong },
    });
  });

  it('keeps, for a code two rows of a field share, the first row', () => {
    const other = () => 'Another';
    const twice: RulesTable<Field, Input> = [
      ...table,
      { field: 'title', code: 'invalid', fails: () => true, message: other },
    ];
    expect(codeMessagesOf(twice).invalid?.title).to.equal(titleMissing);
  });
});

describe('core/fields/contact-rules', () => {
  const check = (
    values: Partial<ReturnType<typeof emptyContact>>,
    mode: 'optional' | 'required' | 'hidden' = 'optional',
  ) => Object.keys(checkRules(contactRules, contactInput({ ...emptyContact(), ...values }, mode)));

  it('asks nothing of an anonymous visitor, even with a channel ticked by mistake; a hidden block is never checked', () => {
    expect(check({ channel: 'sms' })).to.deep.equal([]);
    expect(check({ email: 'not an address', name: 'x'.repeat(101) }, 'hidden')).to.deep.equal([]);
  });

  it('checks the formats, the detail a channel needs, consent, a required detail and the name’s length', () => {
    expect(check({ email: 'nope', mobile: '123', consent: true })).to.deep.equal(['email', 'mobile']);
    expect(check({ mobile: '0512345678', channel: 'email', consent: true })).to.deep.equal(['email']);
    expect(check({ email: 'a@example.com', channel: 'phone' })).to.deep.equal(['mobile', 'consent']);
    expect(check({}, 'required')).to.deep.equal(['email']);
    expect(check({ name: 'x'.repeat(101) })).to.deep.equal(['name']);
  });

  it('has words for each code the collector gives for the block', () => {
    const codes = codeMessagesOf(contactRules);
    expect(Object.keys(codes.required ?? {})).to.have.members(['email', 'mobile', 'consent']);
    expect(Object.keys(codes.invalid ?? {})).to.have.members(['email', 'mobile', 'consent']);
    expect(Object.keys(codes['too-long'] ?? {})).to.have.members(['name', 'email']);
  });
});
