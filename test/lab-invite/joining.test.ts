/**
 * <ep-lab-invite>, joining the panel: what a sign-up sends, the withdrawal code the confirmation shows (and
 * says will come for a sign-up saved on the device), the city asked only of those who can come in person,
 * the author's topics, the age bands in the visitor's digits, both languages, axe in each state.
 */
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import type { EpSuccessEvent } from '../../src/core/element/events.js';
import { ANSWER_PREFIX, ENTRY_PREFIX } from '../../src/core/outbox/entry-key.js';
import { flushOutbox } from '../../src/index.js';
import { endpointPerTest } from '../helpers/endpoint.js';
import { LANGUAGES, setPageLanguage } from '../helpers/page.js';
import { $, $$, expectFocused, expectNone, textOf } from '../helpers/shadow.js';
import { runElementSuite } from '../suites/ep-element-suite.js';
import {
  EMAIL,
  TOPICS,
  chooseRadio,
  confirmation,
  errorSummary,
  fillSignup,
  labInvite,
  panel,
  pressSend,
  sentEnvelope,
  settle,
  tick,
  tickCodes,
  typeInto,
} from './helpers.js';

runElementSuite({
  tag: 'ep-lab-invite',
  defineModule: '../../src/ep-lab-invite.ts',
  readyText: { en: 'Help us improve our services', ar: 'ساعدنا في تحسين خدماتنا' },
});

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const comeBackOnline = () => window.dispatchEvent(new Event('online'));

