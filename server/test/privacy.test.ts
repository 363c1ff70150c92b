/**
 * Data protection, once per dialect: the retention sweep (contact details erased after their period with
 * the message kept; whole submissions deleted after theirs; the tally, the daily counts, published ideas,
 * supports and consultation counts kept; idempotent), export and erasure by reference, the audit log
 * (actions recorded, content never), page URLs stored without their query string, and the client hash's
 * key: one per UTC day, shared by two instances on one database, gone once the day is over.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { DayKeys } from '../privacy/day-keys.js';
import { keptPageUrl } from '../privacy/page-url.js';
import { DEFAULT_RETENTION } from '../privacy/retention.js';
import { sweep } from '../privacy/sweep.js';
import { PostgresStore } from '../store/postgres.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import {
  auth,
  contract,
  DIALECTS,
  envelope,
  openTestApp,
  post,
  suiteApp,
  stored,
  type TestApp,
  testConfig,
} from './helpers.js';

const DAY = 86_400_000;
const later = (days: number): Date => new Date(Date.now() + days * DAY);
const PAGE = 'https://www.example.gov.sa/ar/services/permits';
const CONTACT = { name: 'سارة القحطاني', email: 'sara@example.sa', mobile: '+966501234567', channel: 'email' };

function withPage(kind: Parameters<typeof envelope>[0], data: Record<string, unknown> | undefined, url: string) {
  const sent = envelope(kind, data);
  sent.page = { ...(sent.page as object), url };
  return sent;
}

const send = async (t: TestApp, body: Record<string, unknown>): Promise<string> => {
  const response = await post(t.app, body);
  assert.equal(response.statusCode, 201, response.body);
  return response.json().reference;
};

async function publishIdea(t: TestApp): Promise<{ id: string; reference: string }> {
  const sent = envelope('idea', { ...(envelope('idea').data as object), contact: CONTACT, consent: true });
  const reference = await send(t, sent);
  const published = await t.app.inject({
    method: 'PATCH',
    url: `/admin/ideas/${sent.id}`,
    headers: { ...auth, 'content-type': 'application/json' },
    payload: '{"state":"published"}',
  });
  assert.equal(published.statusCode, 200, published.body);
  return { id: sent.id as string, reference };
}

async function openConsultation(t: TestApp, id: string): Promise<void> {
  const written = await t.app.inject({
    method: 'PUT',
    url: `/admin/consultations/${id}`,
    headers: { ...auth, 'content-type': 'application/json' },
    payload: JSON.stringify({
      title: 'Shaded walkways',
      type: 'non-legal',
      opensAt: new Date(Date.now() - DAY).toISOString(),
      closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    }),
  });
  assert.equal(written.statusCode, 200, written.body);
}

const count = async (t: TestApp, table: string): Promise<number> =>
  Number((await t.sql<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);

describe('page URLs', () => {
  it('drop the fragment and, unless allowed, the query string (the rest byte for byte)', () => {
    assert.equal(keptPageUrl('https://a.gov.sa/p?nid=1090000000&lang=ar#top', false), 'https://a.gov.sa/p');
    assert.equal(
      keptPageUrl('https://a.gov.sa/p?nid=1090000000&lang=ar#top', true),
      'https://a.gov.sa/p?nid=1090000000&lang=ar',
    );
    assert.equal(
      keptPageUrl('https://a.gov.sa/p?nid=1&lang=ar&service=%D8%A8', ['lang', 'service']),
      'https://a.gov.sa/p?lang=ar&service=%D8%A8',
    );
    assert.equal(keptPageUrl('https://a.gov.sa/p?nid=1', ['lang']), 'https://a.gov.sa/p');
    assert.equal(keptPageUrl('https://a.gov.sa/p', false), 'https://a.gov.sa/p');
  });

  it('are configured by EP_KEEP_QUERY_STRING (none by default)', () => {
    assert.equal(loadConfig({}).keepQueryString, false);
    assert.equal(loadConfig({ EP_KEEP_QUERY_STRING: 'true' }).keepQueryString, true);
    assert.deepEqual(loadConfig({ EP_KEEP_QUERY_STRING: 'lang, service' }).keepQueryString, ['lang', 'service']);
  });
});

describe('retention configuration', () => {
  it('has a period per kind, from the environment, with the documented defaults', () => {
    assert.deepEqual(loadConfig({}).retention, DEFAULT_RETENTION);
    const set = loadConfig({
      EP_RETAIN_PAGE_VOTE_DETAILS_DAYS: '30',
      EP_RETAIN_FEEDBACK_CONTACT_DAYS: '7',
      EP_RETAIN_IDEA_DAYS: '0',
      EP_RETAIN_IDEA_CONTACT_DAYS: '0',
    }).retention;
    assert.equal(set.submissions['page-vote-details'], 30);
    assert.equal(set.contact.feedback, 7);
    assert.equal(set.submissions.idea, 0);
  });

  it('refuses a sweep interval longer than a timer can wait (it would fire every millisecond)', () => {
    assert.equal(loadConfig({ EP_SWEEP_INTERVAL_MINUTES: '35791' }).sweepIntervalMinutes, 35_791);
    assert.throws(
      () => loadConfig({ EP_SWEEP_INTERVAL_MINUTES: '43200' }),
      /EP_SWEEP_INTERVAL_MINUTES must be a whole number from 0 to 35791/,
    );
  });

  it('refuses a period that is not a whole number of days, or contact details kept longer than their submission', () => {
    assert.throws(() => loadConfig({ EP_RETAIN_FEEDBACK_DAYS: '1.5' }), /EP_RETAIN_FEEDBACK_DAYS/);
    assert.throws(
      () => loadConfig({ EP_RETAIN_FEEDBACK_DAYS: '90', EP_RETAIN_FEEDBACK_CONTACT_DAYS: '120' }),
      /EP_RETAIN_FEEDBACK_CONTACT_DAYS \(120\) must not outlast/,
    );
    assert.equal(
      loadConfig({ EP_RETAIN_FEEDBACK_DAYS: '90' }).retention.contact.feedback,
      90,
      'unset, the contact period follows a shorter one of its kind',
    );
  });

  it('ignores EP_CLIENT_KEY_SECRET (flagged so the collector warns at start)', () => {
    assert.equal(loadConfig({ EP_CLIENT_KEY_SECRET: 'old' }).clientKeySecretIgnored, true);
    assert.equal('clientKeySecret' in loadConfig({ EP_CLIENT_KEY_SECRET: 'old' }), false);
  });
});

for (const dialect of DIALECTS) {
  describe(`data protection on ${dialect}`, () => {
    const t = suiteApp(dialect);

    it('erases contact details after their period and keeps the message; deletes whole submissions after theirs', async () => {
      const feedback = await send(
        t,
        envelope('feedback', {
          type: { code: 'complaint', label: 'Complaint' },
          message: 'The permit form rejects my plot number.',
          contact: CONTACT,
          consent: true,
        }),
      );
      const idea = await send(
        t,
        envelope('idea', { ...(envelope('idea').data as object), contact: CONTACT, consent: true }),
      );

      await sweep(t.store, t.config.retention, later(179));
      assert.deepEqual((await stored(t, feedback))!.data.contact, CONTACT, 'within its period, kept');

      const first = await sweep(t.store, t.config.retention, later(181));
      assert.ok(first.contactErased.feedback! >= 1, 'counted');
      const erased = (await stored(t, feedback))!.data;
      assert.equal(erased.contact, undefined);
      assert.equal(erased.message, 'The permit form rejects my plot number.');
      assert.equal(erased.consent, true);
      assert.deepEqual(
        (await stored(t, idea))!.data.contact,
        CONTACT,
        "the idea's contact period (365 days) is not over",
      );

      await sweep(t.store, t.config.retention, later(366));
      assert.equal((await stored(t, idea))!.data.contact, undefined);
      assert.ok(await stored(t, feedback), 'the message itself is kept for 730 days');

      const last = await sweep(t.store, t.config.retention, later(731));
      assert.equal(await stored(t, feedback), undefined);
      assert.equal(await stored(t, idea), undefined);
      assert.ok(last.deleted.feedback! >= 1 && last.deleted.idea! >= 1, 'counted');
    });

    it('keeps the tally and the daily counts when the votes are deleted', async () => {
      const page = `${PAGE}/tally-${dialect}`;
      for (const answer of ['yes', 'yes', 'no']) await send(t, withPage('page-vote', { answer }, page));
      const tally = (await t.app.inject({ url: `/tally?page=${encodeURIComponent(page)}` })).json();
      assert.deepEqual(tally, { yes: 2, total: 3 });
      const daily = async () =>
        (await t.app.inject({ url: `/admin/page-votes/daily?page=${encodeURIComponent(page)}`, headers: auth })).json();
      const today = new Date().toISOString().slice(0, 10);
      assert.deepEqual(await daily(), [{ day: today, page, yes: 2, no: 1 }]);

      const swept = await sweep(t.store, t.config.retention, later(91));
      assert.ok(swept.deleted['page-vote']! >= 3, 'counted');
      const left = await t.sql<{ n: unknown }>(`SELECT COUNT(*) AS n FROM submissions WHERE kind = 'page-vote'`);
      assert.equal(Number(left[0]!.n), 0, 'the vote rows are gone');
      assert.deepEqual((await t.app.inject({ url: `/tally?page=${encodeURIComponent(page)}` })).json(), tally);
      assert.deepEqual(await daily(), [{ day: today, page, yes: 2, no: 1 }]);
    });

    it('keeps published ideas, supports and consultation counts; drops ideas never published', async () => {
      const published = await publishIdea(t);
      const pending = envelope('idea');
      await send(t, pending);
      const support = await post(t.app, envelope('idea-support', { ideaId: published.id, support: true }));
      assert.equal(support.statusCode, 201, support.body);
      const consultation = `walkways-${dialect}`;
      await openConsultation(t, consultation);
      await send(
        t,
        envelope('consultation-view', { consultationId: consultation, stance: 'oppose', comment: 'Too few trees.' }),
      );
      const participants = async () =>
        (await t.app.inject({ url: `/consultations/${consultation}` })).json().participants;
      assert.equal(await participants(), 1);

      const swept = await sweep(t.store, t.config.retention, later(731));
      assert.equal(swept.unpublishedIdeas, 1);
      assert.equal(await count(t, 'submissions'), 0, 'every submission is past its period');
      const ideas = (await t.app.inject({ url: '/ideas?sort=newest&limit=50' })).json().items as Array<{
        id: string;
        supports: number;
      }>;
      assert.equal(ideas.find((idea) => idea.id === published.id)?.supports, 1, 'published, still supported');
      const admin = (await t.app.inject({ url: '/admin/ideas?limit=500', headers: auth })).json().items as Array<{
        id: string;
        reference: string | null;
      }>;
      assert.equal(
        admin.find((idea) => idea.id === pending.id),
        undefined,
        'never published: gone with its submission',
      );
      assert.equal(admin.find((idea) => idea.id === published.id)?.reference, null);
      assert.equal(await participants(), 1);
    });

    it('sweeps idempotently: a second run removes nothing and changes nothing', async () => {
      await send(
        t,
        envelope('feedback', {
          type: { code: 'inquiry', label: 'Inquiry' },
          message: 'Twice?',
          contact: CONTACT,
          consent: true,
        }),
      );
      await send(t, envelope('page-vote'));
      const at = later(200);
      const first = await sweep(t.store, t.config.retention, at);
      assert.ok(first.contactErased.feedback! >= 1 && first.deleted['page-vote']! >= 1, 'the first run removes');
      const snapshot = async () =>
        JSON.stringify(await t.sql('SELECT id, data, contact_erased_at FROM submissions ORDER BY seq'));
      const before = await snapshot();
      const second = await sweep(t.store, t.config.retention, at);
      assert.deepEqual(second, {
        contactErased: { feedback: 0, idea: 0, 'lab-signup': 0 },
        deleted: Object.fromEntries(Object.keys(DEFAULT_RETENTION.submissions).map((kind) => [kind, 0])),
        unpublishedIdeas: 0,
        panelRows: 0,
        dayKeys: 0,
        audit: 0,
      });
      assert.equal(await snapshot(), before);
    });

    it('exports everything held about a reference, erases its contact details, then all of it', async () => {
      const { id, reference } = await publishIdea(t);
      const held = await t.app.inject({ url: `/admin/references/${reference}`, headers: auth });
      assert.equal(held.statusCode, 200);
      const body = held.json();
      assert.equal(body.submission.id, id);
      assert.deepEqual(body.submission.data.contact, CONTACT);
      assert.equal(body.related.ideas[0].state, 'published');
      assert.equal(body.contactErasedAt, null);

      const contact = await t.app.inject({
        method: 'DELETE',
        url: `/admin/references/${reference}/contact`,
        headers: auth,
      });
      assert.equal(contact.statusCode, 200, contact.body);
      assert.match(contact.json().contactErasedAt, /^\d{4}-/);
      const after = (await t.app.inject({ url: `/admin/references/${reference}`, headers: auth })).json();
      assert.equal(after.submission.data.contact, undefined);
      assert.equal(after.submission.data.title, 'Evening hours at service centres');

      const erased = await t.app.inject({ method: 'DELETE', url: `/admin/references/${reference}`, headers: auth });
      assert.equal(erased.statusCode, 200);
      assert.deepEqual(erased.json(), { reference, kind: 'idea', removed: ['submissions', 'ideas', 'idea_supports'] });
      assert.equal((await t.app.inject({ url: `/admin/references/${reference}`, headers: auth })).statusCode, 404);
      assert.equal(
        ((await t.app.inject({ url: '/ideas?limit=50' })).json().items as Array<{ id: string }>).some(
          (idea) => idea.id === id,
        ),
        false,
      );
      assert.equal(
        (await t.app.inject({ method: 'DELETE', url: `/admin/references/${reference}`, headers: auth })).statusCode,
        404,
      );
      assert.equal((await t.app.inject({ url: '/admin/references/not-a-reference', headers: auth })).statusCode, 404);
      assert.equal((await t.app.inject({ url: `/admin/references/${reference}` })).statusCode, 401);
    });

    it('records admin actions in the audit log, with no content, and exports it', async () => {
      const message = 'Audit must never hold this sentence.';
      const reference = await send(
        t,
        envelope('feedback', { type: { code: 'inquiry', label: 'Inquiry' }, message, contact: CONTACT, consent: true }),
      );
      const start = await count(t, 'audit_log');
      await t.app.inject({ url: '/admin/submissions?kind=feedback', headers: auth });
      await t.app.inject({ url: '/admin/submissions/export?kind=feedback&format=json', headers: auth });
      await t.app.inject({ url: `/admin/references/${reference}`, headers: auth });
      await t.app.inject({ method: 'DELETE', url: `/admin/references/${reference}/contact`, headers: auth });
      await t.app.inject({ method: 'DELETE', url: `/admin/references/${reference}`, headers: auth });
      await t.app.inject({
        url: '/admin/submissions',
        headers: { authorization: 'Bearer wrong-token-wrong-token-wrong' },
      });
      assert.equal(await count(t, 'audit_log'), start + 5, 'five actions; the refused token is not one');

      const exported = await t.app.inject({ url: `/admin/audit?reference=${reference}`, headers: auth });
      assert.equal(exported.statusCode, 200);
      const entries = exported.json() as Array<{ action: string; actor: string; reference: string; status: number }>;
      assert.deepEqual(
        entries.map((entry) => entry.action),
        ['reference.export', 'reference.erase-contact', 'reference.erase'],
      );
      assert.ok(
        entries.every((entry) => /^admin-token:[0-9a-f]{8}$/.test(entry.actor) && entry.status === 200),
        'actor and status of each',
      );
      const all = JSON.stringify(await t.sql('SELECT * FROM audit_log'));
      for (const secret of [message, CONTACT.email, CONTACT.mobile, CONTACT.name, 'test-admin-token'])
        assert.equal(all.includes(secret), false, secret);
      const details = (await t.sql<{ detail: string | null }>('SELECT detail FROM audit_log')).map(
        (row) => row.detail && JSON.parse(row.detail),
      );
      assert.ok(
        details.some((detail) => detail?.kind === 'feedback' && detail.format === 'json'),
        'the filters of an export are recorded',
      );
      await t.app.inject({ url: '/admin/references/sara@example.sa', headers: auth });
      assert.equal(
        JSON.stringify(await t.sql('SELECT * FROM audit_log')).includes('sara@example.sa'),
        false,
        'what is typed in place of a reference is not kept',
      );
      // Nor what is typed in place of a filter: only a filter's own shape is kept.
      await t.app.inject({ url: '/admin/audit?reference=noura@example.sa', headers: auth });
      await t.app.inject({ url: '/admin/submissions?kind=Noura%20Alqahtani&from=0551234567', headers: auth });
      const logged = JSON.stringify(await t.sql('SELECT * FROM audit_log'));
      for (const typed of ['noura@example.sa', 'Noura', '0551234567'])
        assert.equal(logged.includes(typed), false, typed);
      const csv = await t.app.inject({ url: '/admin/audit?format=csv', headers: auth });
      assert.match(csv.body, /submissions\.export/);
    });

    it('stores page URLs without their query string, and reads the tally under the same key', async () => {
      const reference = await send(t, withPage('page-vote', { answer: 'yes' }, `${PAGE}/query?nid=1090000000&lang=ar`));
      assert.equal((await stored(t, reference))!.page_url, `${PAGE}/query`);
      const tally = await t.app.inject({ url: `/tally?page=${encodeURIComponent(`${PAGE}/query?nid=1090000000`)}` });
      assert.deepEqual(tally.json(), { yes: 1, total: 1 });

      const keeping = await buildApp({
        config: testConfig({ keepQueryString: ['lang'] }),
        store: t.store,
        contract: contract(),
      });
      try {
        const kept = await post(
          keeping,
          withPage('page-vote', { answer: 'no' }, `${PAGE}/query?nid=1090000000&lang=ar`),
        );
        assert.equal((await stored(t, kept.json().reference))!.page_url, `${PAGE}/query?lang=ar`);
      } finally {
        await keeping.close();
      }
    });

    it('hashes clients under one key per UTC day, shared by two instances on one database and gone after the day', async () => {
      // A database of its own: the sweeps above, run as if days ahead, deleted today's key under this app.
      const t = await openTestApp(dialect);
      const second: Store =
        t.store.dialect === 'postgres'
          ? await PostgresStore.open({ connectionString: t.url! })
          : new SqliteStore(t.file!);
      const other = await buildApp({ config: testConfig(), store: second, contract: contract() });
      try {
        const one = await send(t, envelope('page-vote'));
        const two = (await post(other, envelope('page-vote'))).json().reference as string;
        const clients = await t.sql<{ client: string }>(
          `SELECT client FROM submissions WHERE reference IN ('${one}', '${two}')`,
        );
        assert.equal(clients.length, 2);
        assert.match(clients[0]!.client, /^[0-9a-f]{16}$/);
        assert.equal(clients[0]!.client, clients[1]!.client, 'the same client, the same hash, on either instance');

        // A new day's key, made by both at once: one key.
        const tomorrow = later(1);
        const [a, b] = await Promise.all([new DayKeys(t.store).keyFor(tomorrow), new DayKeys(second).keyFor(tomorrow)]);
        assert.deepEqual(a, b);
        const days = (await t.sql<{ day: string }>('SELECT day FROM day_keys')).map((row) => row.day);
        assert.deepEqual(days, [tomorrow.toISOString().slice(0, 10)], "today's key went when tomorrow's was made");
        assert.equal(
          (await sweep(t.store, t.config.retention, later(2))).dayKeys,
          1,
          'the sweep deletes it once its day is over',
        );
        assert.equal(await count(t, 'day_keys'), 0);
      } finally {
        await other.close();
        await second.close();
        await t.close();
      }
    });
  });
}
