// Browsing published ideas: paging, sort, topic filter, "Show more" and where focus goes, the loading, empty
// and error states (said politely), the shape of the collector's answer checked, each idea as text in its own
// direction, the ministry's answer, and 500 ideas that stay usable; both languages, with axe in every state.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { endpointPerTest } from '../helpers/endpoint.js';
import { LANGUAGES, setPageLanguage } from '../helpers/page.js';
import { $, $$, expectFocused, focusedIn, textOf } from '../helpers/shadow.js';
import {
  announced,
  expectNone,
  expectNoneIn,
  ideaBox,
  ideaNamed,
  listSettled,
  publish,
  reads,
  scriptList,
  settle,
  sleep,
  squash,
  status,
  titles,
  within,
  type PublishedIdea,
} from './helpers.js';

const XSS = '<img src=x onerror="window.__epXss=1">';
const LONG = `${'The service centre should open in the evening for people who work. '.repeat(6)}The end of the idea.`;

/** A few ideas with everything a published idea can have. */
const IDEAS: PublishedIdea[] = [
  {
    id: 'a',
    title: 'تجديد الرخصة عبر منصة Balady دون زيارة',
    description: LONG,
    topic: 'digital-services',
    supports: 12,
    status: 'implemented',
    publishedAt: '2026-03-03T09:00:00Z',
    answer: {
      text: 'أطلقنا الخدمة في أكتوبر 2026.',
      at: '2026-10-05T09:00:00Z',
      from: 'in-progress',
      to: 'implemented',
    },
  },
  {
    id: 'b',
    title: 'Shade in parks',
    description: 'Shade over every playground.',
    topic: 'public-spaces',
    supports: 30,
    status: 'under-review',
    publishedAt: '2026-05-01T09:00:00Z',
  },
  {
    id: 'c',
    title: XSS,
    description: XSS,
    topic: { code: 'water', label: { en: 'Water', ar: 'المياه' } },
    supports: 1,
    status: 'new',
    publishedAt: '2026-06-01T09:00:00Z',
  },
];

const arabic = (n: number) => new Intl.NumberFormat('ar-SA').format(n);

