// What protects the visitor and the collector in <ep-feedback> beyond what every form does (see
// test/suites/form-suite.ts): that a person typing at human pace never trips the default guard, the
// draft's count and its key per form, a host page's own <form> around the element, and a visitor using
// only the keyboard.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { endpointPerTest } from '../helpers/endpoint.js';
import { setPageLanguage } from '../helpers/page.js';
import { $, $$, expectFocused, textOf } from '../helpers/shadow.js';
import { tabStops } from '../helpers/keyboard.js';
import {
  MESSAGE,
  confirmation,
  draftKeyFor,
  errorSummary,
  feedback,
  fillRequired,
  settle,
  sleep,
  typeInto,
} from './helpers.js';

describe('<ep-feedback> guards', () => {
  const endpoint = endpointPerTest();

  describe('spam guards', () => {
    it('never catches a person typing at human pace with the keyboard only, under the default guard', async function () {
      this.timeout(25_000);
      const element = await feedback(endpoint, '', true);
      const before = document.createElement('button');
      before.textContent = 'before';
      element.before(before);
      before.focus();
      try {
        await sendKeys({ press: 'Tab' });
        expectFocused(element, '#type');
        await sendKeys({ press: 'ArrowDown' }); // moves to and selects the second type
        expect($$<HTMLInputElement>(element, 'input[name="type"]')[1]!.checked).to.equal(true);
        await sendKeys({ press: 'Tab' });
        expectFocused(element, '#message');
        // About ten keys a second, as a quick typist: well over the three seconds the guard waits for.
        for (const key of 'Evening opening hours would help.') {
          await sendKeys({ type: key });
          await sleep(90);
        }
        await sendKeys({ press: 'Tab' });
        expectFocused(element, '#name');
        await sendKeys({ type: 'Noura' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ type: 'noura@example.sa' });
        await sendKeys({ press: 'Tab' });
        expectFocused(element, '#mobile');
        await sendKeys({ press: 'Tab' });
        expectFocused(element, '#channel');
        await sendKeys({ press: 'Space' });
        await sendKeys({ press: 'Tab' });
        expectFocused(element, '#consent');
        await sendKeys({ press: 'Space' });
        await sendKeys({ press: 'Tab' });
        expectFocused(element, '[part~="send-button"]');
        await sendKeys({ press: 'Enter' });
        await confirmation(element);
        expectFocused(element, '.confirmation');
      } finally {
        before.remove();
      }
      const [post] = await endpoint.waitForPosts(1);
      expect(post!.body.data).to.deep.equal({
        type: { code: 'suggestion', label: 'Suggestion' },
        message: 'Evening opening hours would help.',
        contact: { name: 'Noura', email: 'noura@example.sa', channel: 'email' },
        consent: true,
      });
      expect(element.minFillTime, 'the default guard').to.equal(3000);
    });
  });

  describe('the draft', () => {
    it('counts what is left of a message restored from the draft after a reload', async () => {
      const first = await feedback(endpoint);
      await fillRequired(first);
      first.remove(); // the page goes; a new one opens on the same address
      const second = await feedback(endpoint);
      expect($<HTMLTextAreaElement>(second, '#message').value).to.equal(MESSAGE);
      expect(textOf(second, '#message-count')).to.equal(
        `You have ${(2000 - MESSAGE.length).toLocaleString('en')} characters remaining`,
      );
    });

    it('keeps one draft per form on a page (by id, else by service), and none when told not to', async () => {
      const permits = await feedback(endpoint, 'id="permits"');
      const roads = await feedback(endpoint, 'service="roads"');
      const quiet = await feedback(endpoint, 'no-draft');
      await typeInto(permits, 'message', 'About permits');
      await typeInto(roads, 'message', 'About roads');
      await typeInto(quiet, 'message', 'Not to be kept');
      expect(JSON.parse(sessionStorage.getItem(draftKeyFor('permits'))!).values.message).to.equal('About permits');
      expect(JSON.parse(sessionStorage.getItem(draftKeyFor('roads'))!).values.message).to.equal('About roads');
      expect(sessionStorage.getItem(draftKeyFor())).to.equal(null);
      expect(Object.keys(sessionStorage)).to.have.length(2);
    });
  });

  describe("inside a host page's own <form>", () => {
    it('neither submits the outer form nor breaks it', async () => {
      const outer = await fixture<HTMLFormElement>(html`<form action="/should-not-navigate" method="post">
        <label>Search <input name="q" value="permits" /></label>
        <ep-feedback endpoint=${endpoint.base} min-fill-time="0"></ep-feedback>
        <button type="submit">Search</button>
      </form>`);
      const element = outer.querySelector('ep-feedback')!;
      await element.updateComplete;
      const outerSubmits: string[][] = [];
      outer.addEventListener('submit', (event) => {
        event.preventDefault();
        outerSubmits.push([...new FormData(outer).keys()]);
      });
      expect(outer.elements.length, 'none of the feedback fields joins the outer form').to.equal(2);

      // Enter in a field of the feedback form: its own (empty) form is checked, not the outer one sent.
      $<HTMLInputElement>(element, '#name').focus();
      await sendKeys({ press: 'Enter' });
      await errorSummary(element);
      expect(outerSubmits).to.deep.equal([]);

      await fillRequired(element);
      $<HTMLInputElement>(element, '#name').focus();
      await sendKeys({ type: 'Fahad' });
      await sendKeys({ press: 'Enter' });
      await confirmation(element);
      expect(outerSubmits).to.deep.equal([]);
      expect((await endpoint.posted())[0]!.body.data.contact).to.deep.equal({ name: 'Fahad' });

      // The page's own form still submits, with its own fields only.
      outer.querySelector<HTMLInputElement>('input[name="q"]')!.focus();
      await sendKeys({ press: 'Enter' });
      outer.querySelector<HTMLButtonElement>('button')!.click();
      expect(outerSubmits).to.deep.equal([['q'], ['q']]);
      expect(location.pathname).not.to.contain('should-not-navigate');
    });
  });

  describe('keyboard only, in Arabic', () => {
    it('reaches every control in order, chooses with the arrow keys, and sends', async () => {
      await setPageLanguage('ar', 'rtl');
      const element = await feedback(endpoint);
      $<HTMLElement>(element, '#title').focus();
      const order = await tabStops(element);
      expect(order).to.deep.equal(['type', 'message', 'name', 'email', 'mobile', 'channel', 'consent', 'send-button']);
      $<HTMLElement>(element, '#title').focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect($$<HTMLInputElement>(element, 'input[name="type"]').find((radio) => radio.checked)?.value).to.equal(
        'complaint',
      );
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'الإنارة معطّلة في الحي منذ أسبوع.' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '٠٥٥ ٩٨٧ ٦٥٤٣' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowDown' }); // from the first channel to the second, selecting it
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      expect(textOf(element, '[part~="send-button"]')).to.equal('إرسال الرسالة');
      await sendKeys({ press: 'Enter' });
      await confirmation(element);
      expectFocused(element, '.confirmation');
      const [post] = await endpoint.posted();
      expect(post!.body.data).to.deep.equal({
        type: { code: 'complaint', label: 'شكوى' },
        message: 'الإنارة معطّلة في الحي منذ أسبوع.',
        contact: { mobile: '+966559876543', channel: 'phone' },
        consent: true,
      });
      await settle(element);
    });
  });
});
