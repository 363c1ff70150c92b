// Delivery that loses nothing (test/suites/delivery-suite.ts), run for both things the idea box submits: an
// idea from its form, and a change of support from its list. Both show the element's one delivery note.
import { waitUntil } from '@open-wc/testing';
import type { TestEndpoint } from '../helpers/endpoint.js';
import { $ } from '../helpers/shadow.js';
import { runDeliverySuite } from '../suites/delivery-suite.js';
import { fillRequired, ideaBox, listSettled, pressSend, publish, settle, type EpIdeaBox } from './helpers.js';

runDeliverySuite({
  tag: 'ep-idea-box',
  kind: 'idea',
  // Each form keeps its own draft (by id), so several can be filled on one page; the list is not needed.
  make: (endpoint: TestEndpoint, attributes = '') =>
    ideaBox(endpoint, `view="form" id="box-${Math.random().toString(36).slice(2)}" ${attributes}`),
  async submitOnce(element) {
    const box = element as EpIdeaBox;
    await fillRequired(box);
    pressSend(box);
    await waitUntil(
      () => box.shadowRoot!.querySelector('.confirmation, .error-summary, [part="error"]'),
      'the send did not end',
      { timeout: 4000 },
    );
    await settle(box);
  },
});

runDeliverySuite({
  tag: 'ep-idea-box',
  kind: 'idea-support',
  async make(endpoint: TestEndpoint, attributes = '') {
    await publish(endpoint, [{ id: 'idea-1', title: 'Shade in parks', supports: 3, status: 'new' }]);
    const box = await ideaBox(endpoint, `view="list" ${attributes}`);
    await listSettled(box);
    return box;
  },
  /** Presses Support and waits for the first word on how it went (the outcome, or that it was saved). */
  async submitOnce(element) {
    const box = element as EpIdeaBox;
    const ended = new Promise<void>((resolve) => {
      for (const type of ['ep-success', 'ep-error', 'ep-queued'])
        box.addEventListener(type, () => resolve(), { once: true });
    });
    $<HTMLButtonElement>(box, '[part~="support-button"]').click();
    await ended;
    await settle(box);
  },
});
