/**
 * <ep-feedback> after its message was saved on the device (see test/suites/delivery-suite.ts for what
 * every element does): what the confirmation shows when the outbox sends it later, or when the
 * collector later refuses it; and a few rules found in review.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { endpointPerTest } from '../helpers/endpoint.js';
import { LANGUAGES, setPageLanguage } from '../helpers/page.js';
import { $$, expectFocused, textOf } from '../helpers/shadow.js';
import { MESSAGE, choose, confirmation, feedback, fillRequired, pressSend, settle, tick, typeInto } from './helpers.js';

const comeBackOnline = () => window.dispatchEvent(new Event('online'));

describe('<ep-feedback>: a message saved on the device', () => {
  const endpoint = endpointPerTest();

  it('shows the reference the collector gives when the outbox sends it later', async () => {
    const element = await feedback(endpoint);
    await endpoint.script(
      'submissions',
      { status: 503, body: {} },
      { status: 201, body: { reference: 'FB-2026-000999' } },
    );
    await fillRequired(element);
    pressSend(element);
    await confirmation(element);
    expect(textOf(element, '.confirmation-title')).to.equal('Your message is saved on this device');
    expect(element.shadowRoot!.querySelector('[part="reference"]')).to.equal(null);
    comeBackOnline();
    await waitUntil(
      () => element.shadowRoot!.querySelector('[part="reference"]'),
      'no reference after the later send',
      { timeout: 4000 },
    );
    expect(textOf(element, '[part="reference"]')).to.contain('FB-2026-000999');
    expect(textOf(element, '.confirmation-title')).to.equal('Your message has been sent');
  });

  for (const { lang, dir } of LANGUAGES) {
    it(`gives the visitor back what they wrote when the collector later refuses it (${lang})`, async () => {
      await setPageLanguage(lang, dir);
      const element = await feedback(endpoint);
      await endpoint.script('submissions', { status: 500, body: {} }, { status: 422, body: {} });
      await choose(element, 'type', 'complaint');
      await typeInto(element, 'message', MESSAGE);
      await typeInto(element, 'email', 'sara@example.sa');
      await tick(element, 'consent');
      pressSend(element);
      await confirmation(element);
      const refused = oneEvent(element, 'ep-error');
      comeBackOnline();
      expect((await refused).detail.queued).to.equal(true);
      const title = lang === 'en' ? 'Your message was not sent' : 'لم تُرسَل رسالتك';
      await waitUntil(() => textOf(element, '.confirmation-title') === title, 'the title still says saved', {
        timeout: 4000,
      });
      expect(
        element.shadowRoot!.querySelector('[part="another-button"]'),
        'no "send another" for a message not sent',
      ).to.equal(null);
      await settle(element);
      await expect(element).to.be.accessible();
      $$<HTMLButtonElement>(element, '[part="back-button"]')[0]!.click();
      await settle(element);
      await waitUntil(() => element.shadowRoot!.querySelector('form'), 'no form');
      expect(element.shadowRoot!.querySelector<HTMLTextAreaElement>('#message')!.value).to.equal(MESSAGE);
      expect(element.shadowRoot!.querySelector<HTMLInputElement>('#email')!.value).to.equal('sara@example.sa');
      expect(
        element.shadowRoot!.querySelector<HTMLInputElement>('input[name="type"][value="complaint"]')!.checked,
      ).to.equal(true);
      await waitUntil(() => element.shadowRoot!.activeElement?.id === 'message', 'focus did not go to the message');
      expectFocused(element, '#message');
      // And it can be sent again at once: the fill-time guard does not take the visitor for a robot.
      pressSend(element);
      await confirmation(element);
      expect(textOf(element, '.confirmation-title')).to.equal(
        lang === 'en' ? 'Your message has been sent' : 'أُرسلت رسالتك',
      );
      const stored = await endpoint.stored();
      expect(stored.map((envelope) => envelope.data.message)).to.deep.equal([MESSAGE]);
    });
  }
});

describe('<ep-feedback>: rules found in review', () => {
  const endpoint = endpointPerTest();

  it('keeps its own types when a page sets an unusable list as a property', async () => {
    const element = await feedback(endpoint);
    element.types = [];
    await settle(element);
    expect($$(element, 'input[name="type"]')).to.have.length(4);
    element.types = [{ code: '', label: 'x' }];
    await settle(element);
    expect($$(element, 'input[name="type"]')).to.have.length(4);
  });
});