describe('<ep-idea-box> list', () => {
  const endpoint = endpointPerTest();

  describe('reading pages', () => {
    it('asks for the most supported first, a page at a time, and says how many are shown', async () => {
      await publish(endpoint, 25);
      const element = await ideaBox(endpoint, 'view="list"');
      await listSettled(element);
      const [read] = await reads(endpoint);
      expect(read!.method).to.equal('GET');
      expect(read!.query).to.deep.equal({ sort: 'supported', limit: '10' });
      expect(status(element)).to.equal('Showing 10 of 25 ideas');
      expect($(element, '[part="list-status"]').getAttribute('role')).to.equal('status');
      const counts = $$(element, '[part="supporters"]').map((count) => Number(count.textContent!.replace(/\D/g, '')));
      expect(counts).to.have.length(10);
      expect([...counts].sort((a, b) => b - a)).to.deep.equal(counts);
      expect($(element, 'ol[part="ideas"]').getAttribute('aria-labelledby')).to.equal('list-title');
    });

    it('sorts by newest and filters by topic when the visitor chooses, by keyboard', async () => {
      await publish(endpoint, 25);
      const element = await ideaBox(endpoint, 'view="list"');
      await listSettled(element);
      $<HTMLSelectElement>(element, '#sort').focus();
      await sendKeys({ press: 'ArrowDown' });
      await listSettled(element);
      expect((await reads(endpoint)).at(-1)!.query).to.deep.equal({ sort: 'newest', limit: '10' });
      expect(titles(element).slice(0, 3)).to.deep.equal(['Idea 1', 'Idea 2', 'Idea 3']);
      expect(element.sort).to.equal('newest');
      expectFocused(element, '#sort');
      const filter = $<HTMLSelectElement>(element, '#filter');
      filter.value = 'housing';
      filter.dispatchEvent(new Event('change', { bubbles: true }));
      await listSettled(element);
      expect((await reads(endpoint)).at(-1)!.query).to.deep.equal({ sort: 'newest', limit: '10', topic: 'housing' });
      expect(status(element)).to.equal('Showing 4 of 4 ideas');
      expect(titles(element)).to.deep.equal(['Idea 2', 'Idea 8', 'Idea 14', 'Idea 20']);
      expectNone(element, '[part="more-button"]');
    });

    it('starts from the sort, topic and page size the author set', async () => {
      await publish(endpoint, 25);
      const element = await ideaBox(endpoint, 'view="list" sort="newest" topic="roads" page-size="2"');
      await listSettled(element);
      expect((await reads(endpoint))[0]!.query).to.deep.equal({ sort: 'newest', limit: '2', topic: 'roads' });
      expect($<HTMLSelectElement>(element, '#sort').value).to.equal('newest');
      expect($<HTMLSelectElement>(element, '#filter').value).to.equal('roads');
      expect(titles(element)).to.deep.equal(['Idea 4', 'Idea 10']);
    });

    it('"Show more" adds the next page and takes the visitor to its first idea; the last page has no button', async () => {
      await publish(endpoint, 25);
      const element = await ideaBox(endpoint, 'view="list"');
      await listSettled(element);
      const first = titles(element);
      const more = $<HTMLButtonElement>(element, '[part="more-button"]');
      expect(more.textContent!.trim()).to.equal('Show more ideas');
      more.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => titles(element).length === 20, 'the next page did not come');
      await settle(element);
      expect(titles(element).slice(0, 10)).to.deep.equal(first);
      expect((await reads(endpoint)).at(-1)!.query).to.deep.equal({ sort: 'supported', limit: '10', cursor: 'o10' });
      expectFocused(element, '#idea-10-title');
      expect(focusedIn(element)!.textContent).to.equal(titles(element)[10]);
      expect(status(element)).to.equal('Showing 20 of 25 ideas');
      $<HTMLButtonElement>(element, '[part="more-button"]').click();
      await waitUntil(() => titles(element).length === 25);
      await settle(element);
      expectNone(element, '[part="more-button"]', 'nothing more to show');
      expect(new Set(titles(element)).size).to.equal(25);
    });

    it('shows each idea once when ideas move between pages as it reads them', async () => {
      await publish(endpoint, [
        { id: 'x', title: 'X', supports: 3 },
        { id: 'y', title: 'Y', supports: 2 },
      ]);
      await scriptList(endpoint, {
        status: 200,
        body: { items: [{ id: 'x', title: 'X', supports: 3 }], next: 'o1', total: 2 },
      });
      await scriptList(endpoint, {
        status: 200,
        body: {
          items: [
            { id: 'x', title: 'X', supports: 3 },
            { id: 'y', title: 'Y', supports: 2 },
          ],
          total: 2,
        },
      });
      const element = await ideaBox(endpoint, 'view="list" page-size="1"');
      await listSettled(element);
      $<HTMLButtonElement>(element, '[part="more-button"]').click();
      await waitUntil(() => titles(element).length === 2);
      expect(titles(element)).to.deep.equal(['X', 'Y']);
    });

    it('shows only the answer to the latest request when the visitor changes the order while a page is on its way', async () => {
      await publish(endpoint, 25);
      await scriptList(endpoint, { delayMs: 700 });
      const element = await ideaBox(endpoint, 'view="list"');
      await settle(element);
      expect(status(element)).to.equal('Loading ideas…');
      element.sort = 'newest';
      await listSettled(element);
      const newest = titles(element);
      expect(newest.slice(0, 3)).to.deep.equal(['Idea 1', 'Idea 2', 'Idea 3']);
      await sleep(800);
      await settle(element);
      expect(titles(element), 'the older, slower answer was dropped').to.deep.equal(newest);
      expect(status(element)).to.equal('Showing 10 of 25 ideas');
    });
  });

  describe('states', () => {
    for (const { lang, dir } of LANGUAGES) {
      it(`is accessible and says each state politely in ${lang}: loading, empty, error with a retry, loaded`, async () => {
        await setPageLanguage(lang, dir);
        const say = {
          en: {
            loading: 'Loading ideas…',
            empty: 'No ideas have been published yet.',
            failed: 'We could not load the ideas. The service had a problem. Please try again in a moment.',
            shown: 'Showing 3 of 3 ideas',
          },
          ar: {
            loading: 'جارٍ تحميل الأفكار…',
            empty: 'لم تُنشر أي أفكار بعد.',
            failed: 'تعذّر تحميل الأفكار. حدثت مشكلة في الخدمة. يُرجى المحاولة بعد قليل.',
            shown: `تُعرض ${arabic(3)} من أصل ${arabic(3)} أفكار`,
          },
        }[lang];
        await scriptList(endpoint, { delayMs: 600 }, { status: 500, body: {} });
        const element = await ideaBox(endpoint);
        await settle(element);
        expect(status(element)).to.equal(say.loading);
        await expect(element).to.be.accessible();
        await listSettled(element);
        expect(status(element)).to.equal(say.empty);
        expectNone(element, 'ol');
        await expect(element).to.be.accessible();
        element.sort = 'newest';
        await settle(element);
        await listSettled(element);
        expect(status(element)).to.equal(say.failed);
        await expect(element).to.be.accessible();
        await publish(endpoint, IDEAS);
        $<HTMLButtonElement>(element, '[part="retry-button"]').click();
        await listSettled(element);
        expectFocused(element, '#list-title');
        expect(status(element)).to.equal(say.shown);
        expect($$(element, 'article')).to.have.length(3);
        await expect(element).to.be.accessible();
      });
    }

    it('says there is nothing on a topic', async () => {
      await publish(endpoint, IDEAS);
      const element = await ideaBox(endpoint, 'view="list" topic="housing"');
      await listSettled(element);
      expect(status(element)).to.equal('No ideas on this topic have been published yet.');
    });

    const broken = [
      // Chromium itself retries a dropped connection on a reused socket: `repeat` keeps it failing.
      {
        name: 'a network error',
        script: { drop: true, repeat: 10 },
        text: 'We could not reach the service. Check your connection and try again.',
      },
      {
        name: 'a body that is not a page',
        script: { status: 200, body: { items: 'none' } },
        text: 'The service had a problem. Please try again in a moment.',
      },
      {
        name: 'invalid JSON',
        script: { status: 200, raw: '{"items": [' },
        text: 'The service had a problem. Please try again in a moment.',
      },
      {
        name: 'a refusal',
        script: { status: 404, body: {} },
        text: 'The service had a problem. Please try again in a moment.',
      },
    ];
    for (const fault of broken) {
      it(`shows an error with a retry after ${fault.name}`, async () => {
        await scriptList(endpoint, fault.script);
        const element = await ideaBox(endpoint, 'view="list"');
        await listSettled(element);
        expect(status(element)).to.equal(`We could not load the ideas. ${fault.text}`);
        expect(textOf(element, '[part="retry-button"]')).to.equal('Try again');
      });
    }

    it('keeps the ideas shown when the next page fails, says so by the button, and tries again', async () => {
      await publish(endpoint, 25);
      const element = await ideaBox(endpoint, 'view="list"');
      await listSettled(element);
      await scriptList(endpoint, { status: 503, body: {} });
      $<HTMLButtonElement>(element, '[part="more-button"]').click();
      await waitUntil(() => element.shadowRoot!.querySelector('[part~="more-error"]'), 'no error by the button');
      await settle(element);
      expect(textOf(element, '[part~="more-error"]')).to.equal(
        'We could not load the ideas. The service had a problem. Please try again in a moment.',
      );
      await waitUntil(() => announced(element).startsWith('We could not load the ideas.'), 'the failure was not said');
      expect(titles(element)).to.have.length(10);
      expect(status(element)).to.equal('Showing 10 of 25 ideas');
      await expect(element).to.be.accessible();
      $<HTMLButtonElement>(element, '[part="more-button"]').click();
      await waitUntil(() => titles(element).length === 20);
      expectNone(element, '[part~="more-error"]');
    });

    it('checks every idea before showing it: one without an id or a title is left out, an odd field is dropped', async () => {
      await scriptList(endpoint, {
        status: 200,
        body: {
          items: [
            {
              id: 'ok',
              title: 'Fine',
              supports: -4,
              status: 'maybe',
              publishedAt: 'yesterday',
              answer: { at: '2026-01-01' },
            },
            { id: '', title: 'No id' },
            { id: 'no-title', title: '   ' },
            'not an idea',
            { id: 'n', title: 42 },
          ],
          next: '',
          total: 'many',
        },
      });
      const element = await ideaBox(endpoint, 'view="list"');
      await listSettled(element);
      expect(titles(element)).to.deep.equal(['Fine']);
      const idea = ideaNamed(element, 'Fine');
      expect(squash(within(idea, '[part="supporters"]').textContent)).to.equal('0 supporters');
      expectNoneIn(idea, '[part~="status"]', 'an unknown status');
      expectNoneIn(idea, 'time', 'an unreadable date');
      expectNoneIn(idea, '[part="answer"]', 'an answer without text');
      expectNone(element, '[part="more-button"]');
      expect(status(element)).to.equal('');
    });
  });

  describe('one idea', () => {
    for (const { lang, dir } of LANGUAGES) {
      it(`shows title, topic, status, date, excerpt and the ministry's answer, as text and in its own direction (${lang})`, async () => {
        await setPageLanguage(lang, dir);
        await publish(endpoint, IDEAS);
        const element = await ideaBox(endpoint, 'view="list" heading-level="2"');
        await listSettled(element);
        const idea = ideaNamed(element, 'تجديد الرخصة عبر منصة Balady دون زيارة');
        const title = within(idea, '[part="idea-title"]');
        expect(title.getAttribute('dir')).to.equal('auto');
        expect(title.getAttribute('role')).to.equal('heading');
        expect(title.getAttribute('aria-level')).to.equal('4');
        expect(idea.getAttribute('aria-labelledby')).to.equal(title.id);
        const meta = [...idea.querySelectorAll('.meta > div')].map(
          (pair) =>
            `${squash(pair.querySelector('dt')!.textContent)}: ${squash(pair.querySelector('dd')!.textContent)}`,
        );
        const answer = within(idea, '[part="answer"]');
        if (lang === 'en') {
          expect(meta).to.deep.equal(['Topic: Digital services', 'Status: Implemented', 'Published: March 3, 2026']);
          expect(squash(answer.textContent)).to.equal(
            'What we did Answered on October 5, 2026 Status changed from In progress to Implemented أطلقنا الخدمة في أكتوبر 2026.',
          );
          expect(squash(within(idea, '[part="supporters"]').textContent)).to.equal('12 supporters');
        } else {
          expect(meta).to.deep.equal([
            'الموضوع: الخدمات الإلكترونية',
            'الحالة: نُفِّذت',
            `تاريخ النشر: ${arabic(3)} مارس ${arabic(2026).replace(/٬/g, '')}`,
          ]);
          expect(squash(answer.textContent)).to.equal(
            `ما قمنا به تاريخ الرد: ${arabic(5)} أكتوبر ${arabic(2026).replace(/٬/g, '')} تغيّرت الحالة من «قيد التنفيذ» إلى «نُفِّذت» أطلقنا الخدمة في أكتوبر 2026.`,
          );
          expect(squash(within(idea, '[part="supporters"]').textContent)).to.equal(`${arabic(12)} مؤيدًا`);
        }
        expect(within(idea, 'time').getAttribute('datetime')).to.equal('2026-03-03T09:00:00.000Z');
        expect(within(answer, '[role="heading"]').getAttribute('aria-level')).to.equal('5');
        expect(within(answer, 'p[dir="auto"]').textContent).to.equal('أطلقنا الخدمة في أكتوبر 2026.');
        expect(within(idea, '[part~="status"]').getAttribute('part')).to.equal('status status-implemented');
        expect(within(idea, 'dd bdi').textContent).to.equal(lang === 'en' ? 'Digital services' : 'الخدمات الإلكترونية');
        await expect(element).to.be.accessible();
        // Its description opened: accessible too.
        // Named with the idea's title too (hidden from sight): a list holds many of these buttons.
        const readMore = within<HTMLButtonElement>(idea, '[part="read-more-button"]');
        const about = squash(title.textContent);
        expect(squash(readMore.textContent)).to.equal(`${lang === 'en' ? 'Read more' : 'اقرأ المزيد'}: ${about}`);
        readMore.click();
        await settle(element);
        expect(readMore.getAttribute('aria-expanded')).to.equal('true');
        expect(squash(readMore.textContent)).to.equal(`${lang === 'en' ? 'Show less' : 'عرض أقل'}: ${about}`);
        await expect(element).to.be.accessible();
      });
    }

    it('opens a long description in place with a real button, and closes it again', async () => {
      await publish(endpoint, IDEAS);
      const element = await ideaBox(endpoint, 'view="list"');
      await listSettled(element);
      const idea = ideaNamed(element, 'تجديد الرخصة عبر منصة Balady دون زيارة');
      const text = within(idea, '.expandable');
      expect(text.textContent!.endsWith('…')).to.equal(true);
      expect([...text.textContent!].length).to.be.at.most(201);
      expect(text.textContent).not.to.contain('The end of the idea.');
      const button = within<HTMLButtonElement>(idea, '[part="read-more-button"]');
      expect(button.localName).to.equal('button');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(text.id);
      const about = ': تجديد الرخصة عبر منصة Balady دون زيارة';
      expect(squash(button.textContent)).to.equal(`Read more${about}`);
      expect(squash(button.querySelector('.visually-hidden')!.textContent)).to.equal(about);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await settle(element);
      expect(text.textContent).to.equal(LONG);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(squash(button.textContent)).to.equal(`Show less${about}`);
      expectFocused(element, '[part="read-more-button"]');
      await expect(element).to.be.accessible();
      await sendKeys({ press: 'Space' });
      await settle(element);
      expect(text.textContent!.endsWith('…')).to.equal(true);
      // A short description needs no button.
      expectNoneIn(ideaNamed(element, 'Shade in parks'), '[part="read-more-button"]');
    });

    it('renders what the collector sends as text, never as HTML, and names a topic the page does not list by its own label', async () => {
      await publish(endpoint, IDEAS);
      const element = await ideaBox(endpoint, 'view="list"');
      await listSettled(element);
      const idea = ideaNamed(element, XSS);
      expect(within(idea, '.expandable').textContent).to.equal(XSS);
      expectNone(element, 'img');
      expect((window as unknown as { __epXss?: number }).__epXss).to.equal(undefined);
      expect(within(idea, 'dd bdi').textContent).to.equal('Water');
      await setPageLanguage('ar', 'rtl');
      await settle(element);
      expect(within(ideaNamed(element, XSS), 'dd bdi').textContent).to.equal('المياه');
      expect(squash(within(ideaNamed(element, XSS), '[part="supporters"]').textContent)).to.equal('مؤيد واحد');
    });

    for (const [page, dir, written] of [
      ['ar', 'rtl', 'en'],
      ['en', 'ltr', 'ar'],
    ] as const) {
      it(`lines up an idea written in the other language on its own side (${written} idea, ${page} page)`, async () => {
        await setPageLanguage(page, dir);
        const title = written === 'en' ? 'Shade in parks' : 'تظليل الحدائق';
        await publish(endpoint, [{ id: written, title, description: `${title}.` }]);
        const element = await ideaBox(endpoint, 'view="list"');
        await listSettled(element);
        for (const part of ['[part~="idea-title"]', '.expandable']) {
          const box = within(ideaNamed(element, title), part);
          const range = document.createRange();
          range.selectNodeContents(box);
          const text = range.getBoundingClientRect();
          const outer = box.getBoundingClientRect();
          const [near, far] =
            written === 'en'
              ? [text.left - outer.left, outer.right - text.right]
              : [outer.right - text.right, text.left - outer.left];
          expect(near, `${part}: the gap on the side its text starts`).to.be.below(far);
        }
      });
    }

    it('names every status in both languages', async () => {
      const statuses = ['new', 'under-review', 'accepted', 'in-progress', 'implemented', 'not-adopted'];
      await publish(
        endpoint,
        statuses.map((code, i) => ({ id: code, title: `S${i}`, status: code, supports: 10 - i })),
      );
      const element = await ideaBox(endpoint, 'view="list"');
      await listSettled(element);
      const shown = () => $$(element, '[part~="status"]').map((label) => label.textContent!.trim());
      expect(shown()).to.deep.equal(['New', 'Under review', 'Accepted', 'In progress', 'Implemented', 'Not adopted']);
      await setPageLanguage('ar', 'rtl');
      await settle(element);
      expect(shown()).to.deep.equal(['جديدة', 'قيد الدراسة', 'مقبولة', 'قيد التنفيذ', 'نُفِّذت', 'لم تُعتمد']);
    });
  });

  describe('500 ideas', () => {
    it('stays usable: only the pages asked for are in the page, each idea small (its speed: npm run bench:idea-box)', async function () {
      // Generous: this checks what is in the page, not how fast (a busy machine may be slow).
      this.timeout(120_000);
      await publish(endpoint, 500);
      const element = await ideaBox(endpoint, 'view="list" page-size="50"');
      await listSettled(element);
      const nodes = () => element.shadowRoot!.querySelectorAll('*').length;
      const inList = () => $(element, 'ol').querySelectorAll('*').length;
      // Everything around the list (form, controls, status, button) stays as it is however many ideas are shown.
      const around = nodes() - inList();
      for (let page = 1; page < 10; page++) {
        $<HTMLButtonElement>(element, '[part="more-button"]').click();
        await waitUntil(() => $$(element, 'article').length === (page + 1) * 50, `page ${page + 1} did not come`, {
          timeout: 15_000,
        });
        await settle(element);
        expectFocused(element, `#idea-${page * 50}-title`);
      }
      expect($$(element, 'article')).to.have.length(500);
      expect(status(element)).to.equal('Showing 500 of 500 ideas');
      expectNone(element, '[part="more-button"]');
      // What is in the page grows with what was shown, idea by idea, and no more.
      expect(nodes() - inList(), 'around the list: the same, less the Show more button').to.equal(around - 1);
      const perIdea = inList() / 500;
      expect(perIdea, 'elements per idea').to.be.at.most(25);
      // Descriptions are excerpts until opened: the whole text of none is in the page.
      expect(element.shadowRoot!.textContent).not.to.contain('Description of idea 1. '.repeat(12).trim());
      await expect(element).to.be.accessible();
    });
  });

  describe('keyboard only', () => {
    it('reaches the order, the filter, each idea\'s buttons and "Show more", in that order', async () => {
      await publish(endpoint, [
        ...IDEAS,
        ...Array.from({ length: 10 }, (_, i) => ({ id: `g${i}`, title: `G${i}`, supports: 0 })),
      ]);
      const element = await ideaBox(endpoint, 'view="list" page-size="2"');
      await listSettled(element);
      $<HTMLElement>(element, '#list-title').focus();
      const stops: string[] = [];
      // Six presses: past the last stop the browser may leave the page or wrap to its start, which is the
      // browser's business, not the list's.
      for (let i = 0; i < 6; i++) {
        await sendKeys({ press: 'Tab' });
        const active = focusedIn(element) as HTMLElement | null;
        if (!active) break;
        stops.push(active.id || active.getAttribute('part')!);
      }
      expect(stops).to.deep.equal([
        'sort',
        'filter',
        'support-button',
        'read-more-button',
        'support-button',
        'more-button',
      ]);
    });
  });
});
