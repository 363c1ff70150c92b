/**
 * <ep-lab-invite>, leaving the panel: `mode="leave"` and the way there from the sign-up; what a withdrawal
 * sends; the same answer whether or not the details matched (and a match erased at the collector); its
 * rules and a collector's refusal on its fields; a 429 that says to try later and is not kept on the device;
 * both languages, axe in each state.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { createEnvelope } from '../../src/core/delivery/envelope.js';
import { configure } from '../../src/core/element/config.js';
import type { EpErrorEvent } from '../../src/core/element/events.js';
import { ENTRY_PREFIX } from '../../src/core/outbox/outbox-store.js';
import { endpointPerTest, type TestEndpoint } from '../helpers/endpoint.js';
import { LANGUAGES, setPageLanguage } from '../helpers/page.js';
import { $, expectFocused, expectNone, textOf } from '../helpers/shadow.js';
import {
  EMAIL,
  confirmation,
  describedErrorOf,
  errorSummary,
  fillLeave,
  fillSignup,
  labInvite,
  panel,
  pressSend,
  pressWhileSending,
  sentEnvelope,
  settle,
  typeInto,
  type EpLabInvite,
} from './helpers.js';

const ANSWER = {
  en: {
    title: 'Your request to leave the panel has been received',
    body: 'If these details match a panel member, their details have been erased and the Lab will not contact them again.',
  },
  ar: {
    title: 'وصلنا طلب انسحابك من الفريق',
    body: 'إن طابقت هذه البيانات عضوًا في الفريق، فقد حُذفت بياناته ولن يتواصل معه المختبر مجددًا.',
  },
};
const TOO_MANY =
  'Your request to leave was not sent. What you entered is kept. There have been too many attempts. Please try again later.';

/** Joins the panel through the element, and returns the withdrawal code it showed. */
async function join(endpoint: TestEndpoint): Promise<string> {
  const element = await labInvite(endpoint, 'id="join"');
  await fillSignup(element);
  pressSend(element);
  await confirmation(element);
  const code = textOf(element, '[part="withdrawal-code"]');
  element.parentElement!.remove();
  return code;
}

/** What the visitor is told once the request to leave is sent. */
const answer = (element: EpLabInvite) => ({
  title: textOf(element, '.confirmation [role="heading"]'),
  body: textOf(element, '.confirmation p'),
});

