// Sharing an idea: the form behind "Share an idea", what is sent, its own rules and the confirmation. What
// every form does (errors, guards, drafts, refusals, failures, axe in every state) is in form-suite.test.ts.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EpSuccessEvent } from '../../src/core/element/events.js';
import { endpointPerTest } from '../helpers/endpoint.js';
import { setPageLanguage } from '../helpers/page.js';
import { $, $$, expectFocused, slottedText, textOf } from '../helpers/shadow.js';
import { runElementSuite } from '../suites/ep-element-suite.js';
import {
  DESCRIPTION,
  TITLE,
  announced,
  choose,
  confirmation,
  draftKeyFor,
  errorSummary,
  expectNone,
  fillRequired,
  ideaBox,
  openForm,
  pressSend,
  pressWhileSending,
  settle,
  tick,
  typeInto,
  expectTwoSubmissions,
  sendAndConfirm,
  sentEnvelope,
  startAnother,
} from './helpers.js';

runElementSuite({
  tag: 'ep-idea-box',
  defineModule: '../../src/ep-idea-box.ts',
  readyText: { en: 'Ideas for better services', ar: 'أفكار لتطوير الخدمات' },
});

const XSS = '<img src=x onerror="window.__epXss=1">';
const arabicDigits = (n: number) => new Intl.NumberFormat('ar-SA').format(n);

