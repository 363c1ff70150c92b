/**
 * AUDIT (network): a sign-up to the Lab's panel saved on the device ("You will get your withdrawal code here
 * once your request is sent"), then the page is left and opened again before the collector is back. The
 * outbox delivers the sign-up from the new page; the withdrawal code the collector gives for it must reach
 * the visitor somewhere, or they can never leave the panel.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { endpointPerTest } from '../helpers/endpoint.js';
import { ENTRY_PREFIX } from '../../src/core/outbox/outbox-store.js';
import { flushOutbox } from '../../src/index.js';
import { fillSignup, labInvite, panel, pressSend, settle } from '../lab-invite/helpers.js';

const held = () => Object.keys(localStorage).filter((key) => key.startsWith(ENTRY_PREFIX));

describe('AUDIT: <ep-lab-invite> sign-up saved on the device, page opened again', () => {
  const endpoint = endpointPerTest();

  it('shows the withdrawal code once the outbox delivers the sign-up from the page opened again', async () => {
    const first = await labInvite(endpoint);
    await fillSignup(first);
    await endpoint.script('submissions', { status: 503, body: {} });
    pressSend(first);
    await waitUntil(() => first.shadowRoot!.querySelector('[part="withdrawal"]'), 'not saved', { timeout: 4000 });
    // The promise the visitor is given.
    const promised = first.shadowRoot!.querySelector('[part="withdrawal"]')!.textContent!.trim();
    // The page is left (this element goes) and opened again (a new element for the same page).
    first.parentElement!.remove();
    const host = await fixture<HTMLDivElement>(
      `<div><ep-lab-invite endpoint="${endpoint.base}" min-fill-time="0"></ep-lab-invite></div>`,
    );
    const again = host.querySelector('ep-lab-invite')!;
    await again.updateComplete;
    await endpoint.recover();
    await flushOutbox();
    await waitUntil(() => held().length === 0, 'not delivered', { timeout: 4000 });
    await settle(again);
    const [member] = await panel(endpoint);
    expect(member, 'the sign-up is on the panel').to.not.equal(undefined);
    const text = again.shadowRoot!.textContent!;
    expect(
      text.includes(member!.code),
      `the withdrawal code ${member!.code} is shown nowhere after "${promised}"`,
    ).to.equal(true);
  });
});
