/**
 * What every form does, run by each form's tests (the Lion way: one suite, many forms), in Chromium against
 * the test collector: the GOV.UK error pattern (a focused summary linking to each field, each message on
 * its field through aria-describedby, aria-invalid) in both languages and directions, with axe in the
 * error state; the spam guards, which a person never trips; the draft, kept across a reload and gone once
 * sent; the collector's refusal (422) put on the fields; failures, retries, and the page's ep-submit.
 * Each form's test file gives an adapter: how to place the element with its form showing, and which
 * fields a visitor fills. The suite reads and fills the fields through the DOM, as a visitor does.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { configure } from '../../src/core/element/config.js';
import type { EpErrorEvent, EpSubmitEvent } from '../../src/core/element/events.js';
import { ENTRY_PREFIX } from '../../src/core/outbox/entry-key.js';
import { flushOutbox } from '../../src/index.js';
import { TestEndpoint, endpointPerTest } from '../helpers/endpoint.js';
import { LANGUAGES, setPageLanguage } from '../helpers/page.js';
import { tabStops } from '../helpers/keyboard.js';
import { describedErrorOf, errorSummary, pressSend, settle } from '../helpers/form-steps.js';
import { $, $$, expectFocused, expectNone, focusedIn, textOf } from '../helpers/shadow.js';

/**
 * One field as a visitor fills it: a text control (by id, which is also its name), a radio group, a checkbox,
 * or a group of check boxes (`checkboxes`: the codes to tick, one a line, as the form keeps them).
 */
export interface FormField {
  name: string;
  kind: 'text' | 'radio' | 'checkbox' | 'checkboxes';
  value: string | boolean;
}

/** A problem the form's own rules find, as the error summary lists it and as its field says it. */
export interface FormProblem {
  en: string;
  ar: string;
  /** The summary link's href, when the summary links it to a field. */
  link?: string;
  /** The element whose aria-describedby names the message (a control, or a radio group's fieldset). */
  describedBy: string;
  /** The control marked aria-invalid. */
  invalid: string;
}

/** The shared contact block's problems, the same in every form that asks for contact details. */
export const CONTACT_PROBLEMS = {
  emailInvalid: {
    en: 'Enter an email address in the correct format, like name@example.com',
    ar: 'أدخل البريد الإلكتروني بصيغة صحيحة، مثل name@example.com',
    link: '#email',
    describedBy: '#email',
    invalid: '#email',
  },
  consentMissing: {
    en: 'Confirm that we may contact you using the details you gave',
    ar: 'أكّد موافقتك على التواصل معك عبر البيانات التي أدخلتها',
    link: '#consent',
    describedBy: '#consent',
    invalid: '#consent',
  },
} satisfies Record<string, FormProblem>;

export interface FormSuiteOptions {
  /** Names the form in the test titles: `<ep-feedback>`, `<ep-idea-box> idea form`... */
  name: string;
  /** The test collector, when the element needs more of it than a TestEndpoint; `prepare` readies each test's space. */
  endpoint?: TestEndpoint;
  prepare?(endpoint: TestEndpoint): Promise<void>;
  /**
   * The element on the page, pointed at `endpoint`, its form showing and rendered. The fill-time guard is off
   * (`min-fill-time="0"`) unless `attributes` sets `min-fill-time`.
   */
  make(endpoint: TestEndpoint, attributes?: string): Promise<HTMLElement>;
  /** A submission that passes the form's rules, field by field in the order a visitor fills them; it has a text field. */
  valid: FormField[];
  /** Where the form keeps its draft. */
  draftKey(endpoint: TestEndpoint): string;
  /** What shows once the submission is sent (or looks sent to a robot): the part that takes focus, and its heading. */
  sent: { selector: string; heading: string };
  /** The Send button's words. */
  send: string;
  /** "Your … was not sent. What you wrote is kept.", before why. */
  notSent: string;
  /**
   * A form built on core's FormFlow: its confirmation's heading while the submission waits on the device (shown
   * again when the page opens again before the outbox delivered it).
   */
  saved?: string;
  /** Whether the confirmation shows the collector's reference (`[part="reference"]`). */
  showsReference: boolean;
  /** The visitor's mistakes: what is filled before Send is pressed on an otherwise empty form, and what it shows. */
  invalid: { fill: FormField[]; problems: FormProblem[]; summaryLevel: string; notInvalid: string[] };
  /** Fields of which any one will do, each refused when all are empty (an email address or a mobile number). */
  eitherOf?: string[];
  /** For a form with the shared contact block: the fields a submission needs without any contact details. */
  contact?: { required: FormField[] };
  /** A 422 with field errors, and what the form shows for it (in English). */
  refusal: {
    fieldErrors: unknown[];
    problems: string[];
    links: string[];
    described: Array<[string, string]>;
    invalid: string[];
  };
}

