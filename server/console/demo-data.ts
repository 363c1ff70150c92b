/**
 * Sample data for the console (`npm start`, and the console's browser tests): six months of page votes on
 * three hundred pages of a sample ministry site, in Arabic and English, some votes with reasons and comments
 * in the voter's language. The pages are a municipal ministry's: its general pages, then its services, each
 * with the pages a service has (how to apply, fees, documents, tracking, questions, renewing, conditions).
 * Each page has its own usefulness and a trend (a third getting better, a third worse, a third flat) and,
 * as on a real site, a long tail: the first pages get most of the votes. Made from a fixed seed, so every
 * run seeds the same votes (relative to the day it runs), through the seeding the insights tests use too
 * (insights/seed-votes.ts), in batches of one transaction each: about 35,000 rows in a second or two.
 */
import { readFileSync } from 'node:fs';
import { seedVotesInBatches, type SeededVote } from './insights/seed-votes.js';
import type { Store } from '../store/types.js';
import { servicesOf, type Service } from './insights/services.js';

export const DEMO_HOST = 'https://www.example.gov.sa';

/**
 * The sample site's services, for the console's service filter: demo-services.json, which scripts/start.mjs
 * gives the collector as EP_CONSOLE_SERVICES, read as the collector reads that setting.
 */
export const DEMO_SERVICES: Service[] = servicesOf(
  readFileSync(new URL('./demo-services.json', import.meta.url), 'utf8'),
);

/** The site's pages that are not a service (the first thirty of the demo, before it grew, among them). */
const GENERAL_PAGES = [
  'about',
  'about/strategy',
  'about/minister',
  'about/organisation',
  'about/regions',
  'contact',
  'news',
  'news/announcements',
  'open-data',
  'open-data/licence',
  'e-participation',
  'e-participation/consultations',
  'faq',
  'accessibility',
  'privacy',
  'terms',
  'careers',
  'tenders',
  'tenders/results',
  'sitemap',
  'services',
  'services/complaints',
  'services/complaints/track',
  'reports/annual',
  'reports/performance',
  'media-centre',
  'customer-charter',
];

/** The ministry's services (their paths under /services/), the three of DEMO_SERVICES among them. */
const SERVICE_SLUGS = [
  'building-permits',
  'business-licence',
  'shop-signs',
  'street-vendors',
  'food-safety-certificate',
  'waste-collection',
  'bulky-waste',
  'parks-booking',
  'event-permit',
  'road-works-permit',
  'parking-fines',
  'land-survey',
  'demolition-permit',
  'occupancy-certificate',
  'health-certificate',
  'building-inspection',
  'engineering-offices',
  'contractor-classification',
  'land-allocation',
  'title-deed-update',
  'street-naming',
  'market-stalls',
  'billboard-advertising',
  'outdoor-seating',
  'temporary-structures',
  'fence-permit',
  'excavation-permit',
  'fibre-optic-permit',
  'solar-panels-permit',
  'home-business-licence',
  'cemetery-services',
  'slaughterhouse-booking',
  'stray-animals',
  'pest-control',
  'flood-reporting',
  'streetlight-faults',
  'pothole-reporting',
  'sidewalk-occupancy',
  'construction-waste',
  'recycling-centres',
  'vehicle-impound',
];

/** The pages a service has besides its own, the commonest first (the last ones only some services have). */
const SERVICE_PAGES = ['apply', 'fees', 'documents', 'track', 'faq', 'renew', 'conditions'];

/** How many pages the demo site has. */
export const DEMO_PAGE_COUNT = 300;

/**
 * The demo site's paths: the older sample's thirty first (the browser tests name some of them), then the
 * general pages, then each service and its pages, as many as make 300 in all.
 */
export function demoPaths(): string[] {
  const first = [
    'services/building-permits',
    'services/building-permits/apply',
    'services/building-permits/fees',
    'services/business-licence',
    'services/business-licence/renew',
    ...SERVICE_SLUGS.slice(2, 14).map((slug) => `services/${slug}`),
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
  const paths = new Set(first);
  for (const path of GENERAL_PAGES) paths.add(path);
  for (const slug of SERVICE_SLUGS) paths.add(`services/${slug}`);
  // Level by level, so that every service has its first pages before any has its last.
  for (const page of SERVICE_PAGES) for (const slug of SERVICE_SLUGS) paths.add(`services/${slug}/${page}`);
  return [...paths].slice(0, DEMO_PAGE_COUNT);
}

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
    ar: ['شكرًا، الخطوات واضحة.', 'وجدت النموذج بسرعة.', 'أنجزت الطلب في دقائق.', 'قائمة المستندات المطلوبة مفيدة جدًا.'],
    en: [
      'Thanks, the steps are clear.',
      'Found the form quickly.',
      'Done in a few minutes.',
      'The list of documents was very helpful.',
    ],
  },
  no: {
    ar: [
      'الرابط في أسفل الصفحة لا يعمل.',
      'أحتاج إلى معرفة الرسوم قبل التقديم.',
      'لا أعرف كم يستغرق الطلب.',
      'الصفحة لا تعمل جيدًا على الجوال.',
    ],
    en: [
      'The link at the bottom is broken.',
      'I need to know the fees before I apply.',
      'It does not say how long the application takes.',
      'The page is hard to use on my phone.',
    ],
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

/** How a page's yes share moves over the weeks: up, down or hardly at all (a third of the pages each). */
function driftOf(index: number, random: () => number): number {
  const size = 0.15 + random() * 0.3;
  return [size, -size, (random() - 0.5) * 0.04][index % 3]!;
}

/** Twenty-six weeks (about six months) of votes up to `today` (a day), about 31,000 in all. */
export function demoVotes(today: string, weeks = 26): SeededVote[] {
  const random = randomFrom(17);
  const end = Date.parse(`${today}T00:00:00Z`);
  const votes: SeededVote[] = [];
  demoPaths().forEach((path, index) => {
    // Each page's share of yes starts somewhere between 25% and 90% and drifts up, down or not over the
    // weeks, staying between 15% and 97% (no page of a real site is useless to nearly everyone); its votes a
    // week fall off down the list (a long tail), at least one every other week or so.
    const start = 0.25 + random() * 0.65;
    const drift = driftOf(index, random);
    const perWeek = 40 / (1 + index / 8);
    for (let week = 0; week < weeks; week += 1) {
      const share = Math.min(0.97, Math.max(0.15, start + (drift * week) / weeks));
      const count = Math.floor(perWeek + random());
      for (let n = 0; n < count; n += 1) {
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
