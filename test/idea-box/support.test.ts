// Supporting ideas: a remembered toggle with aria-pressed and its count, moved at once and moved back with a
// message when the collector refuses or fails, each change one idempotent submission, and what happens when
// the outbox keeps a change on the device; both languages, keyboard only, with axe. A withdrawal names the
// envelope id of the support it takes back (`withdraws`), remembered with the support, so that the collector
// takes back only supports this browser gave.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure } from '../../src/core/element/config.js';
import type { EpQueuedEvent, EpSubmitEvent, EpSuccessEvent } from '../../src/core/element/events.js';
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
  {
    id: 'shade',
    title: SHADE,
    description: 'Shade over every playground.',
    topic: 'public-spaces',
    supports: 10,
    status: 'new',
    publishedAt: '2026-05-01T09:00:00Z',
  },
  { id: 'lights', title: 'Solar street lights', supports: 1, status: 'accepted', publishedAt: '2026-04-01T09:00:00Z' },
];
const arabic = (n: number) => new Intl.NumberFormat('ar-SA').format(n);

/** What this browser remembers for the collector: `[ideaId, envelope id of its support]` pairs. */
const remembered = (endpoint: TestEndpoint): Array<[string, string]> =>
  JSON.parse(localStorage.getItem(supportKeyFor(endpoint)) ?? '[]');
const remember = (endpoint: TestEndpoint, pairs: unknown): void =>
  localStorage.setItem(supportKeyFor(endpoint), JSON.stringify(pairs));

/** The `data` of each `idea-support` the collector received, in order. */
async function changes(endpoint: TestEndpoint): Promise<Array<Record<string, unknown>>> {
  return (await endpoint.posted())
    .filter((entry) => entry.body.kind === 'idea-support')
    .map((entry) => entry.body.data);
}

/** The idea's count as the collector has it now: the list read again (another order). */
async function collectorCount(element: EpIdeaBox, title = SHADE): Promise<string> {
  element.sort = element.sort === 'newest' ? 'supported' : 'newest';
  await listSettled(element);
  return supporters(ideaNamed(element, title));
}

async function box(endpoint: TestEndpoint, attributes = ''): Promise<EpIdeaBox> {
  const element = await ideaBox(endpoint, `view="list" ${attributes}`);
  await listSettled(element);
  return element;
}

/** Presses an idea's Support button and waits until the collector's answer (or the outbox's word) arrived. */
async function press(element: EpIdeaBox, title = SHADE): Promise<void> {
  const ended = new Promise<void>((resolve) => {
    for (const type of ['ep-success', 'ep-error', 'ep-queued'])
      element.addEventListener(type, () => resolve(), { once: true });
  });
  supportButton(ideaNamed(element, title)).click();
  await ended;
  await settle(element);
}

/** A box that remembers supporting the shade idea as `support`, whose withdrawal then fails once (500). */
async function withdrawWhileFailing(endpoint: TestEndpoint): Promise<{ element: EpIdeaBox; support: string }> {
  const support = crypto.randomUUID();
  remember(endpoint, [['shade', support]]);
  const element = await box(endpoint);
  await endpoint.script('submissions', { status: 500, body: {} });
  await press(element);
  return { element, support };
}

/** The collector refuses (422) what waits on the device, sent once online: the shade idea, with its message. */
async function refusedOnceOnline(element: EpIdeaBox, endpoint: TestEndpoint): Promise<HTMLElement> {
  await endpoint.script('submissions', { status: 422, body: {} });
  window.dispatchEvent(new Event('online'));
  const idea = ideaNamed(element, SHADE);
  await waitUntil(() => idea.querySelector('[part="error"]'), 'no message', { timeout: 5000 });
  await settle(element);
  return idea;
}

type Envelope = EpQueuedEvent['detail']['envelope'];

/**
 * Supports the shade idea while the collector fails (the support waits on the device), then withdraws it:
 * the support's envelope and the idea, its toggle checked back to not pressed.
 */
