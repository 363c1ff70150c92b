/**
 * The console's service filter on SQLite and PostgreSQL: the services a deployment names in
 * EP_CONSOLE_SERVICES (path prefixes, a name in each language), listed by `GET /console/api/services`, and
 * `service=` on the ranking and on the changes, keeping the pages under a service's paths segment by segment,
 * language segments mapped; and what the setting refuses, said by name.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadConfig } from '../config.js';
import { inService, servicesOf, type Service } from '../console/insights/services.js';
import { jsonExportAgrees } from './export-helpers.js';
import { seedVotes, votes } from '../console/insights/seed-votes.js';
import { DIALECTS, auth, suiteApp, valid } from './helpers.js';

const HOST = 'https://www.example.gov.sa';
const API = '/console/api';

const SERVICES: Service[] = [
  {
    code: 'permits',
    name: { ar: 'تراخيص البناء', en: 'Building permits' },
    paths: ['/services/permits', '/apply/permit/'],
  },
  { code: 'fees', name: { ar: 'الرسوم', en: 'Fees' }, paths: ['/services/fees'] },
  { code: 'empty', name: { ar: 'خدمة بلا صفحات', en: 'A service without pages' }, paths: ['/nothing'] },
];

for (const dialect of DIALECTS) {
  describe(`console service filter (${dialect})`, () => {
    const t = suiteApp(dialect, { consolePageLanguages: ['ar', 'en'], consoleServices: SERVICES });
    const get = (url: string, headers: Record<string, string> = auth) => t.app.inject({ url: `${API}${url}`, headers });
    const pagesOf = async (url: string) => {
      const response = await get(url);
      assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
      return (response.json().items as Array<{ page: string }>).map((item) => item.page);
    };

    before(async () => {
      await seedVotes(
        t.store,
        [
          // Permits in both languages, its application form under a second path, and a page whose path only
          // starts with the same letters (another service's archive).
          ...votes(`${HOST}/ar/services/permits`, '2026-03-02', 10, 10, 'ar'),
          ...votes(`${HOST}/en/services/permits/apply`, '2026-03-03', 12, 4, 'en'),
          ...votes(`${HOST}/ar/apply/permit/step-1`, '2026-03-04', 6, 6, 'ar'),
          ...votes(`${HOST}/ar/services/permits-archive`, '2026-03-04', 5, 5, 'ar'),
          ...votes(`${HOST}/ar/services/fees`, '2026-03-05', 9, 1, 'ar'),
          // Changes: fees before (90%) and after (40%); permits before (50%) and after (75%).
          ...votes(`${HOST}/ar/services/fees`, '2026-03-20', 4, 6, 'ar'),
          ...votes(`${HOST}/ar/services/permits`, '2026-03-21', 15, 5, 'ar'),
          ...votes(`${HOST}/ar/about`, '2026-03-05', 3, 3, 'ar'),
        ],
        dialect === 'postgres' ? 8 : 1,
      );
    });

    it('lists the services as the deployment names them, for viewers and up', async () => {
      assert.equal((await get('/services', {})).statusCode, 401);
      const response = await get('/services');
      assert.equal(response.statusCode, 200, response.body);
      valid('ConsoleServices', response.json());
      assert.deepEqual(response.json(), { items: SERVICES });
    });

    it("ranks only a service's pages: under its paths, segment by segment, both languages as one", async () => {
      assert.deepEqual((await pagesOf('/pages?service=permits&order=most-useful')).sort(), [
        `${HOST}/apply/permit/step-1`,
        `${HOST}/services/permits`,
        `${HOST}/services/permits/apply`,
      ]);
      assert.deepEqual(await pagesOf('/pages?service=fees'), [`${HOST}/services/fees`]);
      assert.deepEqual(await pagesOf('/pages?service=empty'), []);
      const all = await pagesOf('/pages');
      assert.ok(all.includes(`${HOST}/services/permits-archive`) && all.includes(`${HOST}/about`), 'no service: all');
    });

    it('takes the service with the other filters', async () => {
      assert.deepEqual(await pagesOf('/pages?service=permits&lang=en'), [`${HOST}/services/permits/apply`]);
      assert.deepEqual(await pagesOf('/pages?service=permits&path=/apply/'), [`${HOST}/apply/permit/step-1`]);
      assert.deepEqual(await pagesOf('/pages?service=permits&from=2026-03-04&to=2026-03-04'), [
        `${HOST}/apply/permit/step-1`,
      ]);
      const csv = await get('/pages?service=fees&format=csv');
      assert.equal(csv.statusCode, 200);
      assert.deepEqual(
        csv.body
          .trim()
          .split('\r\n')
          .slice(1)
          .map((row) => row.split(',')[0]),
        [`"${HOST}/services/fees"`],
      );
    });

    it("says each ranked page's service, by code, in the list and in both exports", async () => {
      const ranking = await get('/pages?order=most-useful');
      valid('PageRanking', ranking.json());
      const served = Object.fromEntries(
        (ranking.json().items as Array<{ page: string; service: string | null }>).map((p) => [p.page, p.service]),
      );
      assert.deepEqual(served, {
        [`${HOST}/services/permits`]: 'permits',
        [`${HOST}/services/permits/apply`]: 'permits',
        [`${HOST}/apply/permit/step-1`]: 'permits',
        [`${HOST}/services/permits-archive`]: null,
        [`${HOST}/services/fees`]: 'fees',
        [`${HOST}/about`]: null,
      });
      const [csv, file] = await Promise.all([
        get('/pages?order=most-useful&format=csv'),
        get('/pages?order=most-useful&format=json'),
      ]);
      assert.ok(csv.body.startsWith('\uFEFF"page","service","urls","answers"'), csv.body.slice(0, 60));
      const rows = jsonExportAgrees(csv, file, 'pages-most-useful');
      assert.deepEqual(Object.fromEntries(rows.map((row) => [row.page, row.service])), served);
    });

    it("compares a service's pages only in the changes", async () => {
      const period = 'from=2026-03-16&to=2026-03-29&minAnswers=5';
      const changed = async (service: string) => {
        const response = await get(`/pages/changes?${period}${service ? `&service=${service}` : ''}`);
        assert.equal(response.statusCode, 200, response.body);
        valid('PageShareChanges', response.json());
        return (response.json().items as Array<{ page: string; change: number }>).map(({ page, change }) => [
          page,
          Math.round(change * 100),
        ]);
      };
      assert.deepEqual(await changed(''), [
        [`${HOST}/services/fees`, -50],
        [`${HOST}/services/permits`, 25],
      ]);
      assert.deepEqual(await changed('fees'), [[`${HOST}/services/fees`, -50]]);
      assert.deepEqual(await changed('permits'), [[`${HOST}/services/permits`, 25]]);
    });

    it('refuses a service no one named, or a code outside the contract, by field', async () => {
      for (const url of ['/pages?service=parking', '/pages/changes?service=parking', '/pages?service=Permits!']) {
        const response = await get(url);
        assert.equal(response.statusCode, 422, `${url}: ${response.body}`);
        assert.deepEqual(
          response.json().fieldErrors.map((error: { field: string }) => error.field),
          ['service'],
          url,
        );
      }
    });
  });
}

describe('EP_CONSOLE_SERVICES', () => {
  const services = (value?: string) => loadConfig({ EP_CONSOLE_SERVICES: value }).consoleServices;
  const one = (fields: object) => JSON.stringify([{ ...SERVICES[0], ...fields }]);

  it('is none unset, and the JSON list given otherwise', () => {
    assert.deepEqual(services(), []);
    assert.deepEqual(services(''), []);
    assert.deepEqual(services(JSON.stringify(SERVICES)), SERVICES);
  });

  it('refuses what it cannot use, saying what', () => {
    assert.throws(() => services('permits=/services/permits'), /EP_CONSOLE_SERVICES must be JSON/);
    assert.throws(() => services('{}'), /must be a JSON list/);
    assert.throws(() => services(one({ code: 'Permits' })), /\[0\]: "code"/);
    assert.throws(() => services(one({ name: { ar: 'تراخيص' } })), /\[0\]: "name" must have "ar" and "en"/);
    assert.throws(() => services(one({ paths: [] })), /\[0\]: "paths"/);
    assert.throws(() => services(one({ paths: ['services/permits'] })), /\[0\]: "paths"/);
    assert.throws(() => servicesOf(JSON.stringify([SERVICES[1], SERVICES[1]])), /"fees" is given twice/);
  });

  it('puts a page in a service by whole path segments', () => {
    const permits = SERVICES[0]!;
    assert.ok(inService('/services/permits', permits));
    assert.ok(inService('/services/permits/apply', permits));
    assert.ok(inService('/apply/permit', permits), 'a trailing / in the setting changes nothing');
    assert.ok(!inService('/services/permits-archive', permits));
    assert.ok(!inService('/services', permits));
  });
});
