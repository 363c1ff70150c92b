import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { EpSuccessEvent } from '../../src/core/element/events.js';
import { endpointPerTest } from '../helpers/endpoint.js';
import { setPageLanguage } from '../helpers/page.js';
import { $, $$, expectFocused, slottedText, textOf } from '../helpers/shadow.js';
import { runElementSuite } from '../suites/ep-element-suite.js';
import {
  MESSAGE,
  announced,
  choose,
  confirmation,
  draftKeyFor,
  errorSummary,
  feedback,
  fillRequired,
  pressSend,
  settle,
  tick,
  typeInto,
  expectNone,
  type EpFeedback,
  expectTwoSubmissions,
  sendAndConfirm,
  sentEnvelope,
  startAnother,
} from './helpers.js';

runElementSuite({
  tag: 'ep-feedback',
  defineModule: '../../src/ep-feedback.ts',
  readyText: { en: 'Comments and suggestions', ar: 'التعليقات والاقتراحات' },
});

const XSS = '<img src=x onerror="window.__epXss=1">';
const arabicDigits = (n: number) => new Intl.NumberFormat('ar-SA').format(n);

/** Each field's error as a visitor hears it on the field: the control's aria-describedby includes the message. */
function describedErrorOf(element: EpFeedback, controlSelector: string): string {
  const control = $(element, controlSelector);
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ');
  const errorId = ids.find((id) => id.endsWith('-error'));
  if (!errorId) throw new Error(`${controlSelector} is not described by an error`);
  return textOf(element, `#${errorId}`);
}

