// Taking part while a consultation is open: the view and its rules (GOV.UK errors, both languages), what
// is sent, one view per browser remembered and changed (the collector keeps the latest), failures and
// refusals, the spam guards, the draft, and a visitor using only the keyboard. Axe in every state.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure } from '../../src/core/element/config.js';
import type { EpErrorEvent, EpSuccessEvent } from '../../src/core/element/events.js';
import { LANGUAGES, resetPage, setPageLanguage } from '../helpers/page.js';
import { $, $$, expectFocused, textOf } from '../helpers/shadow.js';
import { describedErrorOf } from '../helpers/form-steps.js';
import { tabStops } from '../helpers/keyboard.js';
import {
  AFTER,
  BEFORE,
  CardEndpoint,
  NOW,
  XSS,
  announced,
  card,
  choose,
  consultationJson,
  draftKeyFor,
  errorSummary,
  expectNone,
  loadedCard,
  memoryKeyFor,
  pressSend,
  settle,
  shown,
  sleep,
  typeComment,
  yourView,
  type EpConsultationCard,
} from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const TEXT = {
  en: {
    legend: 'What do you think of this proposal?',
    stances: ['Support', 'Neutral', 'Oppose'],
    optional: 'Your comment (optional)',
    why: 'Why do you oppose it?',
    stanceMissing: 'Select whether you support the proposal, are neutral or oppose it',
    commentMissing: 'Tell us why you oppose it',
    summaryTitle: 'There is a problem',
    prefix: 'Error:',
    send: 'Send my view',
    thanks: 'Thank you. Your view was sent.',
    yourView: 'Your view',
    sentOn: 'Sent on December 1, 2026 (Jumada II 21, 1448 AH).',
    changeHint: 'You can change your view until the consultation closes.',
    change: 'Change my view',
    keep: 'Keep my earlier view',
    closed: 'This consultation is closed. Views are no longer accepted.',
    comment: 'The lights should be warmer near homes.',
  },
  ar: {
    legend: 'ما رأيك في هذا المقترح؟',
    stances: ['مؤيد', 'محايد', 'معارض'],
    optional: 'تعليقك (اختياري)',
    why: 'ما أسباب معارضتك؟',
    stanceMissing: 'اختر رأيك في المقترح: مؤيد أو محايد أو معارض',
    commentMissing: 'اذكر أسباب معارضتك',
    summaryTitle: 'توجد مشكلة',
    prefix: 'خطأ:',
    send: 'إرسال رأيي',
    thanks: 'شكرًا لك، أُرسل رأيك.',
    yourView: 'رأيك',
    sentOn: 'أُرسل في ٢١ جمادى الآخرة ١٤٤٨ هـ الموافق ١ ديسمبر ٢٠٢٦م.',
    changeHint: 'يمكنك تغيير رأيك حتى إغلاق الاستشارة.',
    change: 'تغيير رأيي',
    keep: 'الإبقاء على رأيي السابق',
    closed: 'أُغلقت هذه الاستشارة، ولم يعد استقبال الآراء متاحًا.',
    comment: 'ينبغي أن تكون الإضاءة أدفأ قرب المنازل.',
  },
};

const checked = (element: EpConsultationCard): string | undefined =>
  $$<HTMLInputElement>(element, 'input[name="stance"]').find((radio) => radio.checked)?.value;

