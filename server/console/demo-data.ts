/**
 * Sample data for the console (`npm start`, and the console's browser tests): twelve weeks of page votes on
 * thirty pages of a sample ministry site, in Arabic and English, each page with its own usefulness and
 * trend, some votes with reasons and comments. Made from a fixed seed, so every run seeds the same votes
 * (relative to the day it runs), through the seeding the insights tests use too (insights/seed-votes.ts).
 */
import { seedVotesInBatches, type SeededVote } from './insights/seed-votes.js';
import type { Store } from '../store/types.js';
import type { Service } from './insights/services.js';

export const DEMO_HOST = 'https://www.example.gov.sa';

/** The sample site's services, for the console's service filter (scripts/start.mjs gives the same). */
export const DEMO_SERVICES: Service[] = [
  {
    code: 'building',
    name: { ar: 'البناء والتراخيص', en: 'Building and permits' },
    paths: ['/services/building-permits', '/services/demolition-permit', '/services/occupancy-certificate'],
  },
  {
    code: 'business',
    name: { ar: 'الأعمال التجارية', en: 'Businesses' },
    paths: ['/services/business-licence', '/services/shop-signs', '/services/street-vendors'],
  },
  {
    code: 'waste',
    name: { ar: 'النفايات', en: 'Waste' },
    paths: ['/services/waste-collection', '/services/bulky-waste'],
  },
];

const PAGES = [
  'services/building-permits',
  'services/building-permits/apply',
  'services/building-permits/fees',
  'services/business-licence',
  'services/business-licence/renew',
  'services/shop-signs',
  'services/street-vendors',
  'services/food-safety-certificate',
  'services/waste-collection',
  'services/bulky-waste',
  'services/parks-booking',
  'services/event-permit',
  'services/road-works-permit',
  'services/parking-fines',
  'services/land-survey',
  'services/demolition-permit',
  'services/occupancy-certificate',
  'services/complaints',
  'about',
  'about/strategy',
  'contact',
  'news',
  'open-data',
  'e-participation',
  'faq',
  'accessibility',
  'privacy',
  'careers',
  'tenders',
  'sitemap',
];

const REASONS = {
  yes: [
    { code: 'clear', ar: 'واضحة وسهلة الفهم', en: 'Clear and easy to follow' },
    { code: 'complete', ar: 'وجدت كل ما أحتاجه', en: 'I found everything I needed' },
  ],
  no: [
    { code: 'outdated', ar: 'المعلومات قديمة', en: 'The information is out of date' },
    { code: 'hard', ar: 'صعبة الفهم', en: 'Hard to follow' },
    { code: 'missing', ar: 'لم أجد ما أبحث عنه', en: 'What I looked for is missing' },
  ],
} as const;

const COMMENTS = {
  yes: {
    ar: ['شكرًا، الخطوات واضحة.', 'وجدت النموذج بسرعة.'],
    en: ['Thanks, the steps are clear.', 'Found the form quickly.'],
  },
  no: {
    ar: ['الرابط في أسفل الصفحة لا يعمل.', 'أحتاج إلى معرفة الرسوم قبل التقديم.'],
    en: ['The link at the bottom is broken.', 'I need to know the fees before I apply.'],
  },
};

/** A small, fixed pseudo-random sequence (mulberry32): the same votes on every run. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Twelve weeks of votes up to `today` (a day), about 6,000 in all. */
export function demoVotes(today: string, weeks = 12): SeededVote[] {
  const random = randomFrom(17);
  const end = Date.parse(`${today}T00:00:00Z`);
  const votes: SeededVote[] = [];
  PAGES.forEach((path, index) => {
    // Each page's share of yes starts somewhere between 25% and 90% and drifts up or down over the weeks.
    const start = 0.25 + random() * 0.65;
    const drift = (random() - 0.5) * 0.4;
    const perWeek = index < 10 ? 25 : 4 + Math.floor(random() * 14);
    for (let week = 0; week < weeks; week += 1) {
      const share = Math.min(0.97, Math.max(0.03, start + (drift * week) / weeks));
      for (let n = 0; n < perWeek; n += 1) {
        const lang = random() < 0.7 ? 'ar' : 'en';
        const answer = random() < share ? 'yes' : 'no';
        const day = dayOf(end - ((weeks - week) * 7 - Math.floor(random() * 7)) * 86_400_000);
        const vote: SeededVote = { url: `${DEMO_HOST}/${lang}/${path}`, day, answer, lang };
        if (random() < 0.15) {
          const reasons = REASONS[answer];
          const reason = reasons[Math.floor(random() * reasons.length)]!;
          const comments = COMMENTS[answer][lang];
          vote.details = {
            reasons: [{ code: reason.code, label: reason[lang] }],
            comment: random() < 0.4 ? comments[Math.floor(random() * comments.length)]! : '',
          };
        }
        votes.push(vote);
      }
    }
  });
  return votes;
}

/** Seeds `demoVotes` once: not when the sample site has votes already (an earlier start seeded them). */
export async function seedDemoVotes(store: Store, today = dayOf(Date.now())): Promise<number> {
  const [row] = await store.all<{ n: number | string }>({
    sql: "SELECT count(*) AS n FROM submissions WHERE kind = 'page-vote' AND page_url LIKE ?",
    params: [`${DEMO_HOST}/%`],
  });
  if (Number(row?.n ?? 0) > 0) return 0;
  const votes = demoVotes(today);
  await seedVotesInBatches(store, votes);
  return votes.length;
}