async function supportSavedThenWithdrawn(element: EpIdeaBox): Promise<{ support: Envelope; idea: HTMLElement }> {
  const queued = oneEvent(element, 'ep-queued') as Promise<EpQueuedEvent>;
  supportButton(ideaNamed(element, SHADE)).click();
  const support = (await queued).detail.envelope;
  await settle(element);
  await press(element);
  const idea = ideaNamed(element, SHADE);
  expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('false');
  return { support, idea };
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
    expect(remembered(endpoint), 'with the envelope id of the support').to.deep.equal([['shade', post!.body.id]]);

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
      { ideaId: 'shade', support: false, withdraws: posts[0]!.body.id },
    ]);
    expect(posts[1]!.body.id).not.to.equal(posts[0]!.body.id);
    expect(remembered(endpoint)).to.deep.equal([]);
  });

  it("withdraws by naming the envelope id of this browser's support, and the collector takes it back", async () => {
    const element = await box(endpoint);
    await press(element);
    await press(element);
    const idea = ideaNamed(element, SHADE);
    expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('false');
    const [support, withdrawal] = await endpoint.posted();
    expect(withdrawal!.body.data).to.deep.equal({ ideaId: 'shade', support: false, withdraws: support!.body.id });
    expect(remembered(endpoint)).to.deep.equal([]);
    expect(await collectorCount(element)).to.equal('10 supporters');
    // Supported again: a new support, with its own envelope id, which the next withdrawal names.
    await press(element);
    await press(element);
    const posts = await endpoint.posted();
    expect(posts).to.have.length(4);
    expect(posts[2]!.body.id).not.to.equal(support!.body.id);
    expect(posts[3]!.body.data).to.deep.equal({ ideaId: 'shade', support: false, withdraws: posts[2]!.body.id });
    expect(await collectorCount(element)).to.equal('10 supporters');
  });

  it('after a reload (a new element, the same storage), the withdrawal still names the support', async () => {
    const first = await box(endpoint);
    await press(first);
    const [support] = await endpoint.posted();
    first.remove();
    const element = await box(endpoint);
    const idea = ideaNamed(element, SHADE);
    expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('true');
    expect(supporters(idea)).to.equal('11 supporters');
    await press(element);
    expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('false');
    expect((await changes(endpoint))[1]).to.deep.equal({
      ideaId: 'shade',
      support: false,
      withdraws: support!.body.id,
    });
    expect(await collectorCount(element)).to.equal('10 supporters');
  });

  it('remembers the support with its envelope id as it is sent, before the answer (a page closed meanwhile still knows it)', async () => {
    const element = await box(endpoint);
    await endpoint.script('submissions', { delayMs: 400 });
    const submitted = oneEvent(element, 'ep-submit') as Promise<EpSubmitEvent>;
    supportButton(ideaNamed(element, SHADE)).click();
    const { envelope } = (await submitted).detail;
    expect(remembered(endpoint)).to.deep.equal([['shade', envelope.id]]);
    await waitUntil(async () => (await endpoint.stored()).length === 1);
    expect(remembered(endpoint)).to.deep.equal([['shade', envelope.id]]);
  });

  it('forgets a support the page cancels (ep-submit): nothing sent, nothing remembered', async () => {
    const element = await box(endpoint);
    element.addEventListener('ep-submit', (event) => event.preventDefault(), { once: true });
    const cancelled = oneEvent(element, 'ep-submit');
    supportButton(ideaNamed(element, SHADE)).click();
    await cancelled;
    const idea = ideaNamed(element, SHADE);
    await waitUntil(
      () => supportButton(idea).getAttribute('aria-pressed') === 'false',
      'the support did not move back',
    );
    expect(supporters(idea)).to.equal('10 supporters');
    expect(remembered(endpoint)).to.deep.equal([]);
    expect(await endpoint.posted()).to.have.length(0);
  });

  describe('a support this browser never gave cannot be withdrawn from it', () => {
    it('an idea remembered without the envelope id of its support (v1, or tampered) shows as not supported, and a press supports it', async () => {
      localStorage.setItem(`ep-widgets:idea-box:v1:supported:${endpoint.base}`, JSON.stringify(['shade', 'lights']));
      remember(endpoint, [['shade'], ['lights', ''], ['lights', 42], 'shade', null]);
      const element = await box(endpoint);
      for (const title of [SHADE, 'Solar street lights']) {
        expect(supportButton(ideaNamed(element, title)).getAttribute('aria-pressed'), title).to.equal('false');
      }
      await press(element);
      expect(supportButton(ideaNamed(element, SHADE)).getAttribute('aria-pressed')).to.equal('true');
      const [support] = await endpoint.posted();
      expect(support!.body.data).to.deep.equal({ ideaId: 'shade', support: true });
      expect(remembered(endpoint)).to.deep.equal([['shade', support!.body.id]]);
    });

    it('storage that is not a list of pairs is read as no supports', async () => {
      remember(endpoint, { shade: crypto.randomUUID() });
      const element = await box(endpoint);
      expect(supportButton(ideaNamed(element, SHADE)).getAttribute('aria-pressed')).to.equal('false');
      localStorage.setItem(supportKeyFor(endpoint), '[["shade",');
      element.remove();
      const again = await box(endpoint);
      expect(supportButton(ideaNamed(again, SHADE)).getAttribute('aria-pressed')).to.equal('false');
    });

    it('keeps the well-formed pairs when others are not', async () => {
      const id = crypto.randomUUID();
      remember(endpoint, [['shade', id], ['lights'], 7]);
      const element = await box(endpoint);
      expect(supportButton(ideaNamed(element, SHADE)).getAttribute('aria-pressed')).to.equal('true');
      expect(supportButton(ideaNamed(element, 'Solar street lights')).getAttribute('aria-pressed')).to.equal('false');
      await press(element);
      expect((await changes(endpoint))[0]).to.deep.equal({ ideaId: 'shade', support: false, withdraws: id });
    });

    it('a withdrawal naming an envelope id that is no support of the idea moves nothing at the collector', async () => {
      const made = crypto.randomUUID();
      remember(endpoint, [['shade', made]]);
      const element = await box(endpoint);
      await press(element);
      expect((await changes(endpoint))[0]).to.deep.equal({ ideaId: 'shade', support: false, withdraws: made });
      expect(remembered(endpoint)).to.deep.equal([]);
      expect(await collectorCount(element), "the collector's count, as it was").to.equal('10 supporters');
      // Nor does naming another idea's support: this browser's support of Shade, named for the street lights.
      await press(element);
      const [, support] = await endpoint.posted();
      remember(endpoint, [['lights', support!.body.id]]);
      element.remove();
      const again = await box(endpoint);
      await press(again, 'Solar street lights');
      expect((await changes(endpoint))[2]).to.deep.equal({
        ideaId: 'lights',
        support: false,
        withdraws: support!.body.id,
      });
      expect(await collectorCount(again)).to.equal('11 supporters');
      expect(supporters(ideaNamed(again, 'Solar street lights'))).to.equal('1 supporter');
    });
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
      await endpoint.script('submissions', {
        status: 422,
        body: { fieldErrors: [{ field: 'ideaId', code: 'invalid' }] },
      });
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
      expect(remembered(endpoint)).to.deep.equal([['shade', first!.body.id]]);
    });

    it('resends a failed withdrawal as it was, naming the same support', async () => {
      const { element, support } = await withdrawWhileFailing(endpoint);
      expect(supportButton(ideaNamed(element, SHADE)).getAttribute('aria-pressed')).to.equal('true');
      expect(remembered(endpoint), 'still the support it was').to.deep.equal([['shade', support]]);
      await press(element);
      const [first, second] = await endpoint.posted();
      expect(second!.body.id).to.equal(first!.body.id);
      expect(second!.body.data).to.deep.equal({ ideaId: 'shade', support: false, withdraws: support });
      expect(remembered(endpoint)).to.deep.equal([]);
    });

    it('says a withdrawal did not go through, and keeps the support', async () => {
      const support = crypto.randomUUID();
      remember(endpoint, [['shade', support]]);
      const element = await box(endpoint);
      await endpoint.script('submissions', { drop: true, repeat: 10 });
      await press(element);
      const idea = ideaNamed(element, SHADE);
      expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('true');
      expect(supporters(idea)).to.equal('10 supporters');
      expect(squash(within(idea, '[part="error"]').textContent)).to.equal(
        'Your support was not withdrawn. We could not reach the service. Check your connection and try again.',
      );
      expect(remembered(endpoint)).to.deep.equal([['shade', support]]);
      expect((await changes(endpoint))[0]).to.deep.equal({ ideaId: 'shade', support: false, withdraws: support });
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
      expect(remembered(endpoint), 'with the id of the support saved on the device').to.deep.equal([
        ['shade', envelope.id],
      ]);
      await waitUntil(
        () =>
          textOf(element, '[part="delivery"]') ===
          'Saved on this device. It will be sent automatically as soon as it can be.',
      );
      expectNoneIn(idea, '[part="error"]');
      // Another order while it waits: the fresh count from the collector still has the visitor's support in it.
      element.sort = 'newest';
      await listSettled(element);
      expect(supporters(ideaNamed(element, SHADE))).to.equal('11 supporters');
      const sent = oneEvent(element, 'ep-success') as Promise<EpSuccessEvent>;
      window.dispatchEvent(new Event('online'));
      expect((await sent).detail.envelope.id).to.equal(envelope.id);
      await waitUntil(
        () => textOf(element, '[part="delivery"]') === 'Sent. What you saved on this device has now reached us.',
        'not sent',
        {
          timeout: 5000,
        },
      );
      element.sort = 'supported';
      await listSettled(element);
      expect(supporters(ideaNamed(element, SHADE)), 'counted once by the collector, and no more here').to.equal(
        '11 supporters',
      );
      await expect(element).to.be.accessible();
    });

    it('moves the count back, with a message, when the collector later refuses what was saved', async () => {
      const element = await box(endpoint);
      await endpoint.script('submissions', { status: 500, body: {} });
      await press(element);
      const idea = await refusedOnceOnline(element, endpoint);
      expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('false');
      expect(supporters(idea)).to.equal('10 supporters');
      expect(squash(within(idea, '[part="error"]').textContent)).to.equal('Your support was not recorded.');
      expect(textOf(element, '[part="delivery"]')).to.equal(
        'What you saved on this device was sent, but the service did not accept it.',
      );
      expect(remembered(endpoint)).to.deep.equal([]);
      await expect(element).to.be.accessible();
    });

    it('a support saved on the device, then withdrawn, is named by the withdrawal; both reach the collector, which counts neither', async () => {
      const element = await box(endpoint);
      await endpoint.script('submissions', { status: 503, body: {}, repeat: 20 });
      // Withdrawn while the support waits on the device: saved there too.
      const { support, idea } = await supportSavedThenWithdrawn(element);
      expect(supporters(idea)).to.equal('10 supporters');
      expect(remembered(endpoint)).to.deep.equal([]);
      const withdrawals = (await changes(endpoint)).filter((data) => data.support === false);
      expect(withdrawals).to.deep.equal([{ ideaId: 'shade', support: false, withdraws: support.id }]);
      await endpoint.recover();
      window.dispatchEvent(new Event('online'));
      await waitUntil(async () => (await endpoint.stored()).length === 2, 'not both delivered', { timeout: 5000 });
      await waitUntil(
        () => textOf(element, '[part="delivery"]') === 'Sent. What you saved on this device has now reached us.',
        'not sent',
        {
          timeout: 5000,
        },
      );
      expect(await collectorCount(element)).to.equal('10 supporters');
      expectNoneIn(ideaNamed(element, SHADE), '[part="error"]');
    });

    it('a withdrawal that reaches the collector before the support it names (still on the device): that support is never counted', async () => {
      // The outbox waits a minute before trying again on its own: the withdrawal goes first.
      configure({ outbox: { retryBaseMs: 60_000 } });
      const element = await box(endpoint);
      await endpoint.script('submissions', { status: 503, body: {} });
      const { support } = await supportSavedThenWithdrawn(element);
      const [, withdrawal] = await endpoint.posted();
      expect(withdrawal!.body.data).to.deep.equal({ ideaId: 'shade', support: false, withdraws: support.id });
      expect(withdrawal!.answer).to.equal('normal');
      const sent = oneEvent(element, 'ep-success') as Promise<EpSuccessEvent>;
      window.dispatchEvent(new Event('online'));
      expect((await sent).detail.envelope.id).to.equal(support.id);
      expect((await endpoint.stored()).map((stored) => stored.id)).to.deep.equal([withdrawal!.body.id, support.id]);
      expect(await collectorCount(element)).to.equal('10 supporters');
      expect(supportButton(ideaNamed(element, SHADE)).getAttribute('aria-pressed')).to.equal('false');
      expect(remembered(endpoint)).to.deep.equal([]);
    });

    it('a withdrawal saved on the device and later refused gives the support back, with its envelope id', async () => {
      const { element, support } = await withdrawWhileFailing(endpoint);
      expect(supportButton(ideaNamed(element, SHADE)).getAttribute('aria-pressed')).to.equal('false');
      expect(remembered(endpoint)).to.deep.equal([]);
      const idea = await refusedOnceOnline(element, endpoint);
      expect(squash(within(idea, '[part="error"]').textContent)).to.equal('Your support was not withdrawn.');
      expect(supportButton(idea).getAttribute('aria-pressed')).to.equal('true');
      expect(supporters(idea)).to.equal('10 supporters');
      expect(remembered(endpoint)).to.deep.equal([['shade', support]]);
      // And the next press withdraws that support again, by name.
      await press(element);
      expect((await changes(endpoint)).at(-1)).to.deep.equal({ ideaId: 'shade', support: false, withdraws: support });
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
