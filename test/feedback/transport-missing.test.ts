// In a page of its own (so the transport is not loaded yet): the transport, which <ep-feedback> loads on
// demand, cannot be downloaded (offline, or a deploy replaced the file).
import { expect, waitUntil } from '@open-wc/testing';
import { TestEndpoint } from '../helpers/endpoint.js';
import { moduleFault } from '../helpers/module-faults.js';
import { resetPage, setPageLanguage } from '../helpers/page.js';
import { $, expectFocused, textOf } from '../helpers/shadow.js';
import { MESSAGE, confirmation, feedback, fillRequired, pressSend, settle } from './helpers.js';

describe('<ep-feedback> when its transport cannot load', () => {
  after(() => moduleFault({ clear: true }));

  it('keeps the form, says what happened where focus goes, and sends once the transport can load', async () => {
    await resetPage();
    await moduleFault({ path: '/src/core/delivery/submit', fail: true });
    const endpoint = new TestEndpoint();
    const element = await feedback(endpoint);
    await fillRequired(element);
    $<HTMLButtonElement>(element, '[part~="send-button"]').focus();
    pressSend(element);
    await waitUntil(() => element.shadowRoot!.querySelector('[part="error"]'), 'no failure shown', { timeout: 4000 });
    await settle(element);
    expect(textOf(element, '[part="error"] p')).to.equal(
      'Your message was not sent. What you wrote is kept. We could not reach the service. Check your connection and try again.',
    );
    expectFocused(element, '[part="error"] p');
    expect($<HTMLTextAreaElement>(element, '#message').value).to.equal(MESSAGE);
    expect($(element, '[part~="send-button"]').hasAttribute('aria-disabled')).to.equal(false);
    await expect(element).to.be.accessible();
    await setPageLanguage('ar', 'rtl');
    await settle(element);
    expect(textOf(element, '[part="error"] p')).to.equal(
      'لم تُرسَل رسالتك. ما كتبته محفوظ. تعذّر الوصول إلى الخدمة. تحقّق من اتصالك وحاول مرة أخرى.',
    );
    await expect(element).to.be.accessible();
    expect(await endpoint.posted()).to.have.length(0);
    // Back online: the retry loads the transport and sends.
    await moduleFault({ clear: true });
    $<HTMLButtonElement>(element, '[part="retry-button"]').click();
    await confirmation(element);
    expect((await endpoint.posted()).map((post) => post.body.kind)).to.deep.equal(['feedback']);
  });
});
