import { fixture, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/ep-page-poll.js';
import type { EpPagePoll } from '../../src/page-poll/ep-page-poll.js';
import type { TestEndpoint } from '../helpers/endpoint.js';
import { $$ } from '../helpers/shadow.js';
import { runDeliverySuite } from '../suites/delivery-suite.js';

runDeliverySuite({
  tag: 'ep-page-poll',
  kind: 'page-vote',
  async make(endpoint: TestEndpoint, attributes = '') {
    // Each poll files its vote under its own page, so several can wait in the outbox at once.
    const page = `${location.origin}/poll-${Math.random().toString(36).slice(2)}`;
    const host = await fixture<HTMLDivElement>(
      `<div><ep-page-poll endpoint="${endpoint.base}" page-url="${page}" no-remember ${attributes}></ep-page-poll></div>`,
    );
    const element = host.querySelector('ep-page-poll')!;
    await element.updateComplete;
    return element;
  },
  async submitOnce(element) {
    const poll = element as EpPagePoll;
    // The first answer (Yes, نعم), in either language.
    $$<HTMLButtonElement>(poll, '[part="answer-button"]')[0]!.click();
    await waitUntil(() => poll.shadowRoot!.querySelector('fieldset, [part="error"]'), 'the vote did not end', {
      timeout: 4000,
    });
    await poll.updateComplete;
    await nextFrame();
  },
});
