/**
 * The Innovation Lab's participant panel, once per dialect: a sign-up is stored with its panel row and told
 * a random withdrawal code (the same again for a repeat); a withdrawal with that code and a contact detail
 * given at sign-up erases the person's name and contact details and takes them off the panel, and is
 * answered the same when nothing matched; withdrawals are limited per client; the withdrawal itself keeps
 * nothing; the sweep and an erasure by reference take the panel row with the contact details.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeCode } from '../lab/withdrawal-codes.js';
import { sweep } from '../privacy/sweep.js';
import { WITHDRAWAL_LIMITS } from '../routes/submissions.js';
import { account, signedIn } from './console-auth-helpers.js';
import { jsonExportAgrees } from './export-helpers.js';
import { auth, DIALECTS, envelope, fieldsOf, post, stored, suiteApp, type TestApp, valid } from './helpers.js';

const DAY = 86_400_000;
const SIGNUP = envelope('lab-signup').data as Record<string, unknown>;
const EMAIL = 'sara@example.sa';

interface SignedUp {
  id: string;
  reference: string;
  withdrawalCode: string;
}

async function signUp(t: TestApp, contact: Record<string, unknown> = { name: 'سارة الحربي', email: EMAIL }) {
  const sent = envelope('lab-signup', { ...SIGNUP, contact });
  const response = await post(t.app, sent);
  assert.equal(response.statusCode, 201, response.body);
  valid('Receipt', response.json());
  return response.json<SignedUp>();
}

/** A withdrawal from `client` (an address of the test's own, so that the limit of one test leaves the others alone). */
function withdrawal(t: TestApp, code: string, contact: Record<string, unknown>, client: string) {
  return t.app.inject({
    method: 'POST',
    url: '/submissions',
    remoteAddress: client,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(envelope('lab-withdraw', { code, contact })),
  });
}

const panelRows = (t: TestApp) =>
  t.sql<{ submission_id: string; email_hash: string | null; sessions: string; city: string | null }>(
    'SELECT submission_id, email_hash, sessions, city FROM lab_panel ORDER BY received_at',
  );

