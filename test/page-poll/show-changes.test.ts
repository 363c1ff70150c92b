/**
 * `show-changes`: the page's latest "What we changed" note from the start, under the question, in a space
 * held before it arrives, so that nothing after the poll moves, whether the note comes, is missing or fails.
 */
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/ep-page-poll.js';
import type { EpPagePoll } from '../../src/page-poll/ep-page-poll.js';
import { CHANGE_NOTE, CHANGES_PAGE, changeReads, changesIn } from '../helpers/changes.js';
import { endpointPerTest, type TestEndpoint } from '../helpers/endpoint.js';
import { LANGUAGES, setPageLanguage, setViewportSize } from '../helpers/page.js';
import { $$, textOf } from '../helpers/shadow.js';

const PAGE = CHANGES_PAGE;
const NOTE = CHANGE_NOTE;

/** The poll with show-changes, and a paragraph after it whose place must not move. */
async function pollWithNext(endpoint: TestEndpoint): Promise<{ element: EpPagePoll; next: HTMLElement }> {
  const host = await fixture<HTMLDivElement>(
    `<div><ep-page-poll endpoint="${endpoint.base}" page-url="${PAGE}" show-changes></ep-page-poll><p id="next">Next</p></div>`,
  );
  const element = host.querySelector('ep-page-poll')!;
  await element.updateComplete;
  return { element, next: host.querySelector<HTMLElement>('#next')! };
}

const reads = changeReads;

async function frames(element: EpPagePoll, count = 10): Promise<void> {
  for (let frame = 0; frame < count; frame += 1) {
    await element.updateComplete;
    await nextFrame();
  }
}

describe('<ep-page-poll show-changes>', () => {
  const endpoint = endpointPerTest();
  afterEach(() => setViewportSize(800, 600));

  for (const { lang, dir } of LANGUAGES) {
    for (const width of [1280, 360]) {
      it(`shows the note under the question before any vote, and nothing after the poll moves (${lang}, ${width}px)`, async () => {
        await setViewportSize(width, 800);
        await setPageLanguage(lang, dir);
        await endpoint.setChanges(PAGE, NOTE);
        // The note comes late (a slow network): the question is there first, in the space held for both.
        await endpoint.script('changes', { status: 200, delayMs: 600, body: { note: NOTE } });
        const { element, next } = await pollWithNext(endpoint);
        const before = next.getBoundingClientRect().top;
        expect(changesIn(element)).to.equal(null);
        await waitUntil(() => changesIn(element), 'no note', { timeout: 5000 });
        await frames(element, 3);
        expect(changesIn(element)!.textContent).to.contain(NOTE.text[lang]);
        expect($$(element, '[part="answer-button"]')).to.have.length(2, 'the question stays');
        expect(next.getBoundingClientRect().top).to.equal(before);
        await expect(element).to.be.accessible();
      });
    }
  }

  it('keeps the note with the reasons and the thanks after a vote, read once, its heading under the question’s while that shows', async () => {
    await endpoint.setChanges(PAGE, NOTE);
    const { element } = await pollWithNext(endpoint);
    await waitUntil(() => changesIn(element), 'no note');
    const level = () => element.shadowRoot!.querySelector('[part="changes-heading"]')!.getAttribute('aria-level');
    expect(level(), 'under the question').to.equal('3');
    $$<HTMLButtonElement>(element, '[part="answer-button"]')[1]!.click();
    await waitUntil(() => element.shadowRoot!.querySelector('[part="skip-button"]'), 'no reasons');
    expect(changesIn(element)).not.to.equal(null);
    expect(level(), 'with the reasons, the question gone').to.equal('2');
    await frames(element, 2);
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="skip-button"]')!.click();
    await waitUntil(() => element.shadowRoot!.querySelector('.thanks'), 'no thanks');
    await frames(element, 2);
    expect(changesIn(element)!.textContent).to.contain(NOTE.text.en);
    expect(await reads(endpoint)).to.have.length(1);
  });

  it('shows it with thanks remembered from an earlier visit too, where its space is held', async () => {
    await endpoint.setChanges(PAGE, NOTE);
    const first = await pollWithNext(endpoint);
    $$<HTMLButtonElement>(first.element, '[part="answer-button"]')[0]!.click();
    await waitUntil(() => first.element.shadowRoot!.querySelector('[part="skip-button"]'), 'no reasons');
    const again = await pollWithNext(endpoint);
    await waitUntil(() => again.element.shadowRoot!.querySelector('.thanks'), 'no remembered thanks');
    await waitUntil(() => changesIn(again.element), 'no note with the remembered thanks');
  });

  for (const [name, fault] of [
    ['there is no note', undefined],
    ['the read fails', { status: 500, body: { message: 'down' } }],
  ] as const) {
    it(`shows nothing and says nothing when ${name}, and still nothing after the poll moves`, async () => {
      if (fault) {
        await endpoint.setChanges(PAGE, NOTE);
        await endpoint.script('changes', fault);
      }
      const { element, next } = await pollWithNext(endpoint);
      const before = next.getBoundingClientRect().top;
      await waitUntil(async () => (await reads(endpoint)).length > 0, 'the note was not read');
      await frames(element);
      expect(changesIn(element)).to.equal(null);
      expect(element.shadowRoot!.querySelector('[part="error"], [role="alert"]')).to.equal(null);
      expect(textOf(element, '#announcer')).to.equal('');
      expect(next.getBoundingClientRect().top).to.equal(before);
      await expect(element).to.be.accessible();
    });
  }

  it('reflects the property to the attribute that holds its space', async () => {
    const host = await fixture<HTMLDivElement>(`<div><ep-page-poll endpoint="${endpoint.base}"></ep-page-poll></div>`);
    const element = host.querySelector('ep-page-poll')!;
    const plain = element.getBoundingClientRect().height;
    element.showChanges = true;
    await element.updateComplete;
    expect(element.hasAttribute('show-changes')).to.equal(true);
    expect(element.getBoundingClientRect().height).to.be.above(plain);
  });
});
