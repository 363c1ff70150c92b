// What protects the visitor and the collector: the spam guards (and that a person never trips them), the
// draft that survives a reload, a host page's own <form> around the element, and a visitor using only
// the keyboard.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure } from '../../src/core/element/config.js';
import { TestEndpoint } from '../helpers/endpoint.js';
import { LANGUAGES, resetPage, setPageLanguage } from '../helpers/page.js';
import { $, $$, expectFocused, focusedIn, textOf } from '../helpers/shadow.js';
import {
  MESSAGE,
  choose,
  confirmation,
  draftKeyFor,
  errorSummary,
  feedback,
  fillRequired,
  pressSend,
  settle,
  sleep,
  tick,
  typeInto,
  expectNone,
  type EpFeedback,
} from './helpers.js';

/** Every event the element fires on its way to the page. */
function recordEvents(): { events: string[]; stop: () => void } {
  const events: string[] = [];
  const record = (event: Event) => events.push(event.type);
  const types = ['ep-submit', 'ep-success', 'ep-error'];
  for (const type of types) document.addEventListener(type, record);
  return { events, stop: () => types.forEach((type) => document.removeEventListener(type, record)) };
}

/** Tab presses from where focus is until it leaves the element (or 30 presses), naming each stop. */
async function tabStops(element: EpFeedback): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < 30; i++) {
    await sendKeys({ press: 'Tab' });
    const active = focusedIn(element) as HTMLElement | null;
    if (!active) break;
    stops.push(active.id || active.getAttribute('part') || active.localName);
  }
  return stops;
}

