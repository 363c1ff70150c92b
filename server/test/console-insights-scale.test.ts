/**
 * The insights over tens of thousands of votes on each database: seeded through the store's `accept` (with
 * the kinds' projections, as the submission route stores them), then every query answered once to warm up and
 * once timed. The timings are printed (test diagnostics), not asserted: the machine's load is not the code's.
 * The answers are checked against what was seeded.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DIALECTS, auth, suiteApp } from './helpers.js';
import { seedVotesInBatches, type SeededVote } from '../console/insights/seed-votes.js';

const PAGES = 500;
const VOTES = 30_000;
const DETAILS_EVERY = 10;
const DAYS = 120;
const FIRST_DAY = Date.parse('2026-01-05T00:00:00.000Z');

/**
 * Vote `i`: on page i mod PAGES, in each round of PAGES votes one day later and in the other language (so each
 * page is stored under two URLs), with vote details every DETAILS_EVERY rounds, and a yes share that differs
 * per page.
 */
function vote(i: number): SeededVote {
  const page = i % PAGES;
  const round = Math.floor(i / PAGES);
  const lang = round % 2 ? 'en' : 'ar';
  const answer = (i * 7919) % 100 < page % 100 ? 'yes' : 'no';
  const day = new Date(FIRST_DAY + (round % DAYS) * 86_400_000).toISOString().slice(0, 10);
  const details =
    round % DETAILS_EVERY
      ? undefined
      : { reasons: [{ code: 'outdated', label: 'Out of date' }], comment: `comment ${i}` };
  return { url: `https://www.example.gov.sa/${lang}/page-${page}`, day, answer, lang, ...(details ? { details } : {}) };
}

for (const dialect of DIALECTS) {
  describe(`console insights over ${VOTES.toLocaleString('en')} votes (${dialect})`, () => {
    const t = suiteApp(dialect, { consolePageLanguages: ['ar', 'en'] });

    before(async () => {
      const started = performance.now();
      await seedVotesInBatches(
        t.store,
        Array.from({ length: VOTES }, (_, i) => vote(i)),
      );
      console.log(`# ${dialect}: seeded ${VOTES} votes in ${Math.round(performance.now() - started)} ms`);
    });

    /** Answered once to warm up, then five times: the median is printed (one run is at the mercy of the load). */
    const timed = async (name: string, url: string) => {
      await t.app.inject({ url, headers: auth });
      const times: number[] = [];
      let response;
      for (let run = 0; run < 5; run += 1) {
        const started = performance.now();
        response = await t.app.inject({ url, headers: auth });
        times.push(performance.now() - started);
      }
      const median = times.sort((a, b) => a - b)[2]!;
      console.log(`# ${dialect}: ${name} ${median.toFixed(1)} ms (median of 5; fastest ${times[0]!.toFixed(1)})`);
      assert.equal(response!.statusCode, 200, response!.body);
      return response!.json();
    };

    it('answers every query, each counting what was seeded', async () => {
      const ranking = await timed('pages (least useful)', '/console/api/pages?order=least-useful');
      assert.equal(ranking.total, PAGES, 'a page in two languages is one');
      const most = await timed(
        'pages (most useful, Arabic, 40 days)',
        '/console/api/pages?order=most-useful&lang=ar&from=2026-02-01&to=2026-03-12',
      );
      assert.equal(most.total, PAGES);
      const page = encodeURIComponent('https://www.example.gov.sa/page-7');
      const trend = await timed('trend of one page', `/console/api/pages/trend?page=${page}`);
      const perPage = VOTES / PAGES;
      assert.equal(
        trend.weeks.reduce((sum: number, week: { total: number }) => sum + week.total, 0),
        perPage,
      );
      const changes = await timed(
        'changes (28 days)',
        '/console/api/pages/changes?from=2026-02-02&to=2026-03-02&minAnswers=10',
      );
      assert.ok(changes.total > 0);
      const reasons = await timed('reasons and comments of one page', `/console/api/pages/reasons?page=${page}`);
      assert.equal(reasons.comments.total, Math.ceil(perPage / DETAILS_EVERY));
    });
  });
}
