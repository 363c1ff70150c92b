/**
 * What the console's browser tests share: Debian's Chromium through Playwright, a page per test in a fresh
 * context (no cookie, the chosen language), everything that goes wrong in it recorded (script errors,
 * console errors, Content-Security-Policy violations), axe-core run on the whole document (shadow roots
 * included), the element that has focus through the shadow roots, and the API called as the page calls it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../../tools/chrome.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function launch(): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found (CHROME_PATH, /usr/bin/chromium…).');
  return chromium.launch({ executablePath, args: CHROME_ARGS });
}

export interface ConsolePage {
  page: Page;
  /** What went wrong in the page so far; a test expects it empty at its end. */
  problems: string[];
}

/** The console at `url` in a new context, in `language` (kept on the device as the switch keeps it). */
export async function openConsole(browser: Browser, url: string, language: 'ar' | 'en' = 'ar'): Promise<ConsolePage> {
  // en-US: the date fields take keys month, day, year, whatever the page's language.
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript((chosen) => {
    if (!sessionStorage.getItem('ep-test-language-set')) {
      localStorage.setItem('ep-console-language', chosen);
      sessionStorage.setItem('ep-test-language-set', '1');
    }
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  }, language);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A 401 is what the console expects before sign-in and after sign-out; the browser logs it as an error.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
  });
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  return { page, problems };
}

/** axe-core's violations of WCAG 2.2 A and AA (and its best practices) in the whole page, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run(
          context: Document,
          options: object,
        ): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }>;
      };
    };
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`,
    );
  });
}

export interface Focused {
  tag: string;
  id: string;
  text: string;
  href: string | null;
}

/** The element with focus, looked for through the shadow roots. */
export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return null;
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: element.getAttribute('href'),
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element is the one `wanted` accepts (at most `most` times). */
export async function tabTo(
  page: Page,
  wanted: (element: Focused) => boolean,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
  most = 40,
): Promise<Focused> {
  for (let n = 0; n < most; n += 1) {
    await page.keyboard.press(key);
    const element = await focused(page);
    if (element && wanted(element)) return element;
  }
  throw new Error(
    `${key} did not reach the element within ${most} presses (focus on ${JSON.stringify(await focused(page))})`,
  );
}

/** Waits until the element with focus is a heading `<h1>` that reads `text`. */
export async function expectHeadingFocused(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element?.tagName === 'H1' && element.textContent?.replace(/\s+/g, ' ').trim() === wanted;
    },
    text,
    { timeout: 10_000 },
  );
}

/** Waits until the polite live region says something that starts with `text`. */
export async function expectSaid(page: Page, text: string): Promise<void> {
  const region = page.locator('console-app [role="status"]');
  await region.filter({ hasText: text }).waitFor({ timeout: 10_000 });
  assert.ok((await region.innerText()).startsWith(text), `the live region says "${text}" first`);
}

/**
 * A call to the console's API from the page, as a script there would make it: with the session's cookie
 * and, for a change, its CSRF token (from `GET session`). Answers the status and body.
 */
export function callApi(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const base = new URL('api/', document.baseURI);
      const session = await fetch(new URL('session', base));
      const csrf = session.ok ? ((await session.json()) as { csrfToken?: string }).csrfToken : undefined;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
      const response = await fetch(new URL(path, base), {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}
