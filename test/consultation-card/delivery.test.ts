import { waitUntil } from '@open-wc/testing';
import type { TestEndpoint } from '../helpers/endpoint.js';
import { $$ } from '../helpers/shadow.js';
import { runDeliverySuite } from '../suites/delivery-suite.js';
import { card, consultationJson, settle, shown, type EpConsultationCard } from './helpers.js';

/** An open consultation given by the page, its id unique per card, so several cards on one page each take a view. */
const openNow = () => {
  const day = 24 * 60 * 60 * 1000;
  return consultationJson({
    id: `delivery-${Math.random().toString(36).slice(2)}`,
    opensAt: new Date(Date.now() - day).toISOString(),
    closesAt: new Date(Date.now() + 7 * day).toISOString(),
  });
};

runDeliverySuite({
  tag: 'ep-consultation-card',
  kind: 'consultation-view',
  async make(endpoint: TestEndpoint, attributes = '') {
    // The card's own clock: the outbox's retries run on real time, and so does this consultation.
    const element = await card(endpoint, `no-id now="" ${attributes}`);
    element.consultation = openNow();
    await shown(element, 'form');
    return element;
  },
  async submitOnce(element) {
    const view = element as EpConsultationCard;
    $$<HTMLInputElement>(view, 'input[name="stance"]')[0]!.click();
    await settle(view);
    $$<HTMLButtonElement>(view, '[part~="send-button"]')[0]!.click();
    await waitUntil(
      () => view.shadowRoot!.querySelector('.your-view, .error-summary, [part="error"]'),
      'the send did not end',
      { timeout: 4000 },
    );
    await settle(view);
  },
});
