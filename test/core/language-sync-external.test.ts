// Runs in a page of its own (web-test-runner isolates files): here the "application" configures
// @lit/localize before any ep-widgets element starts, which is what a Lit app that bundles ep-widgets
// from source, sharing one copy of @lit/localize, would do.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import { EpPagePoll } from '../../src/page-poll/ep-page-poll.js';
import { defineElement } from '../../src/core/element/define.js';
import { $ } from '../helpers/shadow.js';

describe('core/language-sync when the page configured @lit/localize first', () => {
  it('renders in English with a console warning, instead of staying blank', async () => {
    configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['fr'],
      loadLocale: () => Promise.reject(new Error('unused')),
    });
    document.documentElement.lang = 'ar';
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      defineElement('ep-page-poll', EpPagePoll);
      const element = await fixture<EpPagePoll>(html`<ep-page-poll endpoint="/ep-dev/external"></ep-page-poll>`);
      await element.updateComplete;
      expect($(element, '#question').textContent).to.equal('Was this page useful?');
      expect($(element, '[part="base"]').dir).to.equal('ltr');
      await waitUntil(() => warnings.length > 0, 'no warning');
      expect(warnings.join('\n')).to.contain('@lit/localize is already configured');
    } finally {
      console.warn = original;
      document.documentElement.lang = 'en';
    }
  });
});
