// In a page of its own: the part of the poll that loads after the question (after-vote.ts) cannot be loaded
// (offline, or a deploy replaced the file).
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../src/ep-page-poll.js';
import type { EpPagePoll } from '../../src/page-poll/ep-page-poll.js';
import { TestEndpoint } from '../helpers/endpoint.js';
import { moduleFault } from '../helpers/module-faults.js';
import { resetPage, setPageLanguage } from '../helpers/page.js';
import { $, $$, expectFocused, textOf } from '../helpers/shadow.js';

describe('<ep-page-poll> when the rest of it cannot load', () => {
  after(() => moduleFault({ clear: true }));

  it('keeps the question, says what happened where focus goes, and stays accessible in both languages', async () => {
    await resetPage();
    await moduleFault({ path: '/src/page-poll/after-vote', fail: true });
    const endpoint = new TestEndpoint();
    const element = await fixture<EpPagePoll>(`<ep-page-poll endpoint="${endpoint.base}"></ep-page-poll>`);
    // As a press does: the button takes focus, then the click.
    const yes = $$<HTMLButtonElement>(element, '[part="answer-button"]')[0]!;
    yes.focus();
    yes.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await element.updateComplete;
    expect(textOf(element, '.load-error')).to.equal('This could not load. Check your connection and answer again.');
    expectFocused(element, '.load-error');
    expect($$(element, '[part="answer-button"]')).to.have.length(2);
    expect($$(element, '[aria-disabled="true"]')).to.have.length(0);
    await expect(element).to.be.accessible();
    await setPageLanguage('ar', 'rtl');
    expect(textOf(element, '.load-error')).to.equal('تعذّر التحميل. تحقّق من اتصالك ثم أجب مرة أخرى.');
    await expect(element).to.be.accessible();
    expect(await endpoint.posted()).to.have.length(0);
    // Back online: the next click loads the rest and sends the answer.
    await moduleFault({ clear: true });
    $$<HTMLButtonElement>(element, '[part="answer-button"]')[1]!.click();
    await waitUntil(
      () => element.shadowRoot!.querySelector('fieldset'),
      'a retry after the fault did not load the rest',
      { timeout: 4000 },
    );
    expect((await endpoint.posted()).map((post) => post.body.data.answer)).to.deep.equal(['no']);
  });

  it('thanks a visitor who answered before from the element itself', async () => {
    await resetPage();
    localStorage.setItem(
      `ep-widgets:page-poll:v1:${location.origin}${location.pathname}`,
      JSON.stringify({ answer: 'yes', at: '2026-01-01T00:00:00Z' }),
    );
    const element = await fixture<EpPagePoll>(`<ep-page-poll endpoint="${new TestEndpoint().base}"></ep-page-poll>`);
    expect($(element, '[part="thanks"]').textContent).to.equal('You have already told us about this page. Thank you.');
  });
});