describe('<ep-lab-invite>: joining the panel', () => {
  const endpoint = endpointPerTest();

  it('sends what the visitor chose, normalised, and confirms with the reference and the withdrawal code, focused', async () => {
    const element = await labInvite(endpoint, 'privacy-notice="2026-03" id="lab"');
    await tickCodes(element, 'sessions', 'understanding', 'readiness');
    await tickCodes(element, 'topics', 'building-permits');
    await tickCodes(element, 'attendance', 'online', 'in-person');
    await typeInto(element, 'city', '  Riyadh ');
    await chooseRadio(element, 'language', 'en');
    await chooseRadio(element, 'ageBand', '35-44');
    await typeInto(element, 'name', ' Sara Al-Harbi ');
    await typeInto(element, 'mobile', '٠٥٠ ١٢٣-٤٥٦٧');
    await tick(element, 'consent');
    const success = oneEvent(document, 'ep-success') as Promise<EpSuccessEvent>;
    pressSend(element);
    const { response } = (await success).detail;
    await confirmation(element);
    const envelope = await sentEnvelope(endpoint, 'lab-signup');
    expect(envelope.privacyNotice).to.equal('2026-03');
    expect(envelope.data).to.deep.equal({
      sessions: ['understanding', 'readiness'],
      topics: [{ code: 'building-permits', label: 'Building permits' }],
      attendance: ['online', 'in-person'],
      city: 'Riyadh',
      language: 'en',
      ageBand: '35-44',
      contact: { name: 'Sara Al-Harbi', mobile: '+966501234567' },
      consent: true,
    });
    expectFocused(element, '.confirmation');
    expect(textOf(element, '.confirmation [role="heading"]')).to.equal('You have joined the panel');
    expect(textOf(element, '[part="reference"]')).to.equal(`Your reference number ${String(response.reference)}`);
    const code = textOf(element, '[part="withdrawal-code"]');
    expect(code).to.match(CODE);
    expect(code).to.equal(response.withdrawalCode);
    expect(code).not.to.contain(String(response.reference).slice(-6));
    expect(textOf(element, '[part="withdrawal"]')).to.contain(
      'Keep this code. To leave the panel at any time, use it with the email address or mobile number you gave.',
    );
    expect(
      sessionStorage.getItem('ep-widgets:lab-invite:draft:v1:' + location.origin + location.pathname + '#lab'),
    ).to.equal(null);
    expect((await panel(endpoint)).map((member) => member.code)).to.deep.equal([code]);
    expectNone(element, '[part="leave-button"]');
    await expect(element).to.be.accessible();
  });

  for (const { lang, dir } of LANGUAGES) {
    it(`is complete and accessible in ${lang} (${dir}): the form, the city for in person, the errors, the code`, async () => {
      await setPageLanguage(lang, dir);
      const element = await labInvite(endpoint);
      expect($(element, '[part="base"]').getAttribute('dir')).to.equal(dir);
      const digits = (n: number) => new Intl.NumberFormat(lang === 'ar' ? 'ar-SA' : 'en').format(n);
      const ages = $$(element, 'fieldset[part="age-band"] label').map((label) => label.textContent!.trim());
      expect(ages[0]).to.equal(lang === 'ar' ? `من ${digits(18)} إلى ${digits(24)}` : '18 to 24');
      expect(ages.at(-1)).to.equal(lang === 'ar' ? 'أفضّل عدم الإفصاح' : 'Prefer not to say');
      expect($<HTMLInputElement>(element, 'input[name="ageBand"][value=""]').checked).to.equal(true);
      expect(textOf(element, '.intro')).to.contain(digits(18));
      const topics = $$(element, 'fieldset[part="topics"] label').map((label) => label.textContent!.trim());
      expect(topics).to.deep.equal(TOPICS.map((topic) => topic.label[lang]));
      await expect(element).to.be.accessible();

      expectNone(element, '#city', 'no city until in person is chosen');
      await tickCodes(element, 'attendance', 'in-person');
      expect($<HTMLInputElement>(element, '#city').required, 'the city, once in person is chosen').to.equal(true);
      await tickCodes(element, 'sessions', 'prototype');
      await chooseRadio(element, 'language', lang);
      await typeInto(element, 'name', lang === 'ar' ? 'سارة' : 'Sara');
      await typeInto(element, 'email', EMAIL);
      await tick(element, 'consent');
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal([
        lang === 'ar' ? 'أدخل المدينة التي يمكنك الحضور فيها' : 'Enter the city where you could come in person',
      ]);
      await expect(element).to.be.accessible();
      await typeInto(element, 'city', lang === 'ar' ? 'الرياض' : 'Riyadh');
      pressSend(element);
      await confirmation(element);
      expect(textOf(element, '.confirmation [role="heading"]')).to.equal(
        lang === 'ar' ? 'انضممت إلى الفريق' : 'You have joined the panel',
      );
      expect(textOf(element, '[part="withdrawal"]')).to.contain(
        lang === 'ar' ? 'رمز الانسحاب الخاص بك' : 'Your withdrawal code',
      );
      expect(textOf(element, '[part="withdrawal-code"]')).to.match(CODE);
      expect($(element, '[part="withdrawal-code"] bdi').getAttribute('dir')).to.equal('ltr');
      await expect(element).to.be.accessible();
    });
  }

  it('sends no city for online only, even when one was typed before, and no topics or age band when none was chosen', async () => {
    const element = await labInvite(endpoint);
    await tickCodes(element, 'attendance', 'in-person');
    await typeInto(element, 'city', 'Jeddah');
    await tickCodes(element, 'attendance', 'in-person', 'online');
    expectNone(element, '#city');
    await tickCodes(element, 'sessions', 'understanding');
    await chooseRadio(element, 'language', 'ar');
    await typeInto(element, 'name', 'Noura');
    await typeInto(element, 'email', EMAIL);
    await tick(element, 'consent');
    pressSend(element);
    await confirmation(element);
    const { data } = await sentEnvelope(endpoint, 'lab-signup');
    expect(data).to.deep.equal({
      sessions: ['understanding'],
      attendance: ['online'],
      language: 'ar',
      contact: { name: 'Noura', email: EMAIL },
      consent: true,
    });
  });

  it('asks no topics without the author’s list, and takes one given as a property', async () => {
    const element = await labInvite(endpoint);
    element.removeAttribute('topics');
    await settle(element);
    expectNone(element, 'fieldset[part="topics"]');
    element.topics = [{ code: 'roads', label: { en: 'Roads', ar: 'الطرق' } }];
    await settle(element);
    expect($$(element, 'input[name="topics"]').map((box) => (box as HTMLInputElement).value)).to.deep.equal(['roads']);
  });

  it('says on the console that an unusable topics attribute asks no topics (it has no defaults to fall back on)', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const host = await fixture<HTMLDivElement>(
        `<div><ep-lab-invite endpoint="${endpoint.base}" topics="[]"></ep-lab-invite></div>`,
      );
      const element = host.querySelector('ep-lab-invite')!;
      await element.updateComplete;
      expectNone(element, 'fieldset[part="topics"]');
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal([
      'ep-lab-invite: topics must be a JSON array of {"code", "label": {"en", "ar"}}; no topics are asked.',
    ]);
  });

  it('needs a way to reach the person and consent, whatever else was given', async () => {
    const element = await labInvite(endpoint);
    await tickCodes(element, 'sessions', 'prototype');
    await tickCodes(element, 'attendance', 'online');
    await chooseRadio(element, 'language', 'ar');
    await typeInto(element, 'name', 'Sara');
    expect($<HTMLInputElement>(element, '#consent').required).to.equal(true);
    expect($<HTMLInputElement>(element, '#name').required, 'the name, which the panel needs').to.equal(true);
    expectNone(element, 'input[name="channel"]', 'the panel takes no preferred channel');
    pressSend(element);
    expect(await errorSummary(element)).to.deep.equal([
      'Enter an email address or a mobile number',
      'Confirm that you agree to join the panel and to be contacted about its sessions',
    ]);
    expect(await endpoint.posted()).to.have.length(0);
  });

  it('says a sign-up saved on the device will get its code once sent, then shows it when the outbox sends it', async () => {
    const element = await labInvite(endpoint);
    await endpoint.script('submissions', { status: 503, body: {} });
    await fillSignup(element);
    pressSend(element);
    await confirmation(element);
    expect(textOf(element, '.confirmation [role="heading"]')).to.equal('Your request to join is saved on this device');
    expect(textOf(element, '[part="withdrawal"]')).to.equal(
      'You will get your withdrawal code here once your request is sent. Keep it: with it and the email address or mobile number you gave, you can leave the panel at any time.',
    );
    expectNone(element, '[part="withdrawal-code"]');
    expectFocused(element, '.confirmation');
    await expect(element).to.be.accessible();
    comeBackOnline();
    await waitUntil(
      () => element.shadowRoot!.querySelector('[part="withdrawal-code"]'),
      'no code after the later send',
      {
        timeout: 4000,
      },
    );
    expect(textOf(element, '[part="withdrawal-code"]')).to.match(CODE);
    expect(textOf(element, '.confirmation [role="heading"]')).to.equal('You have joined the panel');
    expect(textOf(element, '[part="reference"]')).to.match(/^Your reference number LP-\d{4}-\d{6}$/);
    await expect(element).to.be.accessible();
  });
});

