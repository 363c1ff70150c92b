// Showing a consultation: loaded by id or given by the page, every part, every status (on an injected clock,
// never by waiting), every level with its promise, both calendars, time left, plurals, the loading, not-found
// and failure states, text from the endpoint as text, and the compact layout in a grid. Both languages, axe.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConsultationJson } from '../../src/consultation-card/model.js';
import { LANGUAGES, resetPage, setPageLanguage } from '../helpers/page.js';
import { $, $$, expectFocused, textOf } from '../helpers/shadow.js';
import { runElementSuite } from '../suites/ep-element-suite.js';
import { ENGAGEMENT_LEVELS } from '../fixtures/engagement-levels.js';
import {
  AFTER,
  BEFORE,
  CardEndpoint,
  NOW,
  OUTCOME,
  XSS,
  card,
  cardText,
  consultationJson,
  expectNone,
  loadedCard,
  settle,
  shown,
  type EpConsultationCard,
} from './helpers.js';

runElementSuite({
  tag: 'ep-consultation-card',
  defineModule: '../../src/ep-consultation-card.ts',
  // With an endpoint but no consultation named, the card says it has none to show.
  readyText: { en: 'This consultation could not be found.', ar: 'تعذّر العثور على هذه الاستشارة.' },
});

/** What the visitor reads, per language, for the default consultation (helpers.ts) at each time. */
const TEXT = {
  en: {
    title: 'Street lighting in residential streets',
    department: 'Roads Agency',
    opens: 'November 20, 2026 (Jumada II 10, 1448 AH)',
    closes: 'December 4, 2026 (Jumada II 24, 1448 AH)',
    published: 'Published on December 20, 2026 (Rajab 11, 1448 AH)',
    participants: '1,284 participants',
    status: { upcoming: 'Upcoming', open: 'Open', closed: 'Closed', outcome: 'Outcome published' },
    timeLeft: { upcoming: 'Opens in 4 days', open: 'Closes in 2 days' },
    opensOn: 'You can give your view from November 20, 2026 (Jumada II 10, 1448 AH).',
    closed: 'This consultation is closed. Views are no longer accepted.',
    giveView: 'Give your view',
    documents: ['The lighting plan', 'Annex (PDF)'],
    full: 'View the full consultation on \u2068Istitlaa\u2069',
    outcome: ['You said, we did', 'What we heard', 'Views received', 'What we decided'],
    counts: ['Support 700 (70%)', 'Neutral 100 (10%)', 'Oppose 200 (20%)'],
    report: 'Read the full report',
    loading: 'Loading the consultation…',
    notFound: 'This consultation could not be found.',
    failed: 'The consultation could not be loaded. The service had a problem. Please try again in a moment.',
    tryAgain: 'Try again',
    unavailable: 'This feature is not available at the moment.',
  },
  ar: {
    title: 'إنارة الشوارع السكنية',
    department: 'وكالة الطرق',
    opens: '١٠ جمادى الآخرة ١٤٤٨ هـ الموافق ٢٠ نوفمبر ٢٠٢٦م',
    closes: '٢٤ جمادى الآخرة ١٤٤٨ هـ الموافق ٤ ديسمبر ٢٠٢٦م',
    published: 'نُشرت في ١١ رجب ١٤٤٨ هـ الموافق ٢٠ ديسمبر ٢٠٢٦م',
    participants: '١٬٢٨٤ مشاركًا',
    status: { upcoming: 'قادمة', open: 'مفتوحة', closed: 'مغلقة', outcome: 'نُشرت النتائج' },
    timeLeft: { upcoming: 'يُفتح باب المشاركة خلال ٤ أيام', open: 'يُغلق باب المشاركة خلال يومين' },
    opensOn: 'يمكنك إبداء رأيك ابتداءً من ١٠ جمادى الآخرة ١٤٤٨ هـ الموافق ٢٠ نوفمبر ٢٠٢٦م.',
    closed: 'أُغلقت هذه الاستشارة، ولم يعد استقبال الآراء متاحًا.',
    giveView: 'أبدِ رأيك',
    documents: ['خطة الإنارة', 'Annex (PDF)'],
    full: 'الاطلاع على الاستشارة كاملة عبر \u2068استطلاع\u2069',
    outcome: ['قلتم، فاستجبنا', 'ما سمعناه منكم', 'الآراء الواردة', 'ما قرّرناه'],
    counts: ['مؤيد ٧٠٠ (٧٠٪؜)', 'محايد ١٠٠ (١٠٪؜)', 'معارض ٢٠٠ (٢٠٪؜)'],
    report: 'اقرأ التقرير كاملًا',
    loading: 'جارٍ تحميل الاستشارة…',
    notFound: 'تعذّر العثور على هذه الاستشارة.',
    failed: 'تعذّر تحميل الاستشارة. حدثت مشكلة في الخدمة. يُرجى المحاولة بعد قليل.',
    tryAgain: 'حاول مرة أخرى',
    unavailable: 'هذه الميزة غير متاحة حاليًا.',
  },
};