describe('<ep-idea-box> form', () => {
  const endpoint = endpointPerTest();

  describe('"Share an idea"', () => {
    it('shows the form under a disclosure button that keeps focus, and hides it again without losing what was typed', async () => {
      const element = await ideaBox(endpoint);
      const share = $<HTMLButtonElement>(element, '[part~="share-button"]');
      expect(share.textContent!.trim()).to.equal('Share an idea');
      expect(share.getAttribute('aria-expanded')).to.equal('false');
      expect(share.getAttribute('aria-controls')).to.equal('share-form');
      expect($(element, '#share-form').hidden).to.equal(true);
      expectNone(element, 'form');
      expect(share.parentElement!.getAttribute('role')).to.equal('heading');
      expect(share.parentElement!.getAttribute('aria-level')).to.equal('3');
      await expect(element).to.be.accessible();
      share.focus();
      await sendKeys({ press: 'Enter' });
      await settle(element);
      expect(share.getAttribute('aria-expanded')).to.equal('true');
      expect($(element, '#share-form').hidden).to.equal(false);
      expect($(element, 'form').getAttribute('aria-labelledby')).to.equal('share');
      expectFocused(element, '[part~="share-button"]');
      await typeInto(element, 'title', TITLE);
      share.click();
      await settle(element);
      expectNone(element, 'form');
      share.click();
      await settle(element);
      expect($<HTMLInputElement>(element, '#title').value).to.equal(TITLE);
    });

    it('stays open while the idea is on its way, so its answer is shown and focused there', async () => {
      const element = await ideaBox(endpoint);
      await fillRequired(element);
      const share = await pressWhileSending(element, endpoint, '[part~="share-button"]');
      expect(share.getAttribute('aria-expanded')).to.equal('true');
      expect(share.hasAttribute('aria-disabled'), 'once sent').to.equal(false);
    });

    it('shows the form alone, labelled by the title, with view="form"; and no form with view="list"', async () => {
      const alone = await ideaBox(endpoint, 'view="form"');
      expectNone(alone, '[part~="share-button"]');
      expectNone(alone, '[part="list"]');
      expect($(alone, 'form').getAttribute('aria-labelledby')).to.equal('heading');
      expect($<HTMLInputElement>(alone, '#title').value).to.equal('');
      await expect(alone).to.be.accessible();
      const list = await ideaBox(endpoint, 'view="list"');
      expectNone(list, '[part~="share-button"]');
      expectNone(list, 'form');
      $(list, '[part="list"]');
    });
  });

  describe('sending', () => {
    it('sends the title, description, topic and normalised contact, then confirms with the reference, focused', async () => {
      const element = await ideaBox(endpoint, 'privacy-notice="2" id="ideas"');
      await fillRequired(element, 'public-spaces', '  Shade in every playground ', `  ${DESCRIPTION}  `);
      await typeInto(element, 'name', ' Noura Al-Qahtani ');
      await typeInto(element, 'email', 'noura@example.sa');
      await typeInto(element, 'mobile', '٠٥٥ ٩٨٧ ٦٥٤٣');
      await choose(element, 'channel', 'email');
      await tick(element, 'consent');
      expect(sessionStorage.getItem(draftKeyFor('ideas')), 'a draft while typing').to.contain('Noura');
      const success = oneEvent(document, 'ep-success') as Promise<EpSuccessEvent>;
      await sendAndConfirm(element);
      const envelope = await sentEnvelope(endpoint, 'idea');
      expect(envelope.privacyNotice).to.equal('2');
      expect(envelope.locale).to.equal('en');
      expect(envelope.data).to.deep.equal({
        title: 'Shade in every playground',
        description: DESCRIPTION,
        topic: { code: 'public-spaces', label: 'Parks and public spaces' },
        contact: { name: 'Noura Al-Qahtani', email: 'noura@example.sa', mobile: '+966559876543', channel: 'email' },
        consent: true,
      });
      const reference = (await success).detail.response.reference as string;
      expect(reference).to.match(/^ID-\d{4}-\d{6}$/);
      expect(textOf(element, '.confirmation [role="heading"]')).to.equal(
        'Your idea was received and will be published after review',
      );
      expect(textOf(element, '[part="reference"]')).to.equal(`Your reference number ${reference}`);
      expect($(element, '[part="reference"] bdi').getAttribute('dir')).to.equal('ltr');
      expect(textOf(element, '.confirmation')).to.contain(
        'Once it is published, you can follow here what we did with it.',
      );
      expectFocused(element, '.confirmation');
      expect(sessionStorage.getItem(draftKeyFor('ideas')), 'no draft after success').to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('sends no contact when none is given, and shows no reference when the collector returns none', async () => {
      await endpoint.script('submissions', { status: 201, body: { status: 'received' } });
      const element = await ideaBox(endpoint);
      await fillRequired(element, 'housing');
      await sendAndConfirm(element);
      const [post] = await endpoint.posted();
      expect(post!.body.data).to.deep.equal({
        title: TITLE,
        description: DESCRIPTION,
        topic: { code: 'housing', label: 'Housing' },
      });
      expectNone(element, '[part="reference"]');
      expect(textOf(element, '.confirmation [role="heading"]')).to.equal(
        'Your idea was received and will be published after review',
      );
    });

    it('runs in Arabic, right to left, and sends the Arabic label of the topic', async () => {
      await setPageLanguage('ar', 'rtl');
      const element = await ideaBox(endpoint);
      expect(textOf(element, '#heading')).to.equal('أفكار لتطوير الخدمات');
      expect($(element, '[part="base"]').dir).to.equal('rtl');
      expect(textOf(element, '[part~="share-button"]')).to.equal('شارك فكرة');
      await openForm(element);
      expect(textOf(element, '[part~="send-button"]')).to.equal('إرسال الفكرة');
      expect(textOf(element, '#description-count')).to.equal(`يتبقى لك ${arabicDigits(2000)} حرف`);
      await fillRequired(
        element,
        'roads',
        'إنارة الشوارع الفرعية بالطاقة الشمسية',
        'تركيب أعمدة إنارة تعمل بالطاقة الشمسية في الشوارع الفرعية للأحياء الجديدة.',
      );
      await sendAndConfirm(element);
      const [post] = await endpoint.posted();
      expect(post!.body.locale).to.equal('ar');
      expect(post!.body.data.topic).to.deep.equal({ code: 'roads', label: 'الطرق والشوارع' });
      expect(textOf(element, '.confirmation [role="heading"]')).to.equal('وصلتنا فكرتك، وستُنشر بعد مراجعتها');
      expect(textOf(element, '[part="reference"]')).to.match(/^رقمك المرجعي ID-/);
      expectFocused(element, '.confirmation');
      await expect(element).to.be.accessible();
    });

    it('offers "Share another idea": an empty form, focus on its first field, and a new submission', async () => {
      const element = await ideaBox(endpoint);
      await fillRequired(element);
      await sendAndConfirm(element);
      await startAnother(element);
      expect($<HTMLInputElement>(element, '#title').value).to.equal('');
      expect($<HTMLTextAreaElement>(element, '#description').value).to.equal('');
      expect($$<HTMLInputElement>(element, 'input[name="topic"]').some((radio) => radio.checked)).to.equal(false);
      await fillRequired(element, 'other', 'A second idea', 'A different description of a second idea.');
      await sendAndConfirm(element);
      await expectTwoSubmissions(endpoint);
    });
  });

  describe('validation (GOV.UK pattern)', () => {
    it('limits the title to 120 characters and the description to 2,000, counting what the visitor sees as characters', async () => {
      const element = await ideaBox(endpoint);
      await fillRequired(element, 'other', '😀'.repeat(120), 'x'.repeat(1990));
      expect(textOf(element, '#description-count')).to.equal('You have 10 characters remaining');
      expect(announced(element)).to.equal('You have 10 characters remaining');
      await typeInto(element, 'description', 'x'.repeat(2003));
      expect(textOf(element, '#description-count')).to.equal('You have 3 characters too many');
      expect($(element, '#description-count').className).to.equal('error-message');
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal(['Enter 2,000 characters or fewer']);
      await typeInto(element, 'description', DESCRIPTION);
      await typeInto(element, 'title', `${'😀'.repeat(120)}!`);
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal(['Enter 120 characters or fewer']);
      expect(await endpoint.posted()).to.have.length(0);
    });

    it('warns about personal data in the description, by kind, and still sends', async () => {
      const element = await ideaBox(endpoint);
      await fillRequired(element, 'other', TITLE, 'Call me on 0501234567 about it.');
      await waitUntil(() => element.shadowRoot!.querySelector('#description-warning'), 'no warning', { timeout: 2000 });
      expect(textOf(element, '#description-warning')).to.equal(
        'Your text seems to contain a mobile number. Please remove it unless it is needed. You can still send it.',
      );
      expect($(element, '#description').getAttribute('aria-describedby')).to.contain('description-warning');
      await expect(element).to.be.accessible();
      await sendAndConfirm(element);
    });

    it('requires an email address or a mobile number when the author makes contact required, and asks for none when hidden', async () => {
      const required = await ideaBox(endpoint, 'contact="required"');
      await fillRequired(required);
      expect(textOf(required, '[part="contact"] legend')).to.equal('Your contact details');
      pressSend(required);
      expect(await errorSummary(required)).to.deep.equal(['Enter an email address or a mobile number']);
      const hidden = await ideaBox(endpoint, 'contact="hidden"');
      await fillRequired(hidden);
      expectNone(hidden, '[part="contact"]');
      pressSend(hidden);
      await confirmation(hidden);
      expect((await endpoint.posted())[0]!.body.data).not.to.have.property('contact');
    });
  });

  describe('errors from the collector (422)', () => {
    it('lists an error about contact details the form does not ask for as text, without a link', async () => {
      await endpoint.script('submissions', {
        status: 422,
        body: { fieldErrors: [{ field: 'contact.email', message: 'Email is required here.' }] },
      });
      const element = await ideaBox(endpoint, 'contact="hidden"');
      await fillRequired(element);
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal(['Email is required here.']);
      expectNone(element, '.error-summary a');
    });
  });

  it('says a refusal in Arabic on an Arabic page: the collector’s own words are English', async () => {
    await setPageLanguage('ar', 'rtl');
    await endpoint.script('submissions', {
      status: 422,
      body: {
        fieldErrors: [
          { field: 'description', code: 'too-vague', message: 'The description must name a service.' },
          { field: 'kind', code: 'invalid', message: 'kind "idea" is not one this collector knows.' },
        ],
      },
    });
    const element = await ideaBox(endpoint);
    await fillRequired(element);
    pressSend(element);
    expect(await errorSummary(element)).to.deep.equal(['هذه القيمة غير صالحة. يُرجى التحقق منها.']);
    await endpoint.script('submissions', {
      status: 422,
      body: {
        fieldErrors: [{ field: 'kind', code: 'invalid', message: 'kind "idea" is not one this collector knows.' }],
      },
    });
    pressSend(element);
    await waitUntil(() => element.shadowRoot!.querySelector('[part="error"]'), 'no general failure');
    await settle(element);
    expect(textOf(element, '[part="error"]')).not.to.match(/[A-Za-z]/);
  });

  describe('saved on the device, then refused or delivered', () => {
    it('gives the visitor back what they wrote when the collector later refuses it', async () => {
      const element = await ideaBox(endpoint);
      await openForm(element);
      await endpoint.script('submissions', { status: 500, body: {} }, { status: 422, body: {} });
      await fillRequired(element);
      await sendAndConfirm(element);
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => element.shadowRoot!.querySelector('[part="back-button"]'), 'no way back to the idea', {
        timeout: 5000,
      });
      expect(textOf(element, '.confirmation [role="heading"]')).to.equal('This was not sent');
      await settle(element);
      await expect(element).to.be.accessible();
      $<HTMLButtonElement>(element, '[part="back-button"]').click();
      await waitUntil(
        () => element.shadowRoot!.querySelector<HTMLInputElement>('#title')?.value === TITLE,
        'the title did not come back',
      );
      expect(element.shadowRoot!.querySelector<HTMLTextAreaElement>('#description')!.value).to.equal(DESCRIPTION);
      await sendAndConfirm(element);
      await waitUntil(async () => (await endpoint.stored()).length === 1, 'sent again, not stored');
    });

    it('shows the reference the collector gives when the outbox sends it later', async () => {
      const element = await ideaBox(endpoint);
      await openForm(element);
      await endpoint.script(
        'submissions',
        { status: 503, body: {} },
        { status: 201, body: { reference: 'ID-2026-000777' } },
      );
      await fillRequired(element);
      await sendAndConfirm(element);
      window.dispatchEvent(new Event('online'));
      await waitUntil(
        () => element.shadowRoot!.querySelector('[part="reference"]'),
        'no reference after the later send',
        { timeout: 5000 },
      );
      expect(textOf(element, '[part="reference"]')).to.contain('ID-2026-000777');
    });
  });

  describe('events and options', () => {
    it('replaces the topics from a JSON attribute, in both languages, as text, and warns once about unusable JSON', async () => {
      const topics = JSON.stringify([
        { code: 'water', label: { en: 'Water and drainage', ar: 'المياه والصرف' } },
        { code: 'markup', label: XSS },
      ]).replace(/"/g, '&quot;');
      const element = await ideaBox(endpoint, `topics="${topics}"`);
      await openForm(element);
      expect($$(element, '[part="topic"] label').map((label) => label.textContent!.trim())).to.deep.equal([
        'Water and drainage',
        XSS,
      ]);
      expectNone(element, 'img');
      await setPageLanguage('ar', 'rtl');
      await settle(element);
      expect(textOf(element, '[part="topic"] label')).to.equal('المياه والصرف');
      await fillRequired(element, 'water', 'تصريف مياه الأمطار', 'شبكات تصريف لمياه الأمطار في الأحياء المنخفضة.');
      await sendAndConfirm(element);
      expect((await endpoint.posted())[0]!.body.data.topic).to.deep.equal({ code: 'water', label: 'المياه والصرف' });

      const warnings: unknown[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        const broken = await ideaBox(endpoint, 'topics="[{oops"');
        await openForm(broken);
        expect($$<HTMLInputElement>(broken, 'input[name="topic"]').map((radio) => radio.value)).to.deep.equal([
          'digital-services',
          'housing',
          'public-spaces',
          'roads',
          'environment',
          'other',
        ]);
      } finally {
        console.warn = original;
      }
      expect(warnings).to.have.length(1);
      expect(String(warnings[0])).to.contain('ep-idea-box: topics');
    });

    it('keeps its own topics when a framework sets an empty or unusable list as the property', async () => {
      const element = await ideaBox(endpoint);
      await openForm(element);
      const codes = () => $$<HTMLInputElement>(element, 'input[name="topic"]').map((radio) => radio.value);
      const defaults = codes();
      expect(defaults).to.have.length(6);
      // Bound before its data arrives, or to a CMS field left empty: a required topic with nothing to choose.
      element.topics = [];
      await settle(element);
      expect(codes(), 'an empty list').to.deep.equal(defaults);
      element.topics = [{ label: 'Parks' } as never];
      await settle(element);
      expect(codes(), 'a topic without a code').to.deep.equal(defaults);
    });

    it('takes its title and intro from slots, and its heading levels from an attribute', async () => {
      const element = await ideaBox(endpoint, 'heading-level="3"');
      element.innerHTML =
        '<span slot="heading">Ideas for the permits portal</span><p slot="intro">Tell us what would make permits easier.</p>';
      await settle(element);
      expect($(element, '#heading').getAttribute('aria-level')).to.equal('3');
      expect($(element, '[part~="share-button"]').parentElement!.getAttribute('aria-level')).to.equal('4');
      expect($(element, '#list-title').getAttribute('aria-level')).to.equal('4');
      expect(slottedText(element, 'heading')).to.equal('Ideas for the permits portal');
      expect(slottedText(element, 'intro')).to.equal('Tell us what would make permits easier.');
      await expect(element).to.be.accessible();
    });
  });
});
