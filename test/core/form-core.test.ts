// The core pieces every form element shares: contact checks, drafts, spam guards, field errors, the error
// summary and author-replaceable choices. Each is tested here without any element.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { LitElement, html, render } from 'lit';
import { Announcer } from '../../src/core/a11y/announcer.js';
import { onDemand } from '../../src/core/element/on-demand.js';
import { TextWatch } from '../../src/core/fields/text-watch.js';
import { choiceLabel } from '../../src/core/fields/choices.js';
import { choicesAttribute } from '../../src/core/fields/choices-attribute.js';
import { cleanInput, normalizeEmail, normalizeSaudiMobile } from '../../src/core/fields/contact.js';
import { normalizeDigits } from '../../src/core/language/digits.js';
import { clearDraft, draftKey, readDraft, writeDraft } from '../../src/core/forms/draft.js';
import { renderErrorSummary } from '../../src/core/fields/error-summary.js';
import { describedBy, errorIdOf, matchFieldErrors, renderFieldError } from '../../src/core/fields/field-error.js';
import { normalizeDigits as fromPersonalData } from '../../src/core/fields/personal-data.js';
import { HONEYPOT_NAME, honeypotValue, renderHoneypot, spamSignal } from '../../src/core/forms/spam-guard.js';

describe('core/contact', () => {
  it('normalises every way people write a Saudi mobile number to E.164', () => {
    const written = [
      '0501234567',
      '050 123 4567',
      '050-123-4567',
      '05 0123 4567',
      '501234567',
      '+966501234567',
      '+966 50 123 4567',
      '+966 (0) 50 123 4567',
      '966501234567',
      '00966501234567',
      '00966-50-123-4567',
      '٠٥٠١٢٣٤٥٦٧',
      '٠٥٠ ١٢٣ ٤٥٦٧',
      '+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧',
      '۰۵۰۱۲۳۴۵۶۷',
      '\u200F0501234567\u200F',
      ' (050) 123.4567 ',
    ];
    for (const text of written) expect(normalizeSaudiMobile(text), text).to.equal('+966501234567');
  });

  it('refuses what is not a Saudi mobile number', () => {
    const wrong = [
      '',
      '0112345678',
      '050123456',
      '05012345678',
      '+971501234567',
      '+96650123456',
      '0501234567x',
      'phone',
      '+9665012345678',
      '0096605012345',
    ];
    for (const text of wrong) expect(normalizeSaudiMobile(text), text).to.equal(undefined);
  });

  it('accepts email addresses in any script and refuses malformed ones', () => {
    for (const text of [
      'sara@example.com',
      'first.last+tag@sub.example.gov.sa',
      'محمد@مثال.السعودية',
      'info@example.xn--mgberp4a5d4ar',
      ' Sara@Example.COM ',
    ]) {
      expect(normalizeEmail(text), text).to.equal(text.trim());
    }
    const wrong = [
      '',
      'sara',
      'sara@',
      '@example.com',
      'sara@example',
      'sara@@example.com',
      'sara @example.com',
      'sara@exa mple.com',
      '.sara@example.com',
      'sara.@example.com',
      'sa..ra@example.com',
      'sara@-example.com',
      'sara@example.c',
      `${'a'.repeat(65)}@example.com`,
      'sara@example.123',
    ];
    for (const text of wrong) expect(normalizeEmail(text), text).to.equal(undefined);
  });

  it('removes invisible marks and spaces, and shares its digits with the personal-data detector', () => {
    expect(cleanInput('\u200E sara@example.com\u2069 ')).to.equal('sara@example.com');
    expect(normalizeDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).to.equal('0123456789 0123456789');
    expect(fromPersonalData === normalizeDigits, 'one function').to.equal(true);
  });
});