/**
 * A sign-up saved on the device ("You will get your withdrawal code here once your request is sent"), then the
 * page is left and opened again, or another page of the site sends it. Without the code the visitor can never
 * leave the panel: it must reach them the next time the invitation is shown, and stay on the device no longer.
 */
describe('<ep-lab-invite>: a sign-up saved on the device, the page opened again', () => {
  const endpoint = endpointPerTest();
  const kept = () => Object.keys(localStorage).filter((key) => key.startsWith(ANSWER_PREFIX));
  const held = () => Object.keys(localStorage).filter((key) => key.startsWith(ENTRY_PREFIX));

  /** A sign-up saved on the device; then the page goes (its invitation with it). */
  async function savedThenLeft() {
    const first = await labInvite(endpoint);
    await fillSignup(first);
    await endpoint.script('submissions', { status: 503, body: {} });
    pressSend(first);
    await confirmation(first);
    // Saved, its code to come.
    expect(first.shadowRoot!.querySelector('[part="withdrawal"]')).to.not.equal(null);
    expectNone(first, '[part="withdrawal-code"]');
    first.parentElement!.remove();
  }

  it('shows the sign-up as saved when the page opens again, then the code once the outbox delivers it there', async () => {
    await savedThenLeft();
    const again = await labInvite(endpoint);
    expect(textOf(again, '.confirmation [role="heading"]')).to.equal('Your request to join is saved on this device');
    expect(textOf(again, '[part="withdrawal"]')).to.contain('You will get your withdrawal code here');
    await endpoint.recover();
    await flushOutbox();
    await waitUntil(() => again.shadowRoot!.querySelector('[part="withdrawal-code"]'), 'no code after the delivery', {
      timeout: 4000,
    });
    const [member] = await panel(endpoint);
    expect(textOf(again, '[part="withdrawal-code"]')).to.equal(member!.code);
    expect(textOf(again, '.confirmation [role="heading"]')).to.equal('You have joined the panel');
    expect(kept(), 'the code is no longer kept once shown').to.deep.equal([]);
    expect(
      Object.keys(sessionStorage).filter((key) => key.includes(':draft:')),
      'no draft left',
    ).to.deep.equal([]);
    await expect(again).to.be.accessible();
  });

  for (const { lang, dir } of LANGUAGES) {
    it(`shows the code the next time it appears when a page without it delivered the sign-up (${lang})`, async () => {
      await setPageLanguage(lang, dir);
      await savedThenLeft();
      // A page of the site without the invitation sends what waits: the answer reaches only the document.
      await endpoint.recover();
      await flushOutbox();
      await waitUntil(() => held().length === 0, 'not delivered', { timeout: 4000 });
      const [member] = await panel(endpoint);
      expect(kept(), 'kept on the device for the invitation').to.have.length(1);
      expect(JSON.parse(localStorage.getItem(kept()[0]!)!).answer, 'only what the confirmation shows').to.have.keys(
        'reference',
        'withdrawalCode',
      );
      const again = await labInvite(endpoint);
      expect(textOf(again, '[part="withdrawal-code"]')).to.equal(member!.code);
      expect(textOf(again, '.confirmation [role="heading"]')).to.equal(
        lang === 'en' ? 'You have joined the panel' : 'انضممت إلى الفريق',
      );
      expect(kept(), 'shown once, then gone from the device').to.deep.equal([]);
      await expect(again).to.be.accessible();
      again.parentElement!.remove();
      const later = await labInvite(endpoint);
      expectNone(later, '[part="withdrawal-code"]');
      expect(later.shadowRoot!.querySelector('form'), 'the form again, for another sign-up').to.not.equal(null);
    });
  }

  for (const [what, attributes] of [
    ['in a tab that never had its draft', ''],
    ['without drafts (no-draft)', 'no-draft'],
  ]) {
    it(`shows the code on that page ${what}`, async () => {
      const first = await labInvite(endpoint, attributes);
      await fillSignup(first);
      await endpoint.script('submissions', { status: 503, body: {} });
      pressSend(first);
      await confirmation(first);
      first.parentElement!.remove();
      await endpoint.recover();
      await flushOutbox();
      await waitUntil(() => held().length === 0, 'not delivered', { timeout: 4000 });
      // Another tab: its session storage has no draft of this page.
      sessionStorage.clear();
      const [member] = await panel(endpoint);
      const again = await labInvite(endpoint, attributes);
      expect(textOf(again, '[part="withdrawal-code"]')).to.equal(member!.code);
      expect(kept()).to.deep.equal([]);
    });
  }
});
