/**
 * The insights' arithmetic without a database: the Wilson interval against a reference computation, the
 * ranking it gives, page keys under a language mapping, and ISO weeks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config.js';
import { rank, usefulness } from '../console/insights/counts.js';
import { pageKey, pathOf, urlsOfKey } from '../console/insights/page-key.js';
import { addDays, daysBetween, isoWeek, mondays, weekStart } from '../console/insights/weeks.js';
import { wilson } from '../console/insights/wilson.js';

const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} is not ${expected}`);

describe('the 95% Wilson score interval', () => {
  // Reference values from Python 3's standard library, the closed form written out independently:
  //   from statistics import NormalDist; from math import sqrt
  //   z = NormalDist().inv_cdf(0.975)  # 1.9599639845400536
  //   p = k/n; c = p + z*z/(2*n); s = z*sqrt(p*(1-p)/n + z*z/(4*n*n)); d = 1 + z*z/n
  //   ((c - s)/d, (c + s)/d)
  // 5 of 10 → (0.23659309051256402, 0.763406909487436); 81 of 263 → (0.2552885198782743, 0.36620957698280016);
  // 3 of 3 → (0.43850296824495466, 1.0); 90 of 100 → (0.8256343384950866, 0.9447708629393249);
  // 0 of 10 → (2.0e-17, 0.27753279986288915).
  it('is the whole range for 0 of 0 (no answers say nothing)', () => {
    assert.deepEqual(wilson(0, 0), { lower: 0, upper: 1 });
  });

  it('matches the reference for 5 of 10, 81 of 263, 3 of 3, 90 of 100 and 0 of 10', () => {
    const cases: Array<[number, number, number, number]> = [
      [5, 10, 0.23659309051256402, 0.763406909487436],
      [81, 263, 0.2552885198782743, 0.36620957698280016],
      [3, 3, 0.43850296824495466, 1.0],
      [90, 100, 0.8256343384950866, 0.9447708629393249],
      [0, 10, 0, 0.27753279986288915],
    ];
    for (const [yes, total, lower, upper] of cases) {
      const interval = wilson(yes, total);
      close(interval.lower, lower, `lower of ${yes} of ${total}`);
      close(interval.upper, upper, `upper of ${yes} of ${total}`);
    }
  });

  it('stays within [0, 1] at all yes and all no', () => {
    for (const total of [1, 2, 7, 1000, 1_000_000]) {
      for (const { lower, upper } of [wilson(0, total), wilson(total, total)]) {
        assert.ok(lower >= 0 && upper <= 1 && lower <= upper, `${total}: ${lower}–${upper}`);
      }
    }
  });
});

describe('the ranking', () => {
  const page = (name: string, yes: number, no: number) => usefulness(name, { yes, no, urls: new Set([name]) });

  it('does not put 3 yes of 3 above 90 of 100 among the most useful', () => {
    // 60 of 100 (lower bound 0.502) is surer than 3 of 3 (0.439) that most visitors found the page useful.
    const ranked = rank([page('three', 3, 0), page('hundred', 90, 10), page('sixty', 60, 40)], 'most-useful');
    assert.deepEqual(
      ranked.map((p) => p.page),
      ['hundred', 'sixty', 'three'],
    );
  });

  it('does not put 0 yes of 3 above 10 of 100 among the least useful', () => {
    const ranked = rank([page('three', 0, 3), page('hundred', 10, 90), page('half', 50, 50)], 'least-useful');
    assert.deepEqual(
      ranked.map((p) => p.page),
      ['hundred', 'three', 'half'],
    );
  });

  it('breaks ties by more answers, then by page', () => {
    const ranked = rank([page('b', 0, 0), page('a', 0, 0)], 'least-useful');
    assert.deepEqual(
      ranked.map((p) => p.page),
      ['a', 'b'],
    );
  });
});

describe('page keys', () => {
  const segments = ['ar', 'en'];

  it('are the URL as stored when no language segment is configured', () => {
    assert.equal(pageKey('https://x.gov.sa/ar/permits', []), 'https://x.gov.sa/ar/permits');
    assert.deepEqual(urlsOfKey('https://x.gov.sa/ar/permits', []), ['https://x.gov.sa/ar/permits']);
  });

  it('drop a leading configured language segment, and only that', () => {
    assert.equal(pageKey('https://x.gov.sa/ar/permits?a=1', segments), 'https://x.gov.sa/permits?a=1');
    assert.equal(pageKey('https://x.gov.sa/en/permits', segments), 'https://x.gov.sa/permits');
    assert.equal(pageKey('https://x.gov.sa/fr/permits', segments), 'https://x.gov.sa/fr/permits');
    assert.equal(pageKey('https://x.gov.sa/services/ar/permits', segments), 'https://x.gov.sa/services/ar/permits');
    assert.equal(pageKey('https://x.gov.sa/ar', segments), 'https://x.gov.sa/');
    assert.equal(pageKey('not a url', segments), 'not a url');
  });

  it('lead back to every stored URL that has them', () => {
    assert.deepEqual(urlsOfKey('https://x.gov.sa/permits', segments).sort(), [
      'https://x.gov.sa/ar/permits',
      'https://x.gov.sa/en/permits',
      'https://x.gov.sa/permits',
    ]);
    assert.ok(urlsOfKey('https://x.gov.sa/', segments).includes('https://x.gov.sa/ar'));
    assert.equal(pathOf('https://x.gov.sa/services/permits'), '/services/permits');
  });
});

describe('EP_CONSOLE_PAGE_LANGUAGES', () => {
  const config = (value?: string) => loadConfig({ EP_CONSOLE_PAGE_LANGUAGES: value }).consolePageLanguages;

  it('maps nothing by default, and reads a list of path segments', () => {
    assert.deepEqual(config(), []);
    assert.deepEqual(config(' ar, en ,'), ['ar', 'en']);
  });

  it('refuses what is not one path segment', () => {
    assert.throws(() => config('/ar/'), /EP_CONSOLE_PAGE_LANGUAGES: "\/ar\/" is not a path segment/);
  });
});

describe('ISO weeks', () => {
  it('start on Monday and take the year of their Thursday', () => {
    assert.equal(weekStart('2026-03-01'), '2026-02-23');
    assert.equal(weekStart('2026-03-02'), '2026-03-02');
    assert.equal(isoWeek('2026-02-23'), '2026-W09');
    assert.equal(isoWeek(weekStart('2021-01-01')), '2020-W53');
    assert.equal(isoWeek(weekStart('2024-12-30')), '2025-W01');
  });

  it('are listed from the first day’s week to the last day’s, and days count whole', () => {
    assert.deepEqual(mondays('2026-03-01', '2026-03-09'), ['2026-02-23', '2026-03-02', '2026-03-09']);
    assert.equal(addDays('2026-03-01', -28), '2026-02-01');
    assert.equal(daysBetween('2026-02-01', '2026-03-01'), 28);
  });
});