describe('<ep-consultation-card> taking part', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  describe('giving a view', () => {
    for (const { lang, dir } of LANGUAGES) {
      it(`sends the view, shows it back with focus, remembers it and keeps no draft (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const text = TEXT[lang];
        const { element, endpoint } = await loadedCard();
        expect(textOf(element, '[part="stance"] legend')).to.equal(text.legend);
        expect($$(element, '[part="stance"] label').map((label) => label.textContent!.trim())).to.deep.equal(
          text.stances,
        );
        expect(textOf(element, 'label[for="comment"]')).to.equal(text.optional);
        expect($<HTMLTextAreaElement>(element, '#comment').required).to.equal(false);
        expect(textOf(element, '[part~="send-button"]')).to.equal(text.send);
        await expect(element).to.be.accessible();
        await choose(element, 'neutral');
        await typeComment(element, `  ${text.comment} `);
        expect(sessionStorage.getItem(draftKeyFor(endpoint)), 'a draft while typing').to.contain(text.comment);
        const success = oneEvent(document, 'ep-success') as Promise<EpSuccessEvent>;
        pressSend(element);
        const shownBack = await yourView(element);
        const [post] = await endpoint.waitForPosts(1);
        const envelope = post!.body;
        expect(envelope.kind).to.equal('consultation-view');
        expect(envelope.id).to.match(UUID);
        expect(post!.headers['idempotency-key']).to.equal(envelope.id);
        expect(envelope.locale).to.equal(lang);
        expect(envelope.data).to.deep.equal({
          consultationId: 'street-lighting',
          stance: 'neutral',
          comment: text.comment,
        });
        expect((await success).detail.response.reference).to.match(/^CV-\d{4}-\d{6}$/);
        expect(shownBack).to.equal(
          `${text.thanks} ${text.stances[1]} ${text.comment} ${text.sentOn} ${text.changeHint} ${text.change}`,
        );
        expect($(element, '.your-view .comment').getAttribute('dir')).to.equal('auto');
        expectFocused(element, '.your-view');
        expectNone(element, 'form');
        expect(JSON.parse(localStorage.getItem(memoryKeyFor(endpoint))!)).to.deep.equal({
          id: envelope.id,
          stance: 'neutral',
          comment: text.comment,
          at: new Date(NOW).toISOString(),
        });
        expect(sessionStorage.getItem(draftKeyFor(endpoint)), 'no draft once sent').to.equal(null);
        expect(await endpoint.views()).to.deep.equal([
          { id: envelope.id, consultationId: 'street-lighting', stance: 'neutral', comment: text.comment },
        ]);
        await expect(element).to.be.accessible();
      });
    }

    it('sends no comment when none is given', async () => {
      const { element, endpoint } = await loadedCard();
      await choose(element, 'support');
      await typeComment(element, '   ');
      pressSend(element);
      await yourView(element);
      expect((await endpoint.posted())[0]!.body.data).to.deep.equal({
        consultationId: 'street-lighting',
        stance: 'support',
      });
      expectNone(element, '.your-view .comment');
    });

    for (const { lang, dir } of LANGUAGES) {
      it(`lists the problems in a focused summary linked to the fields; opposing needs a reason (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const text = TEXT[lang];
        const { element, endpoint } = await loadedCard();
        pressSend(element);
        expect(await errorSummary(element)).to.deep.equal([text.stanceMissing]);
        expect(textOf(element, '.error-summary-title')).to.equal(text.summaryTitle);
        expect($(element, '.error-summary-title').getAttribute('aria-level')).to.equal('4');
        expectFocused(element, '.error-summary');
        expect(describedErrorOf(element, 'fieldset[part="stance"]')).to.equal(`${text.prefix} ${text.stanceMissing}`);
        expect($(element, '#stance').getAttribute('aria-invalid')).to.equal('true');
        await expect(element).to.be.accessible();

        await choose(element, 'oppose');
        expect(textOf(element, 'label[for="comment"]'), 'the label asks why').to.equal(text.why);
        expect($<HTMLTextAreaElement>(element, '#comment').required).to.equal(true);
        pressSend(element);
        await settle(element);
        expect(await errorSummary(element)).to.deep.equal([text.commentMissing]);
        expect(
          $$<HTMLAnchorElement>(element, '.error-summary a').map((link) => link.getAttribute('href')),
        ).to.deep.equal(['#comment']);
        expect(describedErrorOf(element, '#comment')).to.equal(`${text.prefix} ${text.commentMissing}`);
        expect($(element, '#comment').getAttribute('aria-invalid')).to.equal('true');
        // The stance, now chosen, is no longer in error: said outright, as for every required radio (see fields.ts).
        expect($(element, '#stance').getAttribute('aria-invalid')).to.equal('false');
        await expect(element).to.be.accessible();
        // The summary's link takes the visitor to the field, by keyboard.
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Enter' });
        expectFocused(element, '#comment');
        expect(await endpoint.posted()).to.have.length(0);

        await typeComment(element, text.comment);
        pressSend(element);
        await yourView(element);
        expect((await endpoint.posted())[0]!.body.data).to.deep.equal({
          consultationId: 'street-lighting',
          stance: 'oppose',
          comment: text.comment,
        });
      });
    }

    it('counts the comment against its limit, announces it at thresholds, and refuses one too long', async () => {
      const { element, endpoint } = await loadedCard(consultationJson(), 'max-comment-length="20"');
      await choose(element, 'support');
      expect(textOf(element, '#comment-count')).to.equal('You have 20 characters remaining');
      await typeComment(element, 'x'.repeat(12));
      expect(announced(element)).to.equal('You have 8 characters remaining');
      await typeComment(element, 'x'.repeat(23));
      expect(textOf(element, '#comment-count')).to.equal('You have 3 characters too many');
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal(['Enter 20 characters or fewer']);
      expect(await endpoint.posted()).to.have.length(0);
    });

    it('warns about personal data in the comment, by kind, and still sends', async () => {
      const { element, endpoint } = await loadedCard();
      await choose(element, 'oppose');
      await typeComment(element, 'Call me on 0501234567 about the lights.');
      await waitUntil(() => element.shadowRoot!.querySelector('#comment-warning'), 'no warning', { timeout: 2000 });
      expect(textOf(element, '#comment-warning')).to.equal(
        'Your text seems to contain a mobile number. Please remove it unless it is needed. You can still send it.',
      );
      expect($(element, '#comment').getAttribute('aria-describedby')).to.contain('comment-warning');
      await expect(element).to.be.accessible();
      pressSend(element);
      await yourView(element);
      expect(await endpoint.posted()).to.have.length(1);
    });

    it('in the compact layout, opens the form from "Give your view", then sends', async () => {
      const { element, endpoint } = await loadedCard(consultationJson(), 'layout="compact"');
      $<HTMLButtonElement>(element, '[part="open-button"]').click();
      await settle(element);
      await choose(element, 'support');
      pressSend(element);
      await yourView(element);
      expect(await endpoint.posted()).to.have.length(1);
      expectNone(element, '[part="open-button"]');
      await expect(element).to.be.accessible();
    });
  });

  describe('one view per browser, changeable while open', () => {
    it('shows the remembered view on the next visit, changes it with a submission that names the one it replaces, and the collector keeps the latest', async () => {
      const endpoint = new CardEndpoint();
      await endpoint.put(consultationJson());
      const first = await card(endpoint);
      await shown(first);
      await choose(first, 'support');
      pressSend(first);
      await yourView(first);
      const [original] = await endpoint.waitForPosts(1);
      first.parentElement!.remove();

      // The next visit: the view is there, the form is not.
      const again = await card(endpoint);
      await shown(again);
      expect(await yourView(again)).to.equal(
        `Your view Support Sent on December 1, 2026 (Jumada II 21, 1448 AH). ${TEXT.en.changeHint} Change my view`,
      );
      expectNone(again, 'form');
      expect(textOf(again, '[part="participants"]'), 'the collector counts it').to.equal('1,285 participants');
      await expect(again).to.be.accessible();

      $<HTMLButtonElement>(again, '[part="change-button"]').click();
      await settle(again);
      expect(checked(again), 'the form starts from the view sent').to.equal('support');
      expectFocused(again, 'input[name="stance"]:checked');
      expect(textOf(again, '[part="keep-button"]')).to.equal('Keep my earlier view');
      await expect(again).to.be.accessible();
      await choose(again, 'oppose');
      await typeComment(again, 'On second thoughts, too bright.');
      pressSend(again);
      expect(await yourView(again)).to.contain('Thank you. Your view was sent. Oppose On second thoughts, too bright.');
      const posts = await endpoint.waitForPosts(2);
      const change = posts[1]!.body;
      expect(change.id).not.to.equal(original!.body.id);
      expect(change.data).to.deep.equal({
        consultationId: 'street-lighting',
        stance: 'oppose',
        comment: 'On second thoughts, too bright.',
        replaces: original!.body.id,
      });
      expect(await endpoint.views()).to.deep.equal([
        {
          id: change.id,
          consultationId: 'street-lighting',
          stance: 'oppose',
          comment: 'On second thoughts, too bright.',
        },
      ]);
      expect(JSON.parse(localStorage.getItem(memoryKeyFor(endpoint))!).id, 'the latest is remembered').to.equal(
        change.id,
      );

      // A second change replaces the latest, not the first.
      $<HTMLButtonElement>(again, '[part="change-button"]').click();
      await settle(again);
      await choose(again, 'neutral');
      pressSend(again);
      await yourView(again);
      const third = (await endpoint.waitForPosts(3))[2]!.body;
      expect(third.data.replaces).to.equal(change.id);
      expect((await endpoint.views()).map((view) => view.stance)).to.deep.equal(['neutral']);
    });

    it('lets the visitor keep the earlier view: nothing is sent, and the draft of the change goes', async () => {
      const { element, endpoint } = await loadedCard();
      await choose(element, 'support');
      pressSend(element);
      await yourView(element);
      $<HTMLButtonElement>(element, '[part="change-button"]').click();
      await settle(element);
      await choose(element, 'oppose');
      expect(sessionStorage.getItem(draftKeyFor(endpoint))).to.contain('oppose');
      $<HTMLButtonElement>(element, '[part="keep-button"]').click();
      await settle(element);
      expect(await yourView(element)).to.match(/^Your view Support/);
      expectFocused(element, '.your-view');
      expect(sessionStorage.getItem(draftKeyFor(endpoint))).to.equal(null);
      expect(await endpoint.posted()).to.have.length(1);
    });

    it('keeps each consultation apart, and two cards of one consultation agree', async () => {
      const endpoint = new CardEndpoint();
      await endpoint.put(consultationJson(), consultationJson({ id: 'parks', title: 'Parks' }));
      const lighting = await card(endpoint);
      const parks = await card(endpoint, 'consultation-id="parks"');
      await shown(lighting);
      await shown(parks);
      await choose(lighting, 'support');
      pressSend(lighting);
      await yourView(lighting);
      expect($$(parks, 'input[name="stance"]'), 'another consultation still asks').to.have.length(3);
      const twin = await card(endpoint);
      await shown(twin);
      expect(await yourView(twin)).to.match(/^Your view Support/);
    });

    for (const { lang, dir } of LANGUAGES) {
      it(`once closed, shows the view sent without a way to change it (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const { element, endpoint } = await loadedCard();
        await choose(element, 'oppose');
        await typeComment(element, TEXT[lang].comment);
        pressSend(element);
        await yourView(element);
        element.now = AFTER;
        await settle(element);
        expect(textOf(element, '[part="closed"]')).to.equal(TEXT[lang].closed);
        expect(await yourView(element)).to.equal(
          `${TEXT[lang].yourView} ${TEXT[lang].stances[2]} ${TEXT[lang].comment} ${TEXT[lang].sentOn}`,
        );
        expectNone(element, '[part="change-button"]');
        expectNone(element, 'form');
        await expect(element).to.be.accessible();
        expect(await endpoint.posted()).to.have.length(1);
      });
    }

    it('before it opens, takes no view; once its clock reaches the opening, it does', async () => {
      const { element, endpoint } = await loadedCard(consultationJson(), `now="${BEFORE}"`);
      expectNone(element, 'form');
      element.now = NOW;
      await settle(element);
      await choose(element, 'support');
      pressSend(element);
      await yourView(element);
      expect(await endpoint.posted()).to.have.length(1);
    });
  });

  describe('saved on the device (the outbox)', () => {
    for (const { lang, dir } of LANGUAGES) {
      it(`says the view is saved on this device, remembers it, and says so again once it arrives (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const { element, endpoint } = await loadedCard();
        await endpoint.script('submissions', { status: 503, body: {} });
        await choose(element, 'support');
        pressSend(element);
        const saved = await yourView(element);
        expect(saved).to.match(
          lang === 'en' ? /^Your view is saved on this device Support/ : /^حُفظ رأيك على هذا الجهاز مؤيد/,
        );
        expect(saved, 'no "sent on" while it waits').not.to.contain(lang === 'en' ? 'Sent on' : 'أُرسل في');
        const queuedId = JSON.parse(localStorage.getItem(memoryKeyFor(endpoint))!).id;
        expect((await endpoint.posted())[0]!.body.id).to.equal(queuedId);
        expectFocused(element, '.your-view');
        await expect(element).to.be.accessible();
        window.dispatchEvent(new Event('online'));
        await waitUntil(
          () => textOf(element, '.your-view [role="heading"]') === TEXT[lang].thanks,
          'the title did not follow the delivery',
          { timeout: 5000 },
        );
        expect(await endpoint.views()).to.have.length(1);
        await expect(element).to.be.accessible();
      });
    }
  });

  describe('saved on the device, then refused', () => {
    it('stops showing the view as sent, forgets it, and gives it back to send again', async () => {
      const { element, endpoint } = await loadedCard();
      await endpoint.script('submissions', { status: 503, body: {} }, { status: 422, body: {} });
      await choose(element, 'oppose');
      await typeComment(element, 'The walkways block the pavement.');
      pressSend(element);
      await yourView(element);
      expect(localStorage.getItem(memoryKeyFor(endpoint))).to.be.a('string');
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => element.shadowRoot!.querySelector('form'), 'the form did not come back', { timeout: 5000 });
      await settle(element);
      expect(localStorage.getItem(memoryKeyFor(endpoint)), 'a refused view is not remembered').to.equal(null);
      expect(
        element.shadowRoot!.querySelector<HTMLInputElement>('input[name="stance"][value="oppose"]')!.checked,
      ).to.equal(true);
      expect(element.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!.value).to.equal(
        'The walkways block the pavement.',
      );
      expect(textOf(element, '[part="delivery"]')).to.equal(
        'What you saved on this device was sent, but the service did not accept it.',
      );
      await expect(element).to.be.accessible();
      pressSend(element);
      await yourView(element);
      expect(await endpoint.views()).to.have.length(1);
    });
  });

  describe('failures and refusals, with the outbox turned off', () => {
    beforeEach(() => configure({ outbox: false }));

    for (const { lang, dir } of LANGUAGES) {
      it(`keeps the view after a 503, says so where focus goes, and retries with the same envelope (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const { element, endpoint } = await loadedCard();
        // The retry's answer comes late, so that where focus is while it is on its way can be seen in any engine.
        await endpoint.script('submissions', { status: 503, body: {} }, { delayMs: 400 });
        await choose(element, 'oppose');
        await typeComment(element, TEXT[lang].comment);
        const failed = oneEvent(document, 'ep-error') as Promise<EpErrorEvent>;
        pressSend(element);
        expect((await failed).detail.outcome).to.deep.include({ type: 'failed', reason: 'server', status: 503 });
        await shown(element, '[part="error"]');
        expect(textOf(element, '[part="error"] p')).to.equal(
          lang === 'en'
            ? 'Your view was not sent. What you wrote is kept. The service had a problem. Please try again in a moment.'
            : 'لم يُرسَل رأيك، وما كتبته محفوظ. حدثت مشكلة في الخدمة. يُرجى المحاولة بعد قليل.',
        );
        expectFocused(element, '[part="error"] p');
        expect($<HTMLTextAreaElement>(element, '#comment').value).to.equal(TEXT[lang].comment);
        expect(localStorage.getItem(memoryKeyFor(endpoint)), 'nothing remembered yet').to.equal(null);
        await expect(element).to.be.accessible();
        $<HTMLButtonElement>(element, '[part="retry-button"]').click();
        await settle(element);
        expectFocused(element, '[part~="send-button"]');
        await yourView(element);
        const [first, second] = await endpoint.posted();
        expect(second!.body.id).to.equal(first!.body.id);
      });
    }

    it('shows the collector’s field errors on the fields (known codes in the visitor’s language, others as text)', async () => {
      const { element, endpoint } = await loadedCard();
      await endpoint.script('submissions', {
        status: 422,
        body: {
          fieldErrors: [
            { field: 'data.comment', code: 'required' },
            { field: 'consultationId', message: XSS },
          ],
        },
      });
      await choose(element, 'support');
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal(['Tell us why you oppose it', XSS]);
      expect($$(element, '.error-summary a').map((link) => link.getAttribute('href'))).to.deep.equal(['#comment']);
      expectNone(element, 'img');
      expectFocused(element, '.error-summary');
      // A refusal is final for that envelope: the next send is a new submission.
      pressSend(element);
      await yourView(element);
      const [first, second] = await endpoint.posted();
      expect(second!.body.id).not.to.equal(first!.body.id);
    });

    it('says a refusal that names nothing it has in general terms, without a retry', async () => {
      const { element, endpoint } = await loadedCard();
      await endpoint.script('submissions', { status: 409, body: { message: 'closed' } });
      await choose(element, 'support');
      pressSend(element);
      await shown(element, '[part="error"]');
      expect(textOf(element, '[part="error"] p')).to.equal(
        'Your view was not sent. What you wrote is kept. The service could not accept this. Please check what you entered and try again.',
      );
      expectNone(element, '[part="retry-button"]');
    });
  });

  describe('spam guards', () => {
    it('does not send what fills the honeypot, yet looks sent; nothing is remembered', async () => {
      const { element, endpoint } = await loadedCard();
      await choose(element, 'support');
      const trap = $<HTMLInputElement>(element, 'input[name="website"]');
      expect(Boolean(trap.closest('[aria-hidden="true"]')), 'hidden from assistive technology').to.equal(true);
      trap.value = 'https://spam.example';
      trap.dispatchEvent(new Event('input', { bubbles: true }));
      pressSend(element);
      expect(await yourView(element)).to.match(/^Thank you\. Your view was sent\. Support/);
      await sleep(200);
      expect(await endpoint.posted()).to.have.length(0);
      expect(localStorage.getItem(memoryKeyFor(endpoint))).to.equal(null);
      expect(sessionStorage.getItem(draftKeyFor(endpoint)) ?? '').not.to.contain('spam');
    });

    it('does not send a view given sooner than the minimum fill time, yet looks sent', async () => {
      const { element, endpoint } = await loadedCard(consultationJson(), 'min-fill-time="5000"');
      await choose(element, 'support');
      pressSend(element);
      await yourView(element);
      await sleep(200);
      expect(await endpoint.posted()).to.have.length(0);
    });

    it('never catches a visitor changing a view they sent, however quickly', async () => {
      const { element, endpoint } = await loadedCard(consultationJson(), 'min-fill-time="0"');
      await choose(element, 'support');
      pressSend(element);
      await yourView(element);
      element.minFillTime = 60_000;
      $<HTMLButtonElement>(element, '[part="change-button"]').click();
      await settle(element);
      await choose(element, 'neutral');
      pressSend(element);
      await yourView(element);
      expect(await endpoint.waitForPosts(2)).to.have.length(2);
    });
  });

  describe('the draft', () => {
    it('keeps the view being written across a reload, and nothing of the honeypot', async () => {
      const { element, endpoint } = await loadedCard();
      await choose(element, 'oppose');
      await typeComment(element, 'Too bright for bedrooms.');
      const trap = $<HTMLInputElement>(element, 'input[name="website"]');
      trap.value = 'robot';
      trap.dispatchEvent(new Event('input', { bubbles: true }));
      expect(sessionStorage.getItem(draftKeyFor(endpoint))).not.to.contain('robot');
      element.parentElement!.remove();
      // The visitor started a minute ago, then reloaded.
      const draft = JSON.parse(sessionStorage.getItem(draftKeyFor(endpoint))!);
      sessionStorage.setItem(draftKeyFor(endpoint), JSON.stringify({ ...draft, startedAt: Date.now() - 60_000 }));
      const again = await card(endpoint, 'min-fill-time="3000"');
      await shown(again);
      expect(checked(again)).to.equal('oppose');
      expect($<HTMLTextAreaElement>(again, '#comment').value).to.equal('Too bright for bedrooms.');
      expect(textOf(again, 'label[for="comment"]')).to.equal('Why do you oppose it?');
      // Sent at once after the reload: the guard's clock started when the visitor did.
      pressSend(again);
      await yourView(again);
      expect(await endpoint.posted()).to.have.length(1);
    });

    it('keeps no draft when told not to', async () => {
      const { element, endpoint } = await loadedCard(consultationJson(), 'no-draft');
      await choose(element, 'support');
      expect(sessionStorage.getItem(draftKeyFor(endpoint))).to.equal(null);
    });
  });

  describe('keyboard only', () => {
    it('reaches every control in order, chooses with the arrow keys, sends and changes the view, in Arabic, under the default guard', async function () {
      this.timeout(20_000);
      await setPageLanguage('ar', 'rtl');
      const { element, endpoint } = await loadedCard(consultationJson(), 'min-fill-time="3000"');
      const startedAt = Date.now();
      const before = document.createElement('button');
      before.textContent = 'before';
      element.before(before);
      try {
        before.focus();
        expect(await tabStops(element)).to.deep.equal([
          'summary-button',
          'a',
          'a',
          'full-link',
          'stance',
          'comment',
          'send-button',
        ]);
        before.focus();
        for (let i = 0; i < 5; i++) await sendKeys({ press: 'Tab' });
        expectFocused(element, '#stance');
        await sendKeys({ press: 'ArrowDown' });
        await sendKeys({ press: 'ArrowDown' });
        expect(checked(element)).to.equal('oppose');
        await sendKeys({ press: 'Tab' });
        expectFocused(element, '#comment');
        await sendKeys({ type: TEXT.ar.comment });
        await sendKeys({ press: 'Tab' });
        expectFocused(element, '[part~="send-button"]');
        // A person takes at least the three seconds the guard waits for; so does this one.
        await sleep(Math.max(0, 3100 - (Date.now() - startedAt)));
        await sendKeys({ press: 'Enter' });
        await yourView(element);
        expectFocused(element, '.your-view');
        await sendKeys({ press: 'Tab' });
        expectFocused(element, '[part="change-button"]');
        await sendKeys({ press: 'Enter' });
        await settle(element);
        expectFocused(element, 'input[name="stance"]:checked');
        await sendKeys({ press: 'ArrowUp' });
        expect(checked(element)).to.equal('neutral');
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        expectFocused(element, '[part~="send-button"]');
        await sendKeys({ press: 'Enter' });
        await waitUntil(async () => (await endpoint.posted()).length === 2, 'the change was not sent');
      } finally {
        before.remove();
      }
      const [first, second] = await endpoint.posted();
      expect(first!.body.data).to.deep.equal({
        consultationId: 'street-lighting',
        stance: 'oppose',
        comment: TEXT.ar.comment,
      });
      expect(second!.body.data).to.deep.equal({
        consultationId: 'street-lighting',
        stance: 'neutral',
        comment: TEXT.ar.comment,
        replaces: first!.body.id,
      });
      expect(first!.body.locale).to.equal('ar');
    });
  });
});
