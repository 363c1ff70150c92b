/**
 * What a console browser test file does around its tests: Chromium launched before them and closed after,
 * each test's page closed after it with nothing gone wrong in it, and a page signed in as one of the
 * collector's accounts. The collectors are the file's own (collector.ts), started as its tests need them.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, openConsole, type ConsolePage } from './browser.js';
import { PASSWORD } from './collector.js';

export interface BrowserSuite {
  browser: Browser;
  /** The page of the test under way, if it opened one. */
  opened?: ConsolePage;
}

export function browserSuite(): BrowserSuite {
  const suite = {} as BrowserSuite;
  before(async () => {
    suite.browser = await launch();
  });
  after(() => suite.browser?.close());
  afterEach(async () => {
    const problems = suite.opened?.problems ?? [];
    await suite.opened?.page.context().close();
    suite.opened = undefined;
    assert.deepEqual(problems, [], 'nothing went wrong in the page');
  });
  return suite;
}

/** The console at `consoleUrl` in `language`, in a new context, signed in as `account` (the pages screen first). */
export async function openSignedIn(
  browser: Browser,
  consoleUrl: string,
  account: string,
  language: 'ar' | 'en',
): Promise<ConsolePage> {
  const opened = await openConsole(browser, consoleUrl, language);
  const { page } = opened;
  await page.locator('#name').fill(account);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#password').press('Enter');
  await page.locator('console-pages h1').waitFor();
  return opened;
}

/** The same, as the suite's page of the test under way. */
export async function signedIn(
  suite: BrowserSuite,
  consoleUrl: string,
  account: string,
  language: 'ar' | 'en',
): Promise<Page> {
  suite.opened = await openSignedIn(suite.browser, consoleUrl, account, language);
  return suite.opened.page;
}
