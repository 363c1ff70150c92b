/**
 * What the page poll reads of the console's notes (GET /changes?page=), once per dialect: the page's latest
 * published note (an unpublished one never; the latest day wins, then the last written), under the key
 * votes are stored with; `{ note: null }` for a page without one; a strong ETag and 304 on If-None-Match;
 * public, short-lived, stale-while-revalidate caching; CORS as the tally's; and logs without the page or
 * any client address.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Schemas } from '../contract.js';
import { CHANGES_CACHE_CONTROL } from '../routes/changes.js';
import { auth, DIALECTS, openLoggedApp, suiteApp, type TestApp, valid } from './helpers.js';

type ChangeNote = Schemas['ChangeNote'];
type PageChanges = Schemas['PageChanges'];

const ORIGIN = 'https://www.example.gov.sa';
const text = (en: string) => ({ ar: `أخبرتمونا … ${en}`, en: `You told us …; ${en}` });

async function write(
  t: TestApp,
  method: 'POST' | 'PATCH',
  url: string,
  body: Record<string, unknown>,
): Promise<ChangeNote> {
  const response = await t.app.inject({
    method,
    url,
    headers: { ...auth, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
  assert.ok(response.statusCode === 200 || response.statusCode === 201, response.body);
  return response.json<ChangeNote>();
}

const note = (t: TestApp, page: string, date: string, en: string, published = true, link?: string) =>
  write(t, 'POST', '/console/api/changes', { page, date, text: text(en), published, ...(link ? { link } : {}) });

const read = (t: TestApp, page: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url: `/changes?page=${encodeURIComponent(page)}`, headers });

async function served(t: TestApp, page: string): Promise<PageChanges> {
  const response = await read(t, page);
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json<PageChanges>();
  valid('PageChanges', body);
  return body;
}

for (const dialect of DIALECTS) {
  describe(`GET /changes (${dialect})`, () => {
    const t = suiteApp(dialect, { allowedOrigins: [ORIGIN] });

    it('serves nothing for a page without a published note, and never an unpublished one', async () => {
      const page = `${ORIGIN}/ar/unpublished`;
      assert.deepEqual(await served(t, page), { note: null });
      const draft = await note(t, page, '2026-03-01', 'a draft', false);
      assert.deepEqual(await served(t, page), { note: null });
      await write(t, 'PATCH', `/console/api/changes/${draft.id}`, { published: true });
      assert.equal((await served(t, page)).note?.text.en, text('a draft').en);
      await write(t, 'PATCH', `/console/api/changes/${draft.id}`, { published: false });
      assert.deepEqual(await served(t, page), { note: null }, 'withdrawn: served no more');
    });

    it('serves the latest published note: the latest day, then the last written; only its public fields', async () => {
      const page = `${ORIGIN}/ar/latest`;
      await note(t, page, '2026-02-01', 'february');
      await note(t, page, '2026-03-01', 'march, first', true, `${ORIGIN}/ar/news/1`);
      await note(t, page, '2026-03-01', 'march, second');
      await note(t, page, '2026-01-01', 'january, written last');
      await note(t, page, '2026-04-01', 'april, unpublished', false);
      await note(t, `${ORIGIN}/ar/another-page`, '2026-05-01', 'another page');
      assert.deepEqual(await served(t, page), { note: { date: '2026-03-01', text: text('march, second') } });

      const linked = await note(t, page, '2026-03-02', 'with a link', true, `${ORIGIN}/ar/news/2`);
      assert.deepEqual(await served(t, page), {
        note: { date: '2026-03-02', text: text('with a link'), link: `${ORIGIN}/ar/news/2` },
      });
      const deleted = await t.app.inject({ method: 'DELETE', url: `/console/api/changes/${linked.id}`, headers: auth });
      assert.equal(deleted.statusCode, 204);
      assert.equal((await served(t, page)).note?.date, '2026-03-01');
    });

    it('reads a page under the key votes are stored with (no query, no fragment), as the tally does', async () => {
      const page = `${ORIGIN}/ar/keyed`;
      await note(t, `${page}?session=abc#top`, '2026-03-01', 'keyed');
      for (const asked of [page, `${page}?visitor=1`, `${page}#section`])
        assert.equal((await served(t, asked)).note?.text.en, text('keyed').en, asked);
      const vote = {
        id: crypto.randomUUID(),
        kind: 'page-vote',
        page: { url: `${page}?visitor=2`, title: '', lang: 'ar' },
        locale: 'ar',
        submittedAt: new Date().toISOString(),
        privacyNotice: '1',
        data: { answer: 'yes' },
      };
      const posted = await t.app.inject({
        method: 'POST',
        url: '/submissions',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(vote),
      });
      assert.equal(posted.statusCode, 201, posted.body);
      const [row] = await t.sql<{ page_url: string }>("SELECT page_url FROM change_notes WHERE text_en LIKE '%keyed'");
      const [tally] = await t.sql<{ page_url: string }>('SELECT page_url FROM page_tally');
      assert.equal(row!.page_url, tally!.page_url, 'the note and the votes share one key');
    });

    it('answers with a strong ETag, public short stale-while-revalidate caching; 304 when it matches', async () => {
      const page = `${ORIGIN}/ar/cached`;
      const empty = await read(t, page);
      assert.equal(empty.headers['cache-control'], CHANGES_CACHE_CONTROL);
      assert.match(String(empty.headers['cache-control']), /^public, max-age=\d{1,3}, stale-while-revalidate=\d+$/);
      const emptyTag = String(empty.headers.etag);
      assert.match(emptyTag, /^"[^"]+"$/, 'a strong tag');

      await note(t, page, '2026-03-01', 'cached');
      const first = await read(t, page);
      const etag = String(first.headers.etag);
      assert.notEqual(etag, emptyTag, 'a new note, a new tag');
      assert.equal((await read(t, page)).headers.etag, etag, 'the same note, the same tag');
      assert.match(String(first.headers['content-type']), /^application\/json/);

      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const again = await read(t, page, { 'if-none-match': ifNoneMatch });
        assert.equal(again.statusCode, 304, ifNoneMatch);
        assert.equal(again.body, '');
        assert.equal(again.headers.etag, etag);
        assert.equal(again.headers['cache-control'], CHANGES_CACHE_CONTROL);
      }
      const stale = await read(t, page, { 'if-none-match': emptyTag });
      assert.equal(stale.statusCode, 200);
      assert.equal(stale.json<PageChanges>().note?.date, '2026-03-01');
    });

    it('is read across origins as the tally is (allowed origin only); refuses a page that is not one', async () => {
      const page = `${ORIGIN}/ar/cors`;
      const allowed = await read(t, page, { origin: ORIGIN });
      const tally = await t.app.inject({ url: `/tally?page=${encodeURIComponent(page)}`, headers: { origin: ORIGIN } });
      assert.equal(allowed.headers['access-control-allow-origin'], ORIGIN);
      assert.equal(allowed.headers['access-control-allow-origin'], tally.headers['access-control-allow-origin']);
      // Cached publicly: a shared cache must not hand one origin's answer to another.
      assert.match(String(allowed.headers.vary), /\borigin\b/i);
      assert.equal(
        (await read(t, page, { origin: 'https://elsewhere.example' })).headers['access-control-allow-origin'],
        undefined,
      );
      for (const url of ['/changes', '/changes?page=', `/changes?page=${'a'.repeat(4097)}`, '/changes?page=a&page=b']) {
        const refused = await t.app.inject({ url });
        assert.equal(refused.statusCode, 422, url);
        valid('ValidationError', refused.json());
      }
    });
  });
}

describe('GET /changes in the logs', () => {
  it('is logged without the page asked for and without any client address', async () => {
    const lines: string[] = [];
    const { app, close } = await openLoggedApp(lines);
    try {
      const headers = { 'x-forwarded-for': '198.51.100.23', 'user-agent': 'probe-agent' };
      const page = `${ORIGIN}/ar/private-page-name?national-id=1234567890`;
      const answered = await app.inject({
        url: `/changes?page=${encodeURIComponent(page)}`,
        remoteAddress: '203.0.113.9',
        headers,
      });
      assert.equal(answered.statusCode, 200);
      const tagged = await app.inject({
        url: `/changes?page=${encodeURIComponent(page)}`,
        remoteAddress: '203.0.113.9',
        headers: { ...headers, 'if-none-match': String(answered.headers.etag) },
      });
      assert.equal(tagged.statusCode, 304);
      await app.inject({ url: '/changes?page=', remoteAddress: '203.0.113.9', headers });
      const logged = lines.join('');
      const entries = lines.map((line) => JSON.parse(line) as { req?: Record<string, unknown>; res?: unknown });
      const requests = entries.flatMap((entry) => (entry.req ? [entry.req] : []));
      assert.deepEqual(
        requests.map((req) => [req.method, req.url]),
        [
          ['GET', '/changes'],
          ['GET', '/changes'],
          ['GET', '/changes'],
        ],
        logged,
      );
      assert.ok(
        requests.every((req) => Object.keys(req).sort().join() === 'id,method,url'),
        `the request as logged is only what was asked:\n${logged}`,
      );
      assert.equal(entries.filter((entry) => entry.res).length, 3, 'each answer was logged');
      for (const secret of [
        '203.0.113.9',
        '198.51.100.23',
        'private-page-name',
        '1234567890',
        'probe-agent',
        'remoteAddress',
        'remotePort',
      ]) {
        assert.ok(!logged.includes(secret), `${secret} is not logged:\n${logged}`);
      }
    } finally {
      await close();
    }
  });
});
