/**
 * One id, one submission, on both databases: every spelling of a UUID the contract allows (any case, a
 * `urn:uuid:` prefix) is one id, stored once, answered with its canonical form; the Idempotency-Key header
 * is compared the same way; a repeat with another body is refused (422 `idempotency-key-reused`) while the
 * same body in another key order is a repeat (after the stored row's contact details were erased, with its
 * first answer whatever its body: the hash went with them); ids
 * named inside `data` match in any spelling; the honeypot answers repeats as a stored submission would.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIALECTS, auth, envelope, post, storedCount, type TestApp, suiteApp } from './helpers.js';
import { eraseContactStatements } from '../privacy/contact.js';

/** The four spellings the issue found stored four times. */
function spellings(id: string): string[] {
  return [id, id.toUpperCase(), `urn:uuid:${id}`, `URN:UUID:${id.toUpperCase()}`];
}

const PAGE = 'https://www.example.gov.sa/ar/ids';

async function tallyOf(t: TestApp, page: string): Promise<{ yes: number; total: number }> {
  return (await t.app.inject({ url: `/tally?page=${encodeURIComponent(page)}` })).json();
}

/** Every key of an object in reverse order, all the way down (the same JSON value, other bytes). */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reordered(item)]),
  );
}

for (const dialect of DIALECTS) {
  describe(`one id, one submission (${dialect})`, () => {
    const t = suiteApp(dialect);

    it('stores one UUID sent in four spellings once, counts it once, and answers each with the first answer and the canonical id', async () => {
      const sent = envelope('page-vote', { answer: 'yes' }, { page: { url: `${PAGE}/four`, title: '', lang: '' } });
      const id = sent.id as string;
      const count = await storedCount(t);
      const answers = [];
      for (const spelling of spellings(id)) answers.push(await post(t.app, { ...sent, id: spelling }));
      assert.deepEqual(
        answers.map((response) => response.statusCode),
        [201, 201, 201, 201],
      );
      assert.equal(new Set(answers.map((response) => response.body)).size, 1, 'one answer, byte for byte');
      assert.equal(answers[0]!.json().id, id);
      assert.deepEqual(
        answers.map((response) => response.headers['idempotent-replayed']),
        [undefined, 'true', 'true', 'true'],
      );
      assert.equal(await storedCount(t), count + 1);
      assert.deepEqual(await tallyOf(t, `${PAGE}/four`), { yes: 1, total: 1 });
      assert.deepEqual(
        await t.sql(
          'SELECT id FROM submissions WHERE lower(id) LIKE ?'.replace('?', dialect === 'sqlite' ? '?' : '$1'),
          [`%${id}`],
        ),
        [{ id }],
      );

      // Sent first in capitals, it is still stored and answered in canonical form.
      const upper = envelope('feedback');
      const first = await post(t.app, { ...upper, id: `URN:UUID:${(upper.id as string).toUpperCase()}` });
      assert.equal(first.statusCode, 201);
      assert.equal(first.json().id, upper.id);
      const listed = await t.app.inject({ url: '/admin/submissions?kind=feedback&limit=1000', headers: auth });
      assert.ok(listed.json().items.some((item: { id: string }) => item.id === upper.id));
    });

    it('takes the Idempotency-Key in another spelling of the id, and refuses one that names another id', async () => {
      const sent = envelope('feedback');
      const id = sent.id as string;
      const spelt = await post(t.app, sent, { 'idempotency-key': `urn:uuid:${id.toUpperCase()}` });
      assert.equal(spelt.statusCode, 201, spelt.body);
      const other = await post(t.app, envelope('feedback'), { 'idempotency-key': `URN:UUID:${id}` });
      assert.equal(other.statusCode, 422);
      assert.deepEqual(
        other.json().fieldErrors.map((error: { field: string }) => error.field),
        ['id'],
      );
    });

    it('refuses a repeat with another body (422 idempotency-key-reused), storing and counting nothing', async () => {
      const page = { url: `${PAGE}/reused`, title: '', lang: '' };
      const sent = envelope('page-vote', { answer: 'yes' }, { page });
      const first = await post(t.app, sent);
      assert.equal(first.statusCode, 201);
      const count = await storedCount(t);
      const changes = [
        { ...sent, data: { answer: 'no' } },
        { ...sent, id: (sent.id as string).toUpperCase(), data: { answer: 'no' } },
        { ...sent, submittedAt: new Date(Date.parse(sent.submittedAt as string) + 1).toISOString() },
        { ...sent, page: { ...page, title: 'Another title' } },
      ];
      for (const changed of changes) {
        const response = await post(t.app, changed);
        assert.equal(response.statusCode, 422, response.body);
        assert.deepEqual(response.json().fieldErrors, [
          {
            field: 'id',
            code: 'idempotency-key-reused',
            message: 'This id was already used for a submission with another body.',
          },
        ]);
        assert.equal(response.headers['idempotent-replayed'], undefined);
      }
      assert.equal(await storedCount(t), count);
      assert.deepEqual(await tallyOf(t, page.url), { yes: 1, total: 1 });

      // The same JSON value in another key order and spacing is the same body: a repeat.
      const same = await post(
        t.app,
        JSON.stringify(reordered({ ...sent, id: `urn:uuid:${sent.id as string}` }), null, 2),
      );
      assert.equal(same.statusCode, 201, same.body);
      assert.equal(same.body, first.body);
      assert.equal(same.headers['idempotent-replayed'], 'true');
    });

    it("answers a repeat after the stored row's contact details were erased with its first answer, keeping no hash of them", async () => {
      const sent = envelope('feedback', {
        type: { code: 'complaint', label: 'شكوى' },
        message: 'لم يصلني رد 📨',
        contact: { name: 'سارة', email: 'sara@example.sa', channel: 'email' },
        consent: true,
      });
      const first = await post(t.app, sent);
      assert.equal(first.statusCode, 201, first.body);
      // As the privacy sweep erases them: the message stays; the contact goes, and the hash that covered it.
      await t.store.batch(
        eraseContactStatements(sent.id as string, sent.data as Record<string, unknown>, new Date()).statements,
      );
      const stored = await t.sql<{ data: unknown; body_hash: string | null }>(
        `SELECT data, body_hash FROM submissions WHERE id = ${dialect === 'sqlite' ? '?' : '$1'}`,
        [sent.id],
      );
      assert.ok(!JSON.stringify(stored[0]!.data).includes('sara@'), 'erased');
      assert.equal(stored[0]!.body_hash, null, 'no hash left to confirm a guess at them');

      const repeat = await post(t.app, sent);
      assert.equal(repeat.statusCode, 201, repeat.body);
      assert.equal(repeat.body, first.body);
    });

    it('answers a repeat of a row that has no hash (written by a tool that does not know the column) with its first answer, whatever its body', async () => {
      const sent = envelope('feedback');
      const first = await post(t.app, sent);
      await t.sql(
        `UPDATE submissions SET body_hash = NULL WHERE id = ${dialect === 'sqlite' ? '?' : '$1'} RETURNING id`,
        [sent.id],
      );
      const other = await post(t.app, { ...sent, data: { ...(sent.data as object), message: 'Another body.' } });
      assert.equal(other.statusCode, 201, other.body);
      assert.equal(other.body, first.body);
    });

    it('matches the ids named inside data in any spelling: the support a taking back names, the view a view replaces', async () => {
      const idea = (await post(t.app, envelope('idea'))).json().id as string;
      assert.equal(
        (
          await t.app.inject({
            method: 'PATCH',
            url: `/admin/ideas/${idea}`,
            headers: { ...auth, 'content-type': 'application/json' },
            payload: '{"state":"published"}',
          })
        ).statusCode,
        200,
      );
      const support = envelope('idea-support', { ideaId: idea.toUpperCase(), support: true });
      const given = await post(t.app, support);
      assert.equal(given.statusCode, 201, given.body);
      assert.equal(given.json().supports, 1, 'the idea found under another spelling of its id');
      const takenBack = await post(
        t.app,
        envelope('idea-support', {
          ideaId: `urn:uuid:${idea}`,
          support: false,
          withdraws: `URN:UUID:${(support.id as string).toUpperCase()}`,
        }),
      );
      assert.equal(takenBack.statusCode, 201, takenBack.body);
      assert.equal(takenBack.json().supports, 0);

      const consultation = 'ids-open';
      const now = Date.now();
      const put = await t.app.inject({
        method: 'PUT',
        url: `/admin/consultations/${consultation}`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: JSON.stringify({
          title: 'Shaded walkways',
          type: 'non-legal',
          opensAt: new Date(now - 86_400_000).toISOString(),
          closesAt: new Date(now + 86_400_000).toISOString(),
        }),
      });
      assert.equal(put.statusCode, 200, put.body);
      const view = envelope('consultation-view', { consultationId: consultation, stance: 'support' });
      assert.equal((await post(t.app, view)).statusCode, 201);
      const changed = envelope('consultation-view', {
        consultationId: consultation,
        stance: 'neutral',
        replaces: (view.id as string).toUpperCase(),
      });
      assert.equal((await post(t.app, changed)).statusCode, 201);
      const listed = (await t.app.inject({ url: '/admin/consultations', headers: auth })).json() as Array<{
        consultation: { id: string };
        views: unknown;
      }>;
      assert.deepEqual(
        listed.find((item) => item.consultation.id === consultation)?.views,
        { support: 0, neutral: 1, oppose: 0 },
        'the view it replaced no longer counts',
      );
    });

    it('answers a repeat of a filled honeypot as it answered the first (the canonical id, the same reference), storing nothing', async () => {
      const count = await storedCount(t);
      const sent = envelope('feedback', {
        type: { code: 'x', label: 'x' },
        message: 'Buy now',
        website: 'http://spam.example',
      });
      const first = await post(t.app, { ...sent, id: (sent.id as string).toUpperCase() });
      const again = await post(t.app, sent);
      assert.equal(first.statusCode, 201);
      assert.equal(first.json().id, sent.id);
      assert.equal(again.body, first.body);
      const other = await post(
        t.app,
        envelope('feedback', { type: { code: 'x', label: 'x' }, message: 'Buy now', website: 'x' }),
      );
      assert.notEqual(other.json().reference, first.json().reference);
      assert.equal(await storedCount(t), count);
    });
  });
}
