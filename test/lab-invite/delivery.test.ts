import { waitUntil } from '@open-wc/testing';
import type { TestEndpoint } from '../helpers/endpoint.js';
import { runDeliverySuite } from '../suites/delivery-suite.js';
import { fillSignup, labInvite, pressSend, settle, type EpLabInvite } from './helpers.js';

runDeliverySuite({
  tag: 'ep-lab-invite',
  kind: 'lab-signup',
  // Each invitation keeps its own draft (by id), so several can be filled on one page.
  make: (endpoint: TestEndpoint, attributes = '') =>
    labInvite(endpoint, `id="lab-${Math.random().toString(36).slice(2)}" ${attributes}`),
  async submitOnce(element) {
    const form = element as EpLabInvite;
    await fillSignup(form);
    pressSend(form);
    await waitUntil(
      () => form.shadowRoot!.querySelector('.confirmation, .error-summary, [part="error"]'),
      'the send did not end',
      { timeout: 4000 },
    );
    await settle(form);
  },
});
