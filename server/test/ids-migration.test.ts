/**
 * Migration 0003 on both databases, over rows stored as the collector did before it: one id stored once per
 * spelling, each copy counted by its kind's projections, no body hash. After it: one row per id (the first,
 * under the canonical id, with its reference and answer), the tally, the ideas' supports and the views
 * counted as if every later copy had been a repeat, a body hash on every row equal to the one its receipt
 * would have kept, and repeats of old submissions answered (or refused) like new ones.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildApp } from '../app.js';
import { bodyHash, canonicalId } from '../canonical.js';
import { NEXT_REFERENCE, formatReference } from '../store/types.js';
import { DIALECTS, contract, envelope, post, testConfig } from './helpers.js';
import { oldDatabase, type OldDatabase, type Row } from './old-database.js';

const PREFIX: Record<string, string> = {
  'page-vote': 'PV',
  feedback: 'FB',
  idea: 'ID',
  'idea-support': 'IS',
  'consultation-view': 'CV',
};

/**
 * Stores an envelope as the collector did before 0003: under its id as sent (ON CONFLICT on the exact
 * spelling only), its kind's projections with the values as sent, the answer with the id as sent.
 */
async function storeAsBefore(db: OldDatabase, sent: Record<string, unknown>): Promise<string> {
  const id = sent.id as string;
  const data = sent.data as Record<string, unknown>;
  const page = sent.page as { url: string; title: string; lang: string };
  const at = new Date();
  await db.run(
    'INSERT INTO submissions (id, kind, page_url, page_title, page_lang, locale, submitted_at, received_at, privacy_notice, client, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      id,
      sent.kind,
      page.url,
      page.title,
      page.lang,
      sent.locale,
      sent.submittedAt,
      at.toISOString(),
      sent.privacyNotice,
      null,
      JSON.stringify(data),
    ],
  );
  const [{ last }] = (await db.run(NEXT_REFERENCE, [PREFIX[sent.kind as string], at.getUTCFullYear()])) as [
    { last: number | string },
  ];
  const receipt: Row = {
    id,
    reference: formatReference(PREFIX[sent.kind as string]!, at.getUTCFullYear(), Number(last)),
    status: 'received',
  };
  switch (sent.kind) {
    case 'page-vote':
      await db.run(
        'INSERT INTO page_tally (page_url, yes, total) VALUES (?, ?, 1) ON CONFLICT (page_url) DO UPDATE SET yes = page_tally.yes + excluded.yes, total = page_tally.total + 1',
        [page.url, data.answer === 'yes' ? 1 : 0],
      );
      break;
    case 'idea':
      await db.run(
        'INSERT INTO ideas (id, title, description, topic_code, topic_label, received_at) VALUES (?, ?, ?, ?, ?, ?)',
        [id, data.title, data.description, 'other', 'Other', at.toISOString()],
      );
      break;
    case 'idea-support': {
      const idea = String(data.ideaId);
      const takenBack = 'EXISTS (SELECT 1 FROM idea_supports WHERE withdraws = ? AND idea_id = ?)';
      if (data.support === true) {
        await db.run(`UPDATE ideas SET supports = supports + 1 WHERE id = ? AND NOT ${takenBack}`, [idea, id, idea]);
        await db.run(
          `INSERT INTO idea_supports (id, idea_id, withdrawn) VALUES (?, ?, CASE WHEN ${takenBack} THEN 1 ELSE 0 END)`,
          [id, idea, id, idea],
        );
      } else {
        const support = String(data.withdraws);
        await db.run(
          'UPDATE ideas SET supports = CASE WHEN supports > 0 THEN supports - 1 ELSE 0 END WHERE id = ? AND EXISTS (SELECT 1 FROM idea_supports WHERE id = ? AND idea_id = ? AND withdraws IS NULL AND withdrawn = 0)',
          [idea, support, idea],
        );
        await db.run('UPDATE idea_supports SET withdrawn = 1 WHERE id = ? AND idea_id = ? AND withdraws IS NULL', [
          support,
          idea,
        ]);
        await db.run('INSERT INTO idea_supports (id, idea_id, withdraws) VALUES (?, ?, ?)', [id, idea, support]);
      }
      receipt.supports = Number((await db.run('SELECT supports FROM ideas WHERE id = ?', [idea]))[0]!.supports);
      break;
    }
    case 'consultation-view':
      await db.run('INSERT INTO consultation_views (id, consultation_id, stance, replaces) VALUES (?, ?, ?, ?)', [
        id,
        data.consultationId,
        data.stance,
        data.replaces ?? null,
      ]);
      break;
    default:
      break;
  }
  const answer = JSON.stringify(receipt);
  await db.run('UPDATE submissions SET reference = ?, answer = ? WHERE id = ?', [receipt.reference, answer, id]);
  return answer;
}

