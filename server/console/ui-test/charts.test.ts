/**
 * The page screen's chart of the weekly trend (uPlot, a canvas) in Chromium against a real collector: shown
 * above its table, which stays; one image named for what it shows and pointing to that table; time running
 * right to left in Arabic and left to right in English, as drawn (the bars' pixels where the scale puts
 * them); the axes' labels in Arabic-Indic digits and Arabic month names in Arabic; the system's colours in
 * forced colours; axe clean and no Content-Security-Policy violation with it shown.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launch, openConsole, type ConsolePage } from './browser.js';
import { ACCOUNTS, PASSWORD, startCollector, type TestCollector } from './collector.js';

let collector: TestCollector;
let browser: Browser;
let current: ConsolePage | undefined;

before(async () => {
  collector = await startCollector();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await collector?.close();
});
afterEach(async () => {
  const problems = current?.problems ?? [];
  await current?.page.context().close();
  current = undefined;
  assert.deepEqual(problems, [], 'nothing went wrong in the page (no CSP violation among them)');
});

/** Signs in and opens the first ranked page's detail, its chart drawn. */
async function chartShown(language: 'ar' | 'en'): Promise<Page> {
  current = await openConsole(browser, collector.consoleUrl, language);
  const { page } = current;
  await page.locator('#name').fill(ACCOUNTS.viewer);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('console-sign-in button.primary').click();
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
    const [xs, totals] = plot.data as [number[], number[]];
    const busiest = totals.indexOf(Math.max(...totals));
    const x = Math.round(plot.valToPos(xs[busiest]!, 'x', true));
    const y = Math.round(plot.bbox.top + plot.bbox.height - 3);
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