const headings = (element: EpConsultationCard): string[] =>
  $$(element, '[role="heading"]').map(
    (heading) => `${heading.getAttribute('aria-level')} ${heading.textContent!.replace(/\s+/g, ' ').trim()}`,
  );

describe('<ep-consultation-card> showing a consultation', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  describe('loaded by id', () => {
    for (const { lang, dir } of LANGUAGES) {
      it(`shows every part of an open consultation (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const text = TEXT[lang];
        const { element, endpoint } = await loadedCard();
        const reads = (await endpoint.log()).filter((entry) => entry.route === 'consultations');
        expect(reads.map((read) => read.method)).to.deep.equal(['GET']);
        const title = $(element, '#title');
        expect(textOf(element, '#title')).to.equal(text.title);
        expect(title.getAttribute('role')).to.equal('heading');
        expect(title.getAttribute('aria-level')).to.equal('2');
        expect(title.getAttribute('dir')).to.equal('auto');
        expect($(element, '[part="base"]').getAttribute('aria-labelledby')).to.equal('title');
        expect(textOf(element, '[part="status"]')).to.equal(text.status.open);
        expect(textOf(element, '[part="time-left"]')).to.equal(text.timeLeft.open);
        expect(textOf(element, '[part="department"] dd')).to.equal(text.department);
        expect(textOf(element, '[part="level"] dd')).to.equal(ENGAGEMENT_LEVELS[lang].consultation[0]);
        expect(textOf(element, '[part="promise"]')).to.contain(ENGAGEMENT_LEVELS[lang].consultation[1]);
        expect(textOf(element, '[part="opens"] dd')).to.equal(text.opens);
        expect(textOf(element, '[part="closes"] dd')).to.equal(text.closes);
        expect($(element, '[part="closes"] time').getAttribute('datetime')).to.equal('2026-12-03T21:00:00.000Z');
        expect(textOf(element, '[part="participants"]')).to.equal(text.participants);
        expect($$(element, '[part="documents"] a').map((link) => link.textContent!.trim())).to.deep.equal(
          text.documents,
        );
        expect($$(element, '[part="documents"] a').map((link) => link.getAttribute('href'))).to.deep.equal([
          'https://example.gov.sa/lighting-plan.pdf',
          'https://example.gov.sa/annex.pdf',
        ]);
        expect(textOf(element, '[part="full-link"]')).to.equal(text.full);
        expect($(element, '[part="full-link"]').getAttribute('href')).to.equal(
          'https://istitlaa.ncc.gov.sa/en/lighting',
        );
        expect(textOf(element, '#view-title')).to.equal(text.giveView);
        expect(headings(element).map((heading) => heading.slice(0, 2))).to.deep.equal(['2 ', '3 ', '3 ']);
        await expect(element).to.be.accessible();
      });
    }

    it('asks the contract path, with the id encoded', async () => {
      const endpoint = new CardEndpoint();
      await endpoint.put(consultationJson({ id: 'roads/2027 plan' }));
      const element = await card(endpoint, 'consultation-id="roads/2027 plan"');
      await shown(element);
      expect(textOf(element, '#title')).to.equal(TEXT.en.title);
      const [read] = (await endpoint.log()).filter((entry) => entry.route === 'consultations');
      expect(read!.method).to.equal('GET');
      const requested = await fetch(`${endpoint.base}/consultations/roads%2F2027%20plan`);
      expect(requested.status).to.equal(200);
    });

    it('loads again when the page names another consultation, and ignores an answer that comes too late', async () => {
      const endpoint = new CardEndpoint();
      await endpoint.put(consultationJson(), consultationJson({ id: 'parks', title: 'Parks' }));
      await endpoint.scriptReads({ delayMs: 400 });
      const element = await card(endpoint);
      element.consultationId = 'parks';
      await shown(element);
      expect(textOf(element, '#title')).to.equal('Parks');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(textOf(element, '#title'), 'the slow first answer does not win').to.equal('Parks');
    });
  });

  describe('status, by the clock the card is given', () => {
    for (const { lang, dir } of LANGUAGES) {
      it(`before it opens: upcoming, when it opens, and no form (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const { element } = await loadedCard(consultationJson(), `now="${BEFORE}"`);
        expect(textOf(element, '[part="status"]')).to.equal(TEXT[lang].status.upcoming);
        expect(textOf(element, '[part="time-left"]')).to.equal(TEXT[lang].timeLeft.upcoming);
        expect(textOf(element, '[part="opens-on"]')).to.equal(TEXT[lang].opensOn);
        expectNone(element, 'form');
        expectNone(element, 'input');
        await expect(element).to.be.accessible();
      });

      it(`after it closes: that it is closed, and the count, and no form (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const { element } = await loadedCard(consultationJson(), `now="${AFTER}"`);
        expect(textOf(element, '[part="status"]')).to.equal(TEXT[lang].status.closed);
        expectNone(element, '[part="time-left"]');
        expect(textOf(element, '[part="closed"]')).to.equal(TEXT[lang].closed);
        expect(textOf(element, '[part="participants"]')).to.equal(TEXT[lang].participants);
        expectNone(element, 'form');
        expectNone(element, '[part="outcome"]');
        await expect(element).to.be.accessible();
      });

      it(`with an outcome: you said, we did: the promise kept, what was heard and decided, when, and the report (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const { element } = await loadedCard(consultationJson({ outcome: OUTCOME }), `now="${AFTER}"`);
        const text = TEXT[lang];
        expect(textOf(element, '[part="status"]')).to.equal(text.status.outcome);
        const outcome = $(element, '[part="outcome"]');
        expect(outcome.getAttribute('aria-labelledby')).to.equal('outcome-title');
        expect(
          $$(element, '[part="outcome"] [role="heading"]').map((heading) => heading.textContent!.trim()),
        ).to.deep.equal(text.outcome);
        expect(textOf(element, '[part="outcome"] [part="promise"]')).to.contain(
          ENGAGEMENT_LEVELS[lang].consultation[1],
        );
        expect($$(element, '[part="promise"]'), 'the promise once, in the outcome').to.have.length(1);
        expect(textOf(element, '[part="outcome"] .hint')).to.equal(text.published);
        expect(textOf(element, '[part="heard"]')).to.equal(
          lang === 'en' ? 'Most of you asked for warmer light near homes.' : 'طلب معظمكم إضاءة دافئة قرب المنازل.',
        );
        expect(textOf(element, '[part="decided"]')).to.equal(
          lang === 'en'
            ? 'We will use warm white lights in every district.'
            : 'سنستخدم إضاءة بيضاء دافئة في جميع الأحياء.',
        );
        expect(
          $$(element, '[part="counts"] .count').map((row) => row.textContent!.replace(/\s+/g, ' ').trim()),
        ).to.deep.equal(text.counts);
        expect($(element, '[part="counts"] meter').getAttribute('aria-hidden')).to.equal('true');
        expect(textOf(element, '[part="report-link"]')).to.equal(text.report);
        expect($(element, '[part="report-link"]').getAttribute('href')).to.equal(
          'https://example.gov.sa/lighting-report.pdf',
        );
        expect(headings(element).map((heading) => heading.slice(0, 1))).to.deep.equal(['2', '3', '3', '4', '5', '4']);
        await expect(element).to.be.accessible();
      });
    }

    it('changes state when its clock moves, without waiting: upcoming, open, closed, outcome', async () => {
      const endpoint = new CardEndpoint();
      await endpoint.put(consultationJson({ outcome: OUTCOME }));
      const element = await card(endpoint, `now="${BEFORE}"`);
      await shown(element);
      expect(textOf(element, '[part="status"]')).to.equal('Upcoming');
      element.now = new Date(NOW);
      await settle(element);
      expect(textOf(element, '[part="status"]')).to.equal('Open');
      expect($$(element, 'input[name="stance"]')).to.have.length(3);
      let time = Date.parse('2026-12-03T20:59:00Z');
      element.now = () => time;
      await settle(element);
      expect(textOf(element, '[part="time-left"]')).to.equal('Closes in 1 minute');
      time = Date.parse('2026-12-03T21:00:00Z');
      element.requestUpdate();
      await settle(element);
      expect(textOf(element, '[part="status"]'), 'closed at its closing time').to.equal('Outcome published');
      expectNone(element, 'form');
      expect(await endpoint.reads()).to.equal(1);
    });

    it('says the time left in the largest whole unit, never overstated (both languages)', async () => {
      const { element } = await loadedCard();
      const cases: Array<[string, string, string]> = [
        ['2026-12-01T20:59:59Z', 'Closes in 2 days', 'يُغلق باب المشاركة خلال يومين'],
        ['2026-12-01T21:00:01Z', 'Closes in 47 hours', 'يُغلق باب المشاركة خلال ٤٧ ساعة'],
        ['2026-12-03T19:30:00Z', 'Closes in 1 hour', 'يُغلق باب المشاركة خلال ساعة واحدة'],
        ['2026-12-03T20:45:00Z', 'Closes in 15 minutes', 'يُغلق باب المشاركة خلال ١٥ دقيقة'],
        ['2026-12-03T20:59:30Z', 'Closes in 1 minute', 'يُغلق باب المشاركة خلال دقيقة واحدة'],
      ];
      for (const [now, en] of cases) {
        element.now = now;
        await settle(element);
        expect(textOf(element, '[part="time-left"]'), now).to.equal(en);
      }
      await setPageLanguage('ar', 'rtl');
      for (const [now, , ar] of cases) {
        element.now = now;
        await settle(element);
        expect(textOf(element, '[part="time-left"]'), now).to.equal(ar);
      }
    });

    it('renders again by itself when it closes: its timer is due at the closing time, not a minute later', async () => {
      const closesAt = Date.parse('2026-12-03T21:00:00Z');
      let time = closesAt - 20;
      const endpoint = new CardEndpoint();
      const element = await card(endpoint, 'no-id');
      element.now = () => time;
      element.consultation = consultationJson();
      await shown(element);
      expect(textOf(element, '[part="time-left"]')).to.equal('Closes in 1 minute');
      // The clock moves past the closing time; nothing asks the card to render but its own timer.
      time = closesAt;
      await waitUntil(() => element.shadowRoot!.querySelector('[part="closed"]'), 'the card did not notice it closed', {
        timeout: 500,
      });
      expect(textOf(element, '[part="status"]')).to.equal('Closed');
    });
  });

  describe('levels of participation and their promises', () => {
    for (const { lang, dir } of LANGUAGES) {
      it(`names each of the five levels with the ministry's promise (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const endpoint = new CardEndpoint();
        for (const [level, [name, promise]] of Object.entries(ENGAGEMENT_LEVELS[lang])) {
          const element = await card(endpoint, 'no-id');
          element.consultation = consultationJson({ level: level as ConsultationJson['level'] });
          await shown(element);
          expect(textOf(element, '[part="level"] dd'), level).to.equal(name);
          expect(textOf(element, '[part="promise"]'), level).to.equal(
            `${lang === 'en' ? 'Our promise:' : 'التزامنا:'} ${promise}`,
          );
          await expect(element).to.be.accessible();
          element.parentElement!.remove();
        }
      });
    }

    it('leaves out a level the ministry does not name, and its promise', async () => {
      const endpoint = new CardEndpoint();
      const element = await card(endpoint, 'no-id');
      element.consultation = { ...consultationJson(), level: 'delegation' as never };
      await shown(element);
      expectNone(element, '[part="level"]');
      expectNone(element, '[part="promise"]');
    });
  });

  describe('numbers', () => {
    const counts: Array<[number, string, string]> = [
      [0, 'No one has taken part yet', 'لم يشارك أحد بعد'],
      [1, '1 participant', 'مشارك واحد'],
      [2, '2 participants', 'مشاركان'],
      [3, '3 participants', '٣ مشاركين'],
      [11, '11 participants', '١١ مشاركًا'],
      [100, '100 participants', '١٠٠ مشارك'],
      [1284, '1,284 participants', '١٬٢٨٤ مشاركًا'],
    ];
    it('counts participants with the plural rules of each language (Arabic: six forms, one and two in words)', async () => {
      const endpoint = new CardEndpoint();
      const element = await card(endpoint, 'no-id');
      for (const [count, en] of counts) {
        element.consultation = consultationJson({ participants: count });
        await settle(element);
        expect(textOf(element, '[part="participants"]'), String(count)).to.equal(en);
      }
      await setPageLanguage('ar', 'rtl');
      for (const [count, , ar] of counts) {
        element.consultation = consultationJson({ participants: count });
        await settle(element);
        expect(textOf(element, '[part="participants"]'), String(count)).to.equal(ar);
      }
      element.consultation = consultationJson({ participants: -4 });
      await settle(element);
      expectNone(element, '[part="participants"]', 'a count that is not one');
    });

    it('writes its dates in the time zone it is given, the Kingdom’s by default, in both calendars', async () => {
      const endpoint = new CardEndpoint();
      const element = await card(endpoint, 'no-id');
      element.consultation = consultationJson();
      await shown(element);
      expect(textOf(element, '[part="closes"] dd')).to.equal('December 4, 2026 (Jumada II 24, 1448 AH)');
      element.timeZone = 'UTC';
      await settle(element);
      expect(textOf(element, '[part="closes"] dd')).to.equal('December 3, 2026 (Jumada II 23, 1448 AH)');
      element.timeZone = 'Not/AZone';
      await settle(element);
      expect(textOf(element, '[part="closes"] dd'), 'an unknown zone: the Kingdom’s').to.equal(
        'December 4, 2026 (Jumada II 24, 1448 AH)',
      );
    });
  });

  describe('given by the page', () => {
    it('shows a consultation given as a property or as a JSON attribute, and loads nothing', async () => {
      const endpoint = new CardEndpoint();
      const element = await card(endpoint, 'no-id');
      element.consultation = consultationJson({ id: 'given' });
      await shown(element);
      expect(textOf(element, '#title')).to.equal(TEXT.en.title);
      const json = JSON.stringify(consultationJson({ title: 'From the attribute' })).replace(/"/g, '&quot;');
      const fromAttribute = await card(endpoint, `consultation="${json}"`);
      await shown(fromAttribute);
      expect(textOf(fromAttribute, '#title')).to.equal('From the attribute');
      expect($$(fromAttribute, 'input[name="stance"]')).to.have.length(3);
      expect(await endpoint.reads()).to.equal(0);
    });

    it('shows it without an endpoint, with "not available" where the form would be', async () => {
      const element = await fixture<EpConsultationCard>(`<ep-consultation-card now="${NOW}"></ep-consultation-card>`);
      element.consultation = consultationJson();
      await shown(element);
      expect(textOf(element, '#title')).to.equal(TEXT.en.title);
      expect(textOf(element, '[part="take-part"] [part="unavailable"]')).to.equal(TEXT.en.unavailable);
      expectNone(element, 'form');
      await expect(element).to.be.accessible();
    });

    it('shows "could not be found" for data it cannot use, with one warning for JSON it cannot read', async () => {
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        const endpoint = new CardEndpoint();
        const broken = await card(endpoint, 'consultation="{oops"');
        await shown(broken, '[part="not-found"]');
        const element = await card(endpoint, 'no-id');
        for (const bad of [
          { title: 'No dates' },
          { ...consultationJson(), closesAt: '2026-01-01T00:00:00Z' },
          { ...consultationJson(), title: '  ' },
          'text',
        ]) {
          element.consultation = bad as ConsultationJson;
          await settle(element);
          expect(textOf(element, '[part="not-found"]'), JSON.stringify(bad)).to.equal(TEXT.en.notFound);
        }
      } finally {
        console.warn = original;
      }
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('ep-consultation-card: consultation');
    });
  });

  describe('text from the endpoint', () => {
    it('is shown as text, never as HTML, isolated for direction, and unsafe links are left out', async () => {
      const { element } = await loadedCard(
        consultationJson({
          title: XSS,
          summary: `${XSS}\nسطر عربي`,
          department: `${XSS} إدارة`,
          documents: [
            { title: XSS, url: 'javascript:alert(1)' },
            { title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
            { title: 'Kept', url: '/relative/plan.pdf' },
          ],
          url: 'javascript:alert(1)',
          outcome: undefined,
        }),
      );
      expect(textOf(element, '#title')).to.equal(XSS);
      expectNone(element, 'img');
      expectNone(element, 'script');
      expect((window as unknown as { __epXss?: number }).__epXss).to.equal(undefined);
      expect($$(element, '[part="documents"] a').map((link) => link.getAttribute('href'))).to.deep.equal([
        `${location.origin}/relative/plan.pdf`,
      ]);
      expectNone(element, '[part="full-link"]', 'a javascript: link');
      expect($(element, '[part="department"] bdi').textContent).to.equal(`${XSS} إدارة`);
      expect($(element, '#summary p').getAttribute('dir')).to.equal('auto');
      expect(getComputedStyle($(element, '#summary p')).whiteSpace).to.equal('pre-line');
      await expect(element).to.be.accessible();
    });

    it('falls back to the other language, and marks it so it is read with the right voice', async () => {
      await setPageLanguage('ar', 'rtl');
      const { element } = await loadedCard(
        consultationJson({ title: { en: 'Only in English' }, department: { en: 'Roads Agency' } }),
      );
      expect(textOf(element, '#title')).to.equal('Only in English');
      expect($(element, '#title').getAttribute('lang')).to.equal('en');
      expect($(element, '[part="department"] bdi').getAttribute('lang')).to.equal('en');
      expect($(element, '[part="base"]').getAttribute('lang')).to.equal('ar');
      await expect(element).to.be.accessible();
    });
  });

  describe('the summary', () => {
    it('is a real disclosure: open in the full layout, closed in the compact one, and toggled by keyboard', async () => {
      const { element } = await loadedCard();
      const button = $<HTMLButtonElement>(element, '[part="summary-button"]');
      expect(button.localName).to.equal('button');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(button.getAttribute('aria-controls')).to.equal('summary');
      expect(textOf(element, '#summary')).to.equal(
        'We propose brighter, energy-saving lights in residential streets. The first districts are listed in the plan.',
      );
      button.focus();
      await sendKeys({ press: 'Enter' });
      await settle(element);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expectNone(element, '#summary');
      await sendKeys({ press: 'Space' });
      await settle(element);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expectFocused(element, '[part="summary-button"]');

      const compact = (await loadedCard(consultationJson(), 'layout="compact"')).element;
      expect($(compact, '[part="summary-button"]').getAttribute('aria-expanded')).to.equal('false');
      expectNone(compact, '#summary');
      await expect(compact).to.be.accessible();
    });
  });

  describe('loading, not found, failure', () => {
    for (const { lang, dir } of LANGUAGES) {
      it(`says it is loading, then that there is no such consultation (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const endpoint = new CardEndpoint();
        await endpoint.scriptReads({ delayMs: 600 });
        const element = await card(endpoint, 'consultation-id="nothing-here"');
        await shown(element, '[part="loading"]');
        expect(textOf(element, '[part="loading"]')).to.equal(TEXT[lang].loading);
        await expect(element).to.be.accessible();
        await shown(element, '[part="not-found"]');
        expect(textOf(element, '[part="not-found"]')).to.equal(TEXT[lang].notFound);
        expectNone(element, 'button');
        await expect(element).to.be.accessible();
      });

      it(`shows a failure to load with a retry, by keyboard, that brings the card and focus on its title (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        const endpoint = new CardEndpoint();
        await endpoint.put(consultationJson());
        await endpoint.scriptReads({ status: 500, body: {} });
        const element = await card(endpoint);
        await shown(element, '[part="error"]');
        expect(textOf(element, '[part="error"] p')).to.equal(TEXT[lang].failed);
        expect(textOf(element, '[part="retry-button"]')).to.equal(TEXT[lang].tryAgain);
        await expect(element).to.be.accessible();
        await endpoint.scriptReads({ delayMs: 300 });
        $<HTMLButtonElement>(element, '[part="retry-button"]').focus();
        await sendKeys({ press: 'Enter' });
        await settle(element);
        expect(textOf(element, '[part="loading"]')).to.equal(TEXT[lang].loading);
        // Where the button was: said, rather than focus falling to the page while it reads.
        expectFocused(element, '[part="loading"]');
        await shown(element);
        await waitUntil(() => element.shadowRoot!.activeElement?.id === 'title', 'focus did not reach the title');
        expectFocused(element, '#title');
        expect(await endpoint.reads()).to.equal(2);
        await expect(element).to.be.accessible();
      });
    }

    it('treats an answer of the wrong shape as a failure, not as a consultation', async () => {
      const endpoint = new CardEndpoint();
      await endpoint.scriptReads(
        { status: 200, body: { title: 'No dates at all' } },
        { status: 200, raw: '{"title": ' },
      );
      const element = await card(endpoint);
      await shown(element, '[part="error"]');
      expect(textOf(element, '[part="error"] p')).to.contain('The service had a problem');
      $<HTMLButtonElement>(element, '[part="retry-button"]').click();
      // The retry reads again (a body that breaks off), fails again, and says so where focus goes.
      await waitUntil(async () => (await endpoint.reads()) === 2, 'no second read');
      await waitUntil(
        () => element.shadowRoot!.activeElement?.classList.contains('load-state'),
        'the failure did not take focus',
        { timeout: 4000 },
      );
      expectFocused(element, '.load-state');
      expect(textOf(element, '[part="error"] p')).to.contain('The service had a problem');
    });

    it('says when the service cannot be reached (a dropped connection)', async () => {
      const endpoint = new CardEndpoint();
      await endpoint.scriptReads({ drop: true, repeat: 10 });
      const element = await card(endpoint);
      await shown(element, '[part="error"]');
      expect(textOf(element, '[part="error"] p')).to.equal(
        'The consultation could not be loaded. We could not reach the service. Check your connection and try again.',
      );
    });
  });

  describe('layout', () => {
    // The grid docs/elements.md documents for pages (.ep-consultations), at a given width.
    const grid = (
      width: number,
      endpoint: string,
    ) => `<div class="ep-consultations" style="inline-size: ${width}px; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr)); gap: 1rem">
      ${[BEFORE, NOW, AFTER].map((now) => `<ep-consultation-card layout="compact" endpoint="${endpoint}" now="${now}"></ep-consultation-card>`).join('')}
    </div>`;

    for (const width of [1000, 360]) {
      it(`sits in the documented grid: side by side on a wide screen, stacked on a phone (${width}px)`, async () => {
        const endpoint = new CardEndpoint();
        const host = await fixture<HTMLDivElement>(grid(width, endpoint.base));
        const cards = [...host.querySelectorAll('ep-consultation-card')];
        for (const element of cards) {
          element.consultation = consultationJson({ outcome: OUTCOME });
          await shown(element);
        }
        const boxes = cards.map((element) => element.getBoundingClientRect());
        if (width === 1000) {
          expect(new Set(boxes.map((box) => Math.round(box.top))).size, 'one row').to.equal(1);
          // Cards in a row are as tall as each other: the tallest sets the row, the others fill it.
          expect(
            new Set(cards.map((element) => Math.round($(element, '[part="base"]').getBoundingClientRect().height)))
              .size,
          ).to.equal(1);
        } else {
          for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).to.be.at.least(boxes[i - 1]!.bottom);
        }
        for (const element of cards) {
          const base = $(element, '[part="base"]');
          expect(base.scrollWidth, 'nothing sticks out').to.be.at.most(base.clientWidth);
          expect(element.getAttribute('layout')).to.equal('compact');
        }
        await expect(host).to.be.accessible();
      });
    }

    it('keeps every control at least 24px and shows the form in the compact layout on demand', async () => {
      const { element } = await loadedCard(consultationJson(), 'layout="compact"');
      const open = $<HTMLButtonElement>(element, '[part="open-button"]');
      expect(open.getAttribute('aria-expanded')).to.equal('false');
      expect(open.hasAttribute('aria-controls')).to.equal(false);
      expectNone(element, 'form');
      open.click();
      await settle(element);
      expect(open.getAttribute('aria-expanded')).to.equal('true');
      expect(open.getAttribute('aria-controls')).to.equal('view-form');
      expect($(element, 'form').getAttribute('aria-labelledby')).to.equal('view-title');
      for (const control of $$(element, 'button, a, input[type="radio"]')) {
        const box = control.getBoundingClientRect();
        expect(box.height, `${control.localName} ${control.textContent?.trim()}`).to.be.at.least(24);
      }
      await expect(element).to.be.accessible();
      expect(cardText(element)).to.contain('Give your view');
    });
  });
});
