/**
 * A reload while a submission is on its way, with same-origin iframes playing the tab before and after (they
 * share the tab's session storage and the site's local storage, as a reloaded page does), against the test
 * collector. The outbox keeps the envelope and sends it from the next page; that page must show it as on its
 * way, not hand the visitor their text back to send again (a second submission, a new id, stored twice), nor
 * ask the poll's question again.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { TestEndpoint } from '../helpers/endpoint.js';
import { closeTab, openTab as openPage, tabsPerTest } from '../helpers/tabs.js';
import { ANSWER_PREFIX, ENTRY_PREFIX } from '../../src/core/outbox/entry-key.js';

const held = () => Object.keys(localStorage).filter((key) => key.startsWith(ENTRY_PREFIX));
const MESSAGE = 'Please open the service centre on Saturdays.';

/** The same page each time, its element `tag` remembering answers (the poll's default), once it rendered `ready`. */
const openTab = (tag: string, ready: string, endpoint: TestEndpoint) =>
  openPage(endpoint, { tag, timeout: '1500', page: `${location.origin}/reloaded-page`, remember: '' }, ready);

const textIn = (element: HTMLElement, selector: string) =>
  element.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('a reload while a submission is on its way', function () {
  this.timeout(30_000);
  tabsPerTest();

  it('<ep-feedback> shows the message as saved on the device, then as sent; it is stored once', async () => {
    const endpoint = new TestEndpoint();
    // The first request never answers (a phone between two masts); the page is reloaded meanwhile.
    await endpoint.script('submissions', { hang: true });
    const form = await openTab('ep-feedback', 'textarea', endpoint);
    const root = form.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[name="type"]')!.click();
    const area = root.querySelector<HTMLTextAreaElement>('#message')!;
    area.value = MESSAGE;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await (form as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await waitUntil(async () => (await endpoint.posted()).length === 1, 'not sent', { timeout: 10_000 });
    expect(held(), 'written to the outbox before the send').to.have.length(1);
    closeTab(form);
    const again = await openTab('ep-feedback', 'textarea, .confirmation', endpoint);
    // Compared as a boolean: chai describing an element of another frame never finishes.
    expect(again.shadowRoot!.querySelector('textarea') === null, 'the text is not offered to send again').to.equal(
      true,
    );
    expect(textIn(again, '.confirmation-title')).to.equal('Your message is saved on this device');
    await waitUntil(() => textIn(again, '[part="delivery"]') !== '', 'the delivery note said nothing');
    expect(textIn(again, '[part="delivery"]')).to.equal(
      'Saved on this device. It will be sent automatically as soon as it can be.',
    );
    await waitUntil(() => held().length === 0, 'the entry was not delivered after the reload', { timeout: 10_000 });
    await waitUntil(
      () => textIn(again, '.confirmation-title') === 'Your message has been sent',
      `the reloaded form did not say it was sent (it said "${textIn(again, '.confirmation-title')}")`,
      { timeout: 5000 },
    );
    const stored = (await endpoint.stored()).filter((item) => item.data.message === MESSAGE);
    expect(stored, 'the one message stored once').to.have.length(1);
    expect(
      Object.keys(sessionStorage).filter((key) => key.includes(':draft:')),
      'no draft left',
    ).to.deep.equal([]);
    expect(
      Object.keys(localStorage).filter((key) => key.startsWith(ANSWER_PREFIX)),
      'no answer left on the device once shown',
    ).to.deep.equal([]);
  });

  it('<ep-page-poll> thanks the visitor instead of asking again for a vote it is delivering', async () => {
    const endpoint = new TestEndpoint();
    await endpoint.script('submissions', { hang: true });
    const poll = await openTab('ep-page-poll', 'button, .thanks', endpoint);
    poll.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="answer-button"]')[0]!.click();
    await waitUntil(async () => (await endpoint.posted()).length === 1, 'not sent', { timeout: 10_000 });
    closeTab(poll);
    const again = await openTab('ep-page-poll', 'button, .thanks', endpoint);
    await waitUntil(() => held().length === 0, 'the vote was not delivered after the reload', { timeout: 10_000 });
    const shown = textIn(again, '.base');
    expect(again.shadowRoot!.querySelectorAll('[part="answer-button"]').length, `asked again: "${shown}"`).to.equal(0);
    expect(textIn(again, '[part="thanks"]')).to.equal('You have already told us about this page. Thank you.');
    const votes = (await endpoint.stored()).filter((item) => item.kind === 'page-vote');
    expect(votes, "one visitor's vote stored once").to.have.length(1);
  });

  it('drops, as the page starts, an answer kept for a form that did not come back in time, and one it cannot read', async () => {
    const endpoint = new TestEndpoint();
    const late = { until: Date.now() - 1, answer: { withdrawalCode: 'ABCD-EFGH-JKMN' } };
    const due = { until: Date.now() + 60_000, answer: { withdrawalCode: 'PQRS-TVWX-YZ23' } };
    localStorage.setItem(`${ANSWER_PREFIX}broken`, '{"until":');
    localStorage.setItem(`${ANSWER_PREFIX}late`, JSON.stringify(late));
    localStorage.setItem(`${ANSWER_PREFIX}due`, JSON.stringify(due));
    await openTab('ep-page-poll', 'button, .thanks', endpoint);
    expect(Object.keys(localStorage).filter((key) => key.startsWith(ANSWER_PREFIX))).to.deep.equal([
      `${ANSWER_PREFIX}due`,
    ]);
  });
});
