/**
 * The console's "what we changed" notes (/console/api/changes), once per dialect: written, edited, listed and
 * deleted with the bearer token standing in for a moderator; every change in the audit log with its actor;
 * bodies checked against the contract (both languages required, their limits, the date, the link); the page
 * stored under the key votes are; nothing written or read without the token. Every body asserted on is also
 * checked against its contract schema.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { changeNoteRoutes } from '../console/changes/routes.js';
import type { Schemas } from '../contract.js';
import { auth, contract, DIALECTS, fieldsOf, suiteApp, type TestApp, valid } from './helpers.js';

type ChangeNote = Schemas['ChangeNote'];

const API = '/console/api/changes';
const PAGE = 'https://www.example.gov.sa/ar/services/permits';

const noteInput = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  page: PAGE,
  date: '2026-03-01',
  text: {
    ar: 'أخبرتمونا أن نموذج التصريح يرفض رقم القطعة؛ في 1 مارس 2026 أصلحنا التحقق منه.',
    en: 'You told us the permit form rejected plot numbers; on 1 March 2026 we fixed its check.',
  },
  published: true,
  ...overrides,
});

function write(
  t: TestApp,
  method: 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = auth,
) {
  return t.app.inject({
    method,
    url,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

async function created(t: TestApp, overrides: Record<string, unknown> = {}): Promise<ChangeNote> {
  const response = await write(t, 'POST', API, noteInput(overrides));
  assert.equal(response.statusCode, 201, response.body);
  const note = response.json<ChangeNote>();
  valid('ChangeNote', note);
  return note;
}

const auditRows = (t: TestApp) =>
  t.sql<{ actor: string; action: string; target: string | null; status: number | string; detail: string | null }>(
    "SELECT actor, action, target, status, detail FROM audit_log WHERE action LIKE 'change-note.%' ORDER BY seq",
  );

for (const dialect of DIALECTS) {
  describe(`console: change notes (${dialect})`, () => {
    const t = suiteApp(dialect);

    it('creates, edits and deletes a note, each change audited with its actor and never its text', async () => {
      const note = await created(t, { link: 'https://www.example.gov.sa/ar/news/permits' });
      assert.equal(note.page, PAGE);
      assert.equal(note.date, '2026-03-01');
      assert.equal(note.published, true);
      assert.equal(note.link, 'https://www.example.gov.sa/ar/news/permits');
      assert.equal(note.createdBy, 'token');
      assert.equal(note.updatedBy, 'token');
      assert.equal(note.createdAt, note.updatedAt);

      const edited = await write(t, 'PATCH', `${API}/${note.id}`, {
        text: { ar: 'نص جديد', en: 'New text' },
        link: null,
        published: false,
      });
      assert.equal(edited.statusCode, 200, edited.body);
      const after = edited.json<ChangeNote>();
      valid('ChangeNote', after);
      assert.deepEqual(after.text, { ar: 'نص جديد', en: 'New text' });
      assert.equal(after.link, null);
      assert.equal(after.published, false);
      assert.equal(after.date, note.date, 'what the patch does not name is kept');
      assert.equal(after.createdAt, note.createdAt);
      assert.ok(after.updatedAt >= note.updatedAt);

      const deleted = await write(t, 'DELETE', `${API}/${note.id}`);
      assert.equal(deleted.statusCode, 204);
      assert.equal((await write(t, 'DELETE', `${API}/${note.id}`)).statusCode, 404);
      assert.equal((await write(t, 'PATCH', `${API}/${note.id}`, { published: true })).statusCode, 404);
      const listed = await t.app.inject({ url: `${API}?page=${encodeURIComponent(PAGE)}`, headers: auth });
      assert.ok(!listed.json<{ items: ChangeNote[] }>().items.some((item) => item.id === note.id));

      const rows = (await auditRows(t)).filter((row) => row.target === note.id);
      assert.deepEqual(
        rows.map((row) => [row.actor, row.action, Number(row.status)]),
        [
          ['token', 'change-note.create', 201],
          ['token', 'change-note.edit', 200],
          ['token', 'change-note.delete', 204],
          ['token', 'change-note.delete', 404],
          ['token', 'change-note.edit', 404],
        ],
      );
      assert.ok(
        rows.every((row) => row.detail === null),
        'the text is not in the audit log',
      );
    });

    it('lists notes newest written first, a page at a time, filtered by page under the vote key', async () => {
      const other = 'https://www.example.gov.sa/en/other-page';
      const first = await created(t, { page: other, date: '2026-01-01' });
      const second = await created(t, { page: `${other}?visitor=1#top`, date: '2025-12-01' });
      const third = await created(t, { page: other, date: '2026-02-01', published: false });
      assert.equal(second.page, other, 'stored without the query string and the fragment, as votes are');

      const all: ChangeNote[] = [];
      let next: string | undefined;
      do {
        const response = await t.app.inject({
          url: `${API}?limit=2&page=${encodeURIComponent(`${other}?x=1`)}${next ? `&after=${next}` : ''}`,
          headers: auth,
        });
        assert.equal(response.statusCode, 200, response.body);
        const body = response.json<{ items: ChangeNote[]; next?: string }>();
        valid('ChangeNoteList', body);
        assert.ok(body.items.length <= 2);
        all.push(...body.items);
        next = body.next;
      } while (next);
      assert.deepEqual(
        all.map((note) => note.id),
        [third.id, second.id, first.id],
      );

      const everything = await t.app.inject({ url: API, headers: auth });
      assert.ok(everything.json<{ items: ChangeNote[] }>().items.length >= 3);
      for (const query of ['limit=0', 'limit=501', 'after=x', 'page=', 'page=a&page=b']) {
        const refused = await t.app.inject({ url: `${API}?${query}`, headers: auth });
        assert.equal(refused.statusCode, 422, query);
      }
    });

    it('refuses a note without both languages, past the limits, with a bad date, page or link', async () => {
      const before = (await t.sql<{ n: number | string }>('SELECT count(*) AS n FROM change_notes'))[0]!.n;
      const cases: [Record<string, unknown>, string[]][] = [
        [noteInput({ text: { ar: 'نص' } }), ['text.en']],
        [noteInput({ text: { en: 'Text' } }), ['text.ar']],
        [noteInput({ text: { ar: ' ', en: 'Text' } }), ['text.ar']],
        [noteInput({ text: { ar: 'ن'.repeat(1001), en: 'e'.repeat(1001) } }), ['text.ar', 'text.en']],
        [noteInput({ text: { ar: 'ن'.repeat(1000), en: 'Text', fr: 'Texte' } }), ['text.fr']],
        [noteInput({ date: '2026-02-30' }), ['date']],
        [noteInput({ date: '1 March 2026' }), ['date']],
        [noteInput({ page: 'not a url' }), ['page']],
        [noteInput({ link: 'javascript:alert(1)' }), ['link']],
        [noteInput({ published: 'yes' }), ['published']],
        [{ page: PAGE, date: '2026-03-01' }, ['text']],
      ];
      for (const [body, fields] of cases) {
        const response = await write(t, 'POST', API, body);
        assert.equal(response.statusCode, 422, JSON.stringify(body).slice(0, 200));
        const answer = response.json<{ fieldErrors: { field: string }[] }>();
        valid('ValidationError', answer);
        assert.deepEqual(fieldsOf(answer), fields, JSON.stringify(body).slice(0, 200));
      }
      assert.equal(
        Number((await t.sql<{ n: number | string }>('SELECT count(*) AS n FROM change_notes'))[0]!.n),
        Number(before),
      );

      const note = await created(t);
      for (const [body, fields] of [
        [{}, ['']],
        [{ text: { ar: 'نص' } }, ['text.en']],
        [{ link: 'ftp://example.gov.sa/x' }, ['link']],
        [{ id: '7' }, ['id']],
      ] as [Record<string, unknown>, string[]][]) {
        const response = await write(t, 'PATCH', `${API}/${note.id}`, body);
        assert.equal(response.statusCode, 422, JSON.stringify(body));
        assert.deepEqual(fieldsOf(response.json()), fields, JSON.stringify(body));
      }
      for (const id of ['0', 'abc', '1234567890123456'])
        assert.equal((await write(t, 'PATCH', `${API}/${id}`, { published: true })).statusCode, 404, id);
    });

    it('without the bearer token (a viewer, for now), writes nothing and reads nothing: 401', async () => {
      const note = await created(t);
      const none = {};
      const wrong = { authorization: 'Bearer not-the-token' };
      for (const headers of [none, wrong]) {
        assert.equal((await write(t, 'POST', API, noteInput(), headers)).statusCode, 401);
        assert.equal((await write(t, 'PATCH', `${API}/${note.id}`, { published: false }, headers)).statusCode, 401);
        assert.equal((await write(t, 'DELETE', `${API}/${note.id}`, undefined, headers)).statusCode, 401);
        assert.equal((await t.app.inject({ url: API, headers })).statusCode, 401);
      }
      const [row] = await t.sql<{ published: number | string }>(
        'SELECT published FROM change_notes WHERE id = ?'.replace('?', dialect === 'postgres' ? '$1' : '?'),
        [Number(note.id)],
      );
      assert.equal(Number(row!.published), 1, 'the refused edit changed nothing');
      assert.ok(
        (await auditRows(t)).every((row) => Number(row.status) !== 401),
        'refused sign-ins are not changes',
      );
    });

    it('declares the least role of each route: viewer to read, moderator to change', async () => {
      // The session guard reads these; the routes' own table is where it finds them.
      const probe = Fastify();
      const roles: string[] = [];
      probe.addHook(
        'onRoute',
        (route) => void roles.push(`${String(route.method)} ${route.url} ${String(route.config?.role)}`),
      );
      await probe.register(changeNoteRoutes, { config: t.config, store: t.store, contract: contract() });
      await probe.close();
      assert.deepEqual(roles.filter((role) => !role.startsWith('HEAD')).sort(), [
        'DELETE /changes/:id moderator',
        'GET /changes viewer',
        'PATCH /changes/:id moderator',
        'POST /changes moderator',
      ]);
    });
  });
}
