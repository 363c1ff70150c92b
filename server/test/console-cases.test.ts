/**
 * The console's triage (/console/api/cases), once per dialect: a case opens with each feedback message and
 * each page comment (not with reasons alone); the list filters by status, kind, assignee and tag, a page at a
 * time, without contact details; a moderator reads a case with them (audited), changes its status, assignee
 * and tags, records notes, and erases the contact details on closing; a viewer only lists; the sweep and an
 * erasure by reference take cases and notes with their submissions. Migration 0009 opens cases for what was
 * stored before it. Every body asserted on is checked against its contract schema.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApp } from '../app.js';
import { sweep } from '../privacy/sweep.js';
import { account, signedIn } from './console-auth-helpers.js';
import { jsonExportAgrees } from './export-helpers.js';
import {
  auth,
  contract,
  DIALECTS,
  envelope,
  fieldsOf,
  post,
  stored,
  suiteApp,
  testConfig,
  type TestApp,
  valid,
} from './helpers.js';
import { oldDatabase } from './old-database.js';
import { seedVotesInBatches } from '../console/insights/seed-votes.js';

const API = '/console/api/cases';
const DAY = 86_400_000;
const CONTACT = { name: 'سارة القحطاني', email: 'sara@example.sa', channel: 'email' };

type Summary = {
  reference: string;
  kind: string;
  text: string;
  status: string;
  tags: string[];
  assignee: string | null;
};

async function send(t: TestApp, kind: 'feedback' | 'page-vote-details', data: Record<string, unknown>) {
  const response = await post(t.app, envelope(kind, data));
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ reference: string }>().reference;
}

const feedback = (message: string, extra: Record<string, unknown> = {}) => ({
  type: { code: 'complaint', label: 'شكوى' },
  message,
  ...extra,
});
const details = (comment: string) => ({ answer: 'no', reasons: [], comment });

async function list(t: TestApp, query = ''): Promise<{ items: Summary[]; next?: string }> {
  const response = await t.app.inject({ url: `${API}${query}`, headers: auth });
  assert.equal(response.statusCode, 200, response.body);
  valid('CaseList', response.json());
  return response.json();
}

function change(t: TestApp, reference: string, body: unknown) {
  return t.app.inject({
    method: 'PATCH',
    url: `${API}/${reference}`,
    headers: { ...auth, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

const auditOf = (t: TestApp) =>
  t.sql<{ actor: string; action: string; target: string | null }>(
    "SELECT actor, action, target FROM audit_log WHERE action LIKE 'case.%' ORDER BY seq",
  );

for (const dialect of DIALECTS) {
  describe(`console: triage of messages and comments (${dialect})`, () => {
    const t = suiteApp(dialect);

    it('opens a case for each message and each comment, none for reasons alone; lists them newest first, filtered, a page at a time', async () => {
      const message = await send(t, 'feedback', feedback('نموذج التصريح يرفض رقم القطعة.'));
      const comment = await send(t, 'page-vote-details', details('The fees table is out of date.'));
      await send(t, 'page-vote-details', {
        answer: 'no',
        reasons: [{ code: 'outdated', label: 'Out of date' }],
        comment: '  ',
      });

      const all = await list(t);
      assert.deepEqual(
        all.items.map((item) => item.reference),
        [comment, message],
      );
      assert.deepEqual(all.items[1], {
        reference: message,
        kind: 'feedback',
        receivedAt: (all.items[1] as unknown as { receivedAt: string }).receivedAt,
        page: 'https://www.example.gov.sa/ar/e-participation',
        locale: 'ar',
        about: 'شكوى',
        text: 'نموذج التصريح يرفض رقم القطعة.',
        status: 'new',
        assignee: null,
        tags: [],
        hasContact: false,
        notes: 0,
      });
      assert.equal((all.items[0] as unknown as { about: string }).about, 'no', 'a comment says the vote it followed');
      assert.deepEqual(
        (await list(t, '?kind=feedback')).items.map((item) => item.reference),
        [message],
      );
      const first = await list(t, '?limit=1');
      assert.deepEqual(
        (await list(t, `?limit=1&after=${first.next}`)).items.map((item) => item.reference),
        [message],
      );
      const refused = await t.app.inject({ url: `${API}?status=done&tag=Not%20a%20tag`, headers: auth });
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(fieldsOf(refused.json()).sort(), ['status', 'tag']);
    });

    it('gives every case the filter finds as CSV, without contact details, formulas made harmless', async () => {
      const reference = await send(
        t,
        'feedback',
        feedback('=HYPERLINK("http://x")', { contact: CONTACT, consent: true }),
      );
      const response = await t.app.inject({ url: `${API}?format=csv&kind=feedback&limit=1`, headers: auth });
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['content-type']), /^text\/csv/);
      const [header, ...rows] = response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.ok(header!.startsWith('"reference","kind","received at"'));
      assert.equal(rows.length, (await list(t, '?kind=feedback')).items.length, 'every case, not one page');
      const row = rows.find((line) => line.startsWith(`"${reference}"`))!;
      assert.ok(row.includes(`"'=HYPERLINK(""http://x"")"`));
      assert.ok(row.includes('"yes"'), 'says contact details are held');
      assert.ok(!response.body.includes(CONTACT.email), 'but never gives them');
      const file = await t.app.inject({ url: `${API}?format=json&kind=feedback&limit=1`, headers: auth });
      const cases = jsonExportAgrees(response, file, 'cases');
      assert.equal(cases.length, rows.length);
      assert.ok(cases.every((row) => row.kind === 'feedback'));
      assert.ok(!file.body.includes(CONTACT.email), 'no contact details in JSON either');
    });

    it('lets a moderator read a case with its contact details (audited), change it and write notes of what was answered', async () => {
      const reference = await send(t, 'feedback', feedback('أرجو الرد.', { contact: CONTACT, consent: true }));
      const listed = (await list(t)).items.find((item) => item.reference === reference)!;
      assert.equal((listed as unknown as { hasContact: boolean }).hasContact, true);
      assert.equal('contact' in listed, false, 'the list holds no contact details');

      const read = await t.app.inject({ url: `${API}/${reference}`, headers: auth });
      assert.equal(read.statusCode, 200, read.body);
      valid('CaseDetail', read.json());
      assert.deepEqual(read.json().contact, CONTACT);

      const changed = await change(t, reference, {
        status: 'in-progress',
        assignee: 'noura',
        tags: ['permits', 'late-reply'],
      });
      assert.equal(changed.statusCode, 200, changed.body);
      valid('CaseDetail', changed.json());
      assert.deepEqual(
        [changed.json().case.status, changed.json().case.assignee, changed.json().case.tags, changed.json().updatedBy],
        ['in-progress', 'noura', ['permits', 'late-reply'], 'token'],
      );
      assert.deepEqual(
        (await list(t, '?tag=permits&assignee=noura&status=in-progress')).items.map((item) => item.reference),
        [reference],
      );
      assert.deepEqual((await list(t, '?tag=permit')).items, [], 'a tag is matched whole');

      const note = await t.app.inject({
        method: 'POST',
        url: `${API}/${reference}/notes`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: JSON.stringify({ text: '  Replied by email: the plot check is fixed.  ' }),
      });
      assert.equal(note.statusCode, 201, note.body);
      valid('CaseNote', note.json());
      assert.equal(note.json().text, 'Replied by email: the plot check is fixed.');
      const given = await change(t, reference, { assignee: null, status: 'answered' });
      assert.equal(given.json().case.assignee, null);
      assert.deepEqual(given.json().case.tags, ['permits', 'late-reply'], 'what a change does not name stays');
      assert.deepEqual(
        given.json().notes.map((n: { text: string }) => n.text),
        ['Replied by email: the plot check is fixed.'],
      );

      assert.deepEqual(
        (await auditOf(t)).filter((row) => row.target === reference).map((row) => `${row.action} ${row.actor}`),
        ['case.read token', 'case.update token', 'case.note token', 'case.update token'],
      );
    });

    it('erases the contact details when a case is closed with eraseContact, keeping the message; only with closed', async () => {
      const reference = await send(
        t,
        'feedback',
        feedback('Please call me back.', { contact: CONTACT, consent: true }),
      );
      const early = await change(t, reference, { eraseContact: true });
      assert.equal(early.statusCode, 422, 'not without closing');
      const openToo = await change(t, reference, { status: 'answered', eraseContact: true });
      assert.equal(openToo.statusCode, 422, 'not with another status');
      assert.deepEqual((await stored(t, reference))!.data.contact, CONTACT, 'a refused change erases nothing');

      const closed = await change(t, reference, { status: 'closed', eraseContact: true });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().contact, null);
      assert.equal(closed.json().case.hasContact, false);
      const kept = (await stored(t, reference))!.data;
      assert.equal(kept.contact, undefined);
      assert.equal(kept.message, 'Please call me back.');
    });

    it('refuses changes that do not fit the contract, and answers 404 for a reference that is not a case', async () => {
      const reference = await send(t, 'feedback', feedback('Tags?'));
      for (const [body, field] of [
        [{ tags: ['Not A Tag'] }, 'tags.0'],
        [{ status: 'done' }, 'status'],
        [{ priority: 'high' }, 'priority'],
        [{}, ''],
      ] as const) {
        const response = await change(t, reference, body);
        assert.equal(response.statusCode, 422, JSON.stringify(body));
        if (field) assert.ok(fieldsOf(response.json()).includes(field), `${JSON.stringify(body)}: ${response.body}`);
      }
      const vote = await post(t.app, envelope('page-vote'));
      const notACase = vote.json().reference;
      assert.equal((await t.app.inject({ url: `${API}/${notACase}`, headers: auth })).statusCode, 404);
      assert.equal((await change(t, notACase, { status: 'closed' })).statusCode, 404);
      assert.equal((await t.app.inject({ url: `${API}/nonsense`, headers: auth })).statusCode, 404);
    });

    it('lets a viewer list cases and nothing more (403), and no one without a sign-in (401)', async () => {
      const reference = await send(
        t,
        'feedback',
        feedback('A viewer reads this.', { contact: CONTACT, consent: true }),
      );
      await account(t.store, 'case-viewer', 'viewer');
      const viewer = await signedIn(t.app, 'case-viewer');
      assert.equal((await viewer.inject({ method: 'GET', url: API })).statusCode, 200);
      assert.equal((await viewer.inject({ method: 'GET', url: `${API}/${reference}` })).statusCode, 403);
      const patch = await viewer.inject({
        method: 'PATCH',
        url: `${API}/${reference}`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ status: 'closed', eraseContact: true }),
      });
      assert.equal(patch.statusCode, 403);
      const note = await viewer.inject({
        method: 'POST',
        url: `${API}/${reference}/notes`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ text: 'x' }),
      });
      assert.equal(note.statusCode, 403);
      assert.deepEqual((await stored(t, reference))!.data.contact, CONTACT);
      assert.equal((await t.app.inject({ url: API })).statusCode, 401);
    });

    it('lists seeded comments (the demo seeds in batches) with references, and the counters move past them', async () => {
      const day = new Date().toISOString().slice(0, 10);
      const comment = { reasons: [], comment: 'Seeded in a batch.' };
      await seedVotesInBatches(t.store, [
        { url: 'https://www.example.gov.sa/ar/seeded', day, answer: 'no', details: comment },
        { url: 'https://www.example.gov.sa/ar/seeded', day, answer: 'yes', details: comment },
      ]);
      const seeded = (await list(t, '?kind=page-vote-details')).items.filter(
        (item) => item.text === 'Seeded in a batch.',
      );
      assert.equal(seeded.length, 2);
      for (const item of seeded) assert.match(item.reference, /^PD-\d{4}-\d{6}$/);
      const after = await send(t, 'page-vote-details', details('Sent after the seed.'));
      assert.ok(!seeded.some((item) => item.reference === after), 'no reference given twice');
      assert.ok(
        after >
          seeded
            .map((item) => item.reference)
            .sort()
            .at(-1)!,
        'numbered after them',
      );
    });

    it('lets the sweep and an erasure by reference take cases and notes with their submissions', async () => {
      const erased = await send(t, 'feedback', feedback('Erase me.'));
      await t.app.inject({
        method: 'POST',
        url: `${API}/${erased}/notes`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: JSON.stringify({ text: 'A note naming the person.' }),
      });
      const gone = await t.app.inject({ method: 'DELETE', url: `/admin/references/${erased}`, headers: auth });
      assert.equal(gone.statusCode, 200, gone.body);
      assert.ok(!(await list(t)).items.some((item) => item.reference === erased));

      await sweep(t.store, t.config.retention, new Date(Date.now() + 731 * DAY));
      assert.deepEqual(await t.sql('SELECT submission_id FROM cases'), []);
      assert.deepEqual(await t.sql('SELECT id FROM case_notes'), []);
    });
  });

  describe(`migration 0009 (cases) on ${dialect}`, () => {
    it('opens a case for each message and each comment stored before it, none for reasons alone', async () => {
      const db = await oldDatabase(dialect, 8, 'ep-cases');
      const rows: Array<[id: string, kind: string, data: Record<string, unknown>]> = [
        ['11111111-1111-4111-8111-111111111111', 'feedback', feedback('Before 0009.')],
        ['22222222-2222-4222-8222-222222222222', 'page-vote-details', details('A comment before 0009.')],
        ['33333333-3333-4333-8333-333333333333', 'page-vote-details', details(' ')],
        ['44444444-4444-4444-8444-444444444444', 'page-vote', { answer: 'yes' }],
      ];
      for (const [n, [id, kind, data]] of rows.entries()) {
        await db.run(
          'INSERT INTO submissions (id, kind, reference, page_url, page_title, page_lang, locale, submitted_at, received_at, privacy_notice, data) ' +
            'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [
            id,
            kind,
            `XX-2026-00000${n + 1}`,
            'https://www.example.gov.sa/ar/services',
            '',
            'ar',
            'ar',
            '2026-11-01T10:00:00Z',
            new Date(Date.parse('2026-11-01T10:00:00Z') + n * 1000).toISOString(),
            '1',
            JSON.stringify(data),
          ],
        );
      }
      const upgraded = await db.upgrade();
      try {
        const app = await buildApp({ config: testConfig(), store: upgraded.store, contract: contract() });
        const response = await app.inject({ url: API, headers: auth });
        assert.equal(response.statusCode, 200, response.body);
        assert.deepEqual(
          response.json().items.map((item: Summary) => [item.reference, item.status, item.text]),
          [
            ['XX-2026-000002', 'new', 'A comment before 0009.'],
            ['XX-2026-000001', 'new', 'Before 0009.'],
          ],
        );
        await app.close();
      } finally {
        await upgraded.drop();
      }
    });
  });
}
