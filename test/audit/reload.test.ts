/**
 * AUDIT (network): a reload while a form's submission is on its way. The outbox keeps the envelope and sends
 * it from the next page; the form must not also hand the visitor back their text as an unsent draft, which
 * they would send again (a second submission, a new id, stored twice).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { TestEndpoint } from '../helpers/endpoint.js';
import { resetPage } from '../helpers/page.js';
import { ENTRY_PREFIX } from '../../src/core/outbox/outbox-store.js';

const held = () => Object.keys(localStorage).filter((key) => key.startsWith(ENTRY_PREFIX));
const frames: HTMLIFrameElement[] = [];
const MESSAGE = 'Please open the service centre on Saturdays.';

async function openTab(endpoint: TestEndpoint): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = `/test/audit/feedback-tab.html?${new URLSearchParams({ endpoint: endpoint.base, timeout: '1500' })}`;
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  await waitUntil(() => formIn(frame)?.shadowRoot?.querySelector('textarea'), 'the form did not render', {
    timeout: 10_000,
  });
  return frame;
}
const formIn = (frame: HTMLIFrameElement) => frame.contentDocument?.querySelector('ep-feedback') ?? undefined;

describe('AUDIT: reload mid-send (<ep-feedback>)', function () {
  this.timeout(30_000);
  beforeEach(resetPage);
  afterEach(async () => {
    frames.splice(0).forEach((frame) => frame.remove());
    await resetPage();
  });

  it('does not bring the sent text back as a draft to send a second time', async () => {
    const endpoint = new TestEndpoint();
    // The first request never answers (a phone between two masts); the page is reloaded meanwhile.
    await endpoint.script('submissions', { hang: true });
    const first = await openTab(endpoint);
    const form = formIn(first)!;
    const root = form.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[name="type"]')!.click();
    const area = root.querySelector<HTMLTextAreaElement>('#message')!;
    area.value = MESSAGE;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await (form as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await waitUntil(async () => (await endpoint.posted()).length === 1, 'not sent', { timeout: 10_000 });
    expect(held(), 'written to the outbox before the send').to.have.length(1);
    // Reload: the tab goes (pagehide sends the entry with keepalive), the same page opens again.
    first.remove();
    const second = await openTab(endpoint);
    await waitUntil(() => held().length === 0, 'the entry was not delivered after the reload', { timeout: 10_000 });
    expect(await endpoint.stored(), 'the collector has the submission').to.have.length(1);
    const secondForm = formIn(second)!;
    const again = secondForm.shadowRoot!.querySelector<HTMLTextAreaElement>('#message')!.value;
    const said = secondForm.shadowRoot!.querySelector('[part="delivery"]')?.textContent?.trim() ?? '';
    // What the reloaded page shows: the text in the form, nothing said about it having been sent. The
    // visitor's natural next step is Send.
    secondForm.shadowRoot!.querySelector<HTMLButtonElement>('[part~="send-button"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const stored = (await endpoint.stored()).filter((item) => item.data.message === MESSAGE);
    expect(
      stored.length,
      `the one message stored ${stored.length} times (the reloaded form showed "${again}", its note said "${said}")`,
    ).to.equal(1);
  });
});

describe('AUDIT: reload mid-vote (<ep-page-poll>, remembering answers, the default)', function () {
  this.timeout(30_000);
  beforeEach(resetPage);
  afterEach(async () => {
    frames.splice(0).forEach((frame) => frame.remove());
    await resetPage();
  });

  async function openPoll(endpoint: TestEndpoint): Promise<HTMLElement> {
    const frame = document.createElement('iframe');
    frame.src = `/test/audit/poll-tab.html?${new URLSearchParams({ endpoint: endpoint.base, timeout: '1500' })}`;
    frames.push(frame);
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    let poll: HTMLElement | undefined;
    await waitUntil(
      () =>
        (poll =
          frame.contentDocument?.querySelector<HTMLElement>('ep-page-poll') ?? undefined)?.shadowRoot?.querySelector(
          'button, .thanks',
        ),
      'the poll did not render',
      { timeout: 10_000 },
    );
    return poll!;
  }

  it('does not ask again for a vote it is already delivering', async () => {
    const endpoint = new TestEndpoint();
    await endpoint.script('submissions', { hang: true });
    const poll = await openPoll(endpoint);
    poll.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="answer-button"]')[0]!.click();
    await waitUntil(async () => (await endpoint.posted()).length === 1, 'not sent', { timeout: 10_000 });
    frames.shift()!.remove();
    const again = await openPoll(endpoint);
    await waitUntil(() => held().length === 0, 'the vote was not delivered after the reload', { timeout: 10_000 });
    const answers = again.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="answer-button"]');
    const shown = again.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
    // The visitor who is asked again answers again.
    answers[0]?.click();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const votes = (await endpoint.stored()).filter((item) => item.kind === 'page-vote');
    expect(
      votes.length,
      `one visitor's vote stored ${votes.length} times (the reloaded poll showed "${shown}")`,
    ).to.equal(1);
  });
});
