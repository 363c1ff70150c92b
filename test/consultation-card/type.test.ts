// The type of consultation (the E-Participation Statement's two: legal, on draft regulations and laws, and
// non-legal) and, for a legal one, the link to its page on Istitlaa: in both languages, with axe in each
// state; a link that is not http(s) never shown; the parts a page themes them by.
import { expect } from '@open-wc/testing';
import type { ConsultationJson } from '../../src/consultation-card/model.js';
import { LANGUAGES, resetPage, setPageLanguage } from '../helpers/page.js';
import { $, $$, textOf } from '../helpers/shadow.js';
import { CardEndpoint, card, consultationJson, expectNone, loadedCard, shown } from './helpers.js';

const ISTITLAA = 'https://istitlaa.ncc.gov.sa/en/lighting-regulation';

const TEXT = {
  en: {
    term: 'Type',
    legal: 'Legal consultation',
    nonLegal: 'Non-legal consultation',
    link: 'Read the draft and comment on Istitlaa (another website)',
    full: 'View the full consultation on \u2068Istitlaa\u2069',
  },
  ar: {
    term: 'النوع',
    legal: 'استشارة نظامية',
    nonLegal: 'استشارة غير نظامية',
    link: 'اقرأ المسودة وأبدِ مرئياتك عليها عبر منصة استطلاع (موقع خارجي)',
    full: 'الاطلاع على الاستشارة كاملة عبر \u2068استطلاع\u2069',
  },
};

/** A legal consultation on Istitlaa, with no other link to the full consultation. */
const legal = (overrides: Partial<ConsultationJson> = {}): ConsultationJson =>
  consultationJson({ type: 'legal', istitlaaUrl: ISTITLAA, url: undefined, platform: undefined, ...overrides });

/** A card given `consultation` by the page. */
async function given(consultation: unknown) {
  const element = await card(new CardEndpoint(), 'no-id');
  element.consultation = consultation as ConsultationJson;
  await shown(element);
  return element;
}

describe('<ep-consultation-card> type of consultation', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  for (const { lang, dir } of LANGUAGES) {
    it(`a legal consultation: its type, and the link to read and comment on the draft on Istitlaa (${lang})`, async () => {
      await setPageLanguage(lang, dir);
      const { element } = await loadedCard(legal());
      expect(textOf(element, '[part="type"] dt')).to.equal(TEXT[lang].term);
      expect(textOf(element, '[part="type"] dd')).to.equal(TEXT[lang].legal);
      const facts = $$(element, '.facts > .fact').map((fact) => fact.getAttribute('part'));
      expect(facts[0], 'the type comes first').to.equal('type');
      const link = $<HTMLAnchorElement>(element, '[part="istitlaa-link"]');
      expect(link.tagName).to.equal('A');
      expect(link.textContent!.trim()).to.equal(TEXT[lang].link);
      expect(link.getAttribute('href')).to.equal(ISTITLAA);
      expect(link.relList.contains('noopener')).to.equal(true);
      expect(link.relList.contains('external')).to.equal(true);
      expect(link.hasAttribute('target'), 'it opens where the visitor is').to.equal(false);
      expectNone(element, '[part="full-link"]');
      await expect(element).to.be.accessible();
    });

    it(`a non-legal consultation: its type, and no link to Istitlaa even when one is given (${lang})`, async () => {
      await setPageLanguage(lang, dir);
      const { element } = await loadedCard(consultationJson({ type: 'non-legal', istitlaaUrl: ISTITLAA }));
      expect(textOf(element, '[part="type"] dt')).to.equal(TEXT[lang].term);
      expect(textOf(element, '[part="type"] dd')).to.equal(TEXT[lang].nonLegal);
      expectNone(element, '[part="istitlaa-link"]');
      // Its own link to where it lives elsewhere stays.
      expect(textOf(element, '[part="full-link"]')).to.equal(TEXT[lang].full);
      await expect(element).to.be.accessible();
    });
  }

  it('shows both links when the full consultation is another page than the one on Istitlaa, and one when it is the same', async () => {
    const both = await given(legal({ url: 'https://www.example.gov.sa/consultations/lighting' }));
    expect($(both, '[part="istitlaa-link"]').getAttribute('href')).to.equal(ISTITLAA);
    expect($(both, '[part="full-link"]').getAttribute('href')).to.equal(
      'https://www.example.gov.sa/consultations/lighting',
    );
    const same = await given(legal({ url: ISTITLAA, platform: { en: 'Istitlaa', ar: 'استطلاع' } }));
    expect($$(same, 'a[href]').filter((link) => link.getAttribute('href') === ISTITLAA)).to.have.length(1);
    expect($(same, '[part="istitlaa-link"]')).to.exist;
    expectNone(same, '[part="full-link"]');
  });

  it('shows no link to Istitlaa that is not http(s), and still shows the type', async () => {
    for (const link of [
      'javascript:window.__epXss=1',
      ' JavaScript:window.__epXss=1',
      'data:text/html,<b>x</b>',
      'ftp://istitlaa.ncc.gov.sa/',
    ]) {
      const element = await given({ ...legal(), istitlaaUrl: link });
      expectNone(element, '[part="istitlaa-link"]', link);
      expect(
        $$(element, 'a').every((anchor) => /^https?:/.test(anchor.getAttribute('href')!)),
        link,
      ).to.equal(true);
      expect(textOf(element, '[part="type"] dd')).to.equal('Legal consultation');
      element.parentElement!.remove();
    }
    expect((window as { __epXss?: number }).__epXss).to.equal(undefined);
  });

  it('shows no type, and no link to Istitlaa, when none or an unknown one is given', async () => {
    for (const type of [undefined, 'regulatory', '<b>legal</b>']) {
      const element = await given({ ...consultationJson({ istitlaaUrl: ISTITLAA }), type });
      expectNone(element, '[part="type"]', String(type));
      expectNone(element, '[part="istitlaa-link"]', String(type));
      element.parentElement!.remove();
    }
  });

  it('is themed through its parts, type and istitlaa-link', async () => {
    const style = document.createElement('style');
    style.textContent =
      'ep-consultation-card::part(type) { color: rgb(1, 2, 3); } ep-consultation-card::part(istitlaa-link) { color: rgb(4, 5, 6); }';
    document.head.append(style);
    try {
      const element = await given(legal());
      expect(getComputedStyle($(element, '[part="type"]')).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle($(element, '[part="istitlaa-link"]')).color).to.equal('rgb(4, 5, 6)');
    } finally {
      style.remove();
    }
  });
});
