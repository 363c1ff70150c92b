import { expect, waitUntil } from '@open-wc/testing';
import { countBand, remainingOf, shouldAnnounce } from '../../src/core/fields/character-count.js';
import { formatNumber, intlLocale, plural } from '../../src/core/language/format.js';
import { formatDate } from '../../src/core/language/dates.js';
import { directionOf, matchLocale } from '../../src/core/language/locale.js';
import { readStored, removeStored, writeStored } from '../../src/core/element/storage.js';
import { defineElement } from '../../src/core/element/define.js';
import { VERSION } from '../../src/core/element/version.js';
import { EpElement } from '../../src/core/element/ep-element.js';
import { EpSubmitEvent, EpSuccessEvent, EpErrorEvent } from '../../src/core/element/events.js';
import { createEnvelope } from '../../src/core/delivery/envelope.js';

describe('core/character-count', () => {
  it('counts characters as a visitor sees them', () => {
    expect(remainingOf('abc', 10)).to.equal(7);
    expect(remainingOf('👍🏽', 10)).to.equal(8); // two code points, four UTF-16 units
    expect(remainingOf('مرحبا', 5)).to.equal(0);
  });

  it('announces only when crossing into a band worth hearing', () => {
    expect(countBand(400, 500)).to.equal('plenty');
    expect(countBand(125, 500)).to.equal('quarter');
    expect(countBand(10, 500)).to.equal('few');
    expect(countBand(0, 500)).to.equal('none');
    expect(countBand(-1, 500)).to.equal('over');
    expect(shouldAnnounce('plenty', 'plenty')).to.equal(false);
    expect(shouldAnnounce('quarter', 'quarter')).to.equal(false);
    expect(shouldAnnounce('plenty', 'quarter')).to.equal(true);
    expect(shouldAnnounce('over', 'plenty')).to.equal(false);
    expect(shouldAnnounce('none', 'over')).to.equal(true);
  });
});

describe('core/format', () => {
  it('formats numbers with the locale digits', () => {
    expect(formatNumber(1396044, 'en')).to.equal('1,396,044');
    expect(formatNumber(1396044, 'ar')).to.equal('١٬٣٩٦٬٠٤٤');
  });

  it('takes the region from the page when it names one in the same language', () => {
    expect(intlLocale('ar', 'ar')).to.equal('ar-SA');
    expect(intlLocale('ar', 'ar-AE')).to.equal('ar-AE');
    expect(intlLocale('ar', 'en-GB')).to.equal('ar-SA');
    expect(intlLocale('en', 'en_GB')).to.equal('en-GB');
    expect(intlLocale('en', 'ar-SA')).to.equal('en');
  });

  it('chooses all six Arabic plural forms and the two English ones', () => {
    const forms = {
      zero: () => 'zero',
      one: () => 'one',
      two: () => 'two',
      few: () => 'few',
      many: () => 'many',
      other: () => 'other',
    };
    expect([0, 1, 2, 3, 11, 100].map((n) => plural(n, 'ar', forms))).to.deep.equal([
      'zero',
      'one',
      'two',
      'few',
      'many',
      'other',
    ]);
    expect([0, 1, 2, 3, 11, 100].map((n) => plural(n, 'en', forms))).to.deep.equal([
      'other',
      'one',
      'other',
      'other',
      'other',
      'other',
    ]);
    expect(plural(3, 'ar', { other: () => 'fallback' })).to.equal('fallback');
  });
});

describe('core/locale', () => {
  it('maps page language tags onto the shipped locales, else the fallback', () => {
    expect(matchLocale('ar-SA', 'en')).to.equal('ar');
    expect(matchLocale('EN_gb', 'ar')).to.equal('en');
    expect(matchLocale('fr', 'en')).to.equal('en');
    expect(matchLocale('fr', 'ar')).to.equal('ar');
    expect(matchLocale('', 'en')).to.equal('en');
    expect(matchLocale(undefined, 'ar')).to.equal('ar');
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('en')).to.equal('ltr');
  });
});

describe('core/storage', () => {
  afterEach(() => localStorage.clear());
  const isNumber = (value: unknown): value is number => typeof value === 'number';

  it('round-trips, validates, and never throws', () => {
    expect(writeStored('k', 5)).to.equal(true);
    expect(readStored('k', isNumber)).to.equal(5);
    localStorage.setItem('bad', '{not json');
    expect(readStored('bad', isNumber)).to.equal(undefined);
    writeStored('str', 'x');
    expect(readStored('str', isNumber)).to.equal(undefined);
    removeStored('k');
    expect(readStored('k', isNumber)).to.equal(undefined);
  });

  it('survives a storage that throws', () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(writeStored('k', 1)).to.equal(false);
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});

describe('core/define', () => {
  it('registers once and ignores a second registration of the same tag', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    defineElement('ep-test-define', First);
    expect(() => defineElement('ep-test-define', Second)).not.to.throw();
    expect(customElements.get('ep-test-define')).to.equal(First);
  });

  it('warns on the console, naming both versions, when another version already took the tag', async () => {
    class Older extends HTMLElement {
      static readonly version = '0.0.1';
    }
    class Current extends HTMLElement {
      static readonly version = VERSION;
    }
    const warned: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => void warned.push(message);
    try {
      defineElement('ep-test-define-older', Older);
      defineElement('ep-test-define-older', Current);
      await waitUntil(() => warned.length > 0, 'no warning');
      expect(warned[0]).to.contain('<ep-test-define-older>').and.contain(`v${VERSION}`).and.contain('v0.0.1');
      expect(customElements.get('ep-test-define-older')).to.equal(Older);
      // The same version loaded twice (a CMS bundle plus a script tag of one release) is not news.
      warned.length = 0;
      defineElement('ep-test-define-older', Older);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(warned).to.deep.equal([]);
    } finally {
      console.warn = original;
    }
  });

  it('gives every element the version in package.json', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
    expect(EpElement.version).to.equal(VERSION);
  });
});

describe('core/events', () => {
  it('bubble, are composed, and only ep-submit is cancelable', () => {
    const envelope = createEnvelope({ kind: 'k', data: {}, locale: 'en', privacyNotice: '1' });
    const submit = new EpSubmitEvent({ envelope });
    const success = new EpSuccessEvent({ envelope, response: {} });
    const error = new EpErrorEvent({ envelope, outcome: { type: 'failed', reason: 'network' } });
    expect([submit.type, success.type, error.type]).to.deep.equal(['ep-submit', 'ep-success', 'ep-error']);
    for (const event of [submit, success, error]) {
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
    }
    expect(submit.cancelable).to.equal(true);
    expect(success.cancelable).to.equal(false);
    expect(error.cancelable).to.equal(false);
  });
});

describe('core/dates: formatDate', () => {
  it("gives the Kingdom's day, whatever the visitor's time zone", () => {
    // 21:30 UTC is already the next day in Riyadh (UTC+3).
    expect(formatDate(new Date('2026-03-03T21:30:00Z'), 'en')).to.equal('March 4, 2026');
    expect(formatDate(new Date('2026-03-03T20:30:00Z'), 'en')).to.equal('March 3, 2026');
  });
});
