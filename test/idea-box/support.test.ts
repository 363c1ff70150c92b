// Supporting ideas: a remembered toggle with aria-pressed and its count, moved at once and moved back with a
// message when the collector refuses or fails, each change one idempotent submission, and what happens when
// the outbox keeps a change on the device; both languages, keyboard only, with axe.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure } from '../../src/core/config.js';
import type { EpQueuedEvent, EpSuccessEvent } from '../../src/core/events.js';
import { TestEndpoint } from '../helpers/endpoint.js';
import { LANGUAGES, resetPage, setPageLanguage } from '../helpers/page.js';
import { $, expectFocused, textOf } from '../helpers/shadow.js';
import {
  announced,
  expectNoneIn,
  ideaBox,
  ideaNamed,
  listSettled,
  publish,
  settle,
  squash,
  supportButton,
  supportKeyFor,
  supporters,
  within,
  type EpIdeaBox,
} from './helpers.js';

const SHADE = 'Shade in parks';
const IDEAS = [
  { id: 'shade', title: SHADE, description: 'Shade over every playground.', topic: 'public-spaces', supports: 10, status: 'new', publishedAt: '2026-05-01T09:00:00Z' },
  { id: 'lights', title: 'Solar street lights', supports: 1, status: 'accepted', publishedAt: '2026-04-01T09:00:00Z' },
];
const arabic = (n: number) => new Intl.NumberFormat('ar-SA').format(n);

const remembered = (endpoint: TestEndpoint): string[] => JSON.parse(localStorage.getItem(supportKeyFor(endpoint)) ?? '[]');

async function box(endpoint: TestEndpoint, attributes = ''): Promise<EpIdeaBox> {
  const element = await ideaBox(endpoint, `view="list" ${attributes}`);
  await listSettled(element);
  return element;
}

/** Presses an idea's Support button and waits until the collector's answer (or the outbox's word) arrived. */
async function press(element: EpIdeaBox, title = SHADE): Promise<void> {
  const ended = new Promise<void>((resolve) => {
    for (const type of ['ep-success', 'ep-error', 'ep-queued']) element.addEventListener(type, () => resolve(), { once: true });
  });
  supportButton(ideaNamed(element, title)).click();
  await ended;
  await settle(element);
}

