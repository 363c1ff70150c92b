/**
 * The administration's pages in a browser (on SQLite; nothing here depends on the database): the ideas to
 * review, served for real and used in headless Chromium (playwright-core) as a reviewer would, keyboard
 * included: the token, the pending ideas with what visitors typed shown as text, a review saved with only
 * what changed, field errors next to the form, "Show more"; the public list then shows the published idea
 * with its answer. Also the pages' CSP, the links between them, and no pages without EP_ADMIN_TOKEN.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chromium, type Page } from 'playwright-core';
import { findChrome } from '../../tools/chrome.mjs';
import { buildApp } from '../app.js';
import {
  ADMIN_TOKEN,
  contract,
  envelope,
  openTestApp,
  openTestStore,
  servedAdminFile,
  type TestApp,
  testConfig,
} from './helpers.js';

const SCRIPT_TITLE = '<img src=x onerror=alert(1)>';
const SCRIPT_DESCRIPTION = '<script>alert(2)</script> and <b>bold</b>';
const ANSWER = 'We are trying this at two centres from June.';
const CHROME = findChrome();
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Submits an idea as ep-idea-box does; its id (the envelope's) is the idea's. */
async function submitIdea(
  t: TestApp,
  title: string,
  description = 'Open the service centres until 9 pm two days a week.',
): Promise<string> {
  const body = envelope('idea', { title, description, topic: { code: 'services', label: 'Public services' } });
  const response = await t.app.inject({
    method: 'POST',
    url: '/ep/submissions',
    headers: { 'content-type': 'application/json', 'idempotency-key': body.id as string },
    payload: JSON.stringify(body),
  });
  assert.equal(response.statusCode, 201, response.body);
  return body.id as string;
}

describe('the administration pages, served', () => {
  it("serves the ideas page and its script under the pages' CSP, linked from the inbox and back; its script writes only text", async () => {
    const t = await openTestApp('sqlite', { basePath: '/ep' });
    try {
      const page = await servedAdminFile(t.app, '/ep/admin/ideas.html', /^text\/html/);
      assert.match(page.body, /<script type="module" src="ideas\.js"><\/script>/);
      assert.match(page.body, /<a href="\.\/">Submissions<\/a>/);
      assert.doesNotMatch(page.body, /<script>|\son[a-z]+=|style=/, 'no inline script, handler or style');

      const script = await servedAdminFile(t.app, '/ep/admin/ideas.js', /^text\/javascript/);
      assert.doesNotMatch(script.body, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);

      const inbox = await t.app.inject({ url: '/ep/admin/' });
      assert.match(inbox.body, /<a href="ideas\.html">Ideas to review<\/a>/);
      const bare = await t.app.inject({ url: '/ep/admin' });
      assert.equal(bare.statusCode, 301, 'the inbox is its folder, so that its relative links hold');
      assert.equal(bare.headers.location, 'admin/');
      assert.equal((await t.app.inject({ url: '/ep/admin/ideas' })).statusCode, 401, 'the data still needs the token');
    } finally {
      await t.close();
    }
  });

  it('serves no page without EP_ADMIN_TOKEN', async () => {
    const opened = await openTestStore('sqlite');
    const app = await buildApp({
      config: testConfig({ adminToken: undefined }),
      store: opened.store,
      contract: contract(),
    });
    try {
      for (const url of ['/admin/', '/admin/ideas.html', '/admin/ideas.js', '/admin/inbox.css', '/admin/ideas']) {
        assert.equal((await app.inject({ url })).statusCode, 404, url);
      }
    } finally {
      await app.close();
      await opened.drop();
    }
  });
});