for (const dialect of DIALECTS) {
  describe(`the Lab's participant panel (${dialect})`, () => {
    const t = suiteApp(dialect);

    it('stores a sign-up with its panel row and tells a withdrawal code, never the reference, the same again for a repeat', async () => {
      const sent = envelope('lab-signup');
      const first = await post(t.app, sent);
      assert.equal(first.statusCode, 201, first.body);
      const receipt = first.json<SignedUp>();
      valid('Receipt', receipt);
      assert.match(receipt.reference, /^LP-\d{4}-\d{6}$/);
      assert.match(receipt.withdrawalCode, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      assert.ok(!receipt.withdrawalCode.includes(receipt.reference.slice(-6)));

      const again = await post(t.app, sent);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.json(), receipt, 'a retry after a lost answer is told the same code');

      const other = await signUp(t);
      assert.notEqual(other.withdrawalCode, receipt.withdrawalCode, 'each sign-up its own code');

      const row = (await panelRows(t)).find((candidate) => candidate.submission_id === receipt.id)!;
      assert.equal(row.sessions, ' prototype ');
      assert.equal(row.city, 'الرياض');
      assert.match(row.email_hash!, /^[0-9a-f]{64}$/, 'a keyed hash of the address, not the address');
      const everything = JSON.stringify(await t.sql('SELECT * FROM lab_panel'));
      assert.ok(!everything.includes(EMAIL) && !everything.includes(normalizeCode(receipt.withdrawalCode)));
    });

    it('refuses a sign-up without a session, a way to reach the person, a city to meet in, an adult age band or a privacy notice', async () => {
      const refused = async (data: Record<string, unknown>, overrides: Record<string, unknown> = {}) => {
        const response = await post(t.app, envelope('lab-signup', { ...SIGNUP, ...data }, overrides));
        assert.equal(response.statusCode, 422, response.body);
        return fieldsOf(response.json());
      };
      assert.ok((await refused({ sessions: [] })).includes('sessions'));
      assert.ok((await refused({ sessions: ['interview'] })).some((field) => field.startsWith('sessions')));
      assert.ok((await refused({ contact: { name: 'سارة' } })).some((field) => field.startsWith('contact')));
      assert.ok((await refused({ contact: { email: EMAIL } })).some((field) => field.startsWith('contact')));
      assert.ok((await refused({ attendance: ['in-person'], city: undefined })).includes('city'));
      assert.ok((await refused({ ageBand: '16-17' })).includes('ageBand'));
      assert.ok((await refused({ consent: false })).includes('consent'));
      assert.ok((await refused({}, { privacyNotice: '' })).includes('privacyNotice'));
      const online = await post(t.app, envelope('lab-signup', { ...SIGNUP, attendance: ['online'], city: undefined }));
      assert.equal(online.statusCode, 201, 'online only needs no city');
    });

    it('takes a person off the panel with the code and one contact detail, in any case and spacing, and erases their name and contact details', async () => {
      const person = await signUp(t, { name: 'نورة العتيبي', email: 'Noura@Example.sa', mobile: '+966501234567' });
      const typed = person.withdrawalCode.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
      const response = await withdrawal(t, typed, { mobile: '+966501234567' }, '10.0.0.1');
      assert.equal(response.statusCode, 201, response.body);
      valid('Receipt', response.json());
      assert.match(response.json().reference, /^LW-/);
      assert.equal(response.json().withdrawalCode, undefined);

      const signup = (await stored(t, person.reference))!.data;
      assert.equal(signup.contact, undefined, 'name, email and mobile erased');
      assert.deepEqual(signup.sessions, ['prototype'], 'what they volunteered for stays, without them');
      assert.ok(!(await panelRows(t)).some((row) => row.submission_id === person.id), 'off the panel');
      const withdrawn = (await stored(t, response.json().reference))!.data;
      assert.deepEqual(withdrawn, {}, 'the withdrawal keeps neither the code nor the contact detail');

      const byEmail = await signUp(t, { name: 'نورة العتيبي', email: 'noura@example.sa' });
      const upper = await withdrawal(t, byEmail.withdrawalCode, { email: 'NOURA@Example.SA' }, '10.0.0.1');
      assert.equal(upper.statusCode, 201, upper.body);
      assert.equal((await stored(t, byEmail.reference))!.data.contact, undefined, 'email in any case');
    });

    it('answers the same when the code or the contact detail does not match, and changes nothing', async () => {
      const person = await signUp(t);
      const answers = [
        await withdrawal(t, 'ZZZZ-ZZZZ-ZZZZ', { email: EMAIL }, '10.0.0.2'),
        await withdrawal(t, person.withdrawalCode, { email: 'someone.else@example.sa' }, '10.0.0.2'),
        await withdrawal(t, person.withdrawalCode, { mobile: '+966501234567' }, '10.0.0.2'),
      ];
      for (const answer of answers) {
        assert.equal(answer.statusCode, 201);
        assert.deepEqual(Object.keys(answer.json()).sort(), ['id', 'reference', 'status']);
      }
      assert.deepEqual((await stored(t, person.reference))!.data.contact, { name: 'سارة الحربي', email: EMAIL });
      assert.ok(
        (await panelRows(t)).some((row) => row.submission_id === person.id),
        'still on the panel',
      );
    });

    it(`limits withdrawals to ${WITHDRAWAL_LIMITS.max} an hour per client, a right one included, and no other client`, async () => {
      const person = await signUp(t);
      for (let i = 0; i < WITHDRAWAL_LIMITS.max; i++) {
        const tried = await withdrawal(t, 'ZZZZ-ZZZZ-ZZZZ', { email: EMAIL }, '10.0.0.3');
        assert.equal(tried.statusCode, 201);
      }
      const blocked = await withdrawal(t, person.withdrawalCode, { email: EMAIL }, '10.0.0.3');
      assert.equal(blocked.statusCode, 429);
      assert.ok(Number(blocked.headers['retry-after']) > 0);
      assert.deepEqual((await stored(t, person.reference))!.data.contact, { name: 'سارة الحربي', email: EMAIL });

      const elsewhere = await withdrawal(t, person.withdrawalCode, { email: EMAIL }, '10.0.0.4');
      assert.equal(elsewhere.statusCode, 201);
      assert.equal((await stored(t, person.reference))!.data.contact, undefined);
    });

    it('tells a robot that filled the honeypot a code too, and stores nothing', async () => {
      const before = (await panelRows(t)).length;
      const response = await post(t.app, envelope('lab-signup', { ...SIGNUP, website: 'http://spam.example' }));
      assert.equal(response.statusCode, 201);
      valid('Receipt', response.json());
      assert.ok(response.json().withdrawalCode);
      assert.equal((await panelRows(t)).length, before);
    });

    it('lets the sweep and an erasure by reference take the panel row with the contact details', async () => {
      const swept = await signUp(t);
      const counts = await sweep(t.store, t.config.retention, new Date(Date.now() + 731 * DAY));
      assert.ok(counts.panelRows >= 1, 'counted');
      assert.equal(await stored(t, swept.reference), undefined, 'past 730 days the sign-up goes');
      assert.deepEqual(await panelRows(t), [], 'and every panel row with it');

      const erased = await signUp(t);
      const response = await t.app.inject({
        method: 'DELETE',
        url: `/admin/references/${erased.reference}/contact`,
        headers: auth,
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(await panelRows(t), []);
    });

    it('lists the panel for the Lab by session, topic and city, newest first, without those who left; CSV and JSON too; each read audited', async () => {
      await sweep(t.store, t.config.retention, new Date(Date.now() + 731 * DAY));
      const inJeddah = await signUp(t, { name: 'خالد', mobile: '+966551234567' });
      await post(
        t.app,
        envelope('lab-signup', {
          ...SIGNUP,
          sessions: ['understanding', 'readiness'],
          topics: [{ code: 'parks', label: '=HYPERLINK("http://x")' }],
          attendance: ['in-person'],
          city: 'Jeddah',
          contact: { name: 'Mona', email: 'mona@example.sa' },
        }),
      );
      const leaving = await signUp(t, { name: 'ليلى', email: 'layla@example.sa' });
      await withdrawal(t, leaving.withdrawalCode, { email: 'layla@example.sa' }, '10.0.0.5');

      const list = async (query: string) => {
        const response = await t.app.inject({ url: `/console/api/panel${query}`, headers: auth });
        assert.equal(response.statusCode, 200, response.body);
        valid('PanelMemberList', response.json());
        return response.json<{ items: { reference: string; contact: { name: string } }[]; next?: string }>();
      };
      const everyone = await list('');
      assert.deepEqual(
        everyone.items.map((member) => member.contact.name),
        ['Mona', 'خالد'],
        'newest first; the one who left is not listed',
      );
      assert.deepEqual(
        (await list('?session=prototype')).items.map((member) => member.reference),
        [inJeddah.reference],
      );
      assert.deepEqual(
        (await list('?session=readiness&city=jeddah')).items.map((m) => m.contact.name),
        ['Mona'],
      );
      assert.deepEqual(
        (await list('?topic=permits')).items.map((m) => m.contact.name),
        ['خالد'],
      );
      assert.deepEqual((await list('?topic=perm%25')).items, [], 'a topic code is matched literally');
      const first = await list('?limit=1');
      assert.equal(first.items.length, 1);
      assert.deepEqual(
        (await list(`?limit=1&after=${first.next}`)).items.map((m) => m.contact.name),
        ['خالد'],
      );

      const refused = await t.app.inject({ url: '/console/api/panel?session=interview', headers: auth });
      assert.equal(refused.statusCode, 422);

      const csv = await t.app.inject({ url: '/console/api/panel?format=csv&city=Jeddah', headers: auth });
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines.length, 2, 'a header and Mona');
      assert.ok(lines[1]!.includes(`"'=HYPERLINK(""http://x"")"`), 'a formula is shown as text');
      assert.ok(lines[1]!.includes('"mona@example.sa"'));

      const file = await t.app.inject({ url: '/console/api/panel?format=json&city=Jeddah', headers: auth });
      const [mona] = jsonExportAgrees(csv, file, 'lab-panel');
      assert.ok(Object.values(mona!).includes('mona@example.sa'));

      const audited = await t.sql<{ actor: string; action: string; detail: string | null }>(
        "SELECT actor, action, detail FROM audit_log WHERE action LIKE 'lab-panel.%' ORDER BY seq",
      );
      assert.ok(audited.some((row) => row.action === 'lab-panel.list' && row.actor === 'token'));
      const exports = audited.filter((row) => row.action === 'lab-panel.export').map((row) => JSON.parse(row.detail!));
      assert.deepEqual(exports.slice(-2), [
        { city: 'Jeddah', format: 'csv' },
        { city: 'Jeddah', format: 'json' },
      ]);
    });

    it('refuses the panel to a viewer (403) and to anyone not signed in (401); a moderator reads it', async () => {
      await account(t.store, 'lab-viewer', 'viewer');
      await account(t.store, 'lab-moderator', 'moderator');
      const viewer = await signedIn(t.app, 'lab-viewer');
      assert.equal((await viewer.inject({ method: 'GET', url: '/console/api/panel' })).statusCode, 403);
      assert.equal((await viewer.inject({ method: 'GET', url: '/console/api/panel?format=csv' })).statusCode, 403);
      assert.equal((await t.app.inject({ url: '/console/api/panel' })).statusCode, 401);
      const moderator = await signedIn(t.app, 'lab-moderator');
      assert.equal((await moderator.inject({ method: 'GET', url: '/console/api/panel' })).statusCode, 200);
    });
  });
}
