/**
 * Consultations through the HTTP API, once per dialect: written by the administration (PUT
 * /admin/consultations/{id}: dates normalized, ids checked, a change keeps views and outcome; its token),
 * read by the card (GET /consultations/{id}: participants = views kept + participantsElsewhere);
 * `consultation-view` (open only, except a late view that waited on the visitor's device; `replaces` in
 * any order of arrival; oppose needs a comment); the outcome (refused while open, counted or as given);
 * and the demo seed (twice stores nothing new, reads back valid). Every body asserted on is also checked
 * against its contract schema.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleConsultations, sampleIdeas } from '../../tools/demo-samples.mjs';
import type { Schemas } from '../contract.js';
import { seedDemo } from '../seed.js';
import {
  auth,
  contract,
  DIALECTS,
  envelope,
  fieldsOf,
  post,
  storedCount,
  suiteApp,
  type TestApp,
  valid,
} from './helpers.js';

type Consultation = Schemas['Consultation'];
type ConsultationInput = Schemas['ConsultationInput'];
type AdminConsultation = Schemas['AdminConsultation'];
type StanceCounts = Schemas['StanceCounts'];
type Stance = Schemas['Stance'];
type Receipt = Schemas['Receipt'];
type FieldError = Schemas['FieldError'];

const year = new Date().getUTCFullYear();
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Now plus `offset` milliseconds, as ISO 8601 UTC. */
const at = (offset: number): string => new Date(Date.now() + offset).toISOString();

let serial = 0;
/** A consultation id of its own for each test. */
const fresh = (name: string): string => `${name}-${(serial += 1)}`;

