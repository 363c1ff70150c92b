/**
 * Ideas through the HTTP API, once per dialect: an `idea` submission waits for review (pending, not public);
 * the review (PATCH /admin/ideas/{id}: publish, reject, status, answer; its refusals and its token);
 * `idea-support` (the count in the receipt, never below 0, repeats and concurrent repeats counted once,
 * refused for an idea that is not published); GET /ideas a page at a time (both sorts, ties, topic, every
 * refused query); script kept as text. Every body asserted on is also checked against its contract schema.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Schemas } from '../contract.js';
import {
  auth,
  DIALECTS,
  envelope,
  fieldsOf,
  openTestApp,
  post,
  storedCount,
  suiteApp,
  type TestApp,
  valid,
} from './helpers.js';

type Idea = Schemas['Idea'];
type IdeaPage = Schemas['IdeaPage'];
type AdminIdea = Schemas['AdminIdea'];
type AdminIdeaList = Schemas['AdminIdeaList'];
type Receipt = Schemas['Receipt'];

const year = new Date().getUTCFullYear();

/** Submits an idea (201) and answers its receipt. */
async function submitIdea(t: TestApp, data?: Record<string, unknown>): Promise<Receipt> {
  const response = await post(t.app, envelope('idea', data));
  assert.equal(response.statusCode, 201, response.body);
  const receipt = response.json<Receipt>();
  valid('Receipt', receipt);
  return receipt;
}