describe('<ep-idea-box> supports', () => {
  let endpoint: TestEndpoint;
  beforeEach(async () => {
    await resetPage();
    endpoint = new TestEndpoint();
    await publish(endpoint, IDEAS);
  });
  afterEach(resetPage);

  it('is a toggle with its count: supports at once, sends one idempotent change, remembers it, and withdraws it', async () => {
    const element = await box(endpoint);
    const idea = ideaNamed(element, SHADE);
    const button = supportButton(idea);
    // "Support", visibly; to a screen reader's list of buttons, "Support: <the idea's title>", so that each is told apart.
    expect(squash(button.textContent)).to.equal(`Support: ${SHADE}`);
    expect(squash(button.querySelector('.visually-hidden')!.textContent)).to.equal(`: ${SHADE}`);
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.getAttribute('aria-describedby')).to.equal(within(idea, '[part="supporters"]').id);
    expect(supporters(idea)).to.equal('10 supporters');
    await endpoint.script('submissions', { delayMs: 400 });
    button.click();
    await settle(element);
    // At once, before the collector answered.
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(supporters(idea)).to.equal('11 supporters');
    const [post] = await endpoint.waitForPosts(1);
    expect(post!.body.kind).to.equal('idea-support');
    expect(post!.body.data).to.deep.equal({ ideaId: 'shade', support: true });
    expect(post!.headers['idempotency-key']).to.equal(post!.body.id);
    await waitUntil(async () => (await endpoint.stored()).length === 1);
    expect(remembered(endpoint)).to.deep.equal(['shade']);

    // Remembered: the next visit shows it supported.
    element.remove();
    const again = await box(endpoint);
    const shown = ideaNamed(again, SHADE);
    expect(supportButton(shown).getAttribute('aria-pressed')).to.equal('true');
    expect(supporters(shown), "the collector's own count now").to.equal('11 supporters');
    await press(again);
    expect(supportButton(shown).getAttribute('aria-pressed')).to.equal('false');
    expect(supporters(shown)).to.equal('10 supporters');
    const posts = await endpoint.posted();
    expect(posts.map((entry) => entry.body.data)).to.deep.equal([
      { ideaId: 'shade', support: true },
      { ideaId: 'shade', support: false },
    ]);
    expect(posts[1]!.body.id).not.to.equal(posts[0]!.body.id);
    expect(remembered(endpoint)).to.deep.equal([]);
  });

  it('sends one change at a time for an idea: a second press while the first is on its way does nothing', async () => {
    const element = await box(endpoint);
    await endpoint.script('submissions', { delayMs: 400 });
    const button = supportButton(ideaNamed(element, SHADE));
    button.click();
    button.click();
    button.click();
    await sleepFor(600);
    await settle(element);
    expect(await endpoint.posted()).to.have.length(1);
    expect(button.getAttribute('aria-pressed')).to.equal('true');
  });

  for (const { lang, dir } of LANGUAGES) {
    it(`moves back, says why and stays accessible when the collector refuses (${lang})`, async () => {
      await setPageLanguage(lang, dir);
      const element = await box(endpoint);
      await endpoint.script('submissions', { status: 422, body: { fieldErrors: [{ field: 'ideaId', code: 'invalid' }] } });
      await press(element);
      const idea = ideaNamed(element, SHADE);
      const said = lang === 'en' ? 'Your support was not recorded.' : 'لم يُسجَّل تأييدك.';
      expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('false');
      expect(supporters(idea)).to.equal(lang === 'en' ? '10 supporters' : `${arabic(10)} مؤيدين`);
      expect(squash(within(idea, '[part="error"]').textContent)).to.equal(said);
      await waitUntil(() => announced(element) === said, 'the refusal was not said');
      expect(remembered(endpoint)).to.deep.equal([]);
      await expect(element).to.be.accessible();
      // Pressed, in the same language: axe on that state too.
      await endpoint.recover();
      await press(element);
      expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('true');
      expect(supporters(idea)).to.equal(lang === 'en' ? '11 supporters' : `${arabic(11)} مؤيدًا`);
      expectNoneIn(idea, '[part="error"]', 'the message goes with the next press');
      await expect(element).to.be.accessible();
    });
  }

  describe('with the outbox turned off', () => {
    beforeEach(() => configure({ outbox: false }));

    it('moves back and says why after a failure, and a second press resends the same change (same envelope)', async () => {
      const element = await box(endpoint);
      await endpoint.script('submissions', { status: 500, body: {} });
      supportButton(ideaNamed(element, SHADE)).focus();
      await press(element);
      const idea = ideaNamed(element, SHADE);
      expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('false');
      expect(supporters(idea)).to.equal('10 supporters');
      expect(squash(within(idea, '[part="error"]').textContent)).to.equal(
        'Your support was not recorded. The service had a problem. Please try again in a moment.',
      );
      expectFocused(element, '[part~="support-button"]');
      await press(element);
      expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('true');
      const [first, second] = await endpoint.posted();
      expect(second!.body.id, 'idempotent: the collector stores the change once').to.equal(first!.body.id);
      expect((await endpoint.stored()).filter((stored) => stored.kind === 'idea-support')).to.have.length(1);
    });

    it('says a withdrawal did not go through, and keeps the support', async () => {
      localStorage.setItem(supportKeyFor(endpoint), JSON.stringify(['shade']));
      const element = await box(endpoint);
      await endpoint.script('submissions', { drop: true, repeat: 10 });
      await press(element);
      const idea = ideaNamed(element, SHADE);
      expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('true');
      expect(supporters(idea)).to.equal('10 supporters');
      expect(squash(within(idea, '[part="error"]').textContent)).to.equal(
        'Your support was not withdrawn. We could not reach the service. Check your connection and try again.',
      );
      expect(remembered(endpoint)).to.deep.equal(['shade']);
    });
  });

  describe('kept on the device by the outbox', () => {
    it('keeps the count moved and the toggle pressed, says it is saved, then that it was sent; the collector counts it once', async () => {
      const element = await box(endpoint);
      await endpoint.script('submissions', { status: 503, body: {} });
      const queued = oneEvent(element, 'ep-queued') as Promise<EpQueuedEvent>;
      supportButton(ideaNamed(element, SHADE)).click();
      const { envelope } = (await queued).detail;
      await settle(element);
      const idea = ideaNamed(element, SHADE);
      expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('true');
      expect(supporters(idea)).to.equal('11 supporters');
      await waitUntil(() => textOf(element, '[part="delivery"]') === 'Saved on this device. It will be sent when the connection returns.');
      expectNoneIn(idea, '[part="error"]');
      // Another order while it waits: the fresh count from the collector still has the visitor's support in it.
      element.sort = 'newest';
      await listSettled(element);
      expect(supporters(ideaNamed(element, SHADE))).to.equal('11 supporters');
      const sent = oneEvent(element, 'ep-success') as Promise<EpSuccessEvent>;
      window.dispatchEvent(new Event('online'));
      expect((await sent).detail.envelope.id).to.equal(envelope.id);
      await waitUntil(() => textOf(element, '[part="delivery"]') === 'Sent. What you saved on this device has now reached us.', 'not sent', {
        timeout: 5000,
      });
      element.sort = 'supported';
      await listSettled(element);
      expect(supporters(ideaNamed(element, SHADE)), 'counted once by the collector, and no more here').to.equal('11 supporters');
      await expect(element).to.be.accessible();
    });

    it('moves the count back, with a message, when the collector later refuses what was saved', async () => {
      const element = await box(endpoint);
      await endpoint.script('submissions', { status: 500, body: {} });
      await press(element);
      await endpoint.script('submissions', { status: 422, body: {} });
      window.dispatchEvent(new Event('online'));
      const idea = ideaNamed(element, SHADE);
      await waitUntil(() => idea.querySelector('[part="error"]'), 'no message', { timeout: 5000 });
      await settle(element);
      expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('false');
      expect(supporters(idea)).to.equal('10 supporters');
      expect(squash(within(idea, '[part="error"]').textContent)).to.equal('Your support was not recorded.');
      expect(textOf(element, '[part="delivery"]')).to.equal('What you saved on this device was sent, but the service did not accept it.');
      expect(remembered(endpoint)).to.deep.equal([]);
      await expect(element).to.be.accessible();
    });
  });

  it('works with the keyboard alone: Space and Enter toggle, focus stays on the button', async () => {
    await setPageLanguage('ar', 'rtl');
    const element = await box(endpoint);
    const button = supportButton(ideaNamed(element, SHADE));
    expect(squash(button.textContent)).to.equal(`تأييد: ${SHADE}`);
    button.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(async () => (await endpoint.posted()).length === 1);
    await settle(element);
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(supporters(ideaNamed(element, SHADE))).to.equal(`${arabic(11)} مؤيدًا`);
    expectFocused(element, '[part~="support-button"]');
    await waitUntil(async () => (await endpoint.stored()).length === 1);
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await endpoint.posted()).length === 2);
    await settle(element);
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(supporters(ideaNamed(element, 'Solar street lights'))).to.equal('مؤيد واحد');
    expect($(element, '[part="base"]').dir).to.equal('rtl');
  });
});

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
