/**
 * What the pages screens add to the tables, in Chromium against a real collector. The service filter: the
 * services the deployment names, in the console's language, narrowing the ranking and the changes. The page
 * screen's chart of the weekly trend (uPlot, a canvas) in Chromium against a real collector: shown
 * above its table, which stays; one image named for what it shows and pointing to that table; time running
 * right to left in Arabic and left to right in English, as drawn (the bars' pixels where the scale puts
 * them); the axes' labels in Arabic-Indic digits and Arabic month names in Arabic; the system's colours in
 * forced colours; axe clean and no Content-Security-Policy violation with it shown.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_SERVICES } from '../demo-data.js';
import { axeViolations, callApi, launch, openConsole, type ConsolePage } from './browser.js';
import { ACCOUNTS, PASSWORD, startCollector, type TestCollector } from './collector.js';

let collector: TestCollector;
let browser: Browser;
let current: ConsolePage | undefined;

before(async () => {
  [collector, browser] = await Promise.all([startCollector(), launch()]);
});
afterEach(async () => {
  if (!current) return;
  const { page, problems } = current;
  current = undefined;
  await page.context().close();
  assert.deepEqual(problems, [], 'nothing went wrong in the page (no CSP violation among them)');
});
after(() => Promise.all([browser?.close(), collector?.close()]));

/** Signs in, on the pages screen. */
async function pagesShown(language: 'ar' | 'en'): Promise<Page> {
  current = await openConsole(browser, collector.consoleUrl, language);
  const { page } = current;
  await page.locator('#name').fill(ACCOUNTS.viewer);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('console-sign-in button.primary').click();
  await page.locator('console-pages tbody a').first().waitFor();
  return page;
}

/** Signs in and opens the first ranked page's detail, its chart drawn. */
async function chartShown(language: 'ar' | 'en'): Promise<Page> {
  const page = await pagesShown(language);
  await page.locator('console-pages tbody a').first().click();
  await page.locator('console-trend-chart canvas').waitFor();
  return page;
}

interface Drawn {
  labels: string[][];
  /** The x of the first and the last week, in CSS pixels from the canvas's left edge. */
  first: number;
  last: number;
  weeks: number;
  /** The colour drawn just above the baseline at the busiest week ([r, g, b, a]). */
  busiest: number[];
}

/** What uPlot drew: the axes' labels, where the first and last weeks are, and a pixel of the busiest bar. */
const drawn = (page: Page): Promise<Drawn> =>
  page.locator('console-trend-chart').evaluate((element) => {
    const chart = element as HTMLElement & {
      axisLabels: string[][];
      plot: {
        data: number[][];
        bbox: { top: number; height: number };
        valToPos(value: number, scale: string, canvasPixels?: boolean): number;
        ctx: CanvasRenderingContext2D;
      };
    };
    const { plot } = chart;
    const [xs, totals, shares] = plot.data as [number[], number[], Array<number | null>];
    const busiest = totals.indexOf(Math.max(...totals));
    const x = Math.round(plot.valToPos(xs[busiest]!, 'x', true));
    // A pixel of the bar, 3 pixels in from its bottom or from its top, whichever is farther from where the
    // share's line crosses it (the line is drawn over the bar).
    const bottom = plot.bbox.top + plot.bbox.height - 3;
    const top = plot.valToPos(totals[busiest]!, 'answers', true) + 3;
    const line = plot.valToPos(shares[busiest] ?? 0, 'share', true);
    const y = Math.round(Math.abs(bottom - line) >= Math.abs(top - line) ? bottom : top);
    return {
      labels: chart.axisLabels.map((labels) => labels.filter(Boolean)),
      first: plot.valToPos(xs[0]!, 'x'),
      last: plot.valToPos(xs.at(-1)!, 'x'),
      weeks: xs.length,
      busiest: [...plot.ctx.getImageData(x, y, 1, 1).data],
    };
  });

