/**
 * "What we changed" on the poll: the page's latest note, read once from the collector's `/changes` and shown
 * with the thanks; nothing at all when there is none or it cannot be read.
 */
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/ep-page-poll.js';
import type { EpPagePoll } from '../../src/page-poll/ep-page-poll.js';
import { CHANGE_NOTE, CHANGES_PAGE, changeReads, changesIn } from '../helpers/changes.js';
import { endpointPerTest, type TestEndpoint } from '../helpers/endpoint.js';
import { LANGUAGES, setPageLanguage } from '../helpers/page.js';
import { $, $$, textOf } from '../helpers/shadow.js';

const PAGE = CHANGES_PAGE;
const NOTE = CHANGE_NOTE;

async function poll(endpoint: TestEndpoint, attributes = ''): Promise<EpPagePoll> {
  const host = await fixture<HTMLDivElement>(
    `<div><ep-page-poll endpoint="${endpoint.base}" page-url="${PAGE}" ${attributes}></ep-page-poll></div>`,
  );
  const element = host.querySelector('ep-page-poll')!;
  await element.updateComplete;
  return element;
}

const settle = async (element: EpPagePoll) => {
  await element.updateComplete;
  await nextFrame();
};

/** Votes, skips the reasons and waits for the thanks. */
async function reachThanks(element: EpPagePoll): Promise<void> {
  $$<HTMLButtonElement>(element, '[part="answer-button"]')[0]!.click();
  await waitUntil(() => element.shadowRoot!.querySelector('[part="skip-button"]'), 'the reasons did not appear');
  await settle(element);
  $<HTMLButtonElement>(element, '[part="skip-button"]').click();
  await waitUntil(() => element.shadowRoot!.querySelector('.thanks'), 'no thanks');
  await settle(element);
}

const reads = changeReads;

/** Waits until the note was read (and its answer rendered), whatever it was. */
async function afterRead(endpoint: TestEndpoint, element: EpPagePoll): Promise<void> {
  await waitUntil(async () => (await reads(endpoint)).length > 0, 'the note was not read');
  // The answer (or its failure) has a few frames to arrive and render.
  for (let frame = 0; frame < 10; frame += 1) await settle(element);
}

