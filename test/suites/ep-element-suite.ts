/**
 * What every ep-* element must do, run by each element's tests (the Lion way: one suite, many elements):
 * guarded registration, the endpoint's three sources and the "not available" state, and language and
 * direction that follow the page.
 */
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import { configure } from '../../src/core/element/config.js';
import { resetPage, setPageLanguage } from '../helpers/page.js';
import { $ } from '../helpers/shadow.js';

export interface ElementSuiteOptions {
  tag: string;
  /** The registering module, as a URL relative to this file, loaded a second time as a distinct module. */
  defineModule: string;
  /** Text the element shows once ready, in each language (proves which language rendered). */
  readyText: { en: string; ar: string };
}

async function make(tag: string, endpoint?: string): Promise<HTMLElement> {
  const element = document.createElement(tag);
  if (endpoint) element.setAttribute('endpoint', endpoint);
  const placed = await fixture<HTMLElement>(element);
  await (placed as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return placed;
}

const shown = (element: HTMLElement) => element.shadowRoot!.textContent!.replace(/\s+/g, ' ');

export function runElementSuite({ tag, defineModule, readyText }: ElementSuiteOptions): void {
  describe(`<${tag}>: shared element behaviour`, () => {
    beforeEach(resetPage);
    afterEach(resetPage);

    it('survives being registered by a second copy of the library', async () => {
      await import(new URL(`${defineModule}?second-copy=${Date.now()}`, import.meta.url).href);
      expect(customElements.get(tag)).to.be.a('function');
    });

    it('shows a calm "not available" state and names the three ways to fix it on the console', async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.join(' '));
      try {
        const element = await make(tag);
        expect($(element, '[part~="unavailable"]').textContent).to.contain('not available');
        await waitUntil(() => errors.length > 0, 'no console error about the missing endpoint');
        expect(element.shadowRoot!.querySelector('form, button, input, textarea')).to.equal(null);
        expect(errors.join('\n'))
          .to.contain(`<${tag}>`)
          .and.contain('endpoint attribute')
          .and.contain('configure(')
          .and.contain('ep-endpoint');
        await expect(element).to.be.accessible();
        await setPageLanguage('ar', 'rtl');
        expect($(element, '[part~="unavailable"]').textContent).to.contain('غير متاحة');
        await expect(element).to.be.accessible();
      } finally {
        console.error = original;
      }
    });

    it('does not report a missing endpoint that configure() supplies a moment later', async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.join(' '));
      try {
        const element = document.createElement(tag);
        document.body.append(element);
        await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        // It rendered without an endpoint, so the report is scheduled; only its re-check, once the page's
        // scripts have run, can tell that configure() (as a later module script would) supplied one.
        expect($(element, '[part~="unavailable"]').textContent).to.contain('not available');
        configure({ endpoint: '/ep-dev/later' });
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(shown(element)).to.contain(readyText.en);
        expect(errors).to.deep.equal([]);
        element.remove();
      } finally {
        console.error = original;
      }
    });

    it('finds its endpoint through configure() and through the meta tag', async () => {
      configure({ endpoint: '/ep-dev/configured' });
      expect(shown(await make(tag))).to.contain(readyText.en);
      configure({ endpoint: '' });
      const meta = Object.assign(document.createElement('meta'), { name: 'ep-endpoint', content: '/ep-dev/meta' });
      document.head.append(meta);
      expect(shown(await make(tag))).to.contain(readyText.en);
    });

    it('follows <html lang> as it changes, with the direction that goes with it', async () => {
      const element = await make(tag, '/ep-dev/lang');
      const base = $(element, '[part~="base"]');
      expect(shown(element)).to.contain(readyText.en);
      expect(base.getAttribute('dir')).to.equal('ltr');
      await setPageLanguage('ar-SA', 'rtl');
      await nextFrame();
      expect(shown(element)).to.contain(readyText.ar);
      expect(base.getAttribute('dir')).to.equal('rtl');
      expect(base.getAttribute('lang')).to.equal('ar');
      expect(getComputedStyle(base).direction).to.equal('rtl');
      await setPageLanguage('en-GB', 'ltr');
      await waitUntil(() => shown(element).includes(readyText.en));
      expect(base.getAttribute('dir')).to.equal('ltr');
    });

    it('falls back to the configured default for a language it does not ship, and obeys a fixed locale', async () => {
      const element = await make(tag, '/ep-dev/fallback');
      await setPageLanguage('fr');
      expect(shown(element)).to.contain(readyText.en);
      configure({ defaultLocale: 'ar' });
      await setPageLanguage('de');
      expect(shown(element)).to.contain(readyText.ar);
      configure({ locale: 'en' });
      await setPageLanguage('ar');
      expect(shown(element)).to.contain(readyText.en);
      expect($(element, '[part~="base"]').getAttribute('dir')).to.equal('ltr');
    });
  });
}