function review(t: TestApp, id: string, body: unknown, headers: Record<string, string> = auth) {
  return t.app.inject({
    method: 'PATCH',
    url: `/admin/ideas/${encodeURIComponent(id)}`,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

/** Reviews an idea (200) and answers it as the administration sees it now. */
async function reviewed(t: TestApp, id: string, body: Schemas['IdeaReview']): Promise<AdminIdea> {
  const response = await review(t, id, body);
  assert.equal(response.statusCode, 200, response.body);
  const idea = response.json<AdminIdea>();
  valid('AdminIdea', idea);
  return idea;
}

/** A published idea, straight from a submission. */
async function publishedIdea(t: TestApp, data?: Record<string, unknown>): Promise<string> {
  const { id } = await submitIdea(t, data);
  await reviewed(t, id, { state: 'published' });
  return id;
}

async function ideasPage(t: TestApp, query = ''): Promise<IdeaPage> {
  const response = await t.app.inject({ url: `/ideas${query}` });
  assert.equal(response.statusCode, 200, response.body);
  const page = response.json<IdeaPage>();
  valid('IdeaPage', page);
  return page;
}

/** Every published idea, walking the pages of `sort` (`query` adds to each page's query). */
async function everyIdea(
  t: TestApp,
  sort: 'supported' | 'newest',
  limit: number,
  query = '',
): Promise<{ ideas: Idea[]; pages: IdeaPage[] }> {
  const pages: IdeaPage[] = [];
  let next: string | undefined;
  do {
    const page = await ideasPage(
      t,
      `?sort=${sort}&limit=${limit}${query}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`,
    );
    pages.push(page);
    next = page.next;
    assert.ok(pages.length < 100, 'the pages end');
  } while (next);
  return { ideas: pages.flatMap((page) => page.items), pages };
}

async function adminIdeas(t: TestApp, query = ''): Promise<AdminIdea[]> {
  const response = await t.app.inject({ url: `/admin/ideas?limit=500${query}`, headers: auth });
  assert.equal(response.statusCode, 200, response.body);
  const list = response.json<AdminIdeaList>();
  valid('AdminIdeaList', list);
  return list.items;
}

/** Supports an idea, or (with `withdraws`, the envelope id of a support) takes that support back. */
function support(
  t: TestApp,
  ideaId: string,
  supported = true,
  overrides: Record<string, unknown> = {},
  withdraws?: string,
) {
  const data = supported ? { ideaId, support: true } : { ideaId, support: false, withdraws: withdraws ?? randomUUID() };
  return post(t.app, envelope('idea-support', data, overrides));
}

/** The count a 201 receipt gives, checked against the contract. */
function countOf(response: Awaited<ReturnType<typeof post>>): number {
  assert.equal(response.statusCode, 201, response.body);
  const receipt = response.json<Receipt>();
  valid('Receipt', receipt);
  assert.match(receipt.reference, new RegExp(`^IS-${year}-\\d{6}$`));
  assert.equal(typeof receipt.supports, 'number');
  return receipt.supports!;
}

/** Supports with a new envelope: the count the receipt gives, and the support's envelope id. */
async function given(t: TestApp, ideaId: string): Promise<{ count: number; id: string }> {
  const sent = envelope('idea-support', { ideaId, support: true });
  return { count: countOf(await post(t.app, sent)), id: String(sent.id) };
}

/** Supports with a new envelope, answering the count the receipt gives. */
async function supportCount(t: TestApp, ideaId: string): Promise<number> {
  return (await given(t, ideaId)).count;
}

/** Takes back the support `withdraws` names, answering the count the receipt gives. */
async function withdrawCount(t: TestApp, ideaId: string, withdraws: string): Promise<number> {
  return countOf(await support(t, ideaId, false, {}, withdraws));
}

/** The idea as GET /ideas shows it (walking every page), or undefined when it is not public. */
async function publicIdea(t: TestApp, id: string): Promise<Idea | undefined> {
  return (await everyIdea(t, 'newest', 50)).ideas.find((idea) => idea.id === id);
}

for (const dialect of DIALECTS) {
  describe(`ideas on ${dialect}`, () => {
    const t = suiteApp(dialect);

    describe('submission and review', () => {
      it('answers an idea 201 with an ID reference and keeps it pending: for review, not public', async () => {
        const data = {
          title: 'Shade at bus stops',
          description: 'Add canopies to the bus stops on King Fahd Road.',
          topic: { code: 'roads', label: 'Roads' },
        };
        const before = await storedCount(t);
        const receipt = await submitIdea(t, data);
        assert.match(receipt.reference, new RegExp(`^ID-${year}-\\d{6}$`));
        assert.equal(receipt.status, 'received');
        assert.equal(receipt.supports, undefined, 'only a support carries a count');
        assert.equal(await storedCount(t), before + 1);

        assert.equal(await publicIdea(t, receipt.id), undefined, 'a pending idea is not public');

        const pending = (await adminIdeas(t, '&state=pending')).find((idea) => idea.id === receipt.id);
        assert.ok(pending, 'in the review list');
        assert.equal(pending.reference, receipt.reference);
        assert.equal(pending.state, 'pending');
        assert.equal(pending.status, 'new');
        assert.equal(pending.supports, 0);
        assert.equal(pending.title, data.title);
        assert.equal(pending.description, data.description);
        assert.deepEqual(pending.topic, data.topic);
        assert.equal(pending.publishedAt, undefined);
        assert.ok(Math.abs(Date.parse(pending.receivedAt) - Date.now()) < 60_000);
        assert.equal(
          (await adminIdeas(t, '&state=published')).find((idea) => idea.id === receipt.id),
          undefined,
        );
      });

      it('publishes an idea once (a second publish keeps its time) and takes it off the list when rejected', async () => {
        const { id } = await submitIdea(t);
        const started = Date.now();
        const first = await reviewed(t, id, { state: 'published' });
        assert.equal(first.state, 'published');
        assert.ok(first.publishedAt, 'published now');
        assert.ok(
          Date.parse(first.publishedAt) >= started - 1000 && Date.parse(first.publishedAt) <= Date.now() + 1000,
        );

        const shown = await publicIdea(t, id);
        assert.ok(shown, 'in GET /ideas');
        assert.equal(shown.publishedAt, first.publishedAt);
        assert.equal(shown.status, 'new');
        assert.equal(shown.supports, 0);
        assert.equal(
          'state' in shown || 'reference' in shown || 'receivedAt' in shown,
          false,
          'the public sees no review fields',
        );

        await new Promise((resolve) => setTimeout(resolve, 5));
        const again = await reviewed(t, id, { state: 'published' });
        assert.equal(again.publishedAt, first.publishedAt, 'the first publication time stays');

        const rejected = await reviewed(t, id, { state: 'rejected' });
        assert.equal(rejected.state, 'rejected');
        assert.equal(await publicIdea(t, id), undefined, 'a rejected idea is not public');

        await reviewed(t, id, { state: 'published' });
        await reviewed(t, id, { state: 'pending' });
        assert.equal(await publicIdea(t, id), undefined, 'back to pending: not public either');
        const republished = await reviewed(t, id, { state: 'published' });
        assert.equal(republished.publishedAt, first.publishedAt);
      });

      it('records a status change with its answer (from, to); an answer alone keeps the status', async () => {
        const id = await publishedIdea(t);
        const started = Date.now();
        const changed = await reviewed(t, id, {
          status: 'under-review',
          answer: 'We are studying it with the municipalities.',
        });
        assert.equal(changed.status, 'under-review');
        assert.ok(changed.answer?.at);
        assert.ok(
          Date.parse(changed.answer.at) >= started - 1000 && Date.parse(changed.answer.at) <= Date.now() + 1000,
        );
        assert.deepEqual(changed.answer, {
          text: 'We are studying it with the municipalities.',
          at: changed.answer.at,
          from: 'new',
          to: 'under-review',
        });

        const shown = await publicIdea(t, id);
        assert.deepEqual(shown?.answer, changed.answer, 'the public sees the answer');
        assert.equal(shown?.status, 'under-review');

        const alone = await reviewed(t, id, { answer: 'The study ends in March.' });
        assert.equal(alone.status, 'under-review', 'an answer alone keeps the status');
        assert.equal(alone.answer?.text, 'The study ends in March.');
        assert.ok(alone.answer?.at);
        assert.equal(alone.answer.from, undefined);
        assert.equal(alone.answer.to, undefined);

        const statusOnly = await reviewed(t, id, { status: 'accepted' });
        assert.equal(statusOnly.status, 'accepted');
        assert.deepEqual(statusOnly.answer, alone.answer, 'a status alone keeps the answer');

        const both = await reviewed(t, id, { state: 'published', status: 'implemented', answer: 'Done in 2027.' });
        assert.deepEqual(
          [both.answer?.from, both.answer?.to, both.answer?.text],
          ['accepted', 'implemented', 'Done in 2027.'],
        );

        // A later status alone is not the change the answer made: the answer keeps its text, not "from … to …".
        const later = await reviewed(t, id, { status: 'not-adopted' });
        assert.deepEqual(later.answer, { text: 'Done in 2027.', at: both.answer!.at });
        assert.deepEqual((await publicIdea(t, id))?.answer, later.answer);
      });

      it('removes an answer given by mistake (answer: null), publicly too', async () => {
        const id = await publishedIdea(t);
        await reviewed(t, id, { status: 'accepted', answer: 'Written on the wrong idea.' });
        const removed = await reviewed(t, id, { answer: null });
        assert.equal(removed.answer, undefined);
        assert.equal(removed.status, 'accepted', 'the status stays');
        assert.equal((await publicIdea(t, id))?.answer, undefined);
      });

      it('answers 404 for an idea it does not have', async () => {
        const response = await review(t, '6f1c2d3e-0000-4000-8000-000000000000', { state: 'published' });
        assert.equal(response.statusCode, 404);
        valid('Error', response.json());
      });

      describe('refuses a review body that does not match the contract (422), changing nothing', () => {
        const cases: Array<{ name: string; body: unknown; fields: string[] }> = [
          {
            name: 'an unknown field',
            body: { state: 'published', publishedAt: '2020-01-01T00:00:00Z' },
            fields: ['publishedAt'],
          },
          { name: 'a state it does not know', body: { state: 'deleted' }, fields: ['state'] },
          { name: 'a status it does not know', body: { status: 'done' }, fields: ['status'] },
          { name: 'a blank answer', body: { answer: '   ' }, fields: ['answer'] },
          { name: 'an empty object', body: {}, fields: [''] },
          { name: 'a string', body: 'published', fields: [''] },
          { name: 'an array', body: [{ state: 'published' }], fields: [''] },
          { name: 'null', body: null, fields: [''] },
        ];
        for (const { name, body, fields } of cases) {
          it(name, async () => {
            const { id } = await submitIdea(t);
            const response = await review(t, id, body);
            assert.equal(response.statusCode, 422, response.body);
            valid('ValidationError', response.json());
            assert.deepEqual(fieldsOf(response.json()), fields);
            const [idea] = (await adminIdeas(t)).filter((item) => item.id === id);
            assert.equal(idea?.state, 'pending');
            assert.equal(idea?.status, 'new');
            assert.equal(idea?.answer, undefined);
          });
        }
      });

      it('refuses a NUL character in a review (422 on answer) and answers 404 for an id holding one, not a server error', async () => {
        const { id } = await submitIdea(t);
        const response = await review(t, id, { answer: 'We will\u0000 do it.' });
        assert.equal(response.statusCode, 422, response.body);
        assert.deepEqual(fieldsOf(response.json()), ['answer']);
        assert.equal((await adminIdeas(t)).find((idea) => idea.id === id)?.answer, undefined, 'nothing stored');
        const odd = await review(t, 'idea\u0000one', { state: 'published' });
        assert.equal(odd.statusCode, 404, odd.body);
      });

      it('refuses a bad review-list query (422)', async () => {
        const response = await t.app.inject({ url: '/admin/ideas?state=open&limit=0&after=x', headers: auth });
        assert.equal(response.statusCode, 422);
        valid('ValidationError', response.json());
        assert.deepEqual(fieldsOf(response.json()), ['after', 'limit', 'state']);
      });

      it('needs the admin token for the review list and the review (401)', async () => {
        const { id } = await submitIdea(t);
        for (const headers of [{}, { authorization: 'Bearer wrong-token' }] as Record<string, string>[]) {
          const list = await t.app.inject({ url: '/admin/ideas', headers });
          const patch = await review(t, id, { state: 'published' }, headers);
          for (const response of [list, patch]) {
            assert.equal(response.statusCode, 401);
            assert.equal(response.headers['www-authenticate'], 'Bearer realm="ep-collector"');
            valid('Error', response.json());
          }
        }
        assert.equal(await publicIdea(t, id), undefined, 'the refused review changed nothing');
      });

      it('keeps script in a title and description as the same text', async () => {
        const script = '<script>alert("x")</script>';
        const data = {
          title: `${script} & <b>bold</b>`,
          description: `<img src=x onerror=alert(1)> "quoted" 'single' &amp; ${script}`,
          topic: { code: 'other', label: `<i>${script}</i>` },
        };
        const id = await publishedIdea(t, data);
        const shown = await publicIdea(t, id);
        assert.equal(shown?.title, data.title);
        assert.equal(shown?.description, data.description);
        assert.deepEqual(shown?.topic, data.topic);
        const response = await t.app.inject({ url: '/ideas?sort=newest&limit=50' });
        assert.match(String(response.headers['content-type']), /^application\/json/);
        const listed = (await adminIdeas(t)).find((idea) => idea.id === id);
        assert.equal(listed?.title, data.title);
        assert.equal(listed?.description, data.description);
      });
    });

    describe('idea-support', () => {
      it('answers 201 with the new count; a taking back of a support given takes it back', async () => {
        const id = await publishedIdea(t);
        assert.equal(await supportCount(t, id), 1);
        const second = await given(t, id);
        assert.equal(second.count, 2);
        assert.equal(await supportCount(t, id), 3);
        assert.equal(await withdrawCount(t, id, second.id), 2);
        assert.equal((await publicIdea(t, id))?.supports, 2, 'GET /ideas has the count');
        // Given again (a new support), and taken back again.
        const again = await given(t, id);
        assert.equal(again.count, 3);
        assert.equal(await withdrawCount(t, id, again.id), 2);
      });

      it('takes back only a support that was given, for this idea, once: nobody can take back supports they did not give', async () => {
        const id = await publishedIdea(t);
        const other = await publishedIdea(t);
        const mine = await given(t, id);
        const theirs = await given(t, other);
        assert.equal(await supportCount(t, id), 2);
        // Naming no support ever given, a support of another idea, or one of this idea's takings back.
        assert.equal(await withdrawCount(t, id, randomUUID()), 2);
        assert.equal(await withdrawCount(t, id, theirs.id), 2);
        const takingBack = envelope('idea-support', { ideaId: id, support: false, withdraws: mine.id });
        assert.equal(countOf(await post(t.app, takingBack)), 1);
        assert.equal(await withdrawCount(t, id, String(takingBack.id)), 1);
        // The same support taken back a second time (another envelope): nothing more.
        assert.equal(await withdrawCount(t, id, mine.id), 1);
        assert.equal((await publicIdea(t, other))?.supports, 1, "the other idea's support stays");
        // Many takings back from a stranger leave every support given in place.
        for (let n = 0; n < 5; n += 1) assert.equal(await withdrawCount(t, id, randomUUID()), 1);
        assert.equal((await publicIdea(t, id))?.supports, 1);
      });

      it('refuses a taking back that names no support (422 on withdraws), storing nothing', async () => {
        const id = await publishedIdea(t);
        await supportCount(t, id);
        const count = await storedCount(t);
        const response = await post(t.app, envelope('idea-support', { ideaId: id, support: false }));
        assert.equal(response.statusCode, 422, response.body);
        assert.deepEqual(
          response.json().fieldErrors.map((error: { field: string; code: string }) => [error.field, error.code]),
          [['withdraws', 'required']],
        );
        assert.equal(await storedCount(t), count);
        assert.equal((await publicIdea(t, id))?.supports, 1);
      });

      it('never counts a support whose taking back arrived first (an outbox sends late), in either order', async () => {
        const id = await publishedIdea(t);
        const late = envelope('idea-support', { ideaId: id, support: true });
        assert.equal(await withdrawCount(t, id, String(late.id)), 0, 'nothing to take back yet');
        assert.equal(countOf(await post(t.app, late)), 0, 'the support arrives already taken back');
        assert.equal(await supportCount(t, id), 1, 'a support of its own still counts');
        assert.equal((await publicIdea(t, id))?.supports, 1);
      });

      it('keeps the count right when supports and their takings back arrive together', async () => {
        const id = await publishedIdea(t);
        const pairs = Array.from({ length: 15 }, () => {
          const given = envelope('idea-support', { ideaId: id, support: true });
          return [given, envelope('idea-support', { ideaId: id, support: false, withdraws: given.id })];
        });
        const kept = Array.from({ length: 5 }, () => envelope('idea-support', { ideaId: id, support: true }));
        const answers = await Promise.all([...pairs.flat(), ...kept].map((sent) => post(t.app, sent)));
        assert.ok(
          answers.every((response) => response.statusCode === 201),
          answers.map((response) => response.body).join(),
        );
        assert.equal((await publicIdea(t, id))?.supports, 5, 'only the supports not taken back');
      });

      it('answers a repeat with the first answer and does not count it again', async () => {
        const id = await publishedIdea(t);
        const sent = envelope('idea-support', { ideaId: id, support: true });
        const first = await post(t.app, sent);
        assert.equal(first.statusCode, 201);
        assert.equal(first.json<Receipt>().supports, 1);
        assert.equal(first.headers['idempotent-replayed'], undefined);
        assert.equal(await supportCount(t, id), 2);
        const count = await storedCount(t);

        const repeat = await post(t.app, sent);
        assert.equal(repeat.statusCode, 201);
        assert.equal(repeat.body, first.body, 'the identical first answer (its count then)');
        assert.equal(repeat.headers['idempotent-replayed'], 'true');
        assert.equal(await storedCount(t), count);
        assert.equal((await publicIdea(t, id))?.supports, 2, 'the count did not move');

        // Still the first answer once the idea is no longer public (the outbox may resend late).
        await reviewed(t, id, { state: 'rejected' });
        const late = await post(t.app, sent);
        assert.equal(late.statusCode, 201);
        assert.equal(late.body, first.body);
        assert.equal(late.headers['idempotent-replayed'], 'true');
      });

      it('counts concurrent repeats of one envelope once', async () => {
        const id = await publishedIdea(t);
        const count = await storedCount(t);
        const sent = envelope('idea-support', { ideaId: id, support: true });
        const answers = await Promise.all(Array.from({ length: 10 }, () => post(t.app, sent)));
        assert.ok(
          answers.every((response) => response.statusCode === 201),
          answers.map((response) => response.statusCode).join(),
        );
        assert.equal(new Set(answers.map((response) => response.body)).size, 1, 'one answer for all');
        assert.equal(answers.filter((response) => response.headers['idempotent-replayed'] !== 'true').length, 1);
        assert.equal(answers[0]!.json<Receipt>().supports, 1);
        assert.equal(await storedCount(t), count + 1);
        assert.equal((await publicIdea(t, id))?.supports, 1);
      });

      it('counts concurrent supports from different envelopes each once, each receipt with its own count', async () => {
        const id = await publishedIdea(t);
        const answers = await Promise.all(Array.from({ length: 20 }, () => support(t, id)));
        assert.ok(answers.every((response) => response.statusCode === 201));
        const counts = answers.map((response) => response.json<Receipt>().supports).sort((a, b) => a! - b!);
        assert.deepEqual(
          counts,
          Array.from({ length: 20 }, (_, n) => n + 1),
        );
        assert.equal((await publicIdea(t, id))?.supports, 20);
      });

      it('refuses a support for an idea that is unknown, pending or rejected (422 on ideaId), storing nothing', async () => {
        const pending = (await submitIdea(t)).id;
        const rejected = await publishedIdea(t);
        await reviewed(t, rejected, { state: 'rejected' });
        for (const ideaId of ['no-such-idea', pending, rejected]) {
          for (const supported of [true, false]) {
            const count = await storedCount(t);
            const response = await support(t, ideaId, supported, {}, randomUUID());
            assert.equal(response.statusCode, 422, response.body);
            valid('ValidationError', response.json());
            // In the visitor's language (the envelope's `locale`, Arabic here): the element may show it as text.
            assert.deepEqual(response.json().fieldErrors, [
              { field: 'ideaId', code: 'invalid', message: 'لم تعد هذه الفكرة منشورة.' },
            ]);
            assert.equal(await storedCount(t), count);
          }
        }
        const english = await support(t, rejected, true, { locale: 'en' });
        assert.equal(english.json().fieldErrors[0].message, 'This idea is no longer published.');
        const [row] = await t.store.all<{ supports: number | string }>({
          sql: 'SELECT supports FROM ideas WHERE id = ?',
          params: [rejected],
        });
        assert.equal(Number(row!.supports), 0);
      });
    });
  });

  describe(`GET /ideas paging on ${dialect}`, () => {
    let t: TestApp;
    /** The published ideas written below, as the public list should give them. */
    const published: Idea[] = [];
    const base = Date.parse('2026-05-01T12:00:00.000Z');

    before(async () => {
      t = await openTestApp(dialect);
      // 25 published ideas with ties: 5 counts of supporters, 4 publication times, so that 5 pairs tie on
      // both (then the id decides) and many tie on time alone (newest: the id decides).
      const statements = [];
      for (let n = 0; n < 25; n += 1) {
        const id = `paging-${String(n).padStart(2, '0')}`;
        const idea: Idea = {
          id,
          title: `Idea ${n}`,
          description: `Description ${n}`,
          topic: n % 3 === 0 ? { code: 'roads', label: 'Roads' } : { code: 'housing', label: 'Housing' },
          supports: (n % 5) * 3,
          status: n % 2 ? 'accepted' : 'new',
          publishedAt: new Date(base - (n % 4) * 3_600_000).toISOString(),
        };
        published.push(idea);
        statements.push({
          sql:
            'INSERT INTO ideas (id, state, status, title, description, topic_code, topic_label, supports, received_at, published_at) ' +
            "VALUES (?, 'published', ?, ?, ?, ?, ?, ?, ?, ?)",
          params: [
            id,
            idea.status,
            idea.title,
            idea.description,
            idea.topic!.code,
            idea.topic!.label,
            idea.supports,
            idea.publishedAt!,
            idea.publishedAt!,
          ],
        });
      }
      // Never public: one pending, one rejected after it was published (both with more supporters than any).
      statements.push(
        {
          sql: "INSERT INTO ideas (id, state, title, description, topic_code, topic_label, supports, received_at) VALUES ('paging-pending', 'pending', 'p', 'p', 'roads', 'Roads', 99, ?)",
          params: [new Date(base).toISOString()],
        },
        {
          sql: "INSERT INTO ideas (id, state, title, description, topic_code, topic_label, supports, received_at, published_at) VALUES ('paging-rejected', 'rejected', 'r', 'r', 'roads', 'Roads', 99, ?, ?)",
          params: [new Date(base).toISOString(), new Date(base + 3_600_000).toISOString()],
        },
      );
      await t.store.batch(statements);
    });
    after(async () => {
      await t.close();
    });

    const desc = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
    const bySupported = (a: Idea, b: Idea): number =>
      b.supports - a.supports || desc(a.publishedAt!, b.publishedAt!) || desc(a.id, b.id);
    const byNewest = (a: Idea, b: Idea): number => desc(a.publishedAt!, b.publishedAt!) || desc(a.id, b.id);

    for (const [sort, order, limit] of [
      ['supported', bySupported, 4],
      ['newest', byNewest, 7],
    ] as const) {
      it(`walks sort=${sort} with limit=${limit}: each published idea once, in order, total on every page`, async () => {
        const { ideas, pages } = await everyIdea(t, sort, limit);
        assert.deepEqual(ideas, [...published].sort(order));
        assert.equal(pages.length, Math.ceil(25 / limit));
        for (const page of pages.slice(0, -1)) {
          assert.equal(page.items.length, limit);
          assert.equal(typeof page.next, 'string');
        }
        assert.equal(pages.at(-1)!.next, undefined, 'no next on the last page');
        assert.ok(pages.every((page) => page.total === 25));
      });

      it(`filters sort=${sort} by topic`, async () => {
        const { ideas, pages } = await everyIdea(t, sort, 3, '&topic=roads');
        const roads = published.filter((idea) => idea.topic?.code === 'roads').sort(order);
        assert.equal(roads.length, 9);
        assert.deepEqual(ideas, roads, 'only the published ideas on roads (not the pending or rejected ones)');
        assert.ok(pages.every((page) => page.total === 9));
        const none = await ideasPage(t, `?sort=${sort}&topic=no-such-topic`);
        assert.deepEqual(none, { items: [], total: 0 });
      });
    }

    it('keeps a page within what an element reads: fewer ideas than asked, with next, when they would not fit', async () => {
      // Ten ideas at the form's limits (Arabic, two bytes a letter), each with a long answer: about 7 KB each.
      const big: string[] = [];
      for (let n = 0; n < 10; n += 1) {
        const id = `big-${n}`;
        big.push(id);
        await t.store.batch([
          {
            sql: "INSERT INTO ideas (id, state, title, description, topic_code, topic_label, supports, received_at, published_at, answer_text, answer_at) VALUES (?, 'published', ?, ?, 'big', 'Big', 1000, ?, ?, ?, ?)",
            params: [
              id,
              'ع'.repeat(120),
              'ف'.repeat(2000),
              new Date(base).toISOString(),
              new Date(base).toISOString(),
              'ج'.repeat(1500),
              new Date(base).toISOString(),
            ],
          },
        ]);
      }
      try {
        const first = await t.app.inject({ url: '/ideas?topic=big&limit=10' });
        assert.ok(first.rawPayload.length <= 60 * 1024 + 100, `${first.rawPayload.length} bytes`);
        const page = first.json<IdeaPage>();
        assert.ok(page.items.length >= 1 && page.items.length < 10, `${page.items.length} ideas`);
        assert.equal(typeof page.next, 'string', 'the rest on the next page');
        const { ideas, pages } = await everyIdea(t, 'supported', 10, '&topic=big');
        assert.deepEqual(ideas.map((idea) => idea.id).sort(), [...big].sort(), 'each once, none lost');
        for (const each of pages) assert.ok(Buffer.byteLength(JSON.stringify(each)) <= 60 * 1024 + 100);
      } finally {
        await t.store.batch([{ sql: "DELETE FROM ideas WHERE topic_code = 'big'", params: [] }]);
      }
    });

    it('gives 10 by default, by supporters', async () => {
      const page = await ideasPage(t);
      assert.deepEqual(page.items, [...published].sort(bySupported).slice(0, 10));
      assert.equal(page.total, 25);
      assert.equal(typeof page.next, 'string');
    });

    it('does not shift the next page when an idea is published meanwhile', async () => {
      const first = await ideasPage(t, '?sort=newest&limit=5');
      await t.store.batch([
        {
          sql: "INSERT INTO ideas (id, state, title, description, supports, received_at, published_at) VALUES ('paging-later', 'published', 'l', 'l', 0, ?, ?)",
          params: [new Date(base + 86_400_000).toISOString(), new Date(base + 86_400_000).toISOString()],
        },
      ]);
      try {
        const second = await ideasPage(t, `?sort=newest&limit=5&cursor=${first.next}`);
        assert.deepEqual(second.items, [...published].sort(byNewest).slice(5, 10));
        assert.equal(second.total, 26);
        assert.equal((await ideasPage(t, '?sort=newest&limit=1')).items[0]!.id, 'paging-later');
      } finally {
        await t.store.batch([{ sql: "DELETE FROM ideas WHERE id = 'paging-later'", params: [] }]);
      }
    });

    describe('refuses a query that does not match the contract (422, naming the field)', () => {
      const cursor = (key: unknown): string =>
        encodeURIComponent(Buffer.from(JSON.stringify(key)).toString('base64url'));
      const cases: Array<[string, string, string[]]> = [
        ['an unknown sort', '?sort=x', ['sort']],
        ['limit 0', '?limit=0', ['limit']],
        ['limit 51', '?limit=51', ['limit']],
        ['limit abc', '?limit=abc', ['limit']],
        ['a fractional limit', '?limit=2.5', ['limit']],
        ['a negative limit', '?limit=-1', ['limit']],
        ['a cursor that is not one', '?cursor=garbage', ['cursor']],
        ['a cursor that is JSON but no key', `?cursor=${cursor({ supports: 1 })}`, ['cursor']],
        [
          'a newest cursor with sort=supported',
          `?sort=supported&cursor=${cursor(['2026-05-01T12:00:00.000Z', 'paging-00'])}`,
          ['cursor'],
        ],
        [
          'a supported cursor with sort=newest',
          `?sort=newest&cursor=${cursor([3, '2026-05-01T12:00:00.000Z', 'paging-00'])}`,
          ['cursor'],
        ],
        ['a cursor over 512 characters', `?sort=newest&cursor=${cursor(['x'.repeat(400), 'y'])}`, ['cursor']],
        ['a repeated sort', '?sort=newest&sort=newest', ['sort']],
        ['a repeated limit', '?limit=5&limit=6', ['limit']],
        ['a blank topic', '?topic=%20', ['topic']],
        ['several at once', '?sort=best&limit=100&topic=%20', ['limit', 'sort', 'topic']],
      ];
      for (const [name, query, fields] of cases) {
        it(name, async () => {
          const response = await t.app.inject({ url: `/ideas${query}` });
          assert.equal(response.statusCode, 422, response.body);
          valid('ValidationError', response.json());
          assert.deepEqual(fieldsOf(response.json()), fields);
        });
      }

      it('a real cursor of the right sort is taken (the cases above fail for their own reason)', async () => {
        const first = await ideasPage(t, '?sort=newest&limit=2');
        const second = await ideasPage(t, `?sort=newest&limit=2&cursor=${encodeURIComponent(first.next!)}`);
        assert.deepEqual(second.items, [...published].sort(byNewest).slice(2, 4));
      });

      // A forged cursor is the client's mistake: 422 (or, at most, a page), never a server error.
      for (const [name, key, sort] of [
        ['supporters beyond a 32-bit integer', [3_000_000_000, '2026-05-01T12:00:00.000Z', 'paging-00'], 'supported'],
        ['a NUL character in its time', ['2026-05-01T12:00:00.000Z\u0000', 'paging-00'], 'newest'],
        ['a NUL character in its id', [3, '2026-05-01T12:00:00.000Z', 'paging\u0000'], 'supported'],
      ] as const) {
        it(`a forged cursor with ${name} is not a server error`, async () => {
          const response = await t.app.inject({ url: `/ideas?sort=${sort}&cursor=${cursor(key)}` });
          assert.ok(
            response.statusCode === 422 || response.statusCode === 200,
            `status ${response.statusCode}: ${response.body}`,
          );
          if (response.statusCode === 422) assert.deepEqual(fieldsOf(response.json()), ['cursor']);
          else valid('IdeaPage', response.json());
        });
      }
    });
  });
}