describe('core/draft', () => {
  afterEach(() => sessionStorage.clear());

  it('keeps a draft per kind, page and form, with only the fields of the defaults', () => {
    const key = draftKey('feedback', 'https://example.gov.sa/a', 'permits');
    expect(key).to.equal('ep-widgets:feedback:draft:v1:https://example.gov.sa/a#permits');
    writeDraft(key, { values: { message: 'hello', consent: true, website: 'spam' }, startedAt: 5 });
    const defaults = { message: '', name: '', consent: false };
    expect(readDraft(key, defaults)).to.deep.equal({
      values: { message: 'hello', name: '', consent: true },
      startedAt: 5,
    });
    expect(readDraft(draftKey('feedback', 'https://example.gov.sa/b', 'permits'), defaults)).to.equal(undefined);
    clearDraft(key);
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('stores no empty draft, and ignores what it cannot read or what has the wrong type', () => {
    const key = draftKey('feedback', 'p');
    writeDraft(key, { values: { message: 'x' }, startedAt: 1 });
    writeDraft(key, { values: { message: '', consent: false }, startedAt: 1 });
    expect(sessionStorage.getItem(key)).to.equal(null);
    for (const raw of ['{oops', 'null', '"text"', '{"values": 3, "startedAt": 1}', '{"values": {}}']) {
      sessionStorage.setItem(key, raw);
      expect(readDraft(key, { message: '' }), raw).to.equal(undefined);
    }
    sessionStorage.setItem(key, JSON.stringify({ values: { message: 7, name: 'ok', consent: 'yes' }, startedAt: 2 }));
    expect(readDraft(key, { message: '', name: '', consent: false })).to.deep.equal({
      values: { message: '', name: 'ok', consent: false },
      startedAt: 2,
    });
  });

  it('keeps the id of the submission on its way with the draft, when it is one', () => {
    const key = draftKey('feedback', 'p');
    writeDraft(key, { values: { message: 'x' }, startedAt: 1, pending: 'envelope-1' });
    expect(readDraft(key, { message: '' })).to.deep.equal({
      values: { message: 'x' },
      startedAt: 1,
      pending: 'envelope-1',
    });
    sessionStorage.setItem(key, JSON.stringify({ values: { message: 'x' }, startedAt: 1, pending: 7 }));
    expect(readDraft(key, { message: '' })).to.deep.equal({ values: { message: 'x' }, startedAt: 1 });
  });
});

describe('core/spam-guard', () => {
  it('flags a filled honeypot and a form sent too soon, and nothing else', () => {
    expect(spamSignal({ honeypot: '', startedAt: 0, minFillMs: 3000, now: 3000 })).to.equal(undefined);
    expect(spamSignal({ honeypot: '', startedAt: 0, minFillMs: 3000, now: 2999 })).to.equal('too-fast');
    expect(spamSignal({ honeypot: 'x', startedAt: 0, minFillMs: 3000, now: 99999 })).to.equal('honeypot');
    expect(spamSignal({ honeypot: '', startedAt: 0, minFillMs: 0, now: 0 })).to.equal(undefined);
  });

  it('renders a honeypot that assistive technology and the tab order skip', () => {
    const holder = document.createElement('div');
    render(renderHoneypot('Leave this field empty'), holder);
    const input = holder.querySelector<HTMLInputElement>(`input[name="${HONEYPOT_NAME}"]`)!;
    expect(holder.firstElementChild!.getAttribute('aria-hidden')).to.equal('true');
    expect(input.tabIndex).to.equal(-1);
    expect(input.autocomplete).to.equal('off');
    expect(holder.querySelector('label')!.htmlFor).to.equal(input.id);
    expect(honeypotValue(holder)).to.equal('');
    input.value = 'bot';
    expect(honeypotValue(holder)).to.equal('bot');
    expect(honeypotValue(document.createElement('div'))).to.equal('');
  });
});

describe('core/field-error', () => {
  it('renders a message with a hidden "Error:" under the id that aria-describedby names', () => {
    const holder = document.createElement('div');
    render(
      renderFieldError('email', () => 'Enter an email address'),
      holder,
    );
    const message = holder.querySelector('p')!;
    expect(message.id).to.equal(errorIdOf('email'));
    expect(message.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Error: Enter an email address');
    expect(message.querySelector('.visually-hidden')!.textContent).to.equal('Error:');
    render(renderFieldError('email', undefined), holder);
    expect(holder.querySelector('p') === null, 'p').to.equal(true);
    expect(describedBy('hint', false, undefined, 'email-error')).to.equal('hint email-error');
    expect(describedBy(false, null)).to.equal(undefined);
  });

  it('sorts a collector’s field errors onto the form’s fields: known codes localized, others as given', () => {
    const { byField, other } = matchFieldErrors(
      [
        { field: 'contact.email', code: 'invalid' },
        { field: 'message', code: 'odd', message: 'Too rude' },
        { field: 'name' },
        { field: 'file', message: 'No files' },
        { field: 'unknown' },
        { field: 'message', code: 'invalid' },
      ],
      ['message', 'name', 'email'] as const,
      { invalid: { email: () => 'Bad email' } },
      () => 'Not valid',
    );
    expect(byField.email!()).to.equal('Bad email');
    expect(byField.message!(), 'the first error on a field wins').to.equal('Too rude');
    expect(byField.name!()).to.equal('Not valid');
    expect(other).to.deep.equal(['No files']);
  });

  it("leaves the collector's own (English) words out for a page in another language", () => {
    const { byField, other } = matchFieldErrors(
      [
        { field: 'contact.email', code: 'invalid' },
        { field: 'message', code: 'odd', message: 'Too rude' },
        { field: 'file', message: 'No files' },
      ],
      ['message', 'email'] as const,
      { invalid: { email: () => 'Bad email' } },
      () => 'Not valid',
      false,
    );
    expect(byField.email!()).to.equal('Bad email');
    expect(byField.message!()).to.equal('Not valid');
    expect(other).to.deep.equal([]);
  });
});

describe('core/error-summary', () => {
  it('renders nothing without problems, and a heading and links to the fields with them', () => {
    const holder = document.createElement('div');
    render(renderErrorSummary([], 'There is a problem', 2), holder);
    expect(holder.querySelector('.error-summary') === null, '.error-summary').to.equal(true);
    render(
      renderErrorSummary(
        [{ text: 'Enter your message', target: 'message' }, { text: '<b>raw</b>' }],
        'There is a problem',
        3,
      ),
      holder,
    );
    const title = holder.querySelector('.error-summary-title')!;
    expect(title.getAttribute('role')).to.equal('heading');
    expect(title.getAttribute('aria-level')).to.equal('3');
    expect(holder.querySelector('.error-summary')!.getAttribute('tabindex')).to.equal('-1');
    expect(holder.querySelector('a')!.getAttribute('href')).to.equal('#message');
    expect(holder.querySelectorAll('li')[1]!.textContent).to.equal('<b>raw</b>');
    expect(holder.querySelector('b') === null, 'b').to.equal(true);
  });

  it('moves focus to the field inside a shadow root without touching the address', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    try {
      render(
        html`${renderErrorSummary([{ text: 'Enter your message', target: 'message' }], 'There is a problem', 2)}
          <label for="message">Message</label><textarea id="message"></textarea>`,
        root,
      );
      root.querySelector('a')!.click();
      expect(root.activeElement?.id).to.equal('message');
      expect(location.hash).to.equal('');
    } finally {
      host.remove();
    }
  });
});

describe('core/choices', () => {
  it('reads choices from JSON, warns once about unusable JSON, and names each choice in the visitor’s language', () => {
    const convert = choicesAttribute('ep-x', 'topics');
    expect(convert('[{"code":"a","label":{"en":"A","ar":"أ"}}]')).to.deep.equal([
      { code: 'a', label: { en: 'A', ar: 'أ' } },
    ]);
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      expect(convert('[{oops')).to.equal(undefined);
      expect(convert('[]')).to.equal(undefined);
      expect(convert('[{"label":"no code"}]')).to.equal(undefined);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(3);
    expect(String(warnings[0])).to.contain('ep-x: topics');
    expect(convert(null)).to.equal(undefined);
    expect(choiceLabel({ code: 'a', label: { en: 'A', ar: 'أ' } }, 'ar')).to.equal('أ');
    expect(choiceLabel({ code: 'a', label: { en: 'A' } }, 'ar')).to.equal('A');
    expect(choiceLabel({ code: 'a', label: 'Same' }, 'ar')).to.equal('Same');
    expect(choiceLabel({ code: 'fallback', label: { en: ' ' } }, 'en')).to.equal('fallback');
  });
});

describe('core/on-demand', () => {
  it('loads once, tries again after a failure, and gives up on a download that stalls', async () => {
    let calls = 0;
    const load = onDemand(async () => ++calls);
    expect(await load()).to.equal(1);
    expect(await load()).to.equal(1);
    let fail = true;
    const flaky = onDemand(() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve('ok')));
    let error: unknown;
    await flaky().catch((caught: unknown) => (error = caught));
    expect(String(error)).to.contain('offline');
    fail = false;
    expect(await flaky()).to.equal('ok');
    const stalled = onDemand(() => new Promise<never>(() => undefined), 50);
    let timedOut = false;
    await stalled().catch(() => (timedOut = true));
    expect(timedOut).to.equal(true);
  });
});

/** A bare element with an announcer, a watched text and a button, for the controllers' tests. */
class ControllerHost extends LitElement {
  readonly announcer = new Announcer(this);
  readonly text = new TextWatch(this, (said) => void this.announcer.announce(said));
  override render() {
    return html`<button>inside</button><p class="result" tabindex="-1">Sent</p>${this.announcer.render()}`;
  }
}
customElements.define('ep-test-controllers', ControllerHost);

describe('core/announcer and core/text-watch', () => {
  it('moves focus to a result when the visitor is in the element, and says it when they went elsewhere', async () => {
    const host = await fixture<ControllerHost>(html`<ep-test-controllers></ep-test-controllers>`);
    host.shadowRoot!.querySelector('button')!.focus();
    host.announcer.focus('.result');
    await host.updateComplete;
    expect(host.shadowRoot!.activeElement?.className).to.equal('result');
    const elsewhere = document.createElement('input');
    document.body.append(elsewhere);
    try {
      elsewhere.focus();
      host.announcer.focus('.result');
      await waitUntil(() => host.shadowRoot!.querySelector('#announcer')!.textContent === 'Sent', 'not announced');
      expect(document.activeElement === elsewhere, 'focus stayed where the visitor put it').to.equal(true);
    } finally {
      elsewhere.remove();
    }
  });

  it('counts as the visitor types, says so only at thresholds, and warns about personal data after a pause', async () => {
    const host = await fixture<ControllerHost>(html`<ep-test-controllers></ep-test-controllers>`);
    const said: string[] = [];
    const watch = new TextWatch(host, (text) => said.push(text));
    watch.update('a'.repeat(50), 100);
    watch.update('a'.repeat(76), 100);
    watch.update('a'.repeat(80), 100);
    watch.update('a'.repeat(95), 100);
    watch.update('a'.repeat(101), 100);
    expect(said).to.deep.equal([
      'You have 24 characters remaining',
      'You have 5 characters remaining',
      'You have 1 character too many',
    ]);
    expect(watch.count(100)).to.deep.equal({ text: 'You have 1 character too many', over: true });
    watch.update('', 100, true);
    expect(watch.count(100)).to.deep.equal({ text: 'You have 100 characters remaining', over: false });
    said.length = 0;
    watch.update('mail me at a@b.sa', 100);
    expect(watch.warning()).to.equal(undefined);
    await waitUntil(() => watch.warning() !== undefined, 'no warning', { timeout: 2000 });
    expect(watch.warning()).to.contain('an email address');
    expect(said).to.deep.equal([watch.warning()]);
    watch.update('', 100);
    expect(watch.warning()).to.equal(undefined);
  });
});