describe('the ideas to review, in Chromium', () => {
  it(
    'lists the pending ideas as text, saves a review with only what changed, shows field errors, shows more',
    { skip: CHROME ? false : 'no Chromium found' },
    async () => {
      const t = await openTestApp('sqlite', { basePath: '/ep' });
      const browser = await chromium.launch({ executablePath: CHROME, args: ARGS });
      try {
        // Oldest first: one at the end of the second page, twenty fillers, the one with markup newest.
        const oldest = await submitIdea(t, 'Evening hours at service centres');
        for (let n = 1; n <= 20; n += 1) await submitIdea(t, `Filler idea ${n}`);
        const marked = await submitIdea(t, SCRIPT_TITLE, SCRIPT_DESCRIPTION);
        const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });

        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('console', (message) => {
          // The browser logs the 422 the test asks for; anything else (a CSP violation, say) is a problem.
          if (message.type() === 'error' && !/status of 422/.test(message.text()))
            problems.push(`console: ${message.text()}`);
        });
        page.on('dialog', (dialog) => {
          problems.push(`dialog: ${dialog.message()}`);
          void dialog.dismiss();
        });
        const patches: unknown[] = [];
        page.on('request', (request) => {
          if (request.method() === 'PATCH') patches.push(request.postDataJSON());
        });

        // From the inbox to the ideas page, by its link.
        await page.goto(`${origin}/ep/admin/`);
        await page.getByRole('link', { name: 'Ideas to review' }).click();
        await page.waitForURL(`${origin}/ep/admin/ideas.html`);
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Ideas to review');
        assert.equal(await page.getByRole('link', { name: 'Submissions' }).getAttribute('href'), './');
        assert.equal(await page.getByLabel('Review state').inputValue(), 'pending', 'pending by default');
        assert.equal(await page.locator('#list').isHidden(), true, 'nothing before the token');

        // The token, by keyboard: typed, then Enter sends the filter form.
        await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
        await page.getByLabel('Admin token').press('Enter');
        const status = page.getByRole('status');
        await waitForText(status, '20 pending ideas shown, more available.');

        const card = page.getByRole('article', { name: SCRIPT_TITLE });
        await card.waitFor();
        assert.equal(await card.getByRole('heading', { level: 2 }).textContent(), SCRIPT_TITLE);
        assert.equal(await card.locator('p.text').first().textContent(), SCRIPT_DESCRIPTION);
        assert.equal(
          await page.locator('#list img, #list script, #list b').count(),
          0,
          'markup from the API stays text',
        );
        const facts = await definitionList(page, SCRIPT_TITLE);
        assert.ok(facts.Reference && facts.Reference !== 'None (seeded)', 'its reference');
        assert.equal(facts.Topic, 'Public services');
        assert.equal(facts['Review state'], 'Pending');
        assert.equal(facts.Status, 'New');
        assert.equal(facts.Supporters, '0');
        assert.equal(facts.Answer, 'No answer yet');
        assert.ok(facts.Received, 'the received date');

        // Saving nothing changed sends nothing.
        await card.getByRole('button', { name: /^Save/ }).click();
        await waitForText(status, `Nothing to save for “${SCRIPT_TITLE}”: nothing was changed.`);
        assert.equal(patches.length, 0);

        // Publish, with a status and an answer; Tab from the answer reaches Save, Enter saves.
        await card.getByLabel('Publish', { exact: true }).check();
        await card.getByLabel('Status').selectOption('accepted');
        await card.getByLabel('Answer').fill(ANSWER);
        await card.getByLabel('Answer').press('Tab');
        assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /^Save the review of/);
        await page.keyboard.press('Enter');
        await waitForText(status, `Saved “${SCRIPT_TITLE}”: published, status Accepted, answer saved.`);
        assert.deepEqual(patches, [{ state: 'published', status: 'accepted', answer: ANSWER }]);
        assert.match(
          await page.evaluate(() => document.activeElement?.textContent ?? ''),
          /^Save/,
          'focus stays on Save',
        );
        const saved = await definitionList(page, SCRIPT_TITLE);
        assert.equal(saved['Review state'], 'Published');
        assert.equal(saved.Status, 'Accepted');
        assert.ok(saved.Answer!.startsWith(`${ANSWER}Given `), saved.Answer);
        assert.ok(saved.Answer!.endsWith(', with the status from New to Accepted.'), saved.Answer);
        assert.ok(saved.Published, 'its publication date');
        assert.equal(await card.getByLabel('Keep published', { exact: true }).isChecked(), true);

        // Public now, with that answer.
        const ideas = (await t.app.inject({ url: '/ep/ideas?sort=newest' })).json() as {
          items: { id: string; title: string; status: string; answer?: { text: string } }[];
        };
        const published = ideas.items.find((idea) => idea.id === marked);
        assert.equal(published?.title, SCRIPT_TITLE);
        assert.equal(published?.status, 'accepted');
        assert.equal(published?.answer?.text, ANSWER);

        // Only what changed: the status alone.
        await card.getByLabel('Status').selectOption('in-progress');
        await card.getByRole('button', { name: /^Save/ }).press('Enter');
        await waitForText(status, `Saved “${SCRIPT_TITLE}”: status In progress.`);
        assert.deepEqual(patches.at(-1), { status: 'in-progress' });

        // An answer the collector cannot keep (a lone surrogate, made in the page: the protocol to the browser
        // is UTF-8 and would replace it): its field error shows next to the form, as text.
        const lone = (box: HTMLTextAreaElement | SVGElement | HTMLElement): boolean =>
          (box as HTMLTextAreaElement).value === `${String.fromCharCode(0xd800)} x`;
        await card
          .getByLabel('Answer')
          .evaluate((box) => ((box as HTMLTextAreaElement).value = `${String.fromCharCode(0xd800)} x`));
        await card.getByRole('button', { name: /^Save/ }).click();
        await waitForText(status, `“${SCRIPT_TITLE}” was not saved: see the errors next to its form.`);
        assert.deepEqual(patches.at(-1), { answer: '\uD800 x' });
        const error = card.locator('.errors li');
        assert.equal(await error.count(), 1);
        assert.match((await error.textContent())!, /answer/);
        const answerBox = card.getByLabel('Answer');
        assert.equal(await answerBox.getAttribute('aria-invalid'), 'true');
        assert.equal(await answerBox.getAttribute('aria-describedby'), await error.getAttribute('id'));
        assert.ok(await answerBox.evaluate(lone), 'what was typed is kept');
        assert.equal((await definitionList(page, SCRIPT_TITLE)).Status, 'In progress', 'the idea as it was');

        // Emptying the answer removes it, publicly too.
        await answerBox.fill('   ');
        await card.getByRole('button', { name: /^Save/ }).click();
        await waitForText(status, `Saved “${SCRIPT_TITLE}”: answer removed.`);
        assert.deepEqual(patches.at(-1), { answer: null });
        const withoutAnswer = (await t.app.inject({ url: '/ep/ideas?sort=newest' })).json() as {
          items: { title: string; answer?: unknown }[];
        };
        assert.equal(withoutAnswer.items.find((idea) => idea.title === SCRIPT_TITLE)?.answer, undefined);

        // Show more: the next page, the keyboard carried on to its first idea.
        await page.getByRole('button', { name: 'Show more' }).click();
        await waitForText(status, '22 pending ideas shown.');
        assert.equal(await page.getByRole('article').count(), 22);
        assert.equal(await page.getByRole('button', { name: 'Show more' }).isHidden(), true);
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Filler idea 1');
        const last = page.getByRole('article', { name: 'Evening hours at service centres' });
        await last.getByLabel('Reject', { exact: true }).check();
        await last.getByRole('button', { name: /^Save/ }).click();
        await waitForText(status, 'Saved “Evening hours at service centres”: rejected.');
        assert.deepEqual(patches.at(-1), { state: 'rejected' });
        const rejected = (
          await t.app.inject({
            url: `/ep/admin/ideas?state=rejected`,
            headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
          })
        ).json() as { items: { id: string }[] };
        assert.deepEqual(
          rejected.items.map((idea) => idea.id),
          [oldest],
        );

        // Targets of at least 24 by 24 CSS pixels (radio buttons included).
        for (const control of await page
          .locator(
            '#list input, #list select, #list textarea, #list button, #filters input, #filters select, #filters button, nav a',
          )
          .all()) {
          const box = await control.boundingBox();
          assert.ok(
            box && box.width >= 24 && box.height >= 24,
            `${await control.evaluate((node) => node.outerHTML.slice(0, 80))}: ${JSON.stringify(box)}`,
          );
        }
        assert.deepEqual(problems, [], 'no script error, CSP violation or dialog');
      } finally {
        await browser.close();
        await t.close();
      }
    },
  );
});

/** Waits until `locator`'s text is `text` exactly (the status region is rewritten as things happen). */
async function waitForText(locator: ReturnType<Page['getByRole']>, text: string): Promise<void> {
  try {
    await locator.filter({ hasText: text }).waitFor({ timeout: 10_000 });
  } catch {
    assert.fail(`expected ${JSON.stringify(text)}, found ${JSON.stringify(await locator.textContent())}`);
  }
  assert.equal(await locator.textContent(), text);
}

/** The facts of the idea titled `title`, by name. */
async function definitionList(page: Page, title: string): Promise<Record<string, string>> {
  return page
    .getByRole('article', { name: title })
    .locator('dl')
    .evaluate((list) => {
      const facts: Record<string, string> = {};
      list
        .querySelectorAll('dt')
        .forEach((term) => (facts[term.textContent ?? ''] = term.nextElementSibling?.textContent ?? ''));
      return facts;
    });
}