const lower = () => randomUUID();
const upper = (id: string) => id.toUpperCase();
const urn = (id: string) => `urn:uuid:${id}`;
const URN = (id: string) => `URN:UUID:${id.toUpperCase()}`;

const PAGE = { url: 'https://www.example.gov.sa/ar/merged', title: 'صفحة', lang: 'ar' };

for (const dialect of DIALECTS) {
  describe(`migration 0003 over rows stored before it (${dialect})`, () => {
    it('merges the spellings of each id into its first row, corrects the counts, and keeps every first answer and body', async () => {
      const db = await oldDatabase(dialect, 2, 'ep-ids');
      // Page votes: one UUID in four spellings (the first says yes, one later copy no), and one other vote.
      const vote = lower();
      const votes = [
        envelope('page-vote', { answer: 'yes' }, { id: upper(vote), page: PAGE }),
        envelope('page-vote', { answer: 'no' }, { id: vote, page: PAGE }),
        envelope('page-vote', { answer: 'yes' }, { id: urn(vote), page: PAGE }),
        envelope('page-vote', { answer: 'yes' }, { id: URN(vote), page: PAGE }),
      ];
      const otherVote = envelope('page-vote', { answer: 'no' }, { page: PAGE });
      // An idea sent twice (capitals first), both copies published; supports on each copy, one sent twice,
      // one taken back under another spelling of its id.
      const idea = lower();
      const ideas = [envelope('idea', undefined, { id: upper(idea) }), envelope('idea', undefined, { id: urn(idea) })];
      const supportA = lower();
      const supports = [
        envelope('idea-support', { ideaId: upper(idea), support: true }, { id: supportA }),
        envelope('idea-support', { ideaId: upper(idea), support: true }, { id: upper(supportA) }),
        envelope('idea-support', { ideaId: urn(idea), support: true }),
        envelope('idea-support', { ideaId: upper(idea), support: false, withdraws: upper(supportA) }),
      ];
      // A seeded idea (its count is its own, with no rows) supported twice under two spellings of one id.
      const supportC = lower();
      const seededSupports = [
        envelope('idea-support', { ideaId: 'seeded-idea', support: true }, { id: supportC }),
        envelope('idea-support', { ideaId: 'seeded-idea', support: true }, { id: urn(supportC) }),
      ];
      // A view stored under two spellings, and one that replaces it under a third.
      const view = lower();
      const views = [
        envelope('consultation-view', { consultationId: 'merged-open', stance: 'support' }, { id: upper(view) }),
        envelope('consultation-view', { consultationId: 'merged-open', stance: 'support' }, { id: view }),
        envelope('consultation-view', { consultationId: 'merged-open', stance: 'neutral', replaces: urn(view) }),
      ];
      // Feedback under two spellings with different bodies: the first is kept.
      const message = lower();
      const feedback = [
        envelope(
          'feedback',
          {
            type: { code: 'complaint', label: 'شكوى' },
            message: 'الأول 📨',
            contact: { email: 'a@example.sa', channel: 'email' },
            consent: true,
          },
          { id: urn(message) },
        ),
        envelope(
          'feedback',
          { type: { code: 'complaint', label: 'شكوى' }, message: 'The second body.' },
          { id: message },
        ),
      ];

      const answers = new Map<Record<string, unknown>, string>();
      const send = async (items: Record<string, unknown>[]) => {
        for (const item of items) answers.set(item, await storeAsBefore(db, item));
      };
      await send([...votes, otherVote, ...ideas]);
      await db.run("UPDATE ideas SET state = 'published', published_at = received_at");
      await db.run(
        "INSERT INTO ideas (id, state, title, description, supports, received_at, published_at) VALUES ('seeded-idea', 'published', 'Seeded', 'A sample idea.', 10, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
      );
      const now = Date.now();
      await db.run('INSERT INTO consultations (id, content, opens_at, closes_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
        'merged-open',
        JSON.stringify({ title: 'Open' }),
        new Date(now - 86_400_000).toISOString(),
        new Date(now + 86_400_000).toISOString(),
        new Date(now).toISOString(),
      ]);
      await send([...supports, ...seededSupports, ...views, ...feedback]);

      // What the old collector held: every copy counted.
      assert.deepEqual(
        (await db.run('SELECT yes, total FROM page_tally')).map((row) => [Number(row.yes), Number(row.total)]),
        [[3, 5]],
      );
      const before = Object.fromEntries(
        (await db.run('SELECT id, supports FROM ideas')).map((row) => [row.id, Number(row.supports)]),
      );
      assert.deepEqual(before, { [upper(idea)]: 1, [urn(idea)]: 1, 'seeded-idea': 12 });
      const counters = await db.run('SELECT prefix, last FROM reference_counters ORDER BY prefix');

      const upgraded = await db.upgrade();
      const app = await buildApp({ config: testConfig(), store: upgraded.store, contract: contract() });
      try {
        const rows = await upgraded.sql('SELECT id, kind, reference, answer, body_hash FROM submissions ORDER BY seq');
        const firsts = [
          votes[0]!,
          otherVote,
          ideas[0]!,
          supports[0]!,
          supports[2]!,
          supports[3]!,
          seededSupports[0]!,
          views[0]!,
          views[2]!,
          feedback[0]!,
        ];
        assert.deepEqual(
          rows.map((row) => row.id),
          firsts.map((item) => canonicalId(item.id as string)),
          'one row per id, the first of each, under its canonical id',
        );
        for (const [index, row] of rows.entries()) {
          const first = firsts[index]!;
          const answer = JSON.parse(answers.get(first)!) as Row;
          assert.equal(
            row.answer,
            JSON.stringify({ ...answer, id: canonicalId(first.id as string) }),
            'its first answer, under the canonical id',
          );
          assert.equal(row.reference, answer.reference);
          assert.equal(
            row.body_hash,
            bodyHash(first as { id: string }),
            `the hash its receipt would have kept (${String(first.kind)})`,
          );
        }
        assert.deepEqual(
          await upgraded.sql('SELECT prefix, last FROM reference_counters ORDER BY prefix'),
          counters,
          'no reference is given out again',
        );

        // The tally as if the later copies had been repeats: the first (yes) and the other vote (no).
        assert.deepEqual(
          (await upgraded.sql('SELECT yes, total FROM page_tally')).map((row) => [Number(row.yes), Number(row.total)]),
          [[1, 2]],
        );
        // One idea, under its canonical id: A was taken back, the support sent to the later copy moved over.
        const after = Object.fromEntries(
          (await upgraded.sql('SELECT id, supports FROM ideas')).map((row) => [row.id, Number(row.supports)]),
        );
        assert.deepEqual(after, { [idea]: 1, 'seeded-idea': 11 });
        const supportRows = await upgraded.sql(
          'SELECT id, idea_id, withdraws, withdrawn FROM idea_supports ORDER BY id',
        );
        assert.deepEqual(
          supportRows.map((row) => [row.id, row.idea_id, row.withdraws, Number(row.withdrawn)]),
          [
            [supportA, idea, null, 1],
            [canonicalId(supports[2]!.id as string), idea, null, 0],
            [canonicalId(supports[3]!.id as string), idea, supportA, 0],
            [supportC, 'seeded-idea', null, 0],
          ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        );
        const listed = await app.inject({ url: '/ideas?limit=50' });
        assert.deepEqual(
          listed
            .json()
            .items.map((item: { id: string; supports: number }) => [item.id, item.supports])
            .sort(),
          [
            [idea, 1],
            ['seeded-idea', 11],
          ].sort(),
        );
        // The view stored twice is one, and the view that replaced it names it: only the replacement counts.
        const viewRows = await upgraded.sql('SELECT id, replaces FROM consultation_views ORDER BY stance DESC');
        assert.deepEqual(
          viewRows.map((row) => [row.id, row.replaces]),
          [
            [view, null],
            [canonicalId(views[2]!.id as string), view],
          ],
        );

        // Repeats of old submissions, in any spelling, get their first answer; another body is refused.
        const repeat = await post(app, { ...votes[0]!, id: urn(vote) });
        assert.equal(repeat.statusCode, 201, repeat.body);
        assert.equal(repeat.body, rows[0]!.answer);
        assert.equal(repeat.headers['idempotent-replayed'], 'true');
        const laterCopy = await post(app, votes[1]!);
        assert.equal(laterCopy.statusCode, 422, 'the later copy had another body');
        assert.equal(laterCopy.json().fieldErrors[0].code, 'idempotency-key-reused');
        const message0 = await post(app, feedback[0]!);
        assert.equal(message0.statusCode, 201, message0.body);
        assert.equal((await post(app, feedback[1]!)).statusCode, 422);
        const supportRepeat = await post(app, supports[0]!);
        assert.equal(supportRepeat.statusCode, 201, supportRepeat.body);
        assert.deepEqual(
          (await upgraded.sql('SELECT yes, total FROM page_tally')).map((row) => [Number(row.yes), Number(row.total)]),
          [[1, 2]],
          'repeats count nothing',
        );
      } finally {
        await app.close();
        await upgraded.drop();
      }
    });
  });
}