describe('<ep-lab-invite>: leaving the panel', () => {
  const endpoint = endpointPerTest();

  for (const { lang, dir } of LANGUAGES) {
    it(`gives the same answer whether or not the details matched, and erases a match (${lang}, ${dir})`, async () => {
      await setPageLanguage(lang, dir);
      const code = await join(endpoint);
      const other = await join(endpoint);
      expect(await panel(endpoint)).to.have.length(2);

      const wrong = await labInvite(endpoint, 'mode="leave"');
      expect($(wrong, '[part="base"]').getAttribute('dir')).to.equal(dir);
      expect(textOf(wrong, '#title')).to.equal(lang === 'ar' ? 'الانسحاب من الفريق' : 'Leave the panel');
      expectNone(wrong, '[part="join-button"]', 'no way to the sign-up in leave mode');
      await expect(wrong).to.be.accessible();
      await fillLeave(wrong, code, 'someone.else@example.sa');
      pressSend(wrong);
      await confirmation(wrong);
      const unmatched = answer(wrong);
      // One form on the page at a time: focus moves only where the visitor is.
      wrong.parentElement!.remove();
      expect(await panel(endpoint)).to.have.length(2);

      const right = await labInvite(endpoint, 'mode="leave"');
      // As people copy a code: small letters, spaces instead of dashes.
      await fillLeave(right, ` ${code.toLowerCase().replace(/-/g, ' ')} `, EMAIL.toUpperCase());
      pressSend(right);
      await confirmation(right);
      expectFocused(right, '.confirmation');
      expect(answer(right)).to.deep.equal(unmatched);
      expect(answer(right)).to.deep.equal(ANSWER[lang]);
      expectNone(right, '[part="reference"]');
      expect((await panel(endpoint)).map((member) => member.code)).to.deep.equal([other]);
      const stored = await endpoint.stored();
      const withdrawals = stored.filter((envelope) => envelope.kind === 'lab-withdraw');
      expect(withdrawals.map((envelope) => envelope.data)).to.deep.equal([{}, {}]);
      await expect(right).to.be.accessible();
    });
  }

  it('sends the code in groups of four and the contact detail normalised', async () => {
    const element = await labInvite(endpoint, 'mode="leave"');
    await typeInto(element, 'code', '7k3mq9xr2d4f');
    await typeInto(element, 'mobile', '050 123 4567');
    pressSend(element);
    await confirmation(element);
    const { data } = await sentEnvelope(endpoint, 'lab-withdraw');
    expect(data).to.deep.equal({ code: '7K3M-Q9XR-2D4F', contact: { mobile: '+966501234567' } });
  });

  for (const { lang, dir } of LANGUAGES) {
    it(`checks the code and asks for a contact detail, on its fields (${lang}, ${dir})`, async () => {
      await setPageLanguage(lang, dir);
      const element = await labInvite(endpoint, 'mode="leave"');
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal(
        lang === 'ar'
          ? ['أدخل رمز الانسحاب', 'أدخل بريدًا إلكترونيًا أو رقم جوال']
          : ['Enter your withdrawal code', 'Enter an email address or a mobile number'],
      );
      expectFocused(element, '.error-summary');
      // The code is required, as a screen reader says; of the email address and the mobile number either will do.
      expect($<HTMLInputElement>(element, '#code').required, 'code required').to.equal(true);
      expect($<HTMLInputElement>(element, '#email').required, 'email required').to.equal(false);
      await expect(element).to.be.accessible();
      await typeInto(element, 'code', '7K3M-Q9XR');
      await typeInto(element, 'email', 'sara@example');
      pressSend(element);
      expect(await errorSummary(element)).to.deep.equal(
        lang === 'ar'
          ? [
              'أدخل رمز الانسحاب كما حصلت عليه، مثل 7K3M-Q9XR-2D4F',
              'أدخل البريد الإلكتروني بصيغة صحيحة، مثل name@example.com',
            ]
          : [
              'Enter the withdrawal code as you were given it, like 7K3M-Q9XR-2D4F',
              'Enter an email address in the correct format, like name@example.com',
            ],
      );
      expect($(element, '#code').getAttribute('aria-invalid')).to.equal('true');
      expect(await endpoint.posted()).to.have.length(0);
    });
  }

  it('puts a 422 on its fields, in the visitor’s language', async () => {
    await endpoint.script('submissions', {
      status: 422,
      body: {
        message: 'invalid',
        fieldErrors: [
          { field: 'code', code: 'too-short' },
          { field: 'contact.email', code: 'too-long' },
        ],
      },
    });
    const element = await labInvite(endpoint, 'mode="leave"');
    await fillLeave(element, '7K3M-Q9XR-2D4F');
    pressSend(element);
    expect(await errorSummary(element)).to.deep.equal([
      'Enter the withdrawal code as you were given it, like 7K3M-Q9XR-2D4F',
      'Enter an email address in the correct format, like name@example.com',
    ]);
    expect(describedErrorOf(element, '#code')).to.equal(
      'Error: Enter the withdrawal code as you were given it, like 7K3M-Q9XR-2D4F',
    );
    expect($<HTMLInputElement>(element, '#code').value).to.equal('7K3M-Q9XR-2D4F');
  });

  it('says to try later after a 429, keeps nothing on the device, and keeps what was entered', async () => {
    await endpoint.script('submissions', { status: 429, headers: { 'retry-after': '3600' }, body: {} });
    const element = await labInvite(endpoint, 'mode="leave"');
    await fillLeave(element, '7K3M-Q9XR-2D4F');
    const failed = oneEvent(element, 'ep-error') as Promise<EpErrorEvent>;
    pressSend(element);
    expect((await failed).detail.outcome).to.deep.include({ type: 'failed', status: 429 });
    await waitUntil(() => element.shadowRoot!.querySelector('[part="error"]'), 'no failure shown');
    await settle(element);
    expect(textOf(element, '[part="error"] p')).to.equal(TOO_MANY);
    expectFocused(element, '[part="error"] p');
    expect(Object.keys(localStorage).filter((key) => key.startsWith(ENTRY_PREFIX))).to.deep.equal([]);
    expect($<HTMLInputElement>(element, '#code').value).to.equal('7K3M-Q9XR-2D4F');
    expect($<HTMLInputElement>(element, '#email').value).to.equal(EMAIL);
    await expect(element).to.be.accessible();
  });

  it('says to try later when the collector’s own limit is reached, with the outbox off too', async () => {
    configure({ outbox: false });
    const element = await labInvite(endpoint, 'mode="leave"');
    // The test collector takes ten withdrawals an hour, as the reference collector does per client.
    for (let i = 0; i < 10; i++) {
      await fetch(`${endpoint.base}/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          createEnvelope({
            kind: 'lab-withdraw',
            data: { code: '0000-0000-0000', contact: { email: 'nobody@example.sa' } },
            locale: 'en',
            privacyNotice: '1',
          }),
        ),
      });
    }
    await fillLeave(element, '7K3M-Q9XR-2D4F');
    pressSend(element);
    await waitUntil(() => element.shadowRoot!.querySelector('[part="error"]'), 'no failure shown');
    await settle(element);
    expect(textOf(element, '[part="error"] p')).to.equal(TOO_MANY);
  });

  it('is reached from the sign-up and back, focus on the title each time; the sign-up’s draft stays', async () => {
    const element = await labInvite(endpoint);
    await typeInto(element, 'name', 'Sara');
    $<HTMLButtonElement>(element, '[part="leave-button"]').click();
    await settle(element);
    expectFocused(element, '#title');
    expect(textOf(element, '#title')).to.equal('Leave the panel');
    expect($(element, '#code')).to.exist;
    await expect(element).to.be.accessible();
    $<HTMLButtonElement>(element, '[part="join-button"]').click();
    await settle(element);
    expectFocused(element, '#title');
    expect(textOf(element, '#title')).to.equal('Help us improve our services');
    expect($<HTMLInputElement>(element, '#name').value).to.equal('Sara');
  });

  for (const { lang, dir } of LANGUAGES) {
    it(`keeps the visitor by the sign-up while it is on its way, so its answer is shown and focused there (${lang})`, async () => {
      await setPageLanguage(lang, dir);
      const element = await labInvite(endpoint);
      await fillSignup(element);
      await pressWhileSending(element, endpoint, '[part="leave-button"]');
      expect(textOf(element, '[part="withdrawal-code"]')).to.match(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    });
  }

  it('keeps the visitor by the request to leave while it is on its way', async () => {
    const element = await labInvite(endpoint);
    $<HTMLButtonElement>(element, '[part="leave-button"]').click();
    await settle(element);
    await fillLeave(element, '7K3M-Q9XR-2D4F');
    await pressWhileSending(element, endpoint, '[part="join-button"]');
    expect(answer(element).title).to.equal(ANSWER.en.title);
  });

  it('says a request saved on the device will erase the details once sent', async () => {
    await endpoint.script('submissions', { status: 503, body: {} });
    const element = await labInvite(endpoint, 'mode="leave"');
    await fillLeave(element, '7K3M-Q9XR-2D4F');
    pressSend(element);
    await confirmation(element);
    expect(answer(element)).to.deep.equal({
      title: 'Your request to leave is saved on this device',
      body: 'Once it is sent, if these details match a panel member, their details will be erased.',
    });
    await expect(element).to.be.accessible();
  });

  it('keeps no draft of the code', async () => {
    const element = await labInvite(endpoint, 'mode="leave"');
    await fillLeave(element, '7K3M-Q9XR-2D4F');
    expect(Object.keys(sessionStorage).filter((key) => key.includes(':draft:'))).to.deep.equal([]);
  });
});