const PREFIX = { en: 'Error:', ar: 'خطأ:' };
const SUMMARY_TITLE = { en: 'There is a problem', ar: 'توجد مشكلة' };
const XSS_FLAG = '__epXss';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Fills `fields` as a visitor does: one input event for a text, a click for a radio or a checkbox. */
async function fill(element: HTMLElement, fields: FormField[]): Promise<void> {
  for (const field of fields) {
    if (field.kind === 'radio') {
      const radio = $$<HTMLInputElement>(element, `input[name="${field.name}"]`).find(
        (input) => input.value === field.value,
      );
      if (!radio) throw new Error(`no ${field.name} radio with the value ${String(field.value)}`);
      radio.click();
    } else if (field.kind === 'checkbox') {
      const box = $<HTMLInputElement>(element, `#${field.name}`);
      if (box.checked !== field.value) box.click();
    } else if (field.kind === 'checkboxes') {
      const codes = String(field.value).split('\n');
      for (const box of $$<HTMLInputElement>(element, `input[name="${field.name}"]`))
        if (box.checked !== codes.includes(box.value)) box.click();
    } else {
      const control = $<HTMLInputElement | HTMLTextAreaElement>(element, `#${field.name}`);
      control.value = String(field.value);
      control.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await settle(element);
  }
}

/** What a field shows now: a text, the checked radio's value ('' for none), whether the box is ticked, or the boxes ticked. */
function read(element: HTMLElement, field: FormField): string | boolean {
  if (field.kind === 'checkboxes')
    return $$<HTMLInputElement>(element, `input[name="${field.name}"]`)
      .filter((box) => box.checked)
      .map((box) => box.value)
      .join('\n');
  if (field.kind === 'radio')
    return $$<HTMLInputElement>(element, `input[name="${field.name}"]`).find((radio) => radio.checked)?.value ?? '';
  if (field.kind === 'checkbox') return $<HTMLInputElement>(element, `#${field.name}`).checked;
  return $<HTMLInputElement | HTMLTextAreaElement>(element, `#${field.name}`).value;
}

async function failureShown(element: HTMLElement): Promise<void> {
  await waitUntil(() => element.shadowRoot!.querySelector('[part="error"]'), 'no failure shown', { timeout: 4000 });
  await settle(element);
}

/** Puts `value` in the honeypot, as a robot filling every field does. */
async function fillTrap(element: HTMLElement, value: string): Promise<void> {
  const trap = $<HTMLInputElement>(element, 'input[name="website"]');
  trap.value = value;
  trap.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(element);
}

export function runFormSuite(options: FormSuiteOptions): void {
  const { name, make, valid, sent, invalid, refusal } = options;
  const text = valid.find((field) => field.kind === 'text');
  if (!text) throw new Error(`${name}: the valid submission needs a text field`);
  const looksSent = async (element: HTMLElement) => {
    await waitUntil(() => element.shadowRoot!.querySelector(sent.selector), `no ${sent.selector}`, { timeout: 4000 });
    await settle(element);
  };
  const readAll = (element: HTMLElement) =>
    Object.fromEntries(valid.map((field) => [field.name, read(element, field)]));
  const filledAll = Object.fromEntries(valid.map((field) => [field.name, field.value]));

  describe(`${name}: what every form does`, () => {
    const endpoint = endpointPerTest(options.endpoint ?? new TestEndpoint(), options.prepare);
    /** Sends once more and waits for the collector to hold two envelopes: the earlier send's and this one's. */
    const sendAgain = async (element: HTMLElement) => {
      pressSend(element);
      await looksSent(element);
      return endpoint.waitForPosts(2);
    };

    describe('the error summary and the fields in error (GOV.UK pattern)', () => {
      for (const { lang, dir } of LANGUAGES) {
        it(`lists every problem in a focused summary that links to its field, and ties each message to its field (${lang}, ${dir})`, async () => {
          await setPageLanguage(lang, dir);
          const element = await make(endpoint);
          expect($(element, '[part="base"]').getAttribute('dir')).to.equal(dir);
          await fill(element, invalid.fill);
          pressSend(element);
          const expected = invalid.problems.map((problem) => problem[lang]);
          expect(await errorSummary(element)).to.deep.equal(expected);
          expect(textOf(element, '.error-summary-title')).to.equal(SUMMARY_TITLE[lang]);
          expect($(element, '.error-summary-title').getAttribute('aria-level')).to.equal(invalid.summaryLevel);
          expectFocused(element, '.error-summary');
          const links = invalid.problems.flatMap((problem) => (problem.link ? [problem.link] : []));
          expect(
            $$<HTMLAnchorElement>(element, '.error-summary a').map((link) => link.getAttribute('href')),
          ).to.deep.equal(links);
          for (const problem of invalid.problems) {
            expect(describedErrorOf(element, problem.describedBy), problem.describedBy).to.equal(
              `${PREFIX[lang]} ${problem[lang]}`,
            );
            expect($(element, problem.invalid).getAttribute('aria-invalid'), problem.invalid).to.equal('true');
          }
          for (const selector of invalid.notInvalid)
            expect($(element, selector).hasAttribute('aria-invalid'), selector).to.equal(false);
          const hiddenPrefix = $(element, '.error-message .visually-hidden');
          expect(hiddenPrefix.textContent).to.equal(PREFIX[lang]);
          expect(getComputedStyle(hiddenPrefix).clipPath).to.equal('inset(50%)');
          expect($(element, 'form').hasAttribute('novalidate')).to.equal(true);
          expect(await endpoint.posted()).to.have.length(0);
          await expect(element).to.be.accessible();
        });
      }

      it('says nothing is in error before the visitor sends (a required radio or box left unticked is not yet one)', async () => {
        await make(endpoint);
        // The page's accessibility tree, as a screen reader gets it from Chromium.
        type AXNode = { role: string; name?: string; invalid?: string; children?: AXNode[] };
        const nodes = (node: AXNode): AXNode[] => [node, ...(node.children ?? []).flatMap(nodes)];
        const tree = (await a11ySnapshot({})) as unknown as AXNode;
        const invalid = nodes(tree).filter((node) => node.invalid && node.invalid !== 'false');
        expect(nodes(tree).filter((node) => node.role === 'radio' || node.role === 'checkbox')).not.to.be.empty;
        expect(invalid.map((node) => `${node.role} "${node.name}"`)).to.deep.equal([]);
      });

      it('marks as required each field it refuses when left empty, so that a screen reader says so before the visitor sends', async () => {
        const element = await make(endpoint);
        pressSend(element);
        await errorSummary(element);
        // A group of check boxes has no native "required" (it would ask for every box), and neither has a pair
        // of fields of which either will do (an email address or a mobile number): their hints say it.
        const inGroup = (control: HTMLInputElement) => $$(element, `input[name="${control.name}"]`).length > 1;
        const refused = $$<HTMLInputElement>(element, '[aria-invalid="true"]').filter(
          (control) => !(control.type === 'checkbox' && inGroup(control)) && !options.eitherOf?.includes(control.id),
        );
        expect(refused.length, 'fields refused').to.be.above(0);
        for (const control of refused) expect(control.required, `#${control.id}`).to.equal(true);
      });

      it('takes the visitor from each summary link to its field (a radio group: its first radio), by keyboard too, without changing the address', async () => {
        const element = await make(endpoint);
        await fill(element, invalid.fill);
        pressSend(element);
        await errorSummary(element);
        const links = $$<HTMLAnchorElement>(element, '.error-summary a');
        expect(links.length).to.be.greaterThan(0);
        await sendKeys({ press: 'Tab' });
        expect(focusedIn(element)?.textContent?.trim()).to.equal(links[0]!.textContent!.trim());
        await sendKeys({ press: 'Enter' });
        expectFocused(element, links[0]!.getAttribute('href')!);
        // Down the summary, then back up it: going up, the page scrolls up to each field, and its question
        // (above the control) must come into view with it.
        for (const link of [...links, ...[...links].reverse()]) {
          const target = link.getAttribute('href')!;
          link.click();
          expectFocused(element, target);
          const control = $<HTMLInputElement>(element, target);
          if (control.type === 'radio') {
            expect(
              $$<HTMLInputElement>(element, `input[name="${control.name}"]`)[0] === control,
              `${target} is the first radio`,
            ).to.equal(true);
          }
          const question = control.closest('.choices')
            ? control.closest('fieldset')!.querySelector('legend')!
            : (element.shadowRoot!.querySelector(`label[for="${control.id}"]`) ?? control.closest('label')!);
          const { top, bottom } = question.getBoundingClientRect();
          expect(top >= 0 && bottom <= innerHeight, `${target}'s question in view (${top}..${bottom})`).to.equal(true);
        }
        expect(location.hash).to.equal('');
      });

      it('says its problems in the language the page switches to', async () => {
        const element = await make(endpoint);
        await fill(element, invalid.fill);
        pressSend(element);
        expect(await errorSummary(element)).to.deep.equal(invalid.problems.map((problem) => problem.en));
        await setPageLanguage('ar', 'rtl');
        await settle(element);
        expect(await errorSummary(element)).to.deep.equal(invalid.problems.map((problem) => problem.ar));
        for (const problem of invalid.problems)
          expect(describedErrorOf(element, problem.describedBy)).to.equal(`${PREFIX.ar} ${problem.ar}`);
        expect($(element, '[part="base"]').getAttribute('dir')).to.equal('rtl');
      });
    });

    describe('spam guards', () => {
      it('does not send what fills the honeypot, yet looks sent (no reference, no events, no draft left)', async () => {
        const element = await make(endpoint);
        await fill(element, valid);
        await fillTrap(element, 'https://spam.example');
        const events: string[] = [];
        const record = (event: Event) => events.push(event.type);
        const types = ['ep-submit', 'ep-success', 'ep-error', 'ep-queued'];
        for (const type of types) document.addEventListener(type, record);
        try {
          pressSend(element);
          await looksSent(element);
          await sleep(200);
        } finally {
          for (const type of types) document.removeEventListener(type, record);
        }
        expect(textOf(element, `${sent.selector} [role="heading"]`)).to.equal(sent.heading);
        expectFocused(element, sent.selector);
        expectNone(element, '[part="reference"]');
        expect(await endpoint.posted()).to.have.length(0);
        expect(events).to.deep.equal([]);
        expect(sessionStorage.getItem(options.draftKey(endpoint))).to.equal(null);
      });

      // Urdu: a right-to-left page whose language the elements fall back from (to English, left to right).
      for (const { lang, dir } of [...LANGUAGES, { lang: 'ur', dir: 'rtl' } as const]) {
        it(`hides the honeypot from people and assistive technology, clipped to nothing without a scroll bar (${lang}, ${dir})`, async () => {
          await setPageLanguage(lang, dir);
          const element = await make(endpoint);
          const trap = $<HTMLInputElement>(element, 'input[name="website"]');
          const wrapper = trap.parentElement!;
          expect(wrapper.getAttribute('aria-hidden')).to.equal('true');
          expect(trap.getAttribute('tabindex')).to.equal('-1');
          expect(trap.getAttribute('autocomplete')).to.equal('off');
          expect(trap.type).to.equal('text');
          const box = wrapper.getBoundingClientRect();
          expect([box.width, box.height], 'its box').to.deep.equal([1, 1]);
          expect(getComputedStyle(wrapper).clipPath).to.equal('inset(50%)');
          expect(getComputedStyle(wrapper).position, 'out of the flow').to.equal('absolute');
          expect(getComputedStyle(wrapper).display).not.to.equal('none');
          expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
          $(element, `form [name="${valid[0]!.name}"]`).focus();
          const stops = await tabStops(element, 'send-button');
          expect(stops).not.to.include('ep-trap');
          expect(stops.at(-1)).to.equal('send-button');
          await expect(element).to.be.accessible();
        });
      }

      it('does not send a form sent sooner than the minimum fill time, yet looks sent', async () => {
        const element = await make(endpoint, 'min-fill-time="5000"');
        await fill(element, valid);
        pressSend(element);
        await looksSent(element);
        expect(textOf(element, `${sent.selector} [role="heading"]`)).to.equal(sent.heading);
        await sleep(200);
        expect(await endpoint.posted()).to.have.length(0);
      });

      it('never catches a fast person who took the minimum time to read the form', async () => {
        const element = await make(endpoint, 'min-fill-time="800"');
        const shownAt = Date.now(); // the form is on screen: the guard's clock started at the latest now
        await fill(element, valid);
        await sleep(800 - (Date.now() - shownAt));
        pressSend(element);
        await looksSent(element);
        expect(await endpoint.waitForPosts(1)).to.have.length(1);
      });

      it('never catches a person who reloaded the page and sends the restored draft at once', async () => {
        sessionStorage.setItem(
          options.draftKey(endpoint),
          JSON.stringify({ values: filledAll, startedAt: Date.now() - 60_000 }),
        );
        const element = await make(endpoint, 'min-fill-time="3000"');
        pressSend(element);
        await looksSent(element);
        const [post] = await endpoint.waitForPosts(1);
        expect(JSON.stringify(post!.body.data)).to.contain(JSON.stringify(text.value));
      });

      it('never takes a person for a robot because of a clock put back after the draft was written', async () => {
        sessionStorage.setItem(
          options.draftKey(endpoint),
          JSON.stringify({ values: filledAll, startedAt: Date.now() + 60 * 60_000 }),
        );
        const element = await make(endpoint, 'min-fill-time="300"');
        await sleep(400);
        pressSend(element);
        await looksSent(element);
        expect(await endpoint.waitForPosts(1)).to.have.length(1);
      });
    });

    describe('the draft', () => {
      it('keeps what the visitor typed across a reload, and nothing of the honeypot', async () => {
        const first = await make(endpoint);
        await fill(first, valid);
        await fillTrap(first, 'robot');
        const stored = sessionStorage.getItem(options.draftKey(endpoint))!;
        expect(stored).to.contain(JSON.stringify(text.value));
        expect(stored).not.to.contain('robot');
        expect(stored).not.to.contain('website');
        first.parentElement!.remove(); // the page goes; a new one opens on the same address
        const second = await make(endpoint);
        expect(readAll(second)).to.deep.equal(filledAll);
        expect($<HTMLInputElement>(second, 'input[name="website"]').value).to.equal('');
      });

      it('keeps the draft after a failure and drops it once sent', async () => {
        // A failure shown to the visitor (outbox off): one saved on the device is done with the form.
        configure({ outbox: false });
        await endpoint.script('submissions', { status: 503, body: {} });
        const element = await make(endpoint);
        await fill(element, valid);
        pressSend(element);
        await failureShown(element);
        expect(sessionStorage.getItem(options.draftKey(endpoint))).to.contain(JSON.stringify(text.value));
        pressSend(element);
        await looksSent(element);
        expect(sessionStorage.getItem(options.draftKey(endpoint))).to.equal(null);
        element.parentElement!.remove();
        const again = await make(endpoint);
        // A form that shows what was sent instead (the consultation card) has no field to restore into.
        const control = again.shadowRoot!.querySelector<HTMLInputElement>(`#${text.name}`);
        expect(control?.value ?? '').to.equal('');
      });

      it('keeps no draft when told not to', async () => {
        const element = await make(endpoint, 'no-draft');
        await fill(element, valid);
        expect(sessionStorage.getItem(options.draftKey(endpoint))).to.equal(null);
        expect(Object.keys(sessionStorage).filter((key) => key.includes(':draft:'))).to.deep.equal([]);
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
          const element = await make(endpoint);
          await fill(element, valid);
          pressSend(element);
          await looksSent(element);
        } finally {
          Object.defineProperty(window, 'sessionStorage', original);
        }
        expect(await endpoint.waitForPosts(1)).to.have.length(1);
      });
    });

    if (options.saved) {
      const { saved } = options;
      const heading = (element: HTMLElement) => textOf(element, `${sent.selector} [role="heading"]`);
      const held = () => Object.keys(localStorage).filter((key) => key.startsWith(ENTRY_PREFIX));
      const note = (element: HTMLElement) => textOf(element, '[part="delivery"]');

      /** The page opened again shows what the outbox holds as saved, then as sent once delivered; stored once. */
      async function savedThenSent(again: HTMLElement): Promise<void> {
        expect(heading(again)).to.equal(saved);
        expect(again.shadowRoot!.querySelector('form'), 'not the form, to send it a second time').to.equal(null);
        await waitUntil(() => note(again) !== '', 'the delivery note said nothing');
        expect(note(again)).to.equal('Saved on this device. It will be sent automatically as soon as it can be.');
        await endpoint.recover();
        await flushOutbox();
        await waitUntil(() => heading(again) === sent.heading, `still "${heading(again)}"`, { timeout: 4000 });
        await waitUntil(() => note(again) === 'Sent. What you saved on this device has now reached us.');
        expect(await endpoint.stored()).to.have.length(1);
        expect(sessionStorage.getItem(options.draftKey(endpoint)), 'no draft once sent').to.equal(null);
        await expect(again).to.be.accessible();
      }

      /** Sent while the collector is down (saved on the device), then the page goes. */
      async function savedThenLeft(): Promise<void> {
        await endpoint.script('submissions', { status: 503, body: {} });
        const first = await make(endpoint);
        await fill(first, valid);
        pressSend(first);
        await looksSent(first);
        expect(heading(first)).to.equal(saved);
        first.parentElement!.remove(); // the page goes; the same page opens again
      }

      describe('a submission on its way when the page is opened again', () => {
        it('shows one saved on the device as saved, then as sent when the outbox delivers it', async () => {
          await savedThenLeft();
          await savedThenSent(await make(endpoint));
        });

        it('shows one still unanswered when the page went as saved, and is not taken for a draft', async () => {
          await endpoint.script('submissions', { hang: true });
          const first = await make(endpoint, 'timeout="600"');
          await fill(first, valid);
          pressSend(first);
          await endpoint.waitForPosts(1);
          first.parentElement!.remove();
          const again = await make(endpoint);
          // The first page's send ends (its timeout): the entry waits for its next try.
          await waitUntil(() => !localStorage.getItem(held()[0]!)?.includes('"claim"'), 'still claimed', {
            timeout: 4000,
          });
          await savedThenSent(again);
        });

        it('gives the text back, to send, when the outbox no longer holds it (given up elsewhere)', async () => {
          await savedThenLeft();
          held().forEach((key) => localStorage.removeItem(key));
          const again = await make(endpoint);
          expect(readAll(again)).to.deep.equal(filledAll);
        });

        it('with the outbox off, gives the text back as before: nothing was promised', async () => {
          configure({ outbox: false });
          await endpoint.script('submissions', { hang: true });
          const first = await make(endpoint);
          await fill(first, valid);
          pressSend(first);
          await endpoint.waitForPosts(1);
          first.parentElement!.remove();
          expect(sessionStorage.getItem(options.draftKey(endpoint)), 'no id kept with the draft').not.to.contain(
            'pending',
          );
          const again = await make(endpoint);
          expect(readAll(again)).to.deep.equal(filledAll);
        });
      });
    }

    if (options.contact) {
      const { required } = options.contact;
      describe('the contact block', () => {
        it('sends anonymously when a contact channel was clicked by mistake (a radio cannot be undone)', async () => {
          const element = await make(endpoint);
          await fill(element, [...required, { name: 'channel', kind: 'radio', value: 'sms' }]);
          pressSend(element);
          await looksSent(element);
          const [post] = await endpoint.waitForPosts(1);
          expect(post!.body.data).to.not.have.property('contact');
          expect(post!.body.data).to.not.have.property('consent');
        });

        it('still asks for the detail a chosen channel needs when the visitor gave another one', async () => {
          const element = await make(endpoint);
          await fill(element, [
            ...required,
            { name: 'email', kind: 'text', value: 'noura@example.sa' },
            { name: 'consent', kind: 'checkbox', value: true },
            { name: 'channel', kind: 'radio', value: 'sms' },
          ]);
          pressSend(element);
          expect(await errorSummary(element)).to.deep.equal([
            'Enter a mobile number, or choose another way for us to contact you',
          ]);
          expect(await endpoint.posted()).to.have.length(0);
        });
      });
    }

    describe("the collector's refusal", () => {
      it('puts a 422’s field errors on their fields, known codes in the visitor’s language and others as text, never as HTML', async () => {
        await endpoint.script('submissions', {
          status: 422,
          body: { message: 'invalid', fieldErrors: refusal.fieldErrors },
        });
        const element = await make(endpoint);
        await fill(element, valid);
        const failed = oneEvent(document, 'ep-error') as Promise<EpErrorEvent>;
        pressSend(element);
        expect((await failed).detail.outcome).to.deep.include({ type: 'rejected', status: 422 });
        expect(await errorSummary(element)).to.deep.equal(refusal.problems);
        expect($$(element, '.error-summary a').map((link) => link.getAttribute('href'))).to.deep.equal(refusal.links);
        for (const [selector, said] of refusal.described) expect(describedErrorOf(element, selector)).to.equal(said);
        for (const selector of refusal.invalid)
          expect($(element, selector).getAttribute('aria-invalid'), selector).to.equal('true');
        expectNone(element, 'img');
        expect((window as unknown as Record<string, unknown>)[XSS_FLAG]).to.equal(undefined);
        expectFocused(element, '.error-summary');
        expect(readAll(element)).to.deep.equal(filledAll);
        // A refusal is final for that envelope: the next send is a new submission.
        const [first, second] = await sendAgain(element);
        expect(second!.body.id).not.to.equal(first!.body.id);
      });

      it('shows a general message, without a retry, for a refusal that names no field it has', async () => {
        await endpoint.script('submissions', { status: 400, body: { fieldErrors: [{ field: 'unknown' }] } });
        const element = await make(endpoint);
        await fill(element, valid);
        pressSend(element);
        await failureShown(element);
        expect(textOf(element, '[part="error"] p')).to.equal(
          `${options.notSent} The service could not accept this. Please check what you entered and try again.`,
        );
        expectNone(element, '[part="retry-button"]');
        expectFocused(element, '[part="error"] p');
        expect(readAll(element)).to.deep.equal(filledAll);
      });
    });

    // With the outbox on, the same faults save the submission on the device: see delivery-suite.ts.
    describe('failures, with the outbox turned off', () => {
      beforeEach(() => configure({ outbox: false }));

      it('keeps the form after a 500, says so where the focus goes, and retries with the same envelope', async () => {
        await endpoint.script('submissions', { status: 500, body: { message: 'down' } });
        const element = await make(endpoint);
        await fill(element, valid);
        const failed = oneEvent(document, 'ep-error') as Promise<EpErrorEvent>;
        pressSend(element);
        expect((await failed).detail.outcome).to.deep.include({ type: 'failed', reason: 'server', status: 500 });
        await failureShown(element);
        expect(textOf(element, '[part="error"] p')).to.equal(
          `${options.notSent} The service had a problem. Please try again in a moment.`,
        );
        expectFocused(element, '[part="error"] p');
        expect(readAll(element)).to.deep.equal(filledAll);
        await endpoint.script('submissions', { delayMs: 300, status: 201, body: { reference: 'REF-2026-000777' } });
        $<HTMLButtonElement>(element, '[part="retry-button"]').click();
        await settle(element);
        expectFocused(element, '[part~="send-button"]');
        await looksSent(element);
        const [first, second] = await endpoint.waitForPosts(2);
        expect(second!.body.id).to.equal(first!.body.id);
        expect(second!.headers['idempotency-key']).to.equal(first!.body.id);
        if (options.showsReference)
          expect(textOf(element, '[part="reference"]')).to.equal('Your reference number REF-2026-000777');
      });

      const faults = [
        {
          name: 'a timeout',
          script: { delayMs: 1500, status: 201, body: {} },
          said: 'The service took too long to answer. Please try again.',
        },
        {
          name: 'a network error',
          script: { drop: true, repeat: 10 },
          said: 'We could not reach the service. Check your connection and try again.',
        },
        {
          name: 'invalid JSON',
          script: { status: 200, raw: '{"reference": ' },
          said: 'The service had a problem. Please try again in a moment.',
        },
      ];
      for (const fault of faults) {
        it(`keeps everything after ${fault.name}, and says so where the focus goes`, async () => {
          const element = await make(endpoint, 'timeout="300"');
          await fill(element, valid);
          await endpoint.script('submissions', fault.script);
          pressSend(element);
          await failureShown(element);
          expect(textOf(element, '[part="error"] p')).to.equal(`${options.notSent} ${fault.said}`);
          expect(readAll(element)).to.deep.equal(filledAll);
          expectFocused(element, '[part="error"] p');
        });
      }

      it('sends a new envelope when the visitor changed what they wrote after a failure', async () => {
        await endpoint.script('submissions', { status: 503, body: {} });
        const element = await make(endpoint);
        await fill(element, valid);
        pressSend(element);
        await failureShown(element);
        await fill(element, [{ ...text, value: `${String(text.value)} And on Fridays.` }]);
        const [first, second] = await sendAgain(element);
        expect(second!.body.id).not.to.equal(first!.body.id);
      });

      it('lets the page amend the envelope (a CAPTCHA token), and keeps the amendment on a retry', async () => {
        await endpoint.script('submissions', { status: 503, body: {} });
        const element = await make(endpoint);
        const amend = (event: Event) => ((event as EpSubmitEvent).detail.envelope.data.captcha ??= 'token-1');
        document.addEventListener('ep-submit', amend);
        try {
          await fill(element, valid);
          pressSend(element);
          await waitUntil(() => element.shadowRoot!.querySelector('[part="retry-button"]'), 'no retry');
          $<HTMLButtonElement>(element, '[part="retry-button"]').click();
          await looksSent(element);
        } finally {
          document.removeEventListener('ep-submit', amend);
        }
        const [first, second] = await endpoint.waitForPosts(2);
        expect(first!.body.data.captcha).to.equal('token-1');
        expect(second!.body.id).to.equal(first!.body.id);
        expect(second!.body.data.captcha).to.equal('token-1');
      });
    });

    describe('while sending', () => {
      it('shows progress on the button, keeps focus on it, and refuses a second submission', async () => {
        await endpoint.script('submissions', { delayMs: 600, status: 201, body: { reference: 'REF-1' } });
        const element = await make(endpoint);
        await fill(element, valid);
        const button = $<HTMLButtonElement>(element, '[part~="send-button"]');
        button.focus();
        await sendKeys({ press: 'Enter' });
        await settle(element);
        expect(textOf(element, '[part~="send-button"]')).to.equal('Sending…');
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        expect(button.disabled).to.equal(false);
        expectFocused(element, '[part~="send-button"]');
        await waitUntil(() => textOf(element, '#announcer') === 'Sending…', 'sending was not announced');
        await sendKeys({ press: 'Enter' });
        button.click();
        $(element, `#${text.name}`).focus();
        await sendKeys({ press: 'Enter' });
        await looksSent(element);
        expect(await endpoint.posted()).to.have.length(1);
      });

      it('sends nothing and keeps the form when the page cancels ep-submit', async () => {
        const element = await make(endpoint);
        const cancel = (event: Event) => event.preventDefault();
        document.addEventListener('ep-submit', cancel);
        try {
          await fill(element, valid);
          pressSend(element);
          await sleep(200);
          await settle(element);
        } finally {
          document.removeEventListener('ep-submit', cancel);
        }
        expect(await endpoint.posted()).to.have.length(0);
        expect(readAll(element)).to.deep.equal(filledAll);
        expect(textOf(element, '[part~="send-button"]')).to.equal(options.send);
        expectNone(element, '[part="error"]');
      });
    });

    describe('accessibility in every state, in both languages', () => {
      for (const { lang, dir } of LANGUAGES) {
        it(`is accessible in ${lang}: empty, errors, sending, failure, sent`, async () => {
          await setPageLanguage(lang, dir);
          // The failure shows when the outbox cannot keep a submission; the saved state is the delivery suite's.
          configure({ outbox: false });
          const element = await make(endpoint, 'timeout="2000"');
          await expect(element).to.be.accessible();
          pressSend(element);
          await errorSummary(element);
          await expect(element).to.be.accessible();
          await fill(element, valid);
          await endpoint.script('submissions', { delayMs: 500, status: 503, body: {} });
          pressSend(element);
          await settle(element);
          expect($(element, '[part~="send-button"]').getAttribute('aria-disabled')).to.equal('true');
          await expect(element).to.be.accessible();
          await failureShown(element);
          await expect(element).to.be.accessible();
          $<HTMLButtonElement>(element, '[part="retry-button"]').click();
          await looksSent(element);
          await expect(element).to.be.accessible();
        });
      }
    });
  });
}
