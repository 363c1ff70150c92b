// Consultations for the in-memory collector (dev-endpoint.mjs), for <ep-consultation-card>: the demo, the
// stories and the tests. Every space starts with three sample consultations, dated from the moment the space
// is first used: one upcoming, one open, one closed with its outcome published (see SAMPLES). Tests add their
// own, with fixed dates, and read the views the collector keeps:
//   POST /ep-dev/<space>/__consultations  a consultation, or a list of them (stored by id; replaces one with the same id)
//   GET  /ep-dev/<space>/__views          → the latest view per visitor: [{ id, consultationId, stance, comment? }]
//   GET  /ep-dev/<space>/consultations/<id> → the consultation (see src/core/paths.ts), 404 when unknown;
//        `participants` counts the views kept on top of the number it was stored with.
// Its answers can be scripted like any route: POST __script { "route": "consultations", "responses": [...] }.
// A `consultation-view` submission whose data names `replaces` (the envelope id of the view it changes)
// takes that view's place; a replaced view that arrives late (from an outbox) is not counted.

const DAY = 24 * 60 * 60 * 1000;
const iso = (ms) => new Date(ms).toISOString();

/** The demo's three consultations, dated around `now`. */
function samples(now) {
  return [
    {
      id: 'municipal-fees-regulation',
      title: { en: 'Draft regulation on municipal service fees', ar: 'مشروع لائحة رسوم الخدمات البلدية' },
      summary: {
        en: 'The draft sets out which municipal services carry a fee, how fees are calculated, and who is exempt.\nIt replaces the fee schedules that each municipality publishes today with one schedule for the Kingdom.',
        ar: 'يحدّد المشروع الخدمات البلدية الخاضعة للرسوم، وطريقة احتسابها، والفئات المعفاة منها.\nويستبدل جداول الرسوم التي تنشرها كل أمانة حاليًا بجدول موحّد على مستوى المملكة.',
      },
      department: { en: 'General Directorate of Municipal Revenues', ar: 'الإدارة العامة للإيرادات البلدية' },
      level: 'consultation',
      opensAt: iso(now + 5 * DAY),
      closesAt: iso(now + 35 * DAY),
      participants: 0,
      documents: [{ title: { en: 'Draft regulation (PDF)', ar: 'مشروع اللائحة (PDF)' }, url: 'https://istitlaa.ncc.gov.sa/' }],
      url: 'https://istitlaa.ncc.gov.sa/',
      platform: { en: 'Istitlaa', ar: 'استطلاع' },
    },
    {
      id: 'shaded-walkways',
      title: { en: 'Shaded walkways in residential neighbourhoods', ar: 'ممرات مظللة في الأحياء السكنية' },
      summary: {
        en: 'We propose shading the main walkways of residential neighbourhoods with trees and canopies, starting with the walkways that lead to schools and mosques.\nTell us whether you support the proposal and what would make it work in your neighbourhood.',
        ar: 'نقترح تظليل الممرات الرئيسة في الأحياء السكنية بالأشجار والمظلات، بدءًا بالممرات المؤدية إلى المدارس والمساجد.\nأخبرنا هل تؤيد المقترح، وما الذي يُنجحه في حيّك.',
      },
      department: { en: 'Innovation Lab, General Directorate of Customer Experience', ar: 'معمل الابتكار، الإدارة العامة لتجربة العملاء' },
      level: 'collaboration',
      opensAt: iso(now - 10 * DAY),
      closesAt: iso(now + 3 * DAY + 6 * 60 * 60 * 1000),
      participants: 1284,
      documents: [
        { title: { en: 'The proposal', ar: 'المقترح' }, url: 'https://example.gov.sa/consultations/shaded-walkways.pdf' },
        { title: { en: 'Map of the first neighbourhoods', ar: 'خريطة الأحياء الأولى' }, url: 'https://example.gov.sa/consultations/shaded-walkways-map.pdf' },
      ],
    },
    {
      id: 'building-permit-journey',
      title: { en: 'A simpler building permit: the redesigned service journey', ar: 'رخصة بناء أيسر: رحلة الخدمة بعد إعادة تصميمها' },
      summary: {
        en: 'We tested a redesigned journey for building permits with applicants, engineering offices and inspectors, and asked what should change before it is launched.',
        ar: 'اختبرنا رحلة مُعاد تصميمها لرخص البناء مع المتقدمين والمكاتب الهندسية والمراقبين، وسألناهم عمّا ينبغي تغييره قبل إطلاقها.',
      },
      department: { en: 'Innovation Lab, General Directorate of Customer Experience', ar: 'معمل الابتكار، الإدارة العامة لتجربة العملاء' },
      level: 'inclusion',
      opensAt: iso(now - 60 * DAY),
      closesAt: iso(now - 30 * DAY),
      participants: 1180,
      outcome: {
        publishedAt: iso(now - 7 * DAY),
        heard: {
          en: 'Most of you support the new journey. Many asked for one place to upload all documents, and engineering offices asked to see the inspector’s comments before a visit.',
          ar: 'أيّد معظمكم الرحلة الجديدة. وطلب كثيرون مكانًا واحدًا لرفع جميع المستندات، وطلبت المكاتب الهندسية الاطلاع على ملاحظات المراقب قبل الزيارة.',
        },
        counts: { support: 842, neutral: 131, oppose: 207 },
        decided: {
          en: 'The new journey launches with a single upload step, and inspectors’ comments are shared with the engineering office two days before each visit.',
          ar: 'تنطلق الرحلة الجديدة بخطوة واحدة لرفع المستندات، وتُرسَل ملاحظات المراقبين إلى المكتب الهندسي قبل كل زيارة بيومين.',
        },
        url: 'https://example.gov.sa/consultations/building-permit-journey-report.pdf',
      },
    },
  ];
}