describe('<ep-feedback>', () => {
  const endpoint = endpointPerTest();

  describe('sending', () => {
    it('sends the envelope with the type, message, service and normalised contact, then confirms with the reference, focused', async () => {
      const element = await feedback(endpoint, 'service="building-permits" privacy-notice="3" id="contact-form"');
      await choose(element, 'type', 'complaint');
      await typeInto(element, 'message', 'The permit portal logs me out every few minutes.');
      await typeInto(element, 'name', '  Sara Al-Harbi ');
      await typeInto(element, 'email', 'sara@example.sa');
      await typeInto(element, 'mobile', '٠٥٠ ١٢٣-٤٥٦٧');
      await choose(element, 'channel', 'sms');
      await tick(element, 'consent');
      expect(sessionStorage.getItem(draftKeyFor('contact-form')), 'a draft while typing').to.contain('Sara');
      const success = oneEvent(document, 'ep-success') as Promise<EpSuccessEvent>;
      await sendAndConfirm(element);
      const envelope = await sentEnvelope(endpoint, 'feedback');
      expect(envelope.privacyNotice).to.equal('3');
      expect(envelope.locale).to.equal('en');
      expect(envelope.page.url).to.equal(location.origin + location.pathname);
      expect(envelope.data).to.deep.equal({
        type: { code: 'complaint', label: 'Complaint' },
        message: 'The permit portal logs me out every few minutes.',
        service: 'building-permits',
        contact: { name: 'Sara Al-Harbi', email: 'sara@example.sa', mobile: '+966501234567', channel: 'sms' },
        consent: true,
      });
      const reference = (await success).detail.response.reference as string;
      expect(reference).to.match(/^FB-\d{4}-\d{6}$/);
      expect(textOf(element, '.confirmation-title')).to.equal('Your message has been sent');
      expect(textOf(element, '[part="reference"]')).to.equal(`Your reference number ${reference}`);
      expect(textOf(element, '.confirmation')).to.contain(
        'We will read your message and reply using the contact details you gave.',
      );
      expectFocused(element, '.confirmation');
      expect(sessionStorage.getItem(draftKeyFor('contact-form')), 'no draft after success').to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('sends no contact and no consent when none is given, and shows no reference when the endpoint returns none', async () => {
      await endpoint.script('submissions', { status: 201, body: { status: 'received' } });
      const element = await feedback(endpoint);
      await fillRequired(element, 'compliment', '  Very helpful staff at the Riyadh office.  ');
      await sendAndConfirm(element);
      const [post] = await endpoint.posted();
      expect(post!.body.data).to.deep.equal({
        type: { code: 'compliment', label: 'Compliment' },
        message: 'Very helpful staff at the Riyadh office.',
      });
      expectNone(element, '[part="reference"]');
      expect(textOf(element, '.confirmation')).to.contain(
        'You did not give contact details, so we cannot reply to you.',
      );
    });

    it('sends a name given alone, without asking for consent (nobody can be contacted by a name)', async () => {
      const element = await feedback(endpoint);
      await fillRequired(element);
      await typeInto(element, 'name', 'Khalid');
      await sendAndConfirm(element);
      const [post] = await endpoint.posted();
      expect(post!.body.data.contact).to.deep.equal({ name: 'Khalid' });
      expect(post!.body.data).not.to.have.property('consent');
    });

    it('runs in Arabic, right to left, and sends the Arabic label of the type', async () => {
      await setPageLanguage('ar', 'rtl');
      const element = await feedback(endpoint);
      expect(textOf(element, '#title')).to.equal('التعليقات والاقتراحات');
      expect($(element, '[part="base"]').dir).to.equal('rtl');
      expect(textOf(element, '[part~="send-button"]')).to.equal('إرسال الرسالة');
      expect(textOf(element, '#message-count')).to.equal(`يتبقى لك ${arabicDigits(2000)} حرف`);
      await fillRequired(element, 'inquiry', 'متى تفتح مراكز الخدمة في الإجازات؟');
      await typeInto(element, 'email', 'محمد@مثال.السعودية');
      await tick(element, 'consent');
      await sendAndConfirm(element);
      const [post] = await endpoint.posted();
      expect(post!.body.locale).to.equal('ar');
      expect(post!.body.data.type).to.deep.equal({ code: 'inquiry', label: 'استفسار' });
      expect(post!.body.data.contact).to.deep.equal({ email: 'محمد@مثال.السعودية' });
      expect(textOf(element, '.confirmation-title')).to.equal('أُرسلت رسالتك');
      expect(textOf(element, '[part="reference"]')).to.match(/^رقمك المرجعي FB-/);
      expectFocused(element, '.confirmation');
    });

    it('offers "Send another": an empty form, focus on its title, and a new submission', async () => {
      const element = await feedback(endpoint);
      await fillRequired(element);
      await sendAndConfirm(element);
      await startAnother(element);
      expect($<HTMLTextAreaElement>(element, '#message').value).to.equal('');
      expect($$<HTMLInputElement>(element, 'input[name="type"]').some((radio) => radio.checked)).to.equal(false);
      await fillRequired(element, 'inquiry', 'A second, different message.');
      await sendAndConfirm(element);
      await expectTwoSubmissions(endpoint);
    });
  });

  describe('validation (GOV.UK pattern)', () => {
    it('checks the length of the message against its minimum and maximum, with a count announced only at thresholds', async () => {
      const element = await feedback(endpoint, 'min-message-length="10" max-message-length="40"');
      await choose(element, 'type', 'suggestion');
      await typeInto(element, 'message', 'Too short');
      expect(textOf(element, '#message-count')).to.equal('You have 31 characters remaining');
      expect(announced(element), 'plenty left: nothing said').to.equal('');
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal(['Enter 10 characters or more']);
      await typeInto(element, 'message', 'x'.repeat(30));
      expect(announced(element)).to.equal('You have 10 characters remaining');
      await typeInto(element, 'message', 'x'.repeat(31));
      expect(announced(element), 'the same band: said once').to.equal('You have 10 characters remaining');
      await typeInto(element, 'message', 'x'.repeat(43));
      expect(textOf(element, '#message-count')).to.equal('You have 3 characters too many');
      expect(announced(element)).to.equal('You have 3 characters too many');
      expect($(element, '#message-count').className).to.equal('error-message');
      pressSend(element);
      await settle(element);
      expect(await errorSummary(element)).to.deep.equal(['Enter 40 characters or fewer']);
      expect(describedErrorOf(element, '#message')).to.equal('Error: Enter 40 characters or fewer');
      expect($(element, '#message').getAttribute('aria-describedby')).to.equal(
        'message-hint message-error message-count',
      );
      expect(await endpoint.posted()).to.have.length(0);
    });

    it('shows errors in the language the page switched to', async () => {
      const element = await feedback(endpoint);
      await choose(element, 'type', 'suggestion');
      await typeInto(element, 'message', 'short');
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal(['Enter 10 characters or more']);
      await setPageLanguage('ar', 'rtl');
      await settle(element);
      expect(textOf(element, '.error-summary li')).to.equal(`أدخل ${arabicDigits(10)} أحرف أو أكثر`);
      expect(describedErrorOf(element, '#message')).to.equal(`خطأ: أدخل ${arabicDigits(10)} أحرف أو أكثر`);
    });

    it('warns about personal data in the message, by kind, and still sends', async () => {
      const element = await feedback(endpoint);
      await fillRequired(element, 'inquiry', 'My ID is 1058529940, call 0501234567');
      await waitUntil(() => element.shadowRoot!.querySelector('#message-warning'), 'no warning', { timeout: 2000 });
      expect(textOf(element, '#message-warning')).to.equal(
        'Your text seems to contain a mobile number and a national ID or iqama number. Please remove it unless it is needed. You can still send it.',
      );
      expect($(element, '#message').getAttribute('aria-describedby')).to.contain('message-warning');
      await expect(element).to.be.accessible();
      await sendAndConfirm(element);
    });
  });

  describe('contact details', () => {
    it('asks for consent only when an email address or a mobile number is given', async () => {
      const element = await feedback(endpoint);
      await fillRequired(element);
      await typeInto(element, 'mobile', '+966 50 123 4567');
      expect($<HTMLInputElement>(element, '#consent').required).to.equal(true);
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal(['Confirm that we may contact you using the details you gave']);
      await typeInto(element, 'mobile', '');
      expect($<HTMLInputElement>(element, '#consent').required).to.equal(false);
      await sendAndConfirm(element);
    });

    it('needs the detail that goes with the chosen channel, from a visitor who gave contact details', async () => {
      const element = await feedback(endpoint);
      await fillRequired(element);
      await typeInto(element, 'mobile', '0501234567');
      await tick(element, 'consent');
      await choose(element, 'channel', 'email');
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal([
        'Enter an email address, or choose another way for us to contact you',
      ]);
      await choose(element, 'channel', 'phone');
      await typeInto(element, 'mobile', '');
      await typeInto(element, 'email', 'a@b.sa');
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal([
        'Enter a mobile number, or choose another way for us to contact you',
      ]);
      expect($$<HTMLAnchorElement>(element, '.error-summary a')[0]!.getAttribute('href')).to.equal('#mobile');
    });

    it('requires an email address or a mobile number when the author makes contact required', async () => {
      const element = await feedback(endpoint, 'contact="required"');
      expect(textOf(element, '[part="contact"] legend')).to.equal('Your contact details');
      await fillRequired(element);
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal(['Enter an email address or a mobile number']);
      await typeInto(element, 'mobile', '00966 5 0123 4567');
      await tick(element, 'consent');
      await sendAndConfirm(element);
      expect((await endpoint.posted())[0]!.body.data.contact).to.deep.equal({ mobile: '+966501234567' });
    });

    it('asks for no contact details when the author hides them, and sends none', async () => {
      const element = await feedback(endpoint, 'contact="hidden"');
      expectNone(element, '[part="contact"]');
      expectNone(element, '#email');
      await fillRequired(element);
      await sendAndConfirm(element);
      expect((await endpoint.posted())[0]!.body.data).to.deep.equal({
        type: { code: 'suggestion', label: 'Suggestion' },
        message: MESSAGE,
      });
      expect(textOf(element, '.confirmation p:not(.reference):not(.hint)')).to.equal('We will read your message.');
      await expect(element).to.be.accessible();
    });

    it('labels the contact block as optional by default and gives the fields the right keyboards and autofill', async () => {
      const element = await feedback(endpoint);
      expect(textOf(element, '[part="contact"] legend')).to.equal('Your contact details (optional)');
      const attrs = (id: string) =>
        ['type', 'autocomplete', 'dir'].map((name) => $(element, `#${id}`).getAttribute(name));
      expect(attrs('name')).to.deep.equal(['text', 'name', 'auto']);
      expect(attrs('email')).to.deep.equal(['email', 'email', 'ltr']);
      expect(attrs('mobile')).to.deep.equal(['tel', 'tel', 'ltr']);
      expect($(element, '#mobile').getAttribute('aria-describedby')).to.equal('mobile-hint');
    });
  });

  describe('focus', () => {
    it('does not take focus back from a visitor who went on to the rest of the page; it says the result instead', async () => {
      await endpoint.script('submissions', { delayMs: 300, status: 201, body: { reference: 'FB-2026-000042' } });
      const element = await feedback(endpoint);
      await fillRequired(element);
      const elsewhere = document.createElement('input');
      document.body.append(elsewhere);
      try {
        pressSend(element);
        elsewhere.focus();
        await confirmation(element);
        await waitUntil(() => announced(element).includes('Your message has been sent'), 'the result was not said');
        expect(document.activeElement === elsewhere, 'focus stayed where the visitor put it').to.equal(true);
        expect(announced(element)).to.contain('FB-2026-000042');
      } finally {
        elsewhere.remove();
      }
    });
  });

  describe('page-author options', () => {
    it('replaces the types from a JSON attribute, in both languages, as text', async () => {
      const types = JSON.stringify([
        { code: 'road-damage', label: { en: 'Road damage', ar: 'تلف في الطريق' } },
        { code: 'markup', label: XSS },
      ]).replace(/"/g, '&quot;');
      const element = await feedback(endpoint, `types="${types}"`);
      expect($$(element, '[part="type"] label').map((label) => label.textContent!.trim())).to.deep.equal([
        'Road damage',
        XSS,
      ]);
      expectNone(element, 'img');
      await setPageLanguage('ar', 'rtl');
      await settle(element);
      expect(textOf(element, '[part="type"] label')).to.equal('تلف في الطريق');
      await fillRequired(element, 'road-damage', 'حفرة كبيرة في شارع الملك فهد.');
      await sendAndConfirm(element);
      expect((await endpoint.posted())[0]!.body.data.type).to.deep.equal({
        code: 'road-damage',
        label: 'تلف في الطريق',
      });
    });

    it('keeps the default types when the JSON is unusable, with one warning', async () => {
      const warnings: unknown[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        const element = await feedback(endpoint, 'types="[{oops"');
        expect($$(element, 'input[name="type"]').map((radio) => (radio as HTMLInputElement).value)).to.deep.equal([
          'inquiry',
          'suggestion',
          'complaint',
          'compliment',
        ]);
      } finally {
        console.warn = original;
      }
      expect(warnings).to.have.length(1);
      expect(String(warnings[0])).to.contain('ep-feedback: types');
    });

    it('takes its heading and intro from slots, and its heading level from an attribute', async () => {
      const element = await feedback(endpoint, 'heading-level="3"');
      element.innerHTML =
        '<span slot="heading">Contact the permits team</span><p slot="intro">We answer within two working days.</p>';
      await settle(element);
      const heading = $(element, '#title');
      expect(heading.getAttribute('aria-level')).to.equal('3');
      expect(slottedText(element, 'heading')).to.equal('Contact the permits team');
      expect(slottedText(element, 'intro')).to.equal('We answer within two working days.');
      expect($(element, 'form').getAttribute('aria-labelledby')).to.equal('title');
      await expect(element).to.be.accessible();
    });

    it('falls back to defaults for numbers it cannot use', async () => {
      const element = await feedback(endpoint, 'max-message-length="lots" min-message-length="-3" heading-level="9"');
      expect(textOf(element, '#message-count')).to.equal('You have 2,000 characters remaining');
      expect($(element, '#title').getAttribute('aria-level')).to.equal('2');
      await choose(element, 'type', 'inquiry');
      await typeInto(element, 'message', 'short');
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal(['Enter 10 characters or more']);
    });
  });
});