function put(t: TestApp, id: string, body: unknown, headers: Record<string, string> = auth) {
  return t.app.inject({
    method: 'PUT',
    url: `/admin/consultations/${id}`,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

/** Creates or changes a consultation (200) and answers it as the public sees it. */
async function written(t: TestApp, id: string, input: ConsultationInput): Promise<Consultation> {
  const response = await put(t, id, input);
  assert.equal(response.statusCode, 200, response.body);
  const consultation = response.json<Consultation>();
  valid('Consultation', consultation);
  return consultation;
}

const OPEN = { opensAt: at(-DAY), closesAt: at(DAY) };
/** An open consultation with a title, under a fresh id. */
async function openConsultation(t: TestApp, input: Partial<ConsultationInput> = {}): Promise<string> {
  const id = fresh('open');
  await written(t, id, { title: 'Shaded walkways', type: 'non-legal', ...OPEN, ...input });
  return id;
}

async function read(t: TestApp, id: string): Promise<Consultation> {
  const response = await t.app.inject({ url: `/consultations/${id}` });
  assert.equal(response.statusCode, 200, response.body);
  const consultation = response.json<Consultation>();
  valid('Consultation', consultation);
  return consultation;
}

/** Every consultation as the administration lists it. */
async function adminList(t: TestApp): Promise<AdminConsultation[]> {
  const response = await t.app.inject({ url: '/admin/consultations', headers: auth });
  assert.equal(response.statusCode, 200, response.body);
  const list = response.json<AdminConsultation[]>();
  assert.ok(Array.isArray(list));
  for (const item of list) valid('AdminConsultation', item);
  return list;
}

/** The views kept on one consultation, by stance (from the administration's list). */
async function viewsOf(t: TestApp, id: string): Promise<StanceCounts> {
  const item = (await adminList(t)).find((entry) => entry.consultation.id === id);
  assert.ok(item, `${id} is listed`);
  return item.views;
}

const COMMENT = 'Trees shade better than metal canopies.';

/** A view envelope; `oppose` gets a comment unless `data` says otherwise. */
function viewEnvelope(
  consultationId: string,
  stance: Stance = 'support',
  data: Record<string, unknown> = {},
  overrides: Record<string, unknown> = {},
) {
  return envelope(
    'consultation-view',
    { consultationId, stance, ...(stance === 'oppose' ? { comment: COMMENT } : {}), ...data },
    overrides,
  );
}

/** Sends a view that must be taken (201): its receipt. */
async function viewed(t: TestApp, sent: Record<string, unknown>): Promise<Receipt> {
  const response = await post(t.app, sent);
  assert.equal(response.statusCode, 201, response.body);
  const receipt = response.json<Receipt>();
  valid('Receipt', receipt);
  return receipt;
}

/** Sends a view that must be refused on consultationId (422), storing nothing. */
async function refusedView(t: TestApp, sent: Record<string, unknown>): Promise<void> {
  const count = await storedCount(t);
  const response = await post(t.app, sent);
  assert.equal(response.statusCode, 422, response.body);
  valid('ValidationError', response.json());
  // In the visitor's language: the card shows a message it does not know as text.
  const message =
    sent.locale === 'en' ? 'This consultation is not taking views now.' : 'لا تستقبل هذه الاستشارة الآراء الآن.';
  assert.deepEqual(response.json().fieldErrors, [{ field: 'consultationId', code: 'invalid', message }]);
  assert.equal(await storedCount(t), count);
}

function outcome(t: TestApp, id: string, body: unknown, headers: Record<string, string> = auth) {
  return t.app.inject({
    method: 'PUT',
    url: `/admin/consultations/${id}/outcome`,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

/** Closes an open consultation by writing it again with past dates (its views stay). */
async function close(t: TestApp, id: string, input: Partial<ConsultationInput> = {}): Promise<Consultation> {
  return written(t, id, { title: 'Shaded walkways', opensAt: at(-10 * DAY), closesAt: at(-HOUR), ...input });
}

for (const dialect of DIALECTS) {
  describe(`consultations on ${dialect}`, () => {
    const t = suiteApp(dialect);

    describe('writing and reading', () => {
      it('creates a consultation that the card then reads, dates in UTC and participants from elsewhere', async () => {
        const id = fresh('shaded-walkways');
        const input: ConsultationInput = {
          title: { ar: 'ممرات مظللة', en: 'Shaded walkways' },
          summary: 'Tell us whether you support shading the main walkways.',
          department: { en: 'Innovation Lab' },
          type: 'legal',
          istitlaaUrl: 'https://istitlaa.ncc.gov.sa/en/shaded-walkways',
          level: 'collaboration',
          opensAt: '2026-03-01T09:00:00+03:00',
          closesAt: '2099-04-01T00:00:00Z',
          documents: [{ title: { ar: 'المقترح', en: 'The proposal' }, url: 'https://example.gov.sa/proposal.pdf' }],
          url: 'https://istitlaa.ncc.gov.sa/',
          platform: { ar: 'استطلاع', en: 'Istitlaa' },
          participantsElsewhere: 40,
        };
        const answered = await written(t, id, input);
        const expected: Consultation = {
          id,
          title: input.title,
          summary: input.summary!,
          department: input.department!,
          type: 'legal',
          istitlaaUrl: 'https://istitlaa.ncc.gov.sa/en/shaded-walkways',
          level: 'collaboration',
          opensAt: '2026-03-01T06:00:00.000Z',
          closesAt: '2099-04-01T00:00:00.000Z',
          documents: input.documents!,
          url: input.url!,
          platform: input.platform!,
          participants: 40,
        };
        assert.deepEqual(answered, expected, 'PUT answers it as the public sees it');
        assert.deepEqual(await read(t, id), expected);

        const plain = fresh('plain');
        assert.deepEqual(
          await written(t, plain, {
            title: 'One title for every language',
            type: 'non-legal',
            opensAt: '2026-01-01T00:00:00Z',
            closesAt: '2026-01-02T00:00:00.5Z',
          }),
          {
            id: plain,
            title: 'One title for every language',
            type: 'non-legal',
            opensAt: '2026-01-01T00:00:00.000Z',
            closesAt: '2026-01-02T00:00:00.500Z',
            participants: 0,
          },
        );
      });

      it('counts participants as the views kept plus participantsElsewhere', async () => {
        const id = await openConsultation(t, { participantsElsewhere: 1000 });
        await viewed(t, viewEnvelope(id, 'support'));
        await viewed(t, viewEnvelope(id, 'neutral'));
        await viewed(t, viewEnvelope(id, 'oppose'));
        assert.equal((await read(t, id)).participants, 1003);
        assert.deepEqual(await viewsOf(t, id), { support: 1, neutral: 1, oppose: 1 });
      });

      it('refuses closesAt not after opensAt (422 on closesAt), storing nothing', async () => {
        for (const [opensAt, closesAt] of [
          ['2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'],
          ['2026-03-01T00:00:00Z', '2026-02-28T23:59:59Z'],
          ['2026-03-01T03:00:00+03:00', '2026-03-01T00:00:00Z'],
        ]) {
          const id = fresh('backwards');
          const response = await put(t, id, { title: 'x', type: 'non-legal', opensAt, closesAt });
          assert.equal(response.statusCode, 422, response.body);
          valid('ValidationError', response.json());
          assert.deepEqual(fieldsOf(response.json()), ['closesAt']);
          assert.equal((await t.app.inject({ url: `/consultations/${id}` })).statusCode, 404);
        }
      });

      describe('refuses a body that does not match the contract (422)', () => {
        const good = {
          title: 'x',
          type: 'non-legal',
          opensAt: '2026-03-01T00:00:00Z',
          closesAt: '2026-04-01T00:00:00Z',
        };
        const cases: Array<[string, unknown, string[]]> = [
          ['an unknown field', { ...good, participants: 5 }, ['participants']],
          ['no title', { opensAt: good.opensAt, closesAt: good.closesAt }, ['title']],
          ['no dates', { title: 'x' }, ['closesAt', 'opensAt']],
          ['a date that is not one', { ...good, opensAt: 'tomorrow' }, ['opensAt']],
          ['a level it does not know', { ...good, level: 'survey' }, ['level']],
          ['negative participants elsewhere', { ...good, participantsElsewhere: -1 }, ['participantsElsewhere']],
          ['a body that is not an object', [good], ['']],
        ];
        for (const [name, body, fields] of cases) {
          it(name, async () => {
            const id = fresh('bad-body');
            const response = await put(t, id, body);
            assert.equal(response.statusCode, 422, response.body);
            valid('ValidationError', response.json());
            assert.deepEqual(fieldsOf(response.json()), fields);
            assert.equal((await t.app.inject({ url: `/consultations/${id}` })).statusCode, 404);
          });
        }
      });

      it('answers 404 for a consultation it does not have', async () => {
        const response = await t.app.inject({ url: '/consultations/no-such-consultation' });
        assert.equal(response.statusCode, 404);
        valid('Error', response.json());
      });

      it('refuses an id with a space (422 on PUT, 404 on GET)', async () => {
        const response = await put(t, 'shaded%20walkways', { title: 'x', type: 'non-legal', ...OPEN });
        assert.equal(response.statusCode, 422, response.body);
        assert.deepEqual(fieldsOf(response.json()), ['id']);
        assert.equal((await t.app.inject({ url: '/consultations/shaded%20walkways' })).statusCode, 404);
      });

      it('takes an id of 200 characters (the contract maximum)', async () => {
        const id = `c${'a'.repeat(199)}`;
        const response = await put(t, id, { title: 'Long id', type: 'non-legal', ...OPEN });
        assert.equal(response.statusCode, 200, response.body);
        assert.equal((await read(t, id)).id, id);
      });

      it('refuses an id over 200 characters (422 on PUT, 404 on GET)', async () => {
        const id = 'a'.repeat(201);
        const response = await put(t, id, { title: 'Too long', type: 'non-legal', ...OPEN });
        assert.equal(response.statusCode, 422, response.body);
        assert.deepEqual(fieldsOf(response.json()), ['id']);
        const read = await t.app.inject({ url: `/consultations/${id}` });
        assert.equal(read.statusCode, 404, read.body);
      });

      it('answers 404 for an id holding a NUL character, and never fails on one', async () => {
        const read = await t.app.inject({ url: '/consultations/walkways%00' });
        assert.equal(read.statusCode, 404, read.body);
        const write = await put(t, 'walkways%00', { title: 'x', type: 'non-legal', ...OPEN });
        assert.ok(write.statusCode === 200 || write.statusCode === 422, `status ${write.statusCode}: ${write.body}`);
      });

      it('takes a leap-second date-time the contract allows, as the millisecond before it', async () => {
        const body = {
          title: 'Leap',
          type: 'non-legal',
          opensAt: '2016-12-31T23:59:60Z',
          closesAt: '2099-01-01T00:00:00Z',
        };
        assert.ok(contract().check('ConsultationInput', body).valid, 'the contract takes it');
        const written = (await put(t, fresh('leap'), body)).json<Consultation>();
        valid('Consultation', written);
        assert.equal(written.opensAt, '2016-12-31T23:59:59.999Z');
      });

      it('refuses a time past the year 9999 in UTC on that field (422), not as out of order', async () => {
        const response = await put(t, fresh('far'), {
          title: 'Far',
          type: 'non-legal',
          opensAt: at(-DAY),
          closesAt: '9999-12-31T23:00:00-02:00',
        });
        assert.equal(response.statusCode, 422, response.body);
        assert.deepEqual(fieldsOf(response.json()), ['closesAt']);
        assert.match(response.json().fieldErrors[0].message, /closesAt is not a time/);
      });

      it('refuses a consultation or an outcome larger than the card reads (422 too-long), keeping what was there', async () => {
        // Bodies within the 64 KB body limit, whose consultation as served would pass 60 KB.
        const long = { en: 'w'.repeat(8000), ar: 'ع'.repeat(3800) };
        const big = await put(t, fresh('big'), {
          title: long,
          type: 'non-legal',
          summary: long,
          department: long,
          platform: long,
          ...OPEN,
        });
        assert.equal(big.statusCode, 422, big.body);
        assert.deepEqual(
          big.json().fieldErrors.map((error: FieldError) => [error.field, error.code]),
          [['', 'too-long']],
        );

        const id = fresh('outcome-big');
        await written(t, id, {
          title: long,
          type: 'non-legal',
          summary: long,
          opensAt: at(-2 * DAY),
          closesAt: at(-DAY),
        });
        const longer = { en: 'w'.repeat(10_000), ar: 'ع'.repeat(10_000) };
        const outcomeBig = await outcome(t, id, { heard: longer, decided: longer });
        assert.equal(outcomeBig.statusCode, 422, outcomeBig.body);
        assert.equal((await read(t, id)).outcome, undefined, 'no outcome was kept');
        const fits = await outcome(t, id, { heard: 'Most supported it.' });
        assert.equal(fits.statusCode, 200, fits.body);
      });

      it('changes a consultation when written again, keeping its views and its outcome', async () => {
        const id = await openConsultation(t, { participantsElsewhere: 10 });
        await viewed(t, viewEnvelope(id, 'support'));
        await viewed(t, viewEnvelope(id, 'oppose'));
        const closed = await close(t, id, { title: { en: 'Closed now' }, participantsElsewhere: 10 });
        assert.equal(closed.participants, 12, 'the views stayed');
        const published = await outcome(t, id, { heard: 'Most supported it.' });
        assert.equal(published.statusCode, 200, published.body);
        const kept = published.json<Consultation>().outcome;

        const changed = await close(t, id, {
          title: { ar: 'عنوان جديد', en: 'A new title' },
          level: 'inclusion',
          participantsElsewhere: 20,
        });
        assert.deepEqual(changed.title, { ar: 'عنوان جديد', en: 'A new title' });
        assert.equal(changed.level, 'inclusion');
        assert.equal(changed.participants, 22, 'the views stayed, elsewhere changed');
        assert.deepEqual(changed.outcome, kept, 'the outcome stayed');
        assert.deepEqual(await read(t, id), changed);
        assert.deepEqual(await viewsOf(t, id), { support: 1, neutral: 0, oppose: 1 });
      });

      it('needs the admin token to list, write, and publish an outcome (401)', async () => {
        const id = await openConsultation(t);
        for (const headers of [{}, { authorization: 'Bearer wrong-token' }] as Record<string, string>[]) {
          const answers = [
            await t.app.inject({ url: '/admin/consultations', headers }),
            await put(t, id, { title: 'Changed without a token', ...OPEN }, headers),
            await put(t, fresh('no-token'), { title: 'Created without a token', type: 'legal', ...OPEN }, headers),
            await outcome(t, id, { heard: 'x' }, headers),
          ];
          for (const response of answers) {
            assert.equal(response.statusCode, 401);
            assert.equal(response.headers['www-authenticate'], 'Bearer realm="ep-collector"');
            valid('Error', response.json());
          }
        }
        assert.equal((await read(t, id)).title, 'Shaded walkways', 'nothing changed');
      });
    });

    describe('the type: legal or non-legal, and a legal one on Istitlaa', () => {
      const ISTITLAA = 'https://istitlaa.ncc.gov.sa/en/municipal-fees';

      it('refuses to create a consultation without its type (422 required on type), storing nothing', async () => {
        const id = fresh('untyped');
        const response = await put(t, id, { title: 'No type', ...OPEN });
        assert.equal(response.statusCode, 422, response.body);
        valid('ValidationError', response.json());
        assert.deepEqual(
          response.json().fieldErrors.map((error: FieldError) => [error.field, error.code]),
          [['type', 'required']],
        );
        assert.equal((await t.app.inject({ url: `/consultations/${id}` })).statusCode, 404);
      });

      it('serves the type and, for a legal one, its page on Istitlaa', async () => {
        const legal = fresh('fees');
        const served = await written(t, legal, { title: 'Fees', type: 'legal', istitlaaUrl: ISTITLAA, ...OPEN });
        assert.equal(served.type, 'legal');
        assert.equal(served.istitlaaUrl, ISTITLAA);
        assert.deepEqual(await read(t, legal), served);
        const other = await openConsultation(t);
        assert.equal((await read(t, other)).type, 'non-legal');
        assert.equal((await read(t, other)).istitlaaUrl, undefined);
      });

      it('keeps the type when a change gives none, and changes it when one is given', async () => {
        const id = fresh('fees');
        await written(t, id, { title: 'Fees', type: 'legal', istitlaaUrl: ISTITLAA, ...OPEN });
        const untyped = await written(t, id, { title: 'Fees, changed by a tool that knows no types', ...OPEN });
        assert.equal(untyped.type, 'legal', 'kept');
        assert.equal(untyped.istitlaaUrl, undefined, 'a change replaces what was written, the link too');
        const retyped = await written(t, id, { title: 'Fees', type: 'non-legal', ...OPEN });
        assert.equal(retyped.type, 'non-legal');
        assert.equal((await read(t, id)).type, 'non-legal');
      });

      describe('refuses a type or a link to Istitlaa the contract does not take (422), keeping what was there', () => {
        const cases: Array<[string, Record<string, unknown>, string[]]> = [
          ['a type it does not know', { type: 'regulatory' }, ['type']],
          [
            'a link to Istitlaa on a non-legal consultation',
            { type: 'non-legal', istitlaaUrl: ISTITLAA },
            ['istitlaaUrl'],
          ],
          ['a link to Istitlaa without the type legal beside it', { istitlaaUrl: ISTITLAA }, ['istitlaaUrl']],
          [
            'a link to Istitlaa that is not https',
            { type: 'legal', istitlaaUrl: 'http://istitlaa.ncc.gov.sa/' },
            ['istitlaaUrl'],
          ],
          ['a link that is a script', { type: 'legal', istitlaaUrl: 'javascript:alert(1)' }, ['istitlaaUrl']],
        ];
        for (const [name, body, fields] of cases) {
          it(name, async () => {
            const id = await openConsultation(t, { title: 'Before' });
            const response = await put(t, id, { title: 'After', ...OPEN, ...body });
            assert.equal(response.statusCode, 422, response.body);
            valid('ValidationError', response.json());
            assert.deepEqual(fieldsOf(response.json()), fields);
            const kept = await read(t, id);
            assert.equal(kept.title, 'Before');
            assert.equal(kept.type, 'non-legal');
          });
        }
      });

      it('lists one type when asked (?type=), every consultation otherwise', async () => {
        const legal = fresh('legal');
        await written(t, legal, { title: 'A draft regulation', type: 'legal', istitlaaUrl: ISTITLAA, ...OPEN });
        const nonLegal = await openConsultation(t);
        const listed = async (query: string): Promise<AdminConsultation[]> => {
          const response = await t.app.inject({ url: `/admin/consultations${query}`, headers: auth });
          assert.equal(response.statusCode, 200, response.body);
          const list = response.json<AdminConsultation[]>();
          for (const item of list) valid('AdminConsultation', item);
          return list;
        };
        const ids = (list: AdminConsultation[]): string[] => list.map((item) => item.consultation.id);
        const onlyLegal = await listed('?type=legal');
        assert.ok(ids(onlyLegal).includes(legal));
        assert.ok(!ids(onlyLegal).includes(nonLegal));
        assert.deepEqual(new Set(onlyLegal.map((item) => item.consultation.type)), new Set(['legal']));
        const onlyNonLegal = await listed('?type=non-legal');
        assert.ok(ids(onlyNonLegal).includes(nonLegal));
        assert.ok(!ids(onlyNonLegal).includes(legal));
        assert.deepEqual(new Set(onlyNonLegal.map((item) => item.consultation.type)), new Set(['non-legal']));
        const all = await listed('');
        assert.equal(all.length, onlyLegal.length + onlyNonLegal.length);
        assert.deepEqual(ids(await adminList(t)), ids(all));
        // Each list keeps the order of the whole: latest opening first.
        assert.deepEqual(
          ids(onlyLegal),
          ids(all).filter((id) => ids(onlyLegal).includes(id)),
        );
      });

      it('refuses a type filter it does not know, or given twice (422 on type)', async () => {
        for (const query of ['?type=regulatory', '?type=legal&type=non-legal', '?type=']) {
          const response = await t.app.inject({ url: `/admin/consultations${query}`, headers: auth });
          assert.equal(response.statusCode, 422, `${query}: ${response.body}`);
          valid('ValidationError', response.json());
          assert.deepEqual(fieldsOf(response.json()), ['type'], query);
        }
      });
    });

    describe('consultation-view', () => {
      it('takes a view on an open consultation (201 with a CV reference)', async () => {
        const id = await openConsultation(t);
        const count = await storedCount(t);
        const receipt = await viewed(t, viewEnvelope(id, 'neutral'));
        assert.match(receipt.reference, new RegExp(`^CV-${year}-\\d{6}$`));
        assert.equal(receipt.supports, undefined);
        assert.equal(await storedCount(t), count + 1);
        assert.equal((await read(t, id)).participants, 1);
      });

      it('refuses a view on an upcoming, closed or unknown consultation (422 on consultationId), storing nothing', async () => {
        const upcoming = fresh('upcoming');
        await written(t, upcoming, { title: 'Soon', type: 'non-legal', opensAt: at(DAY), closesAt: at(30 * DAY) });
        const closed = fresh('closed');
        await written(t, closed, { title: 'Over', type: 'non-legal', opensAt: at(-30 * DAY), closesAt: at(-HOUR) });
        await refusedView(t, viewEnvelope(upcoming));
        await refusedView(t, viewEnvelope(upcoming, 'support', {}, { submittedAt: at(2 * DAY) }));
        await refusedView(t, viewEnvelope(closed));
        await refusedView(t, viewEnvelope('no-such-consultation'));
        await refusedView(t, viewEnvelope(closed, 'support', {}, { locale: 'en' }));
        assert.equal((await read(t, upcoming)).participants, 0);
        assert.equal((await read(t, closed)).participants, 0);
      });

      it('takes a late view sent while open, within 7 days of closing, until the outcome is out', async () => {
        const id = fresh('just-closed');
        await written(t, id, { title: 'Just closed', type: 'non-legal', opensAt: at(-10 * DAY), closesAt: at(-HOUR) });
        const late = await viewed(t, viewEnvelope(id, 'oppose', {}, { submittedAt: at(-2 * HOUR) }));
        assert.match(late.reference, /^CV-/);
        await refusedView(t, viewEnvelope(id, 'support', {}, { submittedAt: at(-HOUR + 1000) }));
        assert.equal((await read(t, id)).participants, 1);

        const published = await outcome(t, id, {});
        assert.equal(published.statusCode, 200, published.body);
        assert.deepEqual(
          published.json<Consultation>().outcome?.counts,
          { support: 0, neutral: 0, oppose: 1 },
          'the late view counted',
        );
        await refusedView(t, viewEnvelope(id, 'support', {}, { submittedAt: at(-2 * HOUR) }));
        assert.equal((await read(t, id)).participants, 1);

        const longAgo = fresh('closed-long-ago');
        await written(t, longAgo, {
          title: 'Closed 8 days ago',
          type: 'non-legal',
          opensAt: at(-30 * DAY),
          closesAt: at(-8 * DAY),
        });
        await refusedView(t, viewEnvelope(longAgo, 'support', {}, { submittedAt: at(-9 * DAY) }));
      });

      it('takes a leap-second submittedAt the contract allows on an open consultation (201, not a server error)', async () => {
        const id = await openConsultation(t);
        const sent = viewEnvelope(id, 'support', {}, { submittedAt: '2016-12-31T23:59:60Z' });
        assert.ok(contract().checkSubmission(sent).valid, 'the contract takes it');
        const response = await post(t.app, sent);
        assert.equal(response.statusCode, 201, response.body);
      });

      it('requires a comment with oppose (422 on comment), storing nothing', async () => {
        const id = await openConsultation(t);
        const count = await storedCount(t);
        const response = await post(t.app, envelope('consultation-view', { consultationId: id, stance: 'oppose' }));
        assert.equal(response.statusCode, 422, response.body);
        valid('ValidationError', response.json());
        assert.deepEqual(fieldsOf(response.json()), ['comment']);
        const blank = await post(
          t.app,
          envelope('consultation-view', { consultationId: id, stance: 'oppose', comment: '  ' }),
        );
        assert.equal(blank.statusCode, 422);
        assert.deepEqual(fieldsOf(blank.json()), ['comment']);
        assert.equal(await storedCount(t), count);
        assert.equal((await read(t, id)).participants, 0);
      });

      it('counts a repeat of a view once', async () => {
        const id = await openConsultation(t);
        const sent = viewEnvelope(id, 'support');
        const first = await post(t.app, sent);
        const repeats = await Promise.all(Array.from({ length: 5 }, () => post(t.app, sent)));
        for (const response of repeats) assert.equal(response.body, first.body);
        assert.equal((await read(t, id)).participants, 1);
      });

      describe('a changed view replaces the earlier one, in whatever order they arrive', () => {
        it('A then B (B replaces A): one participant, B counted', async () => {
          const id = await openConsultation(t);
          const a = viewEnvelope(id, 'support');
          const b = viewEnvelope(id, 'oppose', { replaces: a.id });
          await viewed(t, a);
          await viewed(t, b);
          assert.equal((await read(t, id)).participants, 1);
          assert.deepEqual(await viewsOf(t, id), { support: 0, neutral: 0, oppose: 1 });
        });

        it('B before A (the outbox sent A late): the same', async () => {
          const id = await openConsultation(t);
          const a = viewEnvelope(id, 'support');
          const b = viewEnvelope(id, 'oppose', { replaces: a.id });
          await viewed(t, b);
          assert.deepEqual(await viewsOf(t, id), { support: 0, neutral: 0, oppose: 1 });
          await viewed(t, a);
          assert.equal((await read(t, id)).participants, 1);
          assert.deepEqual(await viewsOf(t, id), { support: 0, neutral: 0, oppose: 1 });
        });

        const orders = [
          ['a', 'b', 'c'],
          ['a', 'c', 'b'],
          ['b', 'a', 'c'],
          ['b', 'c', 'a'],
          ['c', 'a', 'b'],
          ['c', 'b', 'a'],
        ] as const;
        for (const order of orders) {
          it(`a chain A → B → C arriving ${order.join(', ').toUpperCase()}: one participant, C counted`, async () => {
            const id = await openConsultation(t);
            const a = viewEnvelope(id, 'support');
            const b = viewEnvelope(id, 'neutral', { replaces: a.id });
            const c = viewEnvelope(id, 'oppose', { replaces: b.id });
            const views = { a, b, c };
            for (const name of order) await viewed(t, views[name]);
            await viewed(t, viewEnvelope(id, 'support'));
            assert.equal((await read(t, id)).participants, 2, 'the chain counts once, beside another visitor');
            assert.deepEqual(await viewsOf(t, id), { support: 1, neutral: 0, oppose: 1 });
          });
        }

        it('a view naming a view of another consultation replaces nothing there', async () => {
          const first = await openConsultation(t);
          const second = await openConsultation(t);
          const a = viewEnvelope(first, 'support');
          await viewed(t, a);
          await viewed(t, viewEnvelope(second, 'neutral', { replaces: a.id }));
          assert.deepEqual(await viewsOf(t, first), { support: 1, neutral: 0, oppose: 0 });
          assert.deepEqual(await viewsOf(t, second), { support: 0, neutral: 1, oppose: 0 });
        });
      });
    });

    describe('the outcome', () => {
      it('is refused while the consultation is open or upcoming (409), and for an unknown one (404)', async () => {
        const open = await openConsultation(t);
        const upcoming = fresh('upcoming');
        await written(t, upcoming, { title: 'Soon', type: 'non-legal', opensAt: at(DAY), closesAt: at(2 * DAY) });
        for (const id of [open, upcoming]) {
          const response = await outcome(t, id, { heard: 'Too early.' });
          assert.equal(response.statusCode, 409, response.body);
          valid('Error', response.json());
          assert.equal((await read(t, id)).outcome, undefined);
        }
        const unknown = await outcome(t, 'no-such-consultation', { heard: 'x' });
        assert.equal(unknown.statusCode, 404);
        valid('Error', unknown.json());
      });

      it('counts the views kept by stance when published without counts', async () => {
        const id = await openConsultation(t, { participantsElsewhere: 100 });
        for (const stance of ['support', 'support', 'neutral', 'oppose'] as const)
          await viewed(t, viewEnvelope(id, stance));
        const changing = viewEnvelope(id, 'support');
        await viewed(t, changing);
        await viewed(t, viewEnvelope(id, 'oppose', { replaces: changing.id }));
        await close(t, id, { participantsElsewhere: 100 });

        const started = Date.now();
        const input = {
          heard: { ar: 'أيّد أغلبكم التظليل.', en: 'Most of you supported shading.' },
          decided: 'Trees first.',
          url: 'https://example.gov.sa/report.pdf',
        };
        const response = await outcome(t, id, input);
        assert.equal(response.statusCode, 200, response.body);
        const answered = response.json<Consultation>();
        valid('Consultation', answered);
        const published = answered.outcome;
        assert.ok(published);
        assert.ok(
          Date.parse(published.publishedAt) >= started - 1000 && Date.parse(published.publishedAt) <= Date.now() + 1000,
        );
        assert.deepEqual(published, {
          publishedAt: published.publishedAt,
          ...input,
          counts: { support: 2, neutral: 1, oppose: 2 },
        });
        assert.equal(answered.participants, 105);
        assert.deepEqual(await read(t, id), answered, 'the card reads it');
      });

      it('keeps the counts given, and is corrected by publishing again', async () => {
        const id = await openConsultation(t);
        await viewed(t, viewEnvelope(id, 'support'));
        await close(t, id);
        const counts = { support: 842, neutral: 131, oppose: 207 };
        const first = await outcome(t, id, { heard: 'Heard.', counts });
        assert.equal(first.statusCode, 200, first.body);
        assert.deepEqual(first.json<Consultation>().outcome?.counts, counts);
        assert.equal(first.json<Consultation>().participants, 1, 'participants are still the views kept');

        await new Promise((resolve) => setTimeout(resolve, 5));
        const corrected = await outcome(t, id, { decided: 'Decided.' });
        assert.equal(corrected.statusCode, 200, corrected.body);
        const now = (await read(t, id)).outcome;
        assert.ok(now);
        assert.equal(now.heard, undefined, 'the correction replaces the outcome');
        assert.equal(now.decided, 'Decided.');
        assert.deepEqual(now.counts, { support: 1, neutral: 0, oppose: 0 });
        assert.ok(now.publishedAt > first.json<Consultation>().outcome!.publishedAt);
      });

      describe('refuses a body that does not match the contract (422)', () => {
        const cases: Array<[string, unknown, string[]]> = [
          ['an unknown field', { heard: 'x', publishedAt: '2020-01-01T00:00:00Z' }, ['publishedAt']],
          ['counts missing a stance', { counts: { support: 1, neutral: 2 } }, ['counts.oppose']],
          ['negative counts', { counts: { support: -1, neutral: 0, oppose: 0 } }, ['counts.support']],
          ['a link that is not http', { url: 'javascript:alert(1)' }, ['url']],
          ['a body that is not an object', 'Heard.', ['']],
        ];
        for (const [name, body, fields] of cases) {
          it(name, async () => {
            const id = fresh('closed');
            await written(t, id, { title: 'Closed', type: 'non-legal', opensAt: at(-2 * DAY), closesAt: at(-DAY) });
            const response = await outcome(t, id, body);
            assert.equal(response.statusCode, 422, response.body);
            valid('ValidationError', response.json());
            assert.deepEqual(fieldsOf(response.json()), fields);
            assert.equal((await read(t, id)).outcome, undefined);
          });
        }
      });
    });
  });

  describe(`the demo seed on ${dialect}`, () => {
    const t = suiteApp(dialect);

    it('stores nothing new when run again, and reads back valid against the contract', async () => {
      const pages = ['https://example.gov.sa/demo'];
      const first = await seedDemo(t.store, contract(), pages);
      // 38 votes, 3 feedback messages, 3 ideas for review and 24 views on the open consultation.
      assert.equal(first, 68);
      assert.equal(await storedCount(t), 68);
      const again = await seedDemo(t.store, contract(), pages);
      assert.equal(again, 0);
      assert.equal(await storedCount(t), 68);

      // Ideas: every sample idea published, once.
      const ideas: Schemas['Idea'][] = [];
      let next: string | undefined;
      do {
        const response = await t.app.inject({ url: `/ideas?limit=50${next ? `&cursor=${next}` : ''}` });
        assert.equal(response.statusCode, 200);
        valid('IdeaPage', response.json());
        ideas.push(...response.json<Schemas['IdeaPage']>().items);
        next = response.json<Schemas['IdeaPage']>().next;
      } while (next);
      assert.deepEqual(
        ideas.map((idea) => idea.id).sort(),
        sampleIdeas()
          .map((idea) => idea.id)
          .sort(),
      );
      const demo1 = ideas.find((idea) => idea.id === 'demo-1');
      assert.equal(demo1?.supports, 214);
      assert.equal(demo1?.answer?.to, 'implemented');
      const review = await t.app.inject({ url: '/admin/ideas?state=pending', headers: auth });
      valid('AdminIdeaList', review.json());
      const pending = review.json<Schemas['AdminIdeaList']>().items;
      assert.equal(pending.length, 3);
      for (const idea of pending) assert.match(idea.reference!, /^ID-\d{4}-\d{6}$/);

      // Consultations: upcoming, open (with the seeded views), closed with its outcome.
      const samples = sampleConsultations(Date.now());
      const list = await adminList(t);
      assert.deepEqual(list.map((item) => item.consultation.id).sort(), samples.map((sample) => sample.id).sort());
      const upcoming = await read(t, 'municipal-fees-regulation');
      assert.equal(upcoming.participants, 0);
      assert.equal(upcoming.outcome, undefined);
      const open = await read(t, 'shaded-walkways');
      assert.equal(open.participants, 1284 + 24);
      assert.deepEqual(list.find((item) => item.consultation.id === 'shaded-walkways')?.views, {
        support: 17,
        neutral: 4,
        oppose: 3,
      });
      const closed = await read(t, 'building-permit-journey');
      assert.deepEqual(closed.outcome?.counts, { support: 842, neutral: 131, oppose: 207 });
      assert.equal(closed.participants, 1180);
    });
  });
}
