// What protects the visitor and the collector in the idea form beyond what every form does (see
// test/suites/form-suite.ts): the fill-time clock starts when the form appears, the draft opens the form,
// one draft per idea box, and a visitor using only the keyboard.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { endpointPerTest } from '../helpers/endpoint.js';
import { setPageLanguage } from '../helpers/page.js';
import { $, $$, expectFocused, textOf } from '../helpers/shadow.js';
import { tabStops } from '../helpers/keyboard.js';
import {
  DESCRIPTION,
  TITLE,
  confirmation,
  draftKeyFor,
  fillRequired,
  ideaBox,
  listSettled,
  pressSend,
  sleep,
} from './helpers.js';

describe('<ep-idea-box> guards', () => {
  const endpoint = endpointPerTest();

  describe('spam guards', () => {
    it('starts the fill-time clock when the form appears, not when the page loads: a robot that opens and sends at once is not sent', async () => {
      const element = await ideaBox(endpoint, 'min-fill-time="600"');
      await sleep(700); // the page has been open long enough, but the form was not shown yet
      await fillRequired(element);
      pressSend(element);
      await confirmation(element);
      await sleep(150);
      expect(await endpoint.posted()).to.have.length(0);
    });
  });

  describe('the draft', () => {
    it('opens the form with the draft a reload restores, and counts what is left of its description', async () => {
      const first = await ideaBox(endpoint, '', true);
      await fillRequired(first, 'environment');
      first.remove(); // the page goes; a new one opens on the same address
      const second = await ideaBox(endpoint, '', true);
      expect($(second, '[part~="share-button"]').getAttribute('aria-expanded')).to.equal('true');
      expect($<HTMLInputElement>(second, '#title').value).to.equal(TITLE);
      expect($<HTMLTextAreaElement>(second, '#description').value).to.equal(DESCRIPTION);
      expect(textOf(second, '#description-count')).to.equal(
        `You have ${(2000 - DESCRIPTION.length).toLocaleString('en')} characters remaining`,
      );
    });

    it('keeps one draft per idea box on a page (by id), and none when told not to', async () => {
      const parks = await ideaBox(endpoint, 'id="parks"');
      const quiet = await ideaBox(endpoint, 'no-draft');
      await fillRequired(parks, 'public-spaces', 'About parks');
      await fillRequired(quiet, 'other', 'Not to be kept');
      expect(JSON.parse(sessionStorage.getItem(draftKeyFor('parks'))!).values.title).to.equal('About parks');
      expect(sessionStorage.getItem(draftKeyFor())).to.equal(null);
      expect(Object.keys(sessionStorage)).to.have.length(1);
      parks.noDraft = true;
      await parks.updateComplete;
      expect(sessionStorage.getItem(draftKeyFor('parks')), 'turning drafts off drops the draft').to.equal(null);
    });
  });

  describe('keyboard only, in Arabic', () => {
    it('opens the form, reaches every control in order, chooses with the arrow keys, and sends', async () => {
      await setPageLanguage('ar', 'rtl');
      const element = await ideaBox(endpoint, 'view="all"');
      await listSettled(element);
      $<HTMLElement>(element, '#heading').focus();
      await sendKeys({ press: 'Tab' });
      expectFocused(element, '[part~="share-button"]');
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(await tabStops(element, 'send-button')).to.deep.equal([
        'title',
        'description',
        'topic',
        'name',
        'email',
        'mobile',
        'channel',
        'consent',
        'send-button',
      ]);
      $<HTMLElement>(element, '[part~="share-button"]').focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'مواقف للدراجات عند الحدائق' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'حوامل دراجات آمنة عند مداخل الحدائق العامة.' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect($$<HTMLInputElement>(element, 'input[name="topic"]').find((radio) => radio.checked)?.value).to.equal(
        'public-spaces',
      );
      for (let i = 0; i < 6; i++) await sendKeys({ press: 'Tab' });
      expect(textOf(element, '[part~="send-button"]')).to.equal('إرسال الفكرة');
      await sendKeys({ press: 'Enter' });
      await confirmation(element);
      expectFocused(element, '.confirmation');
      const [post] = await endpoint.posted();
      expect(post!.body.data).to.deep.equal({
        title: 'مواقف للدراجات عند الحدائق',
        description: 'حوامل دراجات آمنة عند مداخل الحدائق العامة.',
        topic: { code: 'public-spaces', label: 'الحدائق والمرافق العامة' },
      });
    });
  });
});
