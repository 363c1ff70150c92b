// In a page of its own: the part of the poll that loads after the question (after-vote.ts) arrives slowly.
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/ep-page-poll.js';
import type { EpPagePoll } from '../../src/page-poll/ep-page-poll.js';
import { TestEndpoint } from '../helpers/endpoint.js';
import { moduleFault } from '../helpers/module-faults.js';
import { resetPage } from '../helpers/page.js';
import { $$, expectFocused } from '../helpers/shadow.js';

describe('<ep-page-poll> while the rest of it is still loading', () => {
  after(() => moduleFault({ clear: true }));

  it('shows the answer busy at once, keeps the focus through the arrival, and sends only the latest answer', async () => {
    await resetPage();
    await moduleFault({ path: '/src/page-poll/after-vote', delayMs: 1000 });
    const endpoint = new TestEndpoint();
    await endpoint.script('submissions', { delayMs: 800, status: 201, body: {} });
    const host = await fixture<HTMLDivElement>(
      `<div><button>before</button><ep-page-poll endpoint="${endpoint.base}"></ep-page-poll></div>`,
    );
    const element = host.querySelector<EpPagePoll>('ep-page-poll')!;
    await nextFrame();
    host.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' }); // No, before the rest has arrived
    const [yes, no] = $$<HTMLButtonElement>(element, '[part="answer-button"]');
    // Busy at once: well before the rest (held back 1 s by the server) arrives.
    await waitUntil(() => no!.classList.contains('primary'), 'No is not shown busy', { timeout: 400 });
    expect(element.shadowRoot!.querySelector('.hint'), 'still loading').to.equal(null);
    expect(yes!.getAttribute('aria-disabled')).to.equal('true');
    expectFocused(element, '.answers .primary');
    yes!.click(); // a change of mind while loading: the latest answer wins
    await waitUntil(() => yes!.classList.contains('primary'), 'Yes is not shown busy', { timeout: 400 });
    // The rest arrives and sends: the same buttons are still there, and the focus with them.
    await waitUntil(() => element.shadowRoot!.querySelector('.hint'), 'the rest never arrived', { timeout: 4000 });
    expect($$(element, '[part="answer-button"]')[1] === no, 'the same button, not a new one').to.equal(true);
    expect(element.shadowRoot!.activeElement === no, 'focus kept on the answer the visitor pressed').to.equal(true);
    await waitUntil(() => element.shadowRoot!.querySelector('fieldset'), 'the reasons never came', { timeout: 4000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await endpoint.posted()).map((post) => post.body.data.answer)).to.deep.equal(['yes']);
  });
});
