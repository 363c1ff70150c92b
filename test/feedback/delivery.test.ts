import { waitUntil } from '@open-wc/testing';
import type { TestEndpoint } from '../helpers/endpoint.js';
import { runDeliverySuite } from '../suites/delivery-suite.js';
import { feedback, fillRequired, pressSend, settle, type EpFeedback } from './helpers.js';

runDeliverySuite({
  tag: 'ep-feedback',
  kind: 'feedback',
  // Each form keeps its own draft (by id), so several can be filled on one page.
  make: (endpoint: TestEndpoint, attributes = '') =>
    feedback(endpoint, `id="form-${Math.random().toString(36).slice(2)}" ${attributes}`),
  async submitOnce(element) {
    const form = element as EpFeedback;
    await fillRequired(form);
    pressSend(form);
    await waitUntil(
      () => form.shadowRoot!.querySelector('.confirmation, .error-summary, [part="error"]'),
      'the send did not end',
      { timeout: 4000 },
    );
    await settle(form);
  },
});