/** The space's consultations and views, set up the first time the space is used. */
function stateOf(space) {
  if (!space.consultationsState) {
    space.consultationsState = {
      consultations: new Map(samples(Date.now()).map((item) => [item.id, item])),
      views: new Map(),
      replaced: new Set(),
    };
  }
  return space.consultationsState;
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(status === 204 ? '' : JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The test-only routes (`__consultations`, `__views`); true when it answered. */
export async function consultationControl(space, route, req, res) {
  if (route === '__consultations' && req.method === 'POST') {
    const body = JSON.parse(await readBody(req));
    for (const item of Array.isArray(body) ? body : [body]) stateOf(space).consultations.set(item.id, item);
    return sendJson(res, 204), true;
  }
  if (route === '__views') return sendJson(res, 200, [...stateOf(space).views.values()]), true;
  return false;
}

/** Keeps the latest view per visitor: a view that names the one it replaces takes its place. Called once per envelope id. */
export function recordView(space, envelope) {
  if (envelope.kind !== 'consultation-view') return;
  const { views, replaced } = stateOf(space);
  const { consultationId, stance, comment, replaces } = envelope.data ?? {};
  if (typeof replaces === 'string' && replaces) {
    views.delete(replaces);
    replaced.add(replaces);
  }
  // Its replacement came first (the outbox sent this one late): the visitor's latest view is already kept.
  if (replaced.has(envelope.id)) return;
  views.set(envelope.id, { id: envelope.id, consultationId, stance, ...(comment ? { comment } : {}) });
}

/** GET consultations/<id>; true when it answered. */
export function answerConsultation(space, route, req, res, url) {
  if (route !== 'consultations' || req.method !== 'GET') return false;
  let id = '';
  try {
    id = decodeURIComponent(url.pathname.split('/')[4] ?? '');
  } catch {
    // Not an id: answered as unknown.
  }
  const { consultations, views } = stateOf(space);
  const item = consultations.get(id);
  if (!item) return sendJson(res, 404, { message: 'no such consultation' }), true;
  const kept = [...views.values()].filter((view) => view.consultationId === id).length;
  sendJson(res, 200, typeof item.participants === 'number' ? { ...item, participants: item.participants + kept } : item);
  return true;
}