describe('<ep-page-poll>: what we changed', () => {
  const endpoint = endpointPerTest();

  for (const { lang, dir } of LANGUAGES) {
    it(`shows the page's latest note with the thanks, in ${lang}, dated in both calendars`, async () => {
      await setPageLanguage(lang, dir);
      await endpoint.setChanges(PAGE, NOTE);
      const element = await poll(endpoint);
      expect(changesIn(element)).to.equal(null);
      await reachThanks(element);
      await waitUntil(() => changesIn(element), 'no note');
      const region = changesIn(element)!;
      expect(region.localName).to.equal('section');
      expect(region.closest('[dir]')!.getAttribute('dir')).to.equal(dir);
      const heading = $(element, '[part="changes-heading"]');
      expect(heading.getAttribute('role')).to.equal('heading');
      // The question has gone: the note's heading is the poll's own level, the one heading left in it.
      expect(heading.getAttribute('aria-level')).to.equal('2');
      expect(region.getAttribute('aria-labelledby')).to.equal(heading.id);
      expect(textOf(element, '[part="changes-heading"]')).to.equal(
        lang === 'ar' ? 'ما الذي غيّرناه' : 'What we changed',
      );
      expect(region.textContent).to.contain(NOTE.text[lang]);
      const date = region.querySelector('time')!;
      expect(date.getAttribute('datetime')).to.equal('2026-03-01');
      // Gregorian 1 March 2026 is 12 Ramadan 1447 on the Umm al-Qura calendar; Arabic pages use Arabic-Indic digits.
      if (lang === 'ar') {
        expect(date.textContent)
          .to.contain('٢٠٢٦')
          .and.to.contain('١٤٤٧')
          .and.to.contain('مارس')
          .and.to.contain('رمضان');
      } else {
        expect(date.textContent)
          .to.contain('2026')
          .and.to.contain('1447')
          .and.to.contain('March')
          .and.to.contain('Ramadan');
      }
      // Heard only as part of the thanks (which take focus), never on its own.
      expect(textOf(element, '#announcer')).not.to.contain(NOTE.text[lang]);
      expect(region.closest('[aria-live]')).to.equal(null);
      await expect(element).to.be.accessible();
    });
  }

  it('puts its heading at the poll’s level, given by heading-level, once the question has gone', async () => {
    await endpoint.setChanges(PAGE, NOTE);
    const element = await poll(endpoint, 'heading-level="4"');
    await reachThanks(element);
    await waitUntil(() => changesIn(element), 'no note');
    expect($(element, '[part="changes-heading"]').getAttribute('aria-level')).to.equal('4');
  });

  it('reads it once per page load, cacheably, and only for a visitor who reached the thanks', async () => {
    await endpoint.setChanges(PAGE, NOTE);
    const element = await poll(endpoint);
    await settle(element);
    expect(await reads(endpoint)).to.have.length(0);
    await reachThanks(element);
    await waitUntil(() => changesIn(element), 'no note');
    // Other renders (a language switch) read nothing again.
    await setPageLanguage('ar', 'rtl');
    await settle(element);
    await waitUntil(() => changesIn(element)?.textContent?.includes(NOTE.text.ar), 'the note did not follow the page');
    const [read, ...more] = await reads(endpoint);
    expect(more).to.have.length(0);
    expect(read!.method).to.equal('GET');
    // Nothing that would defeat a cache: the page alone in the query.
    expect(read!.query).to.deep.equal({ page: PAGE });
  });

  it('neither reads nor shows it with the thanks of an answer remembered from an earlier visit', async () => {
    await endpoint.setChanges(PAGE, NOTE);
    const first = await poll(endpoint);
    await reachThanks(first);
    await waitUntil(() => changesIn(first), 'no note after the vote');
    const again = await poll(endpoint);
    await waitUntil(() => again.shadowRoot!.querySelector('.thanks'), 'no remembered thanks');
    // The rest of the poll, which would read it, loads when the poll is near the viewport (it is here).
    for (let frame = 0; frame < 10; frame += 1) await settle(again);
    expect(changesIn(again)).to.equal(null);
    expect(await reads(endpoint)).to.have.length(1);
  });

  it('shows nothing, and says nothing, when the page has no note', async () => {
    const element = await poll(endpoint);
    await reachThanks(element);
    await afterRead(endpoint, element);
    expect(changesIn(element)).to.equal(null);
    expect(element.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  for (const [name, fault] of [
    ['a server error', { status: 500, body: { message: 'down' } }],
    // As the other tests of a dropped connection: browsers themselves retry one (see the dev collector).
    ['a dropped connection', { drop: true, repeat: 10 }],
    ['an answer that is not a note', { body: { note: { date: 'yesterday', text: 'x' } } }],
  ] as const) {
    it(`shows nothing, and says nothing, after ${name}`, async () => {
      await endpoint.setChanges(PAGE, NOTE);
      await endpoint.script('changes', fault);
      const element = await poll(endpoint);
      await reachThanks(element);
      const announced = textOf(element, '#announcer');
      await afterRead(endpoint, element);
      expect(changesIn(element)).to.equal(null);
      expect(element.shadowRoot!.querySelector('[part="error"], [role="alert"]')).to.equal(null);
      expect(textOf(element, '#announcer')).to.equal(announced);
      await expect(element).to.be.accessible();
    });
  }

  it('keeps the note text as text, and links only to http(s)', async () => {
    const xss = '<img src=x onerror="window.__epXss=1">';
    await endpoint.setChanges(PAGE, { ...NOTE, text: { en: xss, ar: xss }, link: 'javascript:alert(1)' });
    const element = await poll(endpoint);
    await reachThanks(element);
    await waitUntil(() => changesIn(element), 'no note');
    expect(changesIn(element)!.textContent).to.contain(xss);
    expect(changesIn(element)!.querySelector('img, a')).to.equal(null);
    expect((window as { __epXss?: number }).__epXss).to.equal(undefined);
  });

  it('links to the note’s page when it has one', async () => {
    await endpoint.setChanges(PAGE, { ...NOTE, link: 'https://example.gov.sa/news/forms' });
    const element = await poll(endpoint);
    await reachThanks(element);
    await waitUntil(() => changesIn(element), 'no note');
    const link = $<HTMLAnchorElement>(element, '[part="changes-link"]');
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('href')).to.equal('https://example.gov.sa/news/forms');
    expect(link.hasAttribute('target')).to.equal(false);
    await expect(element).to.be.accessible();
  });
});