describe('<ep-feedback> guards', () => {
  let endpoint: TestEndpoint;
  beforeEach(async () => {
    await resetPage();
    endpoint = new TestEndpoint();
  });
  afterEach(resetPage);

  describe('spam guards', () => {
    it('does not send what fills the honeypot, yet looks sent (no reference, no events, no draft left)', async () => {
      const element = await feedback(endpoint);
      await fillRequired(element);
      const trap = $<HTMLInputElement>(element, 'input[name="website"]');
      trap.value = 'https://spam.example';
      trap.dispatchEvent(new Event('input', { bubbles: true }));
      const { events, stop } = recordEvents();
      try {
        pressSend(element);
        await confirmation(element);
        await sleep(200);
      } finally {
        stop();
      }
      expect(textOf(element, '.confirmation-title')).to.equal('Your message has been sent');
      expectNone(element, '[part="reference"]');
      expect(await endpoint.log()).to.have.length(0);
      expect(events).to.deep.equal([]);
      expect(sessionStorage.getItem(draftKeyFor())).to.equal(null);
    });

    it('does not send a form sent sooner than the minimum fill time, yet looks sent', async () => {
      const element = await feedback(endpoint, 'min-fill-time="5000"');
      await fillRequired(element);
      pressSend(element);
      await confirmation(element);
      await sleep(200);
      expect(await endpoint.log()).to.have.length(0);
    });

    for (const { lang, dir } of LANGUAGES) {
      it(`hides the honeypot from people and assistive technology, off-screen without a scroll bar (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const element = await feedback(endpoint);
        const trap = $<HTMLInputElement>(element, 'input[name="website"]');
        const wrapper = trap.parentElement!;
        expect(wrapper.getAttribute('aria-hidden')).to.equal('true');
        expect(trap.getAttribute('tabindex')).to.equal('-1');
        expect(trap.getAttribute('autocomplete')).to.equal('off');
        expect(trap.type).to.equal('text');
        const box = trap.getBoundingClientRect();
        expect(box.right <= 0 || box.left >= innerWidth, `on screen at ${box.left}..${box.right}`).to.equal(true);
        expect(getComputedStyle(wrapper).display).not.to.equal('none');
        expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
        $<HTMLTextAreaElement>(element, '#message').focus();
        const stops = await tabStops(element);
        expect(stops).not.to.include('ep-trap');
        expect(stops.at(-1)).to.equal('send-button');
        await expect(element).to.be.accessible();
      });
    }

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

    it('never catches a fast person who took the minimum time to read the form', async () => {
      const element = await feedback(endpoint, 'min-fill-time="800"');
      const shownAt = Date.now(); // the form is on screen: the guard's clock started at the latest now
      await fillRequired(element); // pasted in at once
      await sleep(800 - (Date.now() - shownAt));
      pressSend(element);
      await confirmation(element);
      expect(await endpoint.posted()).to.have.length(1);
    });

    it('never catches a person who reloaded the page and sends the restored draft at once', async () => {
      sessionStorage.setItem(
        draftKeyFor(),
        JSON.stringify({ values: { type: 'inquiry', message: MESSAGE }, startedAt: Date.now() - 60_000 }),
      );
      const element = await feedback(endpoint, '', true);
      pressSend(element);
      await confirmation(element);
      expect((await endpoint.posted())[0]!.body.data.message).to.equal(MESSAGE);
    });
  });

  describe('the draft', () => {
    it('keeps what the visitor typed across a reload, and nothing of the honeypot', async () => {
      const first = await feedback(endpoint);
      await fillRequired(first, 'complaint');
      await typeInto(first, 'email', 'sara@example.com');
      await choose(first, 'channel', 'email');
      await tick(first, 'consent');
      const trap = $<HTMLInputElement>(first, 'input[name="website"]');
      trap.value = 'robot';
      trap.dispatchEvent(new Event('input', { bubbles: true }));
      const stored = sessionStorage.getItem(draftKeyFor())!;
      expect(stored).not.to.contain('robot');
      expect(stored).not.to.contain('website');
      first.remove(); // the page goes; a new one opens on the same address
      const second = await feedback(endpoint);
      expect($$<HTMLInputElement>(second, 'input[name="type"]').find((radio) => radio.checked)?.value).to.equal('complaint');
      expect($<HTMLTextAreaElement>(second, '#message').value).to.equal(MESSAGE);
      expect($<HTMLInputElement>(second, '#email').value).to.equal('sara@example.com');
      expect($$<HTMLInputElement>(second, 'input[name="channel"]').find((radio) => radio.checked)?.value).to.equal('email');
      expect($<HTMLInputElement>(second, '#consent').checked).to.equal(true);
      expect($<HTMLInputElement>(second, 'input[name="website"]').value).to.equal('');
      expect(textOf(second, '#message-count')).to.equal(`You have ${(2000 - MESSAGE.length).toLocaleString('en')} characters remaining`);
    });

    it('keeps the draft after a failure and drops it after success', async () => {
      // A failure shown to the visitor (outbox off): a message saved on the device is done with the form.
      configure({ outbox: false });
      await endpoint.script('submissions', { status: 503, body: {} });
      const element = await feedback(endpoint);
      await fillRequired(element);
      pressSend(element);
      await waitUntil(() => element.shadowRoot!.querySelector('[part="error"]'));
      expect(sessionStorage.getItem(draftKeyFor())).to.contain(MESSAGE);
      pressSend(element);
      await confirmation(element);
      expect(sessionStorage.getItem(draftKeyFor())).to.equal(null);
      element.remove();
      const again = await feedback(endpoint);
      expect($<HTMLTextAreaElement>(again, '#message').value).to.equal('');
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

    it('still works when session storage is unavailable', async () => {
      const original = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!;
      Object.defineProperty(window, 'sessionStorage', {
        configurable: true,
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
      try {
        const element = await feedback(endpoint);
        await fillRequired(element);
        pressSend(element);
        await confirmation(element);
      } finally {
        Object.defineProperty(window, 'sessionStorage', original);
      }
      expect(await endpoint.posted()).to.have.length(1);
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
      expect($$<HTMLInputElement>(element, 'input[name="type"]').find((radio) => radio.checked)?.value).to.equal('complaint');
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
