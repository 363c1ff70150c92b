/**
 * The outbox across tabs and reloads, with same-origin iframes playing the tabs (each has its own copy
 * of the library, and shares storage and locks with the others, as tabs do), against the test collector.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { EpPagePoll } from '../../src/page-poll/ep-page-poll.js';
import { createEnvelope } from '../../src/core/delivery/envelope.js';
import { ENTRY_PREFIX, type OutboxEntry } from '../../src/core/outbox/outbox-store.js';
import { TestEndpoint } from '../helpers/endpoint.js';
import { closeTab, openTab, tabsPerTest } from '../helpers/tabs.js';

const held = () => Object.keys(localStorage).filter((key) => key.startsWith(ENTRY_PREFIX));

/** Closes the tab of `poll` and opens the page again, which sends what it left behind: then what the collector stored. */
async function closeAndReload(poll: EpPagePoll, endpoint: TestEndpoint) {
  closeTab(poll);
  await openTab(endpoint);
  await waitUntil(() => held().length === 0, 'the entry was not sent after the reload', { timeout: 10_000 });
  return endpoint.stored();
}

/** Entries an earlier page left behind, due now, from a tab that has closed. */
function leaveEntries(endpoint: TestEndpoint, count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const envelope = createEnvelope({
      kind: 'page-vote',
      data: { answer: 'yes' },
      locale: 'en',
      privacyNotice: '1',
      page: { override: `${location.origin}/left-${index}` },
    });
    const entry: OutboxEntry = {
      id: envelope.id,
      url: `${location.origin}${endpoint.base}/submissions`,
      envelope,
      timeoutMs: 5000,
      heldAt: Date.now() - 60_000,
      attempts: 1,
      nextAt: Date.now() - 1000,
      notBefore: 0,
      owner: 'a-closed-tab',
    };
    localStorage.setItem(ENTRY_PREFIX + entry.id, JSON.stringify(entry));
    return entry.id;
  });
}

describe('the outbox across tabs and reloads', function () {
  // Each tab loads the library from source without the HTTP cache: on a busy machine that takes seconds.
  this.timeout(20_000);
  tabsPerTest();

  const variants: Array<{ name: string; query: Record<string, string> }> = [
    { name: 'Web Locks', query: {} },
    { name: 'the lease (no Web Locks)', query: { nolocks: '' } },
  ];
  for (const variant of variants) {
    it(`lets one tab at a time send what earlier pages left, each entry once (${variant.name})`, async () => {
      const endpoint = new TestEndpoint();
      const ids = leaveEntries(endpoint, 6);
      await endpoint.script('submissions', { delayMs: 150, repeat: 20 });
      await Promise.all([openTab(endpoint, variant.query), openTab(endpoint, variant.query)]);
      await waitUntil(() => held().length === 0, 'the entries were not all sent', { timeout: 10_000 });
      const posts = await endpoint.posted();
      for (const id of ids)
        expect(
          posts.filter((post) => post.body.id === id),
          id,
        ).to.have.length(1);
      // One sender at a time: each request arrived after the one before it was answered.
      const times = posts.map((post) => post.at).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).to.be.at.least(140);
      expect((await endpoint.stored()).map((item) => item.id).sort()).to.deep.equal([...ids].sort());
    });
  }

  it('delivers, exactly once, a vote whose tab was closed while it was being sent', async () => {
    const endpoint = new TestEndpoint();
    await endpoint.script('submissions', { hang: true });
    const first = await openTab<EpPagePoll>(endpoint, { timeout: '1500', page: `${location.origin}/closed-mid-send` });
    first.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="answer-button"]')[0]!.click();
    await waitUntil(() => held().length === 1, 'not written before the send', { timeout: 10_000 });
    const [key] = held();
    const id = key!.slice(ENTRY_PREFIX.length);
    await waitUntil(async () => (await endpoint.posted()).length === 1, 'the vote was not sent', { timeout: 10_000 });
    // Closing the tab: its request is cancelled; pagehide sends the entry again with keepalive.
    const stored = await closeAndReload(first, endpoint);
    expect(stored.filter((item) => item.id === id)).to.have.length(1);
    expect(stored).to.have.length(1);
  });

  it('delivers, exactly once, a saved vote after the page is reloaded', async () => {
    const endpoint = new TestEndpoint();
    await endpoint.script('submissions', { status: 503, body: {} });
    // A short timeout keeps short the claim that pagehide's keepalive send leaves behind it.
    const poll = await openTab<EpPagePoll>(endpoint, { timeout: '1500', page: `${location.origin}/reloaded` });
    poll.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="answer-button"]')[0]!.click();
    await waitUntil(
      () => poll.shadowRoot!.querySelector('[part="delivery"]')?.textContent?.includes('Saved on this device'),
      'not saved',
      { timeout: 10_000 },
    );
    const [key] = held();
    const stored = await closeAndReload(poll, endpoint);
    expect(stored.map((item) => item.id)).to.deep.equal([key!.slice(ENTRY_PREFIX.length)]);
  });
});
