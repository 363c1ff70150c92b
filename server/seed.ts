/**
 * Sample data for the demo (`EP_SEED=demo`, which `npm start` sets), so that every element shows real data:
 * votes on the demo page (the poll's tally) and its latest "what we changed" note, feedback messages and an
 * idea waiting for review (the admin list), the published sample ideas and the three sample consultations (upcoming, open, closed with its
 * outcome) that the in-memory dev collector also shows (tools/demo-samples.mjs), and views on the open one.
 *
 * Submissions go through the same path as real ones, with fixed ids, so seeding again stores nothing new.
 * Ideas and consultations are added only when their id is missing: a change made in the administration
 * survives a restart (delete the data folder to start over).
 */
import { createHash } from 'node:crypto';
import { bodyHash } from './canonical.js';
import { sampleConsultations, sampleIdeas } from '../tools/demo-samples.mjs';
import { createNote, latestPublished } from './console/changes/notes.js';
import { consultation } from './content/consultations.js';
import { seededIdea } from './content/ideas.js';
import type { Contract } from './contract.js';
import { statementsFor } from './kinds.js';
import { RefusedError, type NewSubmission, type Statement, type Store } from './store/types.js';

/** A stable UUID (version 4 layout) for a seed item. */
export function seedId(...parts: (string | number)[]): string {
  const hex = createHash('sha256')
    .update(['ep-seed', ...parts].join('\u0001'))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const FEEDBACK = [
  {
    type: { code: 'suggestion', label: 'اقتراح' },
    message: 'أقترح إضافة خيار لحجز موعد عبر الموقع.',
    service: 'building-permits',
  },
  {
    type: { code: 'inquiry', label: 'Inquiry' },
    message: 'How long does a building permit take to be issued?',
    service: 'building-permits',
  },
  {
    type: { code: 'complaint', label: 'شكوى' },
    message: 'لم يصلني رد على طلبي منذ أسبوعين.',
    contact: { name: 'سارة', email: 'sara@example.sa', channel: 'email' },
    consent: true,
  },
];

/** The idea box's default topics, named in Arabic (the sample ideas are mostly Arabic). */
const TOPIC_LABELS: Record<string, string> = {
  'digital-services': 'الخدمات الرقمية',
  housing: 'الإسكان',
  'public-spaces': 'الحدائق والأماكن العامة',
  roads: 'الطرق والشوارع',
  environment: 'النظافة والبيئة',
  other: 'أخرى',
};

const PENDING_IDEA = {
  title: 'إشعار قبل انتهاء رخصة المحل بشهر',
  description: 'رسالة نصية تذكّر صاحب المحل بانتهاء رخصته قبل شهر، مع رابط التجديد مباشرة.',
  topic: { code: 'digital-services', label: TOPIC_LABELS['digital-services']! },
};

/** More ideas waiting for review, in both languages, so that the console's ideas screen has a queue to filter. */
const MORE_PENDING_IDEAS: Array<{ locale: 'ar' | 'en'; data: typeof PENDING_IDEA }> = [
  {
    locale: 'en',
    data: {
      title: 'Evening opening at service centres',
      description: 'Open the service centres until 9 pm two days a week, for people who work during the day.',
      topic: { code: 'other', label: 'Other' },
    },
  },
  {
    locale: 'ar',
    data: {
      title: 'حاويات لإعادة التدوير في كل حي',
      description: 'حاويات منفصلة للورق والبلاستيك قرب المساجد والمدارس، مع جدول لجمعها.',
      topic: { code: 'environment', label: TOPIC_LABELS.environment! },
    },
  },
];

/** Views on the open sample consultation, by stance: the card counts them with its participants. */
const VIEWS = { support: 17, neutral: 4, oppose: 3 } as const;

/** The demo page's latest change, as an editor would write it in the console. */
const CHANGE_NOTE = {
  date: '2026-03-01',
  text: {
    ar: 'أخبرتمونا أن نموذج التواصل صعب الوصول إليه؛ وفي 1 مارس 2026 نقلناه إلى أعلى الصفحة.',
    en: 'You told us the contact form was hard to find; on 1 March 2026 we moved it to the top of the page.',
  },
  published: true,
};

export async function seedDemo(store: Store, contract: Contract, pages: readonly string[]): Promise<number> {
  let stored = 0;
  const at = new Date();
  const submit = async (
    id: string,
    kind: string,
    page: string,
    locale: 'ar' | 'en',
    data: Record<string, unknown>,
  ): Promise<void> => {
    const envelope = {
      id,
      kind,
      page: { url: page, title: 'بيان المشاركة الإلكترونية', lang: locale },
      locale,
      submittedAt: at.toISOString(),
      privacyNotice: '1',
      data,
    };
    const checked = contract.checkSubmission(envelope);
    if (!checked.valid)
      throw new Error(`seed ${kind} does not match the contract: ${JSON.stringify(checked.fieldErrors)}`);
    // `requires` is left out: the seed writes the consultations its views name just before them.
    const { project, extra } = statementsFor(kind, {
      id,
      page: envelope.page,
      data,
      receivedAt: at,
      submittedAt: envelope.submittedAt,
      locale,
    });
    const submission: NewSubmission = {
      ...envelope,
      bodyHash: bodyHash(envelope),
      prefix: contract.kinds.get(kind)!.prefix,
      receivedAt: at,
      client: null,
      project,
      extra,
    };
    try {
      if (!(await store.accept(submission)).replayed) stored += 1;
    } catch (error) {
      // Seeded at an earlier start, whose time is in that body: already there, as a repeat would be.
      if (!(
        error instanceof RefusedError &&
        error.fieldErrors.some((fieldError) => fieldError.code === 'idempotency-key-reused')
      ))
        throw error;
    }
  };

  const consultations = sampleConsultations(at.getTime());
  const statements: Statement[] = [
    ...sampleIdeas().map((idea) =>
      seededIdea({ ...idea, topic: { code: idea.topic, label: TOPIC_LABELS[idea.topic] ?? idea.topic } }),
    ),
    ...consultations.map(({ id, type, opensAt, closesAt, participants, outcome, ...content }) => ({
      sql: 'INSERT INTO consultations (id, type, content, opens_at, closes_at, outcome, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
      params: [
        id,
        type,
        JSON.stringify({ ...content, participantsElsewhere: participants ?? 0 }),
        opensAt,
        closesAt,
        outcome ? JSON.stringify(outcome) : null,
        at.toISOString(),
      ],
    })),
  ];
  await store.batch(statements);

  // As stored: seeded at an earlier start, their dates are that start's.
  const kept = await Promise.all(consultations.map((item) => consultation(store, item.id)));
  const open = kept.find(
    (item) => item && Date.parse(item.opensAt) <= at.getTime() && at.getTime() < Date.parse(item.closesAt),
  );
  for (const page of pages) {
    // 38 answers, 29 of them yes: enough for the tally to show (it hides below 10 by default).
    for (let n = 0; n < 38; n += 1)
      await submit(seedId('vote', page, n), 'page-vote', page, n % 3 ? 'ar' : 'en', { answer: n < 29 ? 'yes' : 'no' });
    for (const [n, data] of FEEDBACK.entries()) await submit(seedId('feedback', page, n), 'feedback', page, 'ar', data);
    await submit(seedId('idea', page), 'idea', page, 'ar', PENDING_IDEA);
    for (const [n, { locale, data }] of MORE_PENDING_IDEAS.entries())
      await submit(seedId('idea', page, n), 'idea', page, locale, data);
    // The poll's "what we changed" after a vote; once, as an earlier start may have written it already.
    if ((await latestPublished(store, page)).note === null)
      await createNote(store, { ...CHANGE_NOTE, page }, { actor: 'seed', at });
    if (!open) continue;
    let n = 0;
    for (const [stance, count] of Object.entries(VIEWS)) {
      for (let i = 0; i < count; i += 1, n += 1)
        await submit(seedId('view', page, n), 'consultation-view', page, n % 2 ? 'ar' : 'en', {
          consultationId: open.id,
          stance,
          ...(stance === 'oppose' ? { comment: 'المظلات المعدنية تسخن في الصيف؛ الأشجار أفضل.' } : {}),
        });
    }
  }
  return stored;
}
