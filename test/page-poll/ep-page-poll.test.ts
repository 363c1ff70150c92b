import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/ep-page-poll.js';
import { EpPagePoll as EpPagePollClass, type EpPagePoll } from '../../src/page-poll/ep-page-poll.js';
import { configure } from '../../src/core/element/config.js';
import { draftKey, writeDraft } from '../../src/core/forms/draft.js';
import { keyFor, recallVote } from '../../src/page-poll/recall-vote.js';
import { rememberVote } from '../../src/page-poll/remember-vote.js';
import type { EpSubmitEvent } from '../../src/core/element/events.js';
import { TestEndpoint, type Logged } from '../helpers/endpoint.js';
import { LANGUAGES, resetPage, setPageLanguage, setViewportSize } from '../helpers/page.js';
import { $, $$, expectFocused, focusedIn, textOf } from '../helpers/shadow.js';
import { runElementSuite } from '../suites/ep-element-suite.js';

runElementSuite({
  tag: 'ep-page-poll',
  defineModule: '../../src/ep-page-poll.ts',
  readyText: { en: 'Was this page useful?', ar: 'هل كانت هذه الصفحة مفيدة؟' },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const XSS = '<img src=x onerror="window.__epXss=1">';

async function poll(endpoint: TestEndpoint, attributes = ''): Promise<EpPagePoll> {
  const host = await fixture<HTMLDivElement>(
    `<div><ep-page-poll endpoint="${endpoint.base}" ${attributes}></ep-page-poll></div>`,
  );
  const element = host.querySelector('ep-page-poll')!;
  await element.updateComplete;
  return element;
}

const button = (element: EpPagePoll, label: string) =>
  $$<HTMLButtonElement>(element, 'button').find((b) => b.textContent!.trim() === label)!;
const announced = (element: EpPagePoll) => textOf(element, '#announcer');
const settle = async (element: EpPagePoll) => {
  await element.updateComplete;
  await nextFrame();
};

async function voteYes(element: EpPagePoll, label = 'Yes'): Promise<void> {
  button(element, label).click();
  await waitUntil(() => element.shadowRoot!.querySelector('fieldset'), 'the reasons did not appear');
  await settle(element);
}

function check(element: EpPagePoll, index: number): void {
  $$<HTMLInputElement>(element, 'input[type="checkbox"]')[index]!.click();
}

async function typeComment(element: EpPagePoll, text: string): Promise<void> {
  const area = $<HTMLTextAreaElement>(element, 'textarea');
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(element);
}

describe('<ep-page-poll>', () => {
  let endpoint: TestEndpoint;
  beforeEach(async () => {
    await resetPage();
    endpoint = new TestEndpoint();
  });
  afterEach(resetPage);

  describe('the flow', () => {
    it('sends the vote at once, with the envelope and its Idempotency-Key, then asks why', async () => {
      const element = await poll(endpoint);
      const success = oneEvent(document, 'ep-success');
      await voteYes(element);
      const [vote] = await endpoint.waitForPosts(1);
      const envelope = vote!.body;
      expect(envelope.kind).to.equal('page-vote');
      expect(envelope.id).to.match(UUID);
      expect(vote!.headers['idempotency-key']).to.equal(envelope.id);
      expect(envelope.data).to.deep.equal({ answer: 'yes' });
      expect(envelope.page).to.deep.equal({
        url: location.origin + location.pathname,
        title: document.title,
        lang: 'en',
      });
      expect(envelope.locale).to.equal('en');
      expect(envelope.privacyNotice).to.equal('1');
      expect(Date.parse(envelope.submittedAt)).to.be.closeTo(Date.now(), 10_000);
      expect((await success).detail.response.reference).to.match(/^PV-/);
      expect(textOf(element, 'legend')).to.equal('Please tell us why (select up to two options)');
      expectFocused(element, 'fieldset');
      expect(announced(element)).to.contain('Your answer was recorded');
    });

    it('sends up to two reasons and a comment linked to the vote, then thanks the visitor with focus on the thanks', async () => {
      const element = await poll(endpoint);
      await voteYes(element);
      check(element, 0);
      check(element, 2);
      await typeComment(element, 'Clear steps, thank you.');
      button(element, 'Send').click();
      await waitUntil(() => element.shadowRoot!.querySelector('.thanks'));
      await settle(element);
      const [vote, details] = await endpoint.waitForPosts(2);
      expect(details!.body.kind).to.equal('page-vote-details');
      expect(details!.headers['idempotency-key']).to.equal(details!.body.id);
      expect(details!.body.data).to.deep.equal({
        voteId: vote!.body.id,
        answer: 'yes',
        reasons: [
          { code: 'found-what-i-needed', label: 'I found what I was looking for' },
          { code: 'complete', label: 'The information was complete and up to date' },
        ],
        comment: 'Clear steps, thank you.',
      });
      expect(textOf(element, '[part="thanks"]')).to.equal('Thank you for your feedback.');
      // Heard once: it takes focus, and the live region does not repeat it.
      expectFocused(element, '[part="thanks"]');
      expect(announced(element)).to.equal('');
    });

    it('offers the reasons that belong to the answer', async () => {
      const element = await poll(endpoint);
      button(element, 'No').click();
      await waitUntil(() => element.shadowRoot!.querySelector('fieldset'));
      expect(textOf(element, 'fieldset')).to.contain('I did not find what I was looking for');
      expect(textOf(element, 'fieldset')).not.to.contain('I found what I was looking for');
    });

    it('runs in Arabic, right to left, and sends Arabic labels', async () => {
      await setPageLanguage('ar', 'rtl');
      const element = await poll(endpoint);
      expect(textOf(element, '#question')).to.equal('هل كانت هذه الصفحة مفيدة؟');
      expect($(element, '[part="base"]').dir).to.equal('rtl');
      button(element, 'لا').click();
      await waitUntil(() => element.shadowRoot!.querySelector('fieldset'));
      await settle(element);
      expect(textOf(element, 'legend')).to.equal('يُرجى إخبارنا بالسبب (اختر خيارين على الأكثر)');
      check(element, 1);
      button(element, 'إرسال').click();
      await waitUntil(() => element.shadowRoot!.querySelector('.thanks'));
      const [vote, details] = await endpoint.waitForPosts(2);
      expect(vote!.body.locale).to.equal('ar');
      expect(details!.body.data.reasons).to.deep.equal([{ code: 'unclear', label: 'المحتوى غير واضح أو صعب الفهم' }]);
      expect(textOf(element, '[part="thanks"]')).to.equal('شكرًا لك على ملاحظاتك.');
    });

    it('skips without sending details, and treats an empty Send as a skip', async () => {
      const element = await poll(endpoint);
      await voteYes(element);
      button(element, 'Skip').click();
      await settle(element);
      expect(element.shadowRoot!.querySelector('.thanks')).to.exist;
      const other = await poll(new TestEndpoint(), 'no-remember');
      await voteYes(other);
      button(other, 'Send').click();
      await settle(other);
      expect(other.shadowRoot!.querySelector('.thanks')).to.exist;
      expect((await endpoint.posted()).map((p: Logged) => p.body.kind)).to.deep.equal(['page-vote']);
    });
  });

  describe('the two-reason rule', () => {
    it('prevents a third choice, states the rule and announces it, and frees a choice when one is cleared', async () => {
      const element = await poll(endpoint);
      await voteYes(element);
      const boxes = $$<HTMLInputElement>(element, 'input[type="checkbox"]');
      check(element, 0);
      check(element, 1);
      check(element, 2);
      await settle(element);
      expect(boxes.map((box) => box.checked)).to.deep.equal([true, true, false, false]);
      expect(textOf(element, '#limit')).to.equal('You can select up to two options. Clear one to choose another.');
      expect($(element, 'fieldset').getAttribute('aria-describedby')).to.equal('limit');
      expect(announced(element)).to.equal('You can select up to two options. Clear one to choose another.');
      await expect(element).to.be.accessible();
      check(element, 0);
      check(element, 3);
      await settle(element);
      expect(boxes.map((box) => box.checked)).to.deep.equal([false, true, false, true]);
      expect(element.shadowRoot!.querySelector('#limit')).to.equal(null);
    });
  });

  describe('keyboard only', () => {
    it('answers, chooses reasons, writes and sends without a pointer', async () => {
      const element = await poll(endpoint);
      const before = document.createElement('button');
      before.textContent = 'before';
      element.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedIn(element)?.textContent?.trim()).to.equal('Yes');
      await sendKeys({ press: 'Tab' });
      expect(focusedIn(element)?.textContent?.trim()).to.equal('No');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => element.shadowRoot!.querySelector('fieldset'));
      await settle(element);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' }); // a third: refused
      await settle(element);
      expect(
        $$<HTMLInputElement>(element, 'input[type="checkbox"]')
          .map((b) => b.checked)
          .slice(0, 3),
      ).to.deep.equal([true, true, false]);
      await sendKeys({ press: 'Tab' }); // the fourth and fifth reasons, then the comment
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expectFocused(element, 'textarea');
      await sendKeys({ type: 'Broken link' });
      await sendKeys({ press: 'Tab' });
      expect(focusedIn(element)?.textContent?.trim()).to.equal('Send');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => element.shadowRoot!.querySelector('.thanks'));
      const [, details] = await endpoint.waitForPosts(2);
      expect(details!.body.data.comment).to.equal('Broken link');
      expect(details!.body.data.reasons.map((r: { code: string }) => r.code)).to.deep.equal(['not-found', 'unclear']);
      before.remove();
    });
  });

  describe('remembering', () => {
    it('shows thanks instead of asking again on the same page, unless told not to remember', async () => {
      const first = await poll(endpoint);
      await voteYes(first);
      const again = await poll(endpoint);
      expect(textOf(again, '[part="thanks"]')).to.equal('You have already told us about this page. Thank you.');
      expect(again.shadowRoot!.querySelector('button')).to.equal(null);
      const elsewhere = await poll(endpoint, 'page-url="/another-page"');
      expect(elsewhere.shadowRoot!.querySelector('#question')).to.exist;
      const forgetful = await poll(endpoint, 'no-remember');
      expect(forgetful.shadowRoot!.querySelector('#question')).to.exist;
    });

    const page = () => `${location.origin}${location.pathname}`;

    it('remembers a vote from the moment the outbox holds it: a page opened again meanwhile thanks, not asks', async () => {
      // No answer yet (a phone between two masts); the page is opened again while the outbox has the vote.
      await endpoint.script('submissions', { hang: true });
      const first = await poll(endpoint);
      button(first, 'Yes').click();
      await endpoint.waitForPosts(1);
      expect(recallVote(page())?.answer).to.equal('yes');
      first.parentElement!.remove();
      const again = await poll(endpoint);
      expect(textOf(again, '[part="thanks"]')).to.equal('You have already told us about this page. Thank you.');
      expect(again.shadowRoot!.querySelector('[part="answer-button"]')).to.equal(null);
    });

    it('keeps nothing on the device with no-remember, even while the vote is on its way', async () => {
      await endpoint.script('submissions', { hang: true });
      const first = await poll(endpoint, 'no-remember');
      button(first, 'Yes').click();
      await endpoint.waitForPosts(1);
      expect(recallVote(page())).to.equal(undefined);
      first.parentElement!.remove();
      expect((await poll(endpoint, 'no-remember')).shadowRoot!.querySelector('#question')).to.exist;
    });

    it('forgets a vote held but not kept after all (the page kept it out of the outbox), and asks again', async () => {
      await endpoint.script('submissions', { status: 503, body: {} });
      const element = await poll(endpoint);
      element.addEventListener('ep-queued', (event) => event.preventDefault());
      button(element, 'Yes').click();
      await waitUntil(() => element.shadowRoot!.querySelector('[part="error"]'), 'no failure shown', { timeout: 4000 });
      expect(recallVote(page())).to.equal(undefined);
      element.parentElement!.remove();
      expect((await poll(endpoint)).shadowRoot!.querySelector('#question')).to.exist;
    });
  });

  describe('a page loaded again after the vote', () => {
    const COMMENT = 'The form link on this page gives an error';
    /** The page is loaded again (a reload, or Back after following a link): storage stays, the element is new. */
    async function reload(element: EpPagePoll): Promise<EpPagePoll> {
      element.parentElement!.remove();
      const again = await poll(endpoint);
      // The rest of the poll is in (its styles adopted), so what it shows is settled.
      await waitUntil(
        () => again.shadowRoot!.adoptedStyleSheets.length > EpPagePollClass.elementStyles.length,
        'the rest never arrived',
      );
      await settle(again);
      return again;
    }
    const ticked = (element: EpPagePoll) =>
      $$<HTMLInputElement>(element, 'input[type="checkbox"]').map((box) => box.checked);

    it('brings back the reasons and the comment not yet sent, and sends them with the vote they explain', async () => {
      const first = await poll(endpoint);
      await voteYes(first, 'No');
      check(first, 1);
      await typeComment(first, COMMENT);
      const [vote] = await endpoint.waitForPosts(1);

      const again = await reload(first);
      expect($<HTMLTextAreaElement>(again, 'textarea').value).to.equal(COMMENT);
      expect(ticked(again)).to.deep.equal([false, true, false, false, false]);
      expect(textOf(again, '#count')).to.equal(`You have ${500 - COMMENT.length} characters remaining`);
      // Nothing moved focus: the visitor had not reached the poll on this load.
      expect(again.shadowRoot!.activeElement).to.equal(null);
      await expect(again).to.be.accessible();
      button(again, 'Send').click();
      await waitUntil(() => again.shadowRoot!.querySelector('.thanks'), 'no thanks');
      const [, details] = await endpoint.waitForPosts(2);
      expect(details!.body.data).to.deep.include({ voteId: vote!.body.id, answer: 'no', comment: COMMENT });
      expect(textOf(again, '[part="thanks"]')).to.equal('Thank you for your feedback.');

      const later = await reload(again);
      expect(textOf(later, '[part="thanks"]')).to.equal('You have already told us about this page. Thank you.');
    });

    it('brings back only reasons the poll still offers, two at most', async () => {
      const page = `${location.origin}${location.pathname}`;
      rememberVote(keyFor(page), 'no');
      const values = { answer: 'no', voteId: '', selected: 'gone\nunclear\nbroken\nother', comment: 'Still here' };
      writeDraft(draftKey('page-poll', page), { values, startedAt: 0 });
      const element = await reload(await poll(endpoint));
      expect($<HTMLTextAreaElement>(element, 'textarea').value).to.equal('Still here');
      const codes = $$<HTMLInputElement>(element, 'input[type="checkbox"]');
      expect(codes.filter((box) => box.checked).map((box) => box.value)).to.deep.equal(['unclear', 'broken']);
      // A third still cannot be ticked: the two kept are the two allowed.
      codes.find((box) => box.value === 'other')!.click();
      await settle(element);
      expect(codes.filter((box) => box.checked)).to.have.length(2);
    });

    it('forgets them once skipped, and keeps nothing when nothing was chosen or written, or with no-remember', async () => {
      const first = await poll(endpoint);
      await voteYes(first);
      check(first, 0);
      await typeComment(first, 'half a thought');
      expect(sessionStorage.length).to.equal(1);
      check(first, 0);
      await typeComment(first, '');
      expect(sessionStorage.length, 'nothing chosen or written').to.equal(0);
      const again = await reload(first);
      expect(textOf(again, '[part="thanks"]')).to.equal('You have already told us about this page. Thank you.');

      const other = await poll(endpoint, 'page-url="/another-page"');
      await voteYes(other);
      await typeComment(other, 'half a thought');
      button(other, 'Skip').click();
      await settle(other);
      expect(sessionStorage.length, 'skipped').to.equal(0);

      const forgetful = await poll(endpoint, 'no-remember');
      await voteYes(forgetful);
      check(forgetful, 0);
      await typeComment(forgetful, 'half a thought');
      expect(sessionStorage.length, 'with no-remember').to.equal(0);
    });
  });

  // With the outbox turned off (or storage unavailable), a failure is shown and the visitor retries. With
  // it on, the same faults save the submission on the device: see delivery.test.ts.
  describe('failures, with the outbox turned off', () => {
    beforeEach(() => configure({ outbox: false }));

    it('shows a message and a retry when the vote gets a 500; the retry reuses the envelope id', async () => {
      await endpoint.script('submissions', { status: 500, body: { message: 'down' } });
      const element = await poll(endpoint);
      const failed = oneEvent(document, 'ep-error');
      button(element, 'Yes').click();
      expect((await failed).detail.outcome).to.deep.include({ type: 'failed', reason: 'server', status: 500 });
      await settle(element);
      expect(textOf(element, '[part="error"] p')).to.equal(
        'Your answer was not sent. The service had a problem. Please try again in a moment.',
      );
      expectFocused(element, '[part="error"] p');
      expect(announced(element)).to.equal('');
      // The same part as every element's retry, for a page's styles.
      expect(textOf(element, '[part="retry-button"]')).to.equal('Try again');
      await endpoint.script('submissions', { delayMs: 300, status: 201, body: {} });
      button(element, 'Try again').click();
      await settle(element);
      // The retry button goes while the answer is sent again: focus moves to that answer, not to the page.
      expectFocused(element, '.answers .primary');
      expect($(element, '.answers .primary').textContent!.trim()).to.equal('Yes');
      await waitUntil(() => element.shadowRoot!.querySelector('fieldset'));
      const [first, second] = await endpoint.posted();
      expect(second!.body.id).to.equal(first!.body.id);
      expect(second!.headers['idempotency-key']).to.equal(first!.body.id);
    });

    const faults = [
      {
        name: 'a timeout',
        script: { delayMs: 1500, status: 201, body: {} },
        text: 'The service took too long to answer. Please try again.',
      },
      {
        name: 'a network error',
        script: { drop: true, repeat: 10 },
        text: 'We could not reach the service. Check your connection and try again.',
      },
      {
        name: 'invalid JSON',
        script: { status: 200, raw: '{"reference": ' },
        text: 'The service had a problem. Please try again in a moment.',
      },
      {
        name: 'a 503',
        script: { status: 503, body: {} },
        text: 'The service had a problem. Please try again in a moment.',
      },
    ];
    for (const fault of faults) {
      it(`keeps the reasons and the comment after ${fault.name} when sending details`, async () => {
        const element = await poll(endpoint, 'timeout="300"');
        await voteYes(element);
        check(element, 1);
        await typeComment(element, 'Nothing I typed may be lost.');
        await endpoint.script('submissions', fault.script);
        button(element, 'Send').click();
        await waitUntil(() => element.shadowRoot!.querySelector('[part="error"]'), 'no error shown', { timeout: 3000 });
        await settle(element);
        expect(textOf(element, '[part="error"] p')).to.equal(
          `Your comment was not sent. What you wrote is kept. ${fault.text}`,
        );
        expect($<HTMLTextAreaElement>(element, 'textarea').value).to.equal('Nothing I typed may be lost.');
        expect($$<HTMLInputElement>(element, 'input[type="checkbox"]')[1]!.checked).to.equal(true);
        expectFocused(element, '[part="error"] p');
      });
    }

    it('puts a 422 field error on the comment, tied to it, and keeps the text', async () => {
      const element = await poll(endpoint);
      await voteYes(element);
      await typeComment(element, 'Some text');
      await endpoint.script('submissions', {
        status: 422,
        body: { fieldErrors: [{ field: 'comment', message: XSS }] },
      });
      button(element, 'Send').click();
      await waitUntil(() => element.shadowRoot!.querySelector('#comment-error'));
      await settle(element);
      const area = $<HTMLTextAreaElement>(element, 'textarea');
      expect(area.getAttribute('aria-invalid')).to.equal('true');
      expect(area.getAttribute('aria-describedby')).to.contain('comment-error');
      expect(textOf(element, '#comment-error')).to.equal(`Error: ${XSS}`);
      expect(element.shadowRoot!.querySelector('img')).to.equal(null);
      expect(area.value).to.equal('Some text');
      expectFocused(element, 'textarea');
      // A refusal is final for that envelope: the next send is a new submission.
      button(element, 'Send').click();
      await waitUntil(() => element.shadowRoot!.querySelector('.thanks'));
      const posts = await endpoint.posted();
      expect(posts[2]!.body.id).not.to.equal(posts[1]!.body.id);
    });

    it('says a 422 on the comment in Arabic on an Arabic page: the collector’s own words are English', async () => {
      await setPageLanguage('ar', 'rtl');
      const element = await poll(endpoint);
      await voteYes(element, 'نعم');
      await typeComment(element, 'نص');
      await endpoint.script('submissions', {
        status: 422,
        body: { fieldErrors: [{ field: 'comment', code: 'rude', message: 'The comment is not polite.' }] },
      });
      $$<HTMLButtonElement>(element, '[part="send-button"]')[0]!.click();
      await waitUntil(() => element.shadowRoot!.querySelector('#comment-error'));
      await settle(element);
      expect(textOf(element, '#comment-error')).to.equal('خطأ: هذه الإجابة غير صالحة. يُرجى التحقق منها.');
    });

    it('shows a general message for a 422 that names no field it has', async () => {
      const element = await poll(endpoint);
      await voteYes(element);
      await typeComment(element, 'x');
      await endpoint.script('submissions', { status: 422, body: { fieldErrors: [{ field: 'unknown' }] } });
      button(element, 'Send').click();
      await waitUntil(() => element.shadowRoot!.querySelector('[part="error"]'));
      expect(textOf(element, '[part="error"] p')).to.contain('The service could not accept this.');
    });
  });

  describe('the comment', () => {
    it('counts characters, refuses an over-long comment with a tied error, and sends nothing', async () => {
      const element = await poll(endpoint, 'max-comment-length="20"');
      await voteYes(element);
      expect(textOf(element, '#count')).to.equal('You have 20 characters remaining');
      await typeComment(element, 'a'.repeat(19));
      expect(textOf(element, '#count')).to.equal('You have 1 character remaining');
      expect(announced(element)).to.equal('You have 1 character remaining');
      await typeComment(element, 'a'.repeat(23));
      expect(textOf(element, '#count')).to.equal('You have 3 characters too many');
      button(element, 'Send').click();
      await settle(element);
      expect(textOf(element, '#comment-error')).to.equal('Error: Enter 20 characters or fewer');
      expect($(element, 'textarea').getAttribute('aria-describedby')).to.contain('comment-error');
      expectFocused(element, 'textarea');
      await expect(element).to.be.accessible();
      expect(await endpoint.posted()).to.have.length(1);
    });

    it('warns, by kind and never by value, about personal data, and still lets the visitor send', async () => {
      const element = await poll(endpoint);
      await voteYes(element);
      await typeComment(element, 'Call me on ٠٥٠١٢٣٤٥٦٧ or mail a@b.sa');
      await waitUntil(() => element.shadowRoot!.querySelector('#personal-data'), 'no warning', { timeout: 2000 });
      const warning = textOf(element, '#personal-data');
      expect(warning).to.equal(
        'Your text seems to contain an email address and a mobile number. Please remove it unless it is needed. You can still send it.',
      );
      expect($(element, 'textarea').getAttribute('aria-describedby')).to.contain('personal-data');
      await expect(element).to.be.accessible();
      button(element, 'Send').click();
      await waitUntil(() => element.shadowRoot!.querySelector('.thanks'));
    });

    it('shows the notice about personal and financial information, tied to the comment', async () => {
      const element = await poll(endpoint);
      await voteYes(element);
      expect(textOf(element, '#notice')).to.contain('Please do not include personal or financial information.');
      expect($(element, 'textarea').getAttribute('aria-describedby')).to.contain('notice');
    });
  });

  describe('events', () => {
    it('lets the host amend the envelope in ep-submit (a CAPTCHA token, say)', async () => {
      const element = await poll(endpoint);
      const amend = (event: Event) => ((event as EpSubmitEvent).detail.envelope.data.captcha = 'token-1');
      document.addEventListener('ep-submit', amend);
      try {
        await voteYes(element);
      } finally {
        document.removeEventListener('ep-submit', amend);
      }
      const [vote] = await endpoint.posted();
      expect(vote!.body.data).to.deep.equal({ answer: 'yes', captcha: 'token-1' });
    });

    it('sends nothing when the host cancels ep-submit', async () => {
      const element = await poll(endpoint);
      const cancel = (event: Event) => event.preventDefault();
      document.addEventListener('ep-submit', cancel);
      try {
        button(element, 'Yes').click();
        await settle(element);
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        document.removeEventListener('ep-submit', cancel);
      }
      expect(await endpoint.posted()).to.have.length(0);
      expect(element.shadowRoot!.querySelector('#question')).to.exist;
    });

    it('adds the headers set by configure()', async () => {
      configure({ headers: { 'x-csrf-token': 'csrf-123' } });
      const element = await poll(endpoint);
      await voteYes(element);
      const [vote] = await endpoint.posted();
      expect(vote!.headers['x-csrf-token']).to.equal('csrf-123');
    });
  });

  describe('the tally', () => {
    it('shows "N of M" after the visitor answered, asked for the canonical page', async () => {
      await endpoint.script('tally', { body: { yes: 12, total: 30 } }, { body: { yes: 13, total: 31 } });
      const element = await poll(endpoint, 'show-tally');
      expect(element.shadowRoot!.querySelector('[part="tally"]')).to.equal(null);
      await voteYes(element);
      await waitUntil(() => element.shadowRoot!.querySelector('[part="tally"]'));
      expect(textOf(element, '[part="tally"]')).to.equal('13 of 31 visitors found this page useful');
      const tallies = (await endpoint.log()).filter((entry) => entry.route === 'tally');
      expect(tallies[0]!.query.page).to.equal(location.origin + location.pathname);
    });

    it('uses Arabic plurals and digits', async () => {
      await setPageLanguage('ar', 'rtl');
      localStorage.setItem(
        `ep-widgets:page-poll:v1:${location.origin}${location.pathname}`,
        JSON.stringify({ answer: 'yes', at: '2026-01-01T00:00:00Z' }),
      );
      // The verb comes first (so it is singular, whoever found it useful); the noun follows the total.
      const cases = [
        [{ yes: 7, total: 11 }, 'وجد ٧ من أصل ١١ زائرًا هذه الصفحة مفيدة'],
        [{ yes: 3, total: 10 }, 'وجد ٣ من أصل ١٠ زوار هذه الصفحة مفيدة'],
        [{ yes: 90, total: 1396044 }, 'وجد ٩٠ من أصل ١٬٣٩٦٬٠٤٤ زائرًا هذه الصفحة مفيدة'],
        [{ yes: 90, total: 1396100 }, 'وجد ٩٠ من أصل ١٬٣٩٦٬١٠٠ زائر هذه الصفحة مفيدة'],
        [{ yes: 1, total: 2 }, 'وجد ١ من أصل زائرَين هذه الصفحة مفيدة'],
        [{ yes: 0, total: 1 }, 'وجد ٠ من أصل زائر واحد هذه الصفحة مفيدة'],
      ] as const;
      for (const [body, text] of cases) {
        const space = new TestEndpoint();
        await space.script('tally', { body });
        const element = await poll(space, 'show-tally tally-min="1"');
        await waitUntil(() => element.shadowRoot!.querySelector('[part="tally"]'));
        expect(textOf(element, '[part="tally"]')).to.equal(text);
        expect(textOf(element, '[part="tally"]')).not.to.match(/[0-9]/);
      }
    });

    it('stays hidden below the minimum, when disabled, and when the answer is not two sane numbers', async () => {
      localStorage.setItem(
        `ep-widgets:page-poll:v1:${location.origin}${location.pathname}`,
        JSON.stringify({ answer: 'no', at: '2026-01-01T00:00:00Z' }),
      );
      const bodies = [
        { yes: 2, total: 4 },
        { yes: XSS, total: 50 },
        { yes: 60, total: 50 },
        [1, 2],
        { yes: -1, total: 50 },
      ];
      for (const body of bodies) {
        const space = new TestEndpoint();
        await space.script('tally', { body });
        const element = await poll(space, 'show-tally tally-min="5"');
        await new Promise((resolve) => setTimeout(resolve, 100));
        await settle(element);
        expect(element.shadowRoot!.querySelector('[part="tally"]'), JSON.stringify(body)).to.equal(null);
        expect(element.shadowRoot!.querySelector('img')).to.equal(null);
      }
      const off = new TestEndpoint();
      await off.script('tally', { body: { yes: 40, total: 50 } });
      await poll(off, 'tally-min="1"');
      expect((await off.log()).filter((entry) => entry.route === 'tally')).to.have.length(0);
    });
  });

  describe('page-author text', () => {
    it('renders reasons given as a property as text, never as HTML, in the visitor language', async () => {
      const element = await poll(endpoint);
      element.yesReasons = [{ code: 'xss', label: { en: XSS, ar: `عربي ${XSS}` } }];
      await voteYes(element);
      expect(textOf(element, 'fieldset label')).to.equal(XSS);
      expect(element.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as unknown as { __epXss?: number }).__epXss).to.equal(undefined);
    });

    it('names a reason by its code when the author left its label blank', async () => {
      const element = await poll(endpoint);
      element.yesReasons = [{ code: 'fast-service', label: { en: '  ', ar: '' } }];
      await voteYes(element);
      expect(textOf(element, 'fieldset label')).to.equal('fast-service');
      await expect(element).to.be.accessible();
    });

    it('reads reasons from a JSON attribute, and keeps the defaults when the JSON is unusable', async () => {
      const attribute = JSON.stringify([{ code: 'quick', label: { en: 'Quick', ar: 'سريع' } }]).replace(/"/g, '&quot;');
      const element = await poll(endpoint, `yes-reasons="${attribute}"`);
      await voteYes(element);
      expect(textOf(element, 'fieldset label')).to.equal('Quick');
      const warnings: unknown[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const broken = await poll(new TestEndpoint(), 'yes-reasons="[{oops" no-remember');
        await voteYes(broken);
        expect($$(broken, 'fieldset label')).to.have.length(4);
      } finally {
        console.warn = original;
      }
      expect(warnings).to.have.length(1);
    });
  });

  describe('options changed after it started', () => {
    it('asks again when a single-page app moves it to another page, and when told not to remember', async () => {
      const element = await poll(endpoint);
      await voteYes(element);
      button(element, 'Skip').click();
      await settle(element);
      element.pageUrl = '/next-page';
      await settle(element);
      expect(element.shadowRoot!.querySelector('#question'), 'asks on the new page').to.exist;
      element.pageUrl = undefined;
      await settle(element);
      expect(textOf(element, '[part="thanks"]')).to.equal('You have already told us about this page. Thank you.');
      element.noRemember = true;
      await settle(element);
      expect(element.shadowRoot!.querySelector('#question'), 'asks again without memory').to.exist;
    });

    it('reads the tally once an endpoint arrives, for a remembered answer', async () => {
      localStorage.setItem(
        `ep-widgets:page-poll:v1:${location.origin}${location.pathname}`,
        JSON.stringify({ answer: 'yes', at: '2026-01-01T00:00:00Z' }),
      );
      const holder = await fixture<HTMLDivElement>(
        html`<div><ep-page-poll show-tally tally-min="1"></ep-page-poll></div>`,
      );
      const element = holder.querySelector('ep-page-poll')!;
      // The rest of the poll is in (its styles adopted) before the endpoint comes: the late endpoint is what it must notice.
      await waitUntil(
        () => element.shadowRoot!.adoptedStyleSheets.length > EpPagePollClass.elementStyles.length,
        'the rest never arrived',
      );
      await endpoint.script('tally', { body: { yes: 4, total: 5 } });
      element.endpoint = endpoint.base;
      await waitUntil(() => element.shadowRoot!.querySelector('[part="tally"]'), 'no tally');
      expect(textOf(element, '[part="tally"]')).to.equal('4 of 5 visitors found this page useful');
    });

    it('shows an error in the language the page switched to', async () => {
      const element = await poll(endpoint, 'max-comment-length="5"');
      await voteYes(element);
      await typeComment(element, 'too long');
      button(element, 'Send').click();
      await settle(element);
      expect(textOf(element, '#comment-error')).to.equal('Error: Enter 5 characters or fewer');
      await setPageLanguage('ar', 'rtl');
      await settle(element);
      expect(textOf(element, '#comment-error')).to.equal(
        `خطأ: أدخل ${new Intl.NumberFormat('ar-SA').format(5)} أحرف أو أقل`,
      );
    });

    it('falls back to defaults for numbers it cannot use', async () => {
      await endpoint.script('tally', { body: { yes: 3, total: 5 }, repeat: 3 });
      const element = await poll(
        endpoint,
        'timeout="10s" heading-level="h3" max-comment-length="many" tally-min="-4" show-tally',
      );
      expect($(element, '#question').getAttribute('aria-level')).to.equal('2');
      await voteYes(element);
      expect(textOf(element, '#count')).to.equal('You have 500 characters remaining');
      expect((await endpoint.posted())[0]!.body.kind, 'a bad timeout must not fail every send').to.equal('page-vote');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(
        element.shadowRoot!.querySelector('[part="tally"]'),
        'tally-min -4 falls back to 10, so 5 answers stay hidden',
      ).to.equal(null);
      const huge = await poll(new TestEndpoint(), 'timeout="3000000000" no-remember');
      await voteYes(huge); // a timer cannot keep 3e9 ms: the default applies instead of an instant timeout
    });

    it('files a vote in flight under the page it was sent from when the app moves the poll', async () => {
      await endpoint.script('submissions', { delayMs: 500, status: 201, body: {} });
      const element = await poll(endpoint, 'page-url="/page-a"');
      button(element, 'Yes').click();
      await new Promise((resolve) => setTimeout(resolve, 100));
      element.pageUrl = '/page-b';
      await settle(element);
      await new Promise((resolve) => setTimeout(resolve, 700));
      await settle(element);
      expect(element.shadowRoot!.querySelector('fieldset'), 'page B must not ask why about page A').to.equal(null);
      expect(element.shadowRoot!.querySelector('#question'), 'page B asks its own question').to.exist;
      const [vote] = await endpoint.posted();
      expect(vote!.body.page.url).to.equal(`${location.origin}/page-a`);
      expect(localStorage.getItem(`ep-widgets:page-poll:v1:${location.origin}/page-a`)).to.contain('"yes"');
      expect(localStorage.getItem(`ep-widgets:page-poll:v1:${location.origin}/page-b`)).to.equal(null);
    });

    it('never lets a late tally for the page it left replace the tally of the page it is on', async () => {
      for (const page of ['/page-a', '/page-b']) {
        localStorage.setItem(
          `ep-widgets:page-poll:v1:${location.origin}${page}`,
          JSON.stringify({ answer: 'yes', at: '2026-01-01T00:00:00Z' }),
        );
      }
      await endpoint.script('tally', { delayMs: 600, body: { yes: 1, total: 20 } }, { body: { yes: 9, total: 20 } });
      const element = await poll(endpoint, 'page-url="/page-a" show-tally tally-min="1"');
      await waitUntil(
        () => element.shadowRoot!.adoptedStyleSheets.length > EpPagePollClass.elementStyles.length,
        'the rest never arrived',
      );
      element.pageUrl = '/page-b';
      await waitUntil(() => element.shadowRoot!.querySelector('[part="tally"]'), 'no tally for page B');
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(textOf(element, '[part="tally"]')).to.equal('9 of 20 visitors found this page useful');
    });

    it('keeps what the visitor is typing when memory is turned off meanwhile', async () => {
      const element = await poll(endpoint);
      await voteYes(element);
      await typeComment(element, 'half a thought');
      element.noRemember = true;
      await settle(element);
      expect($<HTMLTextAreaElement>(element, 'textarea').value).to.equal('half a thought');
    });

    it('does not take focus back from a visitor who went on to the rest of the page', async () => {
      await endpoint.script('submissions', { delayMs: 300, status: 201, body: {} });
      const element = await poll(endpoint);
      const elsewhere = document.createElement('input');
      document.body.append(elsewhere);
      try {
        button(element, 'Yes').click();
        elsewhere.focus();
        await waitUntil(() => element.shadowRoot!.querySelector('fieldset'));
        await settle(element);
        expect(document.activeElement === elsewhere, 'focus stayed where the visitor put it').to.equal(true);
        expect(announced(element)).to.contain('Your answer was recorded');
      } finally {
        elsewhere.remove();
      }
    });

    it('keeps checking the comment for personal data when the poll is moved in the page', async () => {
      const element = await poll(endpoint);
      await voteYes(element);
      await typeComment(element, 'write to me at a@b.sa');
      const parent = element.parentElement!;
      element.remove();
      parent.append(element);
      await waitUntil(() => element.shadowRoot!.querySelector('#personal-data'), 'the check was lost in the move', {
        timeout: 2000,
      });
    });
  });

  describe('layout', () => {
    /** The poll's height as soon as it is in the page (before its first render), and once rendered. */
    async function heightsIn(holder: HTMLElement): Promise<{ reserved: number; rendered: number }> {
      const element = document.createElement('ep-page-poll');
      element.setAttribute('endpoint', endpoint.base);
      holder.append(element);
      const reserved = element.getBoundingClientRect().height;
      await element.updateComplete;
      return { reserved, rendered: element.getBoundingClientRect().height };
    }

    it('reserves its height before the first render, so the question does not move the page', async () => {
      const { reserved, rendered } = await heightsIn(
        await fixture<HTMLDivElement>(html`<div style="inline-size: 800px"></div>`),
      );
      expect(reserved).to.be.greaterThan(60);
      expect(rendered).to.equal(reserved);
    });

    for (const { lang, dir } of LANGUAGES) {
      it(`reserves the right height on a phone too (${lang})`, async () => {
        await setViewportSize(320, 640);
        try {
          // A busy Firefox may apply the new size a frame or more after the command returns.
          await waitUntil(() => matchMedia('(width < 30rem)').matches, 'the page is as narrow as a phone', {
            timeout: 5000,
          });
          await setPageLanguage(lang, dir);
          const { reserved, rendered } = await heightsIn(await fixture<HTMLDivElement>(html`<div></div>`));
          expect(reserved).to.be.greaterThan(100);
          expect(rendered).to.equal(reserved);
        } finally {
          await setViewportSize(800, 600);
        }
      });
    }

    it('uses logical properties, so Arabic mirrors the layout', async () => {
      await setPageLanguage('ar', 'rtl');
      const element = await poll(endpoint);
      const row = $(element, '.question-row').getBoundingClientRect();
      const question = $(element, '#question').getBoundingClientRect();
      // Right to left: the question starts at the right edge of the row.
      expect(Math.round(row.right - question.right)).to.be.lessThan(2);
    });
  });

  describe('accessibility in every state, in both languages', () => {
    for (const { lang, dir } of LANGUAGES) {
      it(`is accessible in ${lang}: question, sending, reasons, error, thanks, tally`, async () => {
        await setPageLanguage(lang, dir);
        // The error state shows when the outbox cannot keep a submission; the saved state is in delivery.test.ts.
        configure({ outbox: false });
        await endpoint.script('tally', { body: { yes: 5, total: 9 }, repeat: 5 });
        const element = await poll(endpoint, 'show-tally tally-min="1" timeout="400"');
        await expect(element).to.be.accessible();
        await endpoint.script('submissions', { delayMs: 300, status: 201, body: {} });
        $$<HTMLButtonElement>(element, 'button')[0]!.click();
        await settle(element);
        expect($$(element, 'button[aria-disabled="true"]')).to.have.length(2);
        await expect(element).to.be.accessible();
        await waitUntil(() => element.shadowRoot!.querySelector('fieldset'));
        await settle(element);
        await expect(element).to.be.accessible();
        await endpoint.script('submissions', { status: 500, body: {} });
        check(element, 0);
        await typeComment(element, 'x');
        $<HTMLButtonElement>(element, '[part="send-button"]').click();
        await waitUntil(() => element.shadowRoot!.querySelector('[part="error"]'));
        await settle(element);
        await expect(element).to.be.accessible();
        $<HTMLButtonElement>(element, '[part="send-button"]').click();
        await waitUntil(() => element.shadowRoot!.querySelector('.thanks'));
        await waitUntil(() => element.shadowRoot!.querySelector('[part="tally"]'));
        await settle(element);
        await expect(element).to.be.accessible();
      });
    }
  });
});
