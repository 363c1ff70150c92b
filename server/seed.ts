/**
 * Sample data for the demo (`EP_SEED=demo`, which `npm start` sets): votes on the demo page so that the
 * poll's tally shows, and a few feedback messages for the admin list. Seeded through the same path as real
 * submissions, with fixed ids, so seeding again stores nothing new (the ids are idempotent).
 *
 * EXTENSION POINT (issues 5 and 6): sample ideas (published, with supports and an answer) and three
 * consultations (upcoming, open, with an outcome) are seeded here once their tables exist.
 */
import { createHash } from 'node:crypto';
import { behaviourOf } from './kinds.js';
import type { Contract } from './contract.js';
import type { NewSubmission, Store } from './store/types.js';

/** A stable UUID (version 4 layout) for a seed item. */
export function seedId(...parts: (string | number)[]): string {
  const hex = createHash('sha256').update(['ep-seed', ...parts].join('\u0001')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const FEEDBACK = [
  { type: { code: 'suggestion', label: 'اقتراح' }, message: 'أقترح إضافة خيار لحجز موعد عبر الموقع.', service: 'building-permits' },
  { type: { code: 'inquiry', label: 'Inquiry' }, message: 'How long does a building permit take to be issued?', service: 'building-permits' },
  {
    type: { code: 'complaint', label: 'شكوى' },
    message: 'لم يصلني رد على طلبي منذ أسبوعين.',
    contact: { name: 'سارة', email: 'sara@example.sa', channel: 'email' },
    consent: true,
  },
];

export async function seedDemo(store: Store, contract: Contract, pages: readonly string[]): Promise<number> {
  let stored = 0;
  const at = new Date();
  const submit = async (id: string, kind: string, page: string, locale: 'ar' | 'en', data: Record<string, unknown>): Promise<void> => {
    const submission: NewSubmission = {
      id,
      kind,
      prefix: contract.kinds.get(kind)!.prefix,
      page: { url: page, title: 'بيان المشاركة الإلكترونية', lang: locale },
      locale,
      submittedAt: at.toISOString(),
      privacyNotice: '1',
      data,
      receivedAt: at,
      client: null,
      project: behaviourOf(kind)?.project?.({ page: { url: page }, data }) ?? [],
    };
    const checked = contract.checkSubmission({ id, kind, page: submission.page, locale, submittedAt: submission.submittedAt, privacyNotice: '1', data });
    if (!checked.valid) throw new Error(`seed ${kind} does not match the contract: ${JSON.stringify(checked.fieldErrors)}`);
    if (!(await store.accept(submission)).replayed) stored += 1;
  };
  for (const page of pages) {
    // 38 answers, 29 of them yes: enough for the tally to show (it hides below 10 by default).
    for (let n = 0; n < 38; n += 1) await submit(seedId('vote', page, n), 'page-vote', page, n % 3 ? 'ar' : 'en', { answer: n < 29 ? 'yes' : 'no' });
    for (const [n, data] of FEEDBACK.entries()) await submit(seedId('feedback', page, n), 'feedback', page, 'ar', data);
  }
  return stored;
}