/** The colour `color` (a CSS colour, a system one included) resolves to in the page, as [r, g, b]. */
const resolved = (page: Page, color: string): Promise<number[]> =>
  page.evaluate((wanted) => {
    const probe = document.createElement('span');
    probe.style.color = wanted;
    probe.style.setProperty('forced-color-adjust', 'none');
    document.body.append(probe);
    const rgb = getComputedStyle(probe).color.match(/\d+/g)!.slice(0, 3).map(Number);
    probe.remove();
    return rgb;
  }, color);

describe("the page screen's chart in Chromium", () => {
  it('draws time right to left in Arabic, in Arabic-Indic digits and Arabic month names, above its table', async () => {
    const page = await chartShown('ar');
    const image = page.locator('console-trend-chart [role="img"]');
    assert.match((await image.getAttribute('aria-label'))!, /^مخطط .+الجدول «الإجابات في كل أسبوع»/);
    assert.equal(await image.locator('canvas').count(), 1, 'the canvas is inside the image');
    const table = page.locator('console-page-detail table').first();
    assert.match(await table.locator('caption').innerText(), /الإجابات في كل أسبوع/, 'the table stays');
    assert.ok(
      await page.evaluate(() => {
        const root = document
          .querySelector('console-app')!
          .shadowRoot!.querySelector('console-page-detail')!.shadowRoot!;
        const chart = root.querySelector('console-trend-chart')!;
        return !!(chart.compareDocumentPosition(root.querySelector('table')!) & Node.DOCUMENT_POSITION_FOLLOWING);
      }),
      'the chart comes before its table',
    );

    const { labels, first, last, weeks, busiest } = await drawn(page);
    assert.ok(weeks > 4, `${weeks} weeks drawn`);
    assert.ok(first > last, `the first week (${first}) to the right of the last (${last})`);
    const [days, answers, shares] = labels as [string[], string[], string[]];
    assert.ok(days.length >= 2 && answers.length >= 2 && shares.length >= 2, JSON.stringify(labels));
    for (const label of [...days, ...answers, ...shares])
      assert.doesNotMatch(label, /[0-9]/, `${label}: no Western digit`);
    for (const label of days)
      assert.match(label, /^[٠-٩]+ [\u0621-\u064A]{3,}$/, `${label}: a day and an Arabic month`);
    for (const label of answers) assert.match(label, /^[٠-٩٬]+$/, label);
    for (const label of shares) assert.match(label, /^[٠-٩٫]+ ?٪|^٪ ?[٠-٩٫]+/, label);
    assert.deepEqual(
      busiest.slice(0, 3),
      await resolved(page, '#0b6e4f'),
      "the busiest week's bar, in the primary colour",
    );
    assert.deepEqual(await axeViolations(page), [], 'axe with the chart shown (ar)');
  });

  it('draws time left to right in English, in Western digits and English month names', async () => {
    const page = await chartShown('en');
    assert.match(
      (await page.locator('console-trend-chart [role="img"]').getAttribute('aria-label'))!,
      /^Chart of .+ The table "Answers per week" below gives the same figures\.$/,
    );
    const { labels, first, last } = await drawn(page);
    assert.ok(first < last, `the first week (${first}) to the left of the last (${last})`);
    for (const label of labels[0]!) assert.match(label, /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}$/);
    for (const label of labels[2]!) assert.match(label, /^\d+(\.\d)?%$/);
    assert.deepEqual(await axeViolations(page), [], 'axe with the chart shown (en)');
  });

  it("draws in the system's colours when colours are forced", async () => {
    const page = await chartShown('en');
    const before = (await drawn(page)).busiest;
    const chart = page.locator('console-trend-chart');
    await chart.evaluate(
      (element) => (((element as unknown as { plot: object }).plot as { before?: true }).before = true),
    );
    await page.emulateMedia({ forcedColors: 'active' });
    await page.waitForFunction(() => {
      const root = document.querySelector('console-app')!.shadowRoot!.querySelector('console-page-detail')!.shadowRoot!;
      const plot = (root.querySelector('console-trend-chart') as unknown as { plot?: { before?: true } }).plot;
      return plot !== undefined && !plot.before;
    });
    const after = (await drawn(page)).busiest;
    assert.notDeepEqual(after, before, 'redrawn');
    assert.deepEqual(after.slice(0, 3), await resolved(page, 'GrayText'), "the bars in the system's GrayText");
  });
});

