/**
 * The console's "what visitors are telling us" API (server/console/insights/) on SQLite and PostgreSQL, over
 * votes seeded on chosen days: the ranking with its Wilson interval, filters, paging, language mapping, the
 * weekly trend, the changes between periods, and reasons with comments. Behind the admin bearer token for now.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Contract, loadOpenApi } from '../contract.js';
import { queryParameters } from '../query-contract.js';
import { account, signedIn } from './console-auth-helpers.js';
import { jsonExportAgrees } from './export-helpers.js';
import { DIALECTS, auth, envelope, post, suiteApp, valid } from './helpers.js';
import { seedVotes, votes, type SeededVote } from '../console/insights/seed-votes.js';

const HOST = 'https://www.example.gov.sa';
const API = '/console/api';

for (const dialect of DIALECTS) {
  describe(`console insights (${dialect})`, () => {
    const t = suiteApp(dialect, { consolePageLanguages: ['ar', 'en'] });
    const get = async (url: string, headers: Record<string, string> = auth) =>
      t.app.inject({ url: `${API}${url}`, headers });
    const json = async (url: string) => {
      const response = await get(url);
      assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
      return response.json();
    };

    before(async () => {
      const seeded: SeededVote[] = [
        // The permits page in two languages: 81 yes of 263 in all.
        ...votes(`${HOST}/ar/services/permits`, '2026-03-02', 50, 100, 'ar'),
        ...votes(`${HOST}/en/services/permits`, '2026-03-10', 31, 82, 'en'),
        // A page with 3 yes of 3, and one with 90 of 100.
        ...votes(`${HOST}/ar/about`, '2026-03-03', 3, 0),
        ...votes(`${HOST}/ar/services/fees`, '2026-03-04', 90, 10),
        // Changes: fees moves from 90% (above) to 40% in the next 14 days; contact stays at 50%.
        ...votes(`${HOST}/ar/services/fees`, '2026-03-20', 16, 24),
        ...votes(`${HOST}/ar/contact`, '2026-03-05', 20, 20),
        ...votes(`${HOST}/ar/contact`, '2026-03-19', 20, 20),
        {
          url: `${HOST}/ar/services/permits`,
          day: '2026-03-02',
          answer: 'no',
          lang: 'ar',
          details: { reasons: [{ code: 'outdated', label: 'المعلومات قديمة' }], comment: 'الرابط لا يعمل' },
        },
        {
          url: `${HOST}/en/services/permits`,
          day: '2026-03-11',
          answer: 'no',
          lang: 'en',
          details: {
            reasons: [
              { code: 'outdated', label: 'Out of date' },
              { code: 'hard', label: 'Hard to follow' },
            ],
            comment: 'Broken link',
          },
        },
        {
          url: `${HOST}/en/services/permits`,
          day: '2026-03-12',
          answer: 'yes',
          lang: 'en',
          details: { reasons: [{ code: 'clear', label: 'Clear' }], comment: ' ' },
        },
      ];
      await seedVotes(t.store, seeded, dialect === 'postgres' ? 8 : 1);
    });

    it('needs the admin token until the session guard is merged', async () => {
      assert.equal((await get('/pages', {})).statusCode, 401);
    });

    it('ranks pages by the interval, counting both languages of a page as one', async () => {
      const body = await json('/pages?order=least-useful&to=2026-03-15');
      valid('PageRanking', body);
      const permits = body.items[0];
      assert.equal(permits.page, `${HOST}/services/permits`);
      assert.deepEqual(permits.urls, [`${HOST}/ar/services/permits`, `${HOST}/en/services/permits`]);
      // The seeded 81 of 263, and the two votes that came with details (a no and a yes).
      assert.deepEqual([permits.yes, permits.no, permits.total], [82, 184, 266]);
      assert.ok(permits.interval.lower < permits.share && permits.share < permits.interval.upper);
      const most = await json('/pages?order=most-useful&to=2026-03-15');
      assert.equal(most.items[0].page, `${HOST}/services/fees`, '90 of 100 tops 3 of 3');
      assert.ok(most.items.findIndex((p: { page: string }) => p.page === `${HOST}/about`) > 0);
    });

    it('filters by dates, language and path prefix, and pages with limit and offset', async () => {
      const english = await json('/pages?lang=en');
      assert.deepEqual(
        english.items.map((p: { page: string; total: number }) => [p.page, p.total]),
        [[`${HOST}/services/permits`, 115]],
      );
      const inMarch2 = await json('/pages?from=2026-03-02&to=2026-03-02');
      assert.deepEqual(
        inMarch2.items.map((p: { total: number }) => p.total),
        [151],
      );
      const services = await json('/pages?path=/services/&order=most-useful');
      assert.deepEqual(
        services.items.map((p: { page: string }) => p.page),
        [`${HOST}/services/fees`, `${HOST}/services/permits`],
      );
      const second = await json('/pages?order=most-useful&limit=1&offset=1');
      assert.equal(second.total, 4);
      assert.equal(second.items.length, 1);
      const all = await json('/pages?order=most-useful');
      assert.equal(second.items[0].page, all.items[1].page);
    });

    it('gives the whole filtered ranking as CSV, in the order of the JSON, without paging', async () => {
      const response = await get('/pages?order=most-useful&path=/services/&format=csv&limit=1');
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['content-type']), /^text\/csv/);
      assert.match(String(response.headers['content-disposition']), /pages-most-useful\.csv/);
      const [header, ...rows] = response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(header, '"page","urls","answers","yes","no","share yes","lower bound (95%)","upper bound (95%)"');
      const json = (await get('/pages?order=most-useful&path=/services/')).json();
      assert.deepEqual(
        rows.map((row) => row.split(',')[0]),
        json.items.map((p: { page: string }) => `"${p.page}"`),
      );
      assert.ok(rows[0]!.includes(`"${json.items[0].total}"`));
    });

    it('gives the same filtered ranking as a JSON file, to a viewer; to no one without a session', async () => {
      await account(t.store, 'insights-viewer', 'viewer');
      const viewer = await signedIn(t.app, 'insights-viewer');
      const query = '/pages?order=least-useful&path=/services/&lang=ar&limit=1';
      const [csv, file] = await Promise.all(
        ['csv', 'json'].map((format) => viewer.inject({ method: 'GET', url: `${API}${query}&format=${format}` })),
      );
      const rows = jsonExportAgrees(csv!, file!, 'pages-least-useful');
      const ranked = await json(`${query.replace('limit=1', 'limit=200')}`);
      assert.equal(rows.length, ranked.total, 'the whole filtered ranking, not one page');
      assert.ok(rows.length > 1);
      assert.deepEqual(
        rows.map((row) => row.page),
        ranked.items.map((p: { page: string }) => p.page),
      );
      assert.ok(rows.every((row) => new URL(String(row.page)).pathname.startsWith('/services/')));
      assert.equal(typeof rows[0]!.answers, 'number', 'numbers stay numbers');
      for (const url of [
        '/pages',
        '/cases',
        '/ideas',
        '/consultations',
        '/consultations/bus-shelters/views',
        '/panel',
      ]) {
        const refused = await t.app.inject({ url: `${API}${url}?format=json` });
        assert.equal(refused.statusCode, 401, url);
      }
    });

    it('refuses a query outside the contract', async () => {
      for (const query of ['order=best', 'limit=201', 'offset=-1', 'path=services', 'from=yesterday']) {
        assert.equal((await get(`/pages?${query}`)).statusCode, 422, query);
      }
      assert.equal((await get('/pages/trend')).statusCode, 422);
      const decades = await get(
        `/pages/trend?page=${encodeURIComponent(`${HOST}/about`)}&from=2000-01-01&to=2026-01-01`,
      );
      assert.deepEqual(
        decades.json().fieldErrors.map((error: { field: string }) => error.field),
        ['from'],
      );
    });

    it('gives a page’s weekly trend, empty weeks included', async () => {
      const body = await json(
        `/pages/trend?page=${encodeURIComponent(`${HOST}/services/permits`)}&from=2026-02-23&to=2026-03-22`,
      );
      valid('PageTrend', body);
      assert.deepEqual(
        body.weeks.map((w: { week: string; yes: number; no: number }) => [w.week, w.yes, w.no]),
        [
          ['2026-W09', 0, 0],
          ['2026-W10', 50, 101],
          ['2026-W11', 32, 83],
          ['2026-W12', 0, 0],
        ],
      );
      assert.equal(body.weeks[0].share, null);
      const english = await json(`/pages/trend?page=${encodeURIComponent(`${HOST}/services/permits`)}&lang=en`);
      assert.deepEqual(
        english.weeks.map((w: { total: number }) => w.total),
        [115],
      );
    });

    it('lists the biggest changes between two periods of pages with enough answers in both', async () => {
      const body = await json('/pages/changes?from=2026-03-15&to=2026-03-28&minAnswers=30');
      valid('PageShareChanges', body);
      assert.deepEqual(body.previous, { from: '2026-03-01', to: '2026-03-15' });
      assert.deepEqual(
        body.items.map((c: { page: string }) => c.page),
        [`${HOST}/services/fees`, `${HOST}/contact`],
      );
      const [fees, contact] = body.items;
      assert.deepEqual(
        [fees.previous.yes, fees.previous.total, fees.current.yes, fees.current.total],
        [90, 100, 16, 40],
      );
      assert.ok(Math.abs(fees.change - (0.4 - 0.9)) < 1e-9);
      assert.equal(contact.change, 0);
      const stricter = await json('/pages/changes?from=2026-03-15&to=2026-03-28&minAnswers=41');
      assert.deepEqual(stricter.items, []);
      assert.equal((await get('/pages/changes?from=2026-03-15&to=2026-03-14')).statusCode, 422);
    });

    it('gives a page’s top reasons per answer, labelled per language, and its comments newest first', async () => {
      const body = await json(`/pages/reasons?page=${encodeURIComponent(`${HOST}/services/permits`)}`);
      valid('PageReasons', body);
      assert.deepEqual(body.no, [
        { code: 'outdated', labels: { en: 'Out of date', ar: 'المعلومات قديمة' }, count: 2 },
        { code: 'hard', labels: { en: 'Hard to follow' }, count: 1 },
      ]);
      assert.deepEqual(body.yes, [{ code: 'clear', labels: { en: 'Clear' }, count: 1 }]);
      assert.deepEqual(
        body.comments.items.map((c: { comment: string }) => c.comment),
        ['Broken link', 'الرابط لا يعمل'],
      );
      assert.equal(body.comments.total, 2);
      const paged = await json(
        `/pages/reasons?page=${encodeURIComponent(`${HOST}/services/permits`)}&limit=1&offset=1&reasons=1`,
      );
      assert.deepEqual(
        paged.comments.items.map((c: { locale: string }) => c.locale),
        ['ar'],
      );
      assert.equal(paged.no.length, 1);
      const arabic = await json(
        `/pages/reasons?page=${encodeURIComponent(`${HOST}/services/permits`)}&lang=ar&to=2026-03-05`,
      );
      assert.deepEqual(
        arabic.comments.items.map((c: { comment: string }) => c.comment),
        ['الرابط لا يعمل'],
      );
    });

    it('counts a vote posted through the submission route at once', async () => {
      const url = `${HOST}/ar/new-page`;
      const page = { url, title: 'صفحة جديدة', lang: 'ar' };
      assert.equal((await post(t.app, envelope('page-vote', { answer: 'yes' }, { page }))).statusCode, 201);
      const body = await json(`/pages?path=/new-page`);
      assert.deepEqual(
        body.items.map((p: { page: string; yes: number }) => [p.page, p.yes]),
        [[`${HOST}/new-page`, 1]],
      );
    });
  });
}

describe('console insights read their query limits from the contract', () => {
  const document = loadOpenApi();
  const limit = queryParameters(document, 'consolePages').find((parameter) => parameter.name === 'limit');
  Object.assign(limit!.schema!, { maximum: 2, default: 1 });
  const t = suiteApp('sqlite', {}, new Contract(document));

  it('takes the copy’s default and refuses past its maximum', async () => {
    assert.equal((await t.app.inject({ url: `${API}/pages`, headers: auth })).json().limit, 1);
    assert.equal((await t.app.inject({ url: `${API}/pages?limit=3`, headers: auth })).statusCode, 422);
  });
});

describe('console insights without an admin token', () => {
  const t = suiteApp('sqlite', { adminToken: undefined });

  it('need a signed-in account: a bearer token is not one when the collector has none set', async () => {
    assert.equal((await t.app.inject({ url: `${API}/pages`, headers: auth })).statusCode, 401);
    assert.equal((await t.app.inject({ url: `${API}/pages` })).statusCode, 401);
  });
});
