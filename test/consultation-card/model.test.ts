// The pieces under the card on their own: reading a consultation defensively, its status at a time, the
// clock, and dates in both calendars (src/core/element/clock.ts, src/core/language/dates.ts).
import { expect } from '@open-wc/testing';
import { timeOf } from '../../src/core/element/clock.js';
import { calendarDates, timeUntil, usableTimeZone } from '../../src/core/language/dates.js';
import { textIn } from '../../src/core/language/local-text.js';
import { parseConsultation, statusOf } from '../../src/consultation-card/model.js';
import { OUTCOME, consultationJson } from './helpers.js';

describe('consultation model', () => {
  it('reads the documented shape, and turns times into ms', () => {
    const parsed = parseConsultation(consultationJson({ outcome: OUTCOME }))!;
    expect(parsed.id).to.equal('street-lighting');
    expect(parsed.opensAt).to.equal(Date.parse('2026-11-19T21:00:00Z'));
    expect(parsed.level).to.equal('consultation');
    expect(parsed.documents).to.have.length(2);
    expect(parsed.outcome!.counts).to.deep.equal({ support: 700, neutral: 100, oppose: 200 });
  });

  it('refuses what a card cannot show, and leaves out what is malformed', () => {
    expect(parseConsultation(null)).to.equal(undefined);
    expect(parseConsultation([consultationJson()])).to.equal(undefined);
    expect(parseConsultation({ ...consultationJson(), title: { fr: 'Éclairage' } })).to.equal(undefined);
    expect(parseConsultation({ ...consultationJson(), opensAt: 'soon' })).to.equal(undefined);
    expect(
      parseConsultation({ ...consultationJson(), opensAt: '2026-12-05T00:00:00Z' }),
      'closes before it opens',
    ).to.equal(undefined);
    const parsed = parseConsultation(
      {
        ...consultationJson(),
        id: 42,
        level: 'LEVEL',
        participants: 1.5,
        documents: [{ title: 'No link' }, 'nonsense', { title: '', url: 'https://example.gov.sa/a.pdf' }],
        url: 'ftp://example.gov.sa/',
        outcome: { publishedAt: 'yesterday', heard: 'x' },
      } as unknown,
      'fallback-id',
    )!;
    expect(parsed.id).to.equal('fallback-id');
    expect(parsed.level).to.equal(undefined);
    expect(parsed.participants).to.equal(undefined);
    expect(parsed.documents).to.deep.equal([]);
    expect(parsed.url).to.equal(undefined);
    expect(parsed.outcome).to.equal(undefined);
    const counts = parseConsultation(
      consultationJson({ outcome: { ...OUTCOME, counts: { support: 1, neutral: -1, oppose: 2 } } }),
    )!;
    expect(counts.outcome!.counts, 'counts that are not whole numbers').to.equal(undefined);
  });

  it('reads the type, and a link to Istitlaa only for a legal consultation and only when it is http(s)', () => {
    const istitlaaUrl = 'https://istitlaa.ncc.gov.sa/en/lighting-regulation';
    const legal = parseConsultation(consultationJson({ type: 'legal', istitlaaUrl }))!;
    expect(legal.type).to.equal('legal');
    expect(legal.istitlaaUrl).to.equal(istitlaaUrl);
    const nonLegal = parseConsultation(consultationJson({ type: 'non-legal', istitlaaUrl }))!;
    expect(nonLegal.type).to.equal('non-legal');
    expect(nonLegal.istitlaaUrl, 'no other type is consulted on on Istitlaa').to.equal(undefined);
    const untyped = parseConsultation(consultationJson({ istitlaaUrl }))!;
    expect(untyped.type).to.equal(undefined);
    expect(untyped.istitlaaUrl).to.equal(undefined);
    expect(
      parseConsultation({ ...consultationJson(), type: 'regulatory' })!.type,
      'a type the ministry does not name',
    ).to.equal(undefined);
    for (const link of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://istitlaa.ncc.gov.sa/', 42]) {
      const parsed = parseConsultation({ ...consultationJson({ type: 'legal' }), istitlaaUrl: link })!;
      expect(parsed.type).to.equal('legal');
      expect(parsed.istitlaaUrl, String(link)).to.equal(undefined);
    }
  });

  it('tells the status at a time: upcoming until it opens, open until it closes, then closed or outcome', () => {
    const consultation = parseConsultation(consultationJson())!;
    const withOutcome = parseConsultation(consultationJson({ outcome: OUTCOME }))!;
    expect(statusOf(consultation, consultation.opensAt - 1)).to.equal('upcoming');
    expect(statusOf(consultation, consultation.opensAt)).to.equal('open');
    expect(statusOf(withOutcome, consultation.closesAt - 1), 'an outcome counts only once closed').to.equal('open');
    expect(statusOf(consultation, consultation.closesAt)).to.equal('closed');
    expect(statusOf(withOutcome, consultation.closesAt)).to.equal('outcome');
  });

  it('picks the text in the language, else the other one, marked', () => {
    expect(textIn('Same', 'ar')).to.deep.equal({ text: 'Same' });
    expect(textIn({ en: 'Hello', ar: 'مرحبا' }, 'ar')).to.deep.equal({ text: 'مرحبا' });
    expect(textIn({ ar: 'مرحبا' }, 'en')).to.deep.equal({ text: 'مرحبا', lang: 'ar' });
  });
});

describe('clock and dates (core)', () => {
  it('takes a fixed time in any form, a function, or the real time', () => {
    const ms = Date.parse('2026-12-01T09:00:00Z');
    expect(timeOf('2026-12-01T09:00:00Z')).to.equal(ms);
    expect(timeOf(new Date(ms))).to.equal(ms);
    expect(timeOf(ms)).to.equal(ms);
    expect(timeOf(() => ms)).to.equal(ms);
    const before = Date.now();
    for (const real of [undefined, null, '', 'not a time']) {
      const now = timeOf(real);
      expect(now, String(real)).to.be.within(before, Date.now());
    }
  });

  it('writes a day in both calendars, in the Kingdom’s time zone unless told another', () => {
    const ms = Date.parse('2026-12-03T22:00:00Z');
    expect(calendarDates(ms, 'en', 'Asia/Riyadh')).to.deep.equal({
      gregorian: 'December 4, 2026',
      hijri: 'Jumada II 24, 1448 AH',
    });
    expect(calendarDates(ms, 'ar', 'Asia/Riyadh')).to.deep.equal({
      gregorian: '٤ ديسمبر ٢٠٢٦',
      hijri: '٢٤ جمادى الآخرة ١٤٤٨ هـ',
    });
    expect(calendarDates(ms, 'en', 'UTC').gregorian).to.equal('December 3, 2026');
    expect(usableTimeZone(undefined)).to.equal('Asia/Riyadh');
    expect(usableTimeZone('Europe/London')).to.equal('Europe/London');
    expect(usableTimeZone('Mars/Olympus')).to.equal('Asia/Riyadh');
  });

  it('says the time until a moment, rounded down', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    const at = (ms: number) => timeUntil(now + ms, now, 'en');
    const hour = 3_600_000;
    expect(at(3 * 24 * hour)).to.equal('in 3 days');
    expect(at(2 * 24 * hour)).to.equal('in 2 days');
    expect(at(2 * 24 * hour - 1)).to.equal('in 47 hours');
    expect(at(hour)).to.equal('in 1 hour');
    expect(at(hour - 1)).to.equal('in 59 minutes');
    expect(at(1000)).to.equal('in 1 minute');
    expect(timeUntil(now + 5 * 24 * hour, now, 'ar')).to.equal('خلال ٥ أيام');
  });
});