describe("the pages screen's service filter in Chromium", () => {
  const [building] = DEMO_SERVICES;
  /** The paths of the pages in the screen's first (ranking) and second (changes) tables. */
  const shownPaths = (page: Page, table: number) =>
    page
      .locator('console-pages table')
      .nth(table)
      .locator('tbody th a')
      .evaluateAll((links) => links.map((link) => link.textContent!.trim()));
  const underBuilding = (path: string) =>
    building!.paths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

  it("offers the deployment's services by their Arabic names, and narrows the ranking and the changes", async () => {
    const page = await pagesShown('ar');
    const options = await page.locator('#service option').allInnerTexts();
    assert.deepEqual(
      options.map((text) => text.trim()),
      ['كل الخدمات', ...DEMO_SERVICES.map((service) => service.name.ar)],
    );
    assert.equal(await page.locator('label[for="service"]').innerText(), 'الخدمة');
    assert.deepEqual(await axeViolations(page), [], 'axe on the filters with the service field (ar)');
    const before = await shownPaths(page, 0);
    assert.ok(
      before.some((path) => !underBuilding(path)),
      'other pages before the filter',
    );

    await page.locator('#service').selectOption(building!.code);
    await page.locator('console-page-filters button.primary').click();
    await page.waitForFunction(() => location.hash.includes('service=building'));
    await page.locator('console-pages tbody tr').first().waitFor();
    const shown = await shownPaths(page, 0);
    const api = (await callApi(page, 'GET', 'pages?service=building&limit=50')).body as { items: { page: string }[] };
    assert.deepEqual(
      shown,
      api.items.map((item) => new URL(item.page).pathname),
      'the ranking as the API gives it for the service',
    );
    assert.ok(shown.length >= 3 && shown.every(underBuilding), shown.join(' '));
    assert.equal(await page.locator('#service').inputValue(), 'building', 'the choice stays in the form');
    const changes = await shownPaths(page, 1);
    assert.ok(changes.length > 0 && changes.every(underBuilding), `the changes too: ${changes.join(' ')}`);
    const named = await page
      .locator('console-pages table')
      .first()
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('td')!.textContent!.trim()));
    assert.deepEqual(new Set(named), new Set([building!.name.ar]), "each page's service, named in Arabic");
    const json = new URL((await page.getByRole('link', { name: 'صدّر هذا الترتيب بصيغة JSON' }).getAttribute('href'))!);
    assert.equal(json.searchParams.get('service'), 'building');
    assert.equal(json.searchParams.get('format'), 'json');
  });

  it("keeps every filter of the ranking on a page's way back to it", async () => {
    const page = await pagesShown('en');
    await page.getByLabel('Most useful first').check();
    await page.locator('#service').selectOption(building!.code);
    await page.locator('#lang').selectOption('ar');
    await page.locator('#path').fill('/services/');
    await page.locator('#from').fill('2020-01-01');
    await page.locator('console-page-filters button.primary').click();
    await page.waitForFunction(() => location.hash.includes('service=building'));
    await page.locator('console-pages tbody a').first().click();
    await page.locator('console-page-detail h1').waitFor();
    await page.getByRole('link', { name: 'Back to all pages' }).click();
    await page.locator('console-pages tbody a').first().waitFor();
    const kept = new URLSearchParams(await page.evaluate(() => location.hash.split('?')[1] ?? ''));
    assert.deepEqual(
      ['order', 'service', 'lang', 'path', 'from'].map((name) => kept.get(name)),
      ['most-useful', 'building', 'ar', '/services/', '2020-01-01'],
    );
    assert.equal(await page.locator('#service').inputValue(), 'building', 'the form shows them again');
    assert.equal(await page.locator('#path').inputValue(), '/services/');
    assert.ok(await page.getByLabel('Most useful first').isChecked());
  });

  it('names the services in English in English', async () => {
    const page = await pagesShown('en');
    const options = await page.locator('#service option').allInnerTexts();
    assert.deepEqual(
      options.map((text) => text.trim()),
      ['All services', ...DEMO_SERVICES.map((service) => service.name.en)],
    );
  });
});
