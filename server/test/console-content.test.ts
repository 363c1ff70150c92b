/**
 * The console's ideas and consultations (/console/api/ideas, /console/api/consultations), once per dialect:
 * ideas listed newest first, filtered by review state, language and day, a page at a time and as CSV
 * (formulas made harmless); a moderator publishes, answers and rejects them; consultations created (never
 * over another of the same id), edited, their views listed newest first with whether each still counts, the
 * outcome published once closed; every change in the audit log with its actor; a viewer reads everything
 * and changes nothing. Every body asserted on is checked against its contract schema.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Schemas } from '../contract.js';
import { account, signedIn, type Signed } from './console-auth-helpers.js';
import { jsonExportAgrees } from './export-helpers.js';
import { DIALECTS, envelope, fieldsOf, post, suiteApp, type TestApp, valid } from './helpers.js';

type AdminIdea = Schemas['AdminIdea'];
type ViewList = Schemas['ConsultationViewList'];

const API = '/console/api';
const DAY = 86_400_000;
const at = (offset: number): string => new Date(Date.now() + offset).toISOString();

async function sendIdea(t: TestApp, title: string, locale: 'ar' | 'en'): Promise<string> {
  const sent = envelope(
    'idea',
    { title, description: `${title}: the details.`, topic: { code: 'other', label: 'Other' } },
    { locale },
  );
  const answer = await post(t.app, sent);
  assert.equal(answer.statusCode, 201, answer.body);
  return sent.id as string;
}

async function sendView(t: TestApp, consultationId: string, stance: string, extra: Record<string, unknown> = {}) {
  const sent = envelope('consultation-view', { consultationId, stance, ...extra }, { locale: 'en' });
  const answer = await post(t.app, sent);
  assert.equal(answer.statusCode, 201, answer.body);
  return { id: sent.id as string, reference: answer.json<{ reference: string }>().reference };
}

async function read<T>(who: Signed, url: string, schema?: string): Promise<T> {
  const answer = await who.inject({ method: 'GET', url: `${API}${url}` });
  assert.equal(answer.statusCode, 200, answer.body);
  if (schema) valid(schema, answer.json());
  return answer.json<T>();
}

const send = (who: Signed, method: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  who.inject({ method, url: `${API}${url}`, payload: payload as Record<string, unknown>, headers });

const auditOf = (t: TestApp, target: string) =>
  t.sql<{ actor: string; action: string; status: number | string }>(
    `SELECT actor, action, status FROM audit_log WHERE target = ${t.store.dialect === 'postgres' ? '$1' : '?'} ORDER BY seq`,
    [target],
  );

const csvLines = (body: string): string[] =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

for (const dialect of DIALECTS) {
  describe(`console: ideas and consultations (${dialect})`, () => {
    const t = suiteApp(dialect);
    let moderator: Signed;
    let viewer: Signed;

    it('signs in a moderator and a viewer', async () => {
      await account(t.store, 'noura.moderator', 'moderator');
      await account(t.store, 'sara.viewer', 'viewer');
      moderator = await signedIn(t.app, 'noura.moderator');
      viewer = await signedIn(t.app, 'sara.viewer');
    });

    it('lists the ideas to review newest first, filtered by state, language and day, a page at a time', async () => {
      const arabic = await sendIdea(t, 'ساعات مسائية لمراكز الخدمة', 'ar');
      const english = await sendIdea(t, 'Shade over bus stops', 'en');
      const all = await read<Schemas['AdminIdeaList']>(viewer, '/ideas?state=pending', 'AdminIdeaList');
      assert.deepEqual(
        all.items.slice(0, 2).map((idea) => idea.id),
        [english, arabic],
      );
      assert.ok(all.items.every((idea) => idea.state === 'pending'));
      assert.match(all.items[0]!.reference ?? '', /^[A-Z]{2}-\d{4}-\d{6,}$/);
      const inEnglish = await read<Schemas['AdminIdeaList']>(viewer, '/ideas?language=en', 'AdminIdeaList');
      assert.ok(inEnglish.items.some((idea) => idea.id === english));
      assert.ok(!inEnglish.items.some((idea) => idea.id === arabic), 'the Arabic idea is filtered out');
      assert.equal(inEnglish.items.find((idea) => idea.id === english)!.locale, 'en', 'the language it was written in');
      assert.equal(all.items.find((idea) => idea.id === arabic)!.locale, 'ar');
      const today = new Date().toISOString().slice(0, 10);
      const tomorrow = at(DAY).slice(0, 10);
      assert.ok(
        (await read<Schemas['AdminIdeaList']>(viewer, `/ideas?from=${today}&to=${today}`)).items.some(
          (idea) => idea.id === arabic,
        ),
        'today, through its end',
      );
      assert.deepEqual((await read<Schemas['AdminIdeaList']>(viewer, `/ideas?from=${tomorrow}`)).items, []);
      const first = await read<Schemas['AdminIdeaList']>(viewer, '/ideas?state=pending&limit=1');
      assert.ok(first.next);
      const second = await read<Schemas['AdminIdeaList']>(viewer, `/ideas?state=pending&limit=1&after=${first.next}`);
      assert.deepEqual(
        second.items.map((idea) => idea.id),
        [arabic],
      );
      const refused = await viewer.inject({ method: 'GET', url: `${API}/ideas?state=done&language=fr&from=soon` });
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(fieldsOf(refused.json()).sort(), ['from', 'language', 'state']);
    });

    it('gives every idea the filter finds as CSV, formulas made harmless', async () => {
      const id = await sendIdea(t, '=HYPERLINK("http://x")', 'en');
      const answer = await viewer.inject({ method: 'GET', url: `${API}/ideas?format=csv&language=en&limit=1` });
      assert.equal(answer.statusCode, 200, answer.body);
      assert.match(String(answer.headers['content-type']), /^text\/csv/);
      assert.match(String(answer.headers['content-disposition']), /filename="ideas\.csv"/);
      const [header, ...rows] = csvLines(answer.body);
      assert.ok(header!.startsWith('"id","reference","received at","review","status","title"'));
      const listed = await read<Schemas['AdminIdeaList']>(viewer, '/ideas?language=en&limit=500');
      assert.equal(rows.length, listed.items.length, 'every idea, not one page');
      assert.ok(rows.find((row) => row.startsWith(`"${id}"`))!.includes(`"'=HYPERLINK(""http://x"")"`));
    });

    it('gives the same ideas as a JSON file, the formula as the visitor typed it', async () => {
      const query = `${API}/ideas?language=en&limit=1`;
      const csv = await viewer.inject({ method: 'GET', url: `${query}&format=csv` });
      const file = await viewer.inject({ method: 'GET', url: `${query}&format=json` });
      const rows = jsonExportAgrees(csv, file, 'ideas');
      const listed = await read<Schemas['AdminIdeaList']>(viewer, '/ideas?language=en&limit=500');
      assert.deepEqual(
        rows.map((row) => row.id),
        listed.items.map((idea) => idea.id),
      );
      assert.ok(rows.some((row) => row.title === '=HYPERLINK("http://x")'));
    });

    it('lets a moderator publish, answer and reject ideas, each review audited; a viewer may not', async () => {
      const id = await sendIdea(t, 'Evening hours at service centres', 'en');
      const refused = await send(viewer, 'PATCH', `/ideas/${id}`, { state: 'published' });
      assert.equal(refused.statusCode, 403);
      assert.equal(
        ((await read<AdminIdea>(moderator, '/ideas?limit=500')) as unknown as Schemas['AdminIdeaList']).items.find(
          (idea) => idea.id === id,
        )!.state,
        'pending',
      );

      const published = await send(moderator, 'PATCH', `/ideas/${id}`, {
        state: 'published',
        status: 'accepted',
        answer: 'We will open two evenings a week from March.',
      });
      assert.equal(published.statusCode, 200, published.body);
      valid('AdminIdea', published.json());
      const idea = published.json<AdminIdea>();
      assert.deepEqual(
        [idea.state, idea.status, idea.answer?.text, idea.answer?.from, idea.answer?.to],
        ['published', 'accepted', 'We will open two evenings a week from March.', 'new', 'accepted'],
      );
      assert.ok(idea.publishedAt);
      const publicList = await t.app.inject({ url: '/ideas?sort=newest' });
      assert.ok(
        publicList.json<Schemas['IdeaPage']>().items.some((item) => item.id === id),
        'now public',
      );

      const rejected = await send(moderator, 'PATCH', `/ideas/${id}`, { state: 'rejected' });
      assert.equal(rejected.json<AdminIdea>().state, 'rejected');
      assert.deepEqual(
        (await read<Schemas['AdminIdeaList']>(viewer, '/ideas?state=rejected')).items.map((item) => item.id),
        [id],
      );
      const invalid = await send(moderator, 'PATCH', `/ideas/${id}`, { status: 'done' });
      assert.equal(invalid.statusCode, 422);
      const missing = await send(moderator, 'PATCH', '/ideas/no-such-idea', { state: 'published' });
      assert.equal(missing.statusCode, 404);

      assert.deepEqual(
        (await auditOf(t, id)).map((row) => `${row.action} ${row.actor} ${Number(row.status)}`),
        ['idea.review noura.moderator 200', 'idea.review noura.moderator 200', 'PATCH /ideas/:id noura.moderator 422'],
      );
    });

    it('creates a consultation (never over another), edits it, and lists it with its views by stance', async () => {
      const input = {
        title: { ar: 'ممرات مظللة', en: 'Shaded walkways' },
        summary: { ar: 'نقترح تظليل الممرات.', en: 'We propose shading the walkways.' },
        type: 'legal',
        istitlaaUrl: 'https://istitlaa.ncc.gov.sa/',
        level: 'consultation',
        opensAt: at(-DAY),
        closesAt: at(DAY),
        participantsElsewhere: 10,
      };
      const refused = await send(viewer, 'PUT', '/consultations/shaded-walkways', input, { 'if-none-match': '*' });
      assert.equal(refused.statusCode, 403);
      assert.equal(
        (await viewer.inject({ method: 'GET', url: `${API}/consultations/shaded-walkways` })).statusCode,
        404,
        'nothing made by the viewer',
      );

      const created = await send(moderator, 'PUT', '/consultations/shaded-walkways', input, { 'if-none-match': '*' });
      assert.equal(created.statusCode, 200, created.body);
      valid('Consultation', created.json());
      assert.equal(created.json<Schemas['Consultation']>().participants, 10);
      const again = await send(
        moderator,
        'PUT',
        '/consultations/shaded-walkways',
        { ...input, title: 'Other' },
        {
          'if-none-match': '*',
        },
      );
      assert.equal(again.statusCode, 412, 'a new one never overwrites another');

      const edited = await send(moderator, 'PUT', '/consultations/shaded-walkways', {
        ...input,
        type: 'non-legal',
        istitlaaUrl: undefined,
        title: { ar: 'ممرات مظللة في الأحياء', en: 'Shaded walkways in neighbourhoods' },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      const wrong = await send(moderator, 'PUT', '/consultations/shaded-walkways', {
        ...input,
        type: 'non-legal',
        closesAt: at(-2 * DAY),
      });
      assert.equal(wrong.statusCode, 422);
      assert.deepEqual(fieldsOf(wrong.json()).sort(), ['istitlaaUrl']);

      await sendView(t, 'shaded-walkways', 'support');
      const one = await read<Schemas['AdminConsultation']>(
        viewer,
        '/consultations/shaded-walkways',
        'AdminConsultation',
      );
      assert.deepEqual(one.views, { support: 1, neutral: 0, oppose: 0 });
      assert.equal(one.consultation.type, 'non-legal');
      assert.equal('istitlaaUrl' in one.consultation, false);
      assert.deepEqual(one.consultation.title, {
        ar: 'ممرات مظللة في الأحياء',
        en: 'Shaded walkways in neighbourhoods',
      });
      assert.equal(one.consultation.participants, 11);
      const listed = await viewer.inject({ method: 'GET', url: `${API}/consultations?type=non-legal` });
      assert.equal(listed.statusCode, 200);
      const list = listed.json<Schemas['AdminConsultation'][]>();
      for (const item of list) valid('AdminConsultation', item);
      assert.ok(list.some((item) => item.consultation.id === 'shaded-walkways'));
      assert.equal((await read<unknown[]>(viewer, '/consultations?type=legal')).length, 0);

      assert.deepEqual(
        (await auditOf(t, 'shaded-walkways')).map((row) => `${row.action} ${row.actor} ${Number(row.status)}`),
        [
          'consultation.create noura.moderator 200',
          'PUT /consultations/:id noura.moderator 412',
          'consultation.edit noura.moderator 200',
          'PUT /consultations/:id noura.moderator 422',
        ],
      );
    });

    it('lists the views newest first, saying which still count, a page at a time and as CSV', async () => {
      await send(moderator, 'PUT', '/consultations/bus-shelters', {
        title: 'Bus shelters',
        type: 'non-legal',
        opensAt: at(-DAY),
        closesAt: at(DAY),
      });
      const first = await sendView(t, 'bus-shelters', 'oppose', { comment: '=cmd|" /C calc"!A0' });
      const changed = await sendView(t, 'bus-shelters', 'neutral', { replaces: first.id });
      const other = await sendView(t, 'bus-shelters', 'support');
      const views = await read<ViewList>(viewer, '/consultations/bus-shelters/views', 'ConsultationViewList');
      assert.deepEqual(
        views.items.map((view) => [view.reference, view.stance, view.counted]),
        [
          [other.reference, 'support', true],
          [changed.reference, 'neutral', true],
          [first.reference, 'oppose', false],
        ],
      );
      assert.equal(views.items[2]!.comment, '=cmd|" /C calc"!A0');
      assert.equal(views.items[0]!.locale, 'en');
      const page = await read<ViewList>(viewer, '/consultations/bus-shelters/views?limit=2');
      assert.ok(page.next);
      assert.deepEqual(
        (await read<ViewList>(viewer, `/consultations/bus-shelters/views?limit=2&after=${page.next}`)).items.map(
          (view) => view.reference,
        ),
        [first.reference],
      );
      const counts = await read<Schemas['AdminConsultation']>(viewer, '/consultations/bus-shelters');
      assert.deepEqual(counts.views, { support: 1, neutral: 1, oppose: 0 });

      const csv = await viewer.inject({ method: 'GET', url: `${API}/consultations/bus-shelters/views?format=csv` });
      assert.equal(csv.statusCode, 200);
      const [header, ...rows] = csvLines(csv.body);
      assert.equal(header, '"reference","received at","language","stance","comment","counted"');
      assert.equal(rows.length, 3);
      assert.ok(rows[2]!.includes(`"'=cmd|"" /C calc""!A0","no"`), rows[2]);
      const all = await viewer.inject({ method: 'GET', url: `${API}/consultations?format=csv` });
      const [listHeader, ...listRows] = csvLines(all.body);
      assert.ok(listHeader!.startsWith('"id","type","title (Arabic)","title (English)"'));
      assert.ok(listRows.some((row) => row.startsWith('"bus-shelters","non-legal","Bus shelters","Bus shelters"')));
      assert.ok(listRows.find((row) => row.startsWith('"bus-shelters"'))!.includes('"open","1","1","0","2"'));
      const viewsFile = await viewer.inject({
        method: 'GET',
        url: `${API}/consultations/bus-shelters/views?format=json`,
      });
      assert.equal(jsonExportAgrees(csv, viewsFile, 'views-bus-shelters').length, 3);
      const listFile = await viewer.inject({ method: 'GET', url: `${API}/consultations?format=json` });
      assert.ok(jsonExportAgrees(all, listFile, 'consultations').some((row) => row.id === 'bus-shelters'));
      assert.equal((await viewer.inject({ method: 'GET', url: `${API}/consultations/no-such/views` })).statusCode, 404);
    });

    it('creates only once when two create the same id at the same moment: one 200, one 412, the first kept', async () => {
      const input = (title: string) => ({ title, type: 'non-legal', opensAt: at(-DAY), closesAt: at(DAY) });
      const [first, second] = await Promise.all(
        ['First', 'Second'].map((title) =>
          send(moderator, 'PUT', '/consultations/both-at-once', input(title), { 'if-none-match': '*' }),
        ),
      );
      assert.deepEqual([first!.statusCode, second!.statusCode].sort(), [200, 412]);
      const kept = first!.statusCode === 200 ? first! : second!;
      const refused = kept === first ? second! : first!;
      assert.deepEqual(refused.json(), { message: 'A consultation has this id already.' }, 'as the contract says');
      valid('Error', refused.json());
      const shown = await read<Schemas['AdminConsultation']>(viewer, '/consultations/both-at-once');
      assert.equal(shown.consultation.title, kept.json<Schemas['Consultation']>().title, 'the one created stays');
      assert.deepEqual((await auditOf(t, 'both-at-once')).map((row) => `${row.action} ${Number(row.status)}`).sort(), [
        'PUT /consultations/:id 412',
        'consultation.create 200',
      ]);
    });

    it('names a views export after any consultation id, Arabic or with quotes and semicolons, in a header that holds', async () => {
      const names = [
        { id: 'ممرات-مظللة', fallback: 'views-_____-_____', encoded: `views-${encodeURIComponent('ممرات-مظللة')}` },
        {
          id: `a";filename*=UTF-8''x.html`,
          fallback: 'views-a__filename__UTF-8__x.html',
          encoded: 'views-a%22%3Bfilename%2A%3DUTF-8%27%27x.html',
        },
      ];
      for (const { id, fallback, encoded } of names) {
        const path = `/consultations/${encodeURIComponent(id)}`;
        const created = await send(moderator, 'PUT', path, {
          title: 'Walkways',
          type: 'non-legal',
          opensAt: at(-DAY),
          closesAt: at(DAY),
        });
        assert.equal(created.statusCode, 200, created.body);
        await sendView(t, id, 'support');
        for (const format of ['csv', 'json']) {
          const file = await viewer.inject({ method: 'GET', url: `${API}${path}/views?format=${format}` });
          assert.equal(file.statusCode, 200, file.body);
          assert.equal(
            file.headers['content-disposition'],
            `attachment; filename="${fallback}.${format}"; filename*=UTF-8''${encoded}.${format}`,
          );
          assert.match(file.body, /support/);
        }
      }
    });

    it('publishes the outcome once the consultation has closed, audited; refused while open and to a viewer', async () => {
      const outcome = {
        heard: { ar: 'طلب كثيرون الأشجار بدل المظلات.', en: 'Many asked for trees over canopies.' },
        decided: { ar: 'الأشجار أولًا في ٤٠ ممرًا.', en: 'Trees first, on 40 walkways.' },
      };
      assert.equal((await send(moderator, 'PUT', '/consultations/bus-shelters/outcome', outcome)).statusCode, 409);
      await send(moderator, 'PUT', '/consultations/closed-one', {
        title: 'Closed one',
        type: 'non-legal',
        opensAt: at(-3 * DAY),
        closesAt: at(-DAY),
      });
      assert.equal((await send(viewer, 'PUT', '/consultations/closed-one/outcome', outcome)).statusCode, 403);
      assert.equal(
        (await read<Schemas['AdminConsultation']>(viewer, '/consultations/closed-one')).consultation.outcome,
        undefined,
      );
      const published = await send(moderator, 'PUT', '/consultations/closed-one/outcome', outcome);
      assert.equal(published.statusCode, 200, published.body);
      valid('Consultation', published.json());
      const shown = await t.app.inject({ url: '/consultations/closed-one' });
      assert.deepEqual(shown.json<Schemas['Consultation']>().outcome?.decided, outcome.decided);
      assert.equal((await send(moderator, 'PUT', '/consultations/no-such/outcome', outcome)).statusCode, 404);
      assert.deepEqual(
        (await auditOf(t, 'closed-one')).map((row) => `${row.action} ${row.actor} ${Number(row.status)}`),
        ['consultation.create noura.moderator 200', 'consultation.outcome noura.moderator 200'],
      );
    });
  });
}
