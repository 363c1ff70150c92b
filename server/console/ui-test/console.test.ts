/**
 * The ministry's console in Chromium against a real collector (collector.ts): sign-in with a wrong and a
 * right password, every screen in Arabic and English with axe, the pages screen showing what the API ranks,
 * the keyboard alone through sign-in and a note's writing and editing, focus and announcements after each
 * step, a viewer kept to reading (by screen and by API), and sign-out. Nothing may go wrong in the page on
 * the way (no script error, no Content-Security-Policy violation).
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createNote } from '../changes/notes.js';
import { DEMO_HOST } from '../demo-data.js';
import {
  axeViolations,
  callApi,
  expectHeadingFocused,
  expectSaid,
  focused,
  launch,
  openConsole,
  tabTo,
  type ConsolePage,
} from './browser.js';
import { ACCOUNTS, PASSWORD, startCollector, type TestCollector } from './collector.js';

const TEXT = {
  ar: {
    signIn: 'تسجيل الدخول إلى لوحة التحكم',
    pages: 'ما يخبرنا به الزوار',
    notes: 'ماذا غيّرنا',
    newNote: 'اكتب ملاحظة «ماذا غيّرنا»',
    editNote: 'عدّل ملاحظة «ماذا غيّرنا»',
    wrong: 'اسم الحساب أو كلمة المرور غير صحيح',
    saved: 'حُفظت الملاحظة.',
    signedOut: 'سجّلت الخروج.',
    digits: /^[٠-٩٬]+$/,
  },
  en: {
    signIn: 'Sign in to the console',
    pages: 'What visitors are telling us',
    notes: 'What we changed',
    newNote: 'Write a "what we changed" note',
    editNote: 'Edit a "what we changed" note',
    wrong: 'The account name or the password is wrong',
    saved: 'The note is saved.',
    signedOut: 'You have signed out.',
    digits: /^[0-9,]+$/,
  },
} as const;

type PageItem = { page: string; total: number };

let collector: TestCollector;
let browser: Browser;
let current: ConsolePage | undefined;

before(async () => {
  collector = await startCollector();
  browser = await launch();
  await createNote(
    collector.store,
    {
      page: `${DEMO_HOST}/ar/contact`,
      date: '2026-03-01',
      text: { ar: 'نقلنا نموذج التواصل إلى أعلى الصفحة.', en: 'We moved the contact form to the top.' },
      published: true,
    },
    { actor: 'seed', at: new Date() },
  );
});
after(async () => {
  await browser?.close();
  await collector?.close();
});
afterEach(async () => {
  const problems = current?.problems ?? [];
  await current?.page.context().close();
  current = undefined;
  assert.deepEqual(problems, [], 'nothing went wrong in the page');
});

async function open(language: 'ar' | 'en' = 'ar'): Promise<Page> {
  current = await openConsole(browser, collector.consoleUrl, language);
  return current.page;
}

async function signIn(page: Page, name: string, password = PASSWORD): Promise<void> {
  await page.locator('#name').fill(name);
  await page.locator('#password').fill(password);
  await page.locator('console-sign-in button.primary').click();
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
}

/** The path and answers in each row of the ranking, as shown. */
const shownRanking = (page: Page) =>
  page
    .locator('console-pages table')
    .first()
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('th')!.textContent!.trim(),
        row.querySelector('td.number')!.textContent!.trim(),
      ]),
    );

describe('the console in Chromium', () => {
  it('is served under a strict Content-Security-Policy, in Arabic and right to left by default', async () => {
    const answer = await fetch(collector.consoleUrl);
    assert.equal(answer.status, 200);
    const policy = answer.headers.get('content-security-policy') ?? '';
    assert.match(policy, /script-src 'self'/);
    assert.match(policy, /style-src 'self'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(await answer.text(), /<script>|<style|style=/, 'no inline script or style in the page');
    const page = await open('ar');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.locator('h1').innerText(), TEXT.ar.signIn);
    assert.equal(
      await page.title(),
      'تسجيل الدخول إلى لوحة التحكم · لوحة تحكم المشاركة الإلكترونية',
      "the tab's title names the screen",
    );
  });

  it('refuses a wrong password with an error summary tied to the field, then signs in with the right one', async () => {
    const page = await open('ar');
    await page.locator('console-sign-in button.primary').click();
    // Nothing entered: both fields named in the summary, which has focus.
    assert.equal(await page.locator('console-error-summary li').count(), 2);
    assert.equal((await focused(page))?.tag, 'div', 'the summary has focus');
    assert.equal(await page.locator('#name').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#name').getAttribute('aria-describedby'), 'name-error');
    assert.match(await page.locator('#name-error').innerText(), /أدخل اسم حسابك/);
    await page.locator('console-error-summary a').nth(1).click();
    assert.equal((await focused(page))?.id, 'password', "the summary's link moves focus to its field");

    await signIn(page, ACCOUNTS.moderator, 'not the password at all');
    await page.locator('console-error-summary li', { hasText: TEXT.ar.wrong }).waitFor();
    assert.match(await page.locator('#name-error').innerText(), new RegExp(TEXT.ar.wrong));
    assert.equal(await page.locator('#password').inputValue(), '', 'the wrong password is not kept');
    assert.match(await page.locator('#limit').innerText(), /١٠/, 'the limit on failed sign-ins is explained');
    await expectNoViolations(page, 'the sign-in with its errors (ar)');

    await signIn(page, ACCOUNTS.moderator);
    await expectHeadingFocused(page, TEXT.ar.pages);
    assert.equal((await callApi(page, 'GET', 'session')).status, 200);
  });

  for (const language of ['ar', 'en'] as const) {
    it(`shows every screen in ${language === 'ar' ? 'Arabic' : 'English'}, with axe finding nothing`, async () => {
      const text = TEXT[language];
      const page = await open(language);
      assert.equal(await page.evaluate(() => document.documentElement.dir), language === 'ar' ? 'rtl' : 'ltr');
      await expectNoViolations(page, `sign-in (${language})`);
      await signIn(page, ACCOUNTS.administrator);
      await expectHeadingFocused(page, text.pages);
      await page.locator('console-pages tbody tr').first().waitFor();
      const [, answers] = (await shownRanking(page))[0]!;
      assert.match(answers!, text.digits, `figures in ${language} digits`);
      assert.ok(await page.locator('console-pages caption').first().innerText());
      await expectNoViolations(page, `pages (${language})`);

      await page.locator('console-pages tbody a').first().click();
      await page.locator('console-page-detail tbody tr').first().waitFor();
      assert.equal((await focused(page))?.tag, 'h1', "focus on the detail's heading");
      assert.ok((await page.locator('console-page-detail table').count()) >= 3, 'trend, change and reasons tables');
      await expectNoViolations(page, `a page's detail (${language})`);

      await page.locator('console-app nav a').nth(1).click();
      await expectHeadingFocused(page, text.notes);
      await page.locator('console-notes tbody tr').first().waitFor();
      await expectNoViolations(page, `notes (${language})`);

      await page.locator('console-notes a.button').click();
      await expectHeadingFocused(page, text.newNote);
      await page.locator('console-note button.primary').click();
      await page.locator('console-note console-error-summary li').first().waitFor();
      await expectNoViolations(page, `a note's form with its errors (${language})`);
    });
  }

  it('switches language with the visible switch, numbers and dates following', async () => {
    const page = await open('ar');
    await signIn(page, ACCOUNTS.viewer);
    await page.locator('console-pages tbody tr').first().waitFor();
    await page.locator('console-app header button', { hasText: 'English' }).click();
    await page.locator('h1', { hasText: TEXT.en.pages }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    assert.match((await shownRanking(page))[0]![1]!, TEXT.en.digits);
    await page.locator('console-app header button', { hasText: 'العربية' }).click();
    await page.locator('h1', { hasText: TEXT.ar.pages }).waitFor();
    assert.match((await shownRanking(page))[0]![1]!, TEXT.ar.digits);
  });

  it('ranks pages as the API does, least and most useful first, with the filters it takes', async () => {
    const page = await open('en');
    await signIn(page, ACCOUNTS.viewer);
    await page.locator('console-pages tbody tr').first().waitFor();
    const expected = async (query: string) =>
      ((await callApi(page, 'GET', `pages?${query}`)).body as { items: PageItem[] }).items.map((item) => [
        new URL(item.page).pathname,
        item.total.toLocaleString('en'),
      ]);
    assert.deepEqual(await shownRanking(page), await expected('order=least-useful&limit=50'));

    await page.getByLabel('Most useful first').check();
    await page.locator('console-page-filters button').click();
    await page.locator('console-pages caption', { hasText: 'most useful first' }).waitFor();
    await page.waitForFunction(() => location.hash.includes('order=most-useful'));
    await page.locator('console-pages tbody tr').first().waitFor();
    assert.deepEqual(await shownRanking(page), await expected('order=most-useful&limit=50'));

    await page.locator('#lang').selectOption('en');
    await page.locator('#path').fill('/services/');
    await page.locator('console-page-filters button').click();
    await page.waitForFunction(() => location.hash.includes('path=%2Fservices%2F'));
    await page.locator('console-pages tbody tr').first().waitFor();
    const filtered = await expected('order=most-useful&lang=en&path=/services/&limit=50');
    assert.ok(filtered.length > 0 && filtered.every(([path]) => path!.startsWith('/services/')));
    assert.deepEqual(await shownRanking(page), filtered);

    // A path the API would refuse is caught at its field.
    await page.locator('#path').fill('services');
    await page.locator('console-page-filters button').click();
    await page.locator('#path-error').waitFor();
    assert.equal(await page.locator('#path').getAttribute('aria-describedby'), 'path-hint path-error');
  });

  it('signs in and writes, then edits, a note with the keyboard alone', async () => {
    const page = await open('ar');
    await tabTo(page, (element) => element.id === 'name');
    await page.keyboard.type(ACCOUNTS.moderator);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, TEXT.ar.pages);

    // Back from the heading to the navigation above it.
    await tabTo(page, (element) => element.text === TEXT.ar.notes && element.tag === 'a', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, TEXT.ar.notes);
    await page.locator('console-notes tbody tr').first().waitFor();
    await tabTo(page, (element) => element.text === 'اكتب ملاحظة');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, TEXT.ar.newNote);

    await tabTo(page, (element) => element.id === 'page');
    await page.keyboard.type(`${DEMO_HOST}/ar/services/parking-fines`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('03152026');
    // Tab walks the date's parts (month, day, year) before it leaves the field.
    await tabTo(page, (element) => element.id === 'text-ar');
    await page.keyboard.type('أخبرتمونا أن طريقة الدفع غير واضحة؛ وفي 15 مارس أضفنا الخطوات.');
    await tabTo(page, (element) => element.id === 'text-en');
    await page.keyboard.type('You told us how to pay was unclear; on 15 March we added the steps.');
    await tabTo(page, (element) => element.id === 'published');
    await page.keyboard.press('Space');
    await tabTo(page, (element) => element.tag === 'button' && element.text === 'احفظ الملاحظة');
    await page.keyboard.press('Enter');

    await expectHeadingFocused(page, TEXT.ar.notes);
    await page.waitForFunction(() => location.hash === '#/notes');
    await page.locator('console-notes td', { hasText: 'we added the steps' }).waitFor();
    await expectSaid(page, TEXT.ar.saved);
    const [written] = (
      (await callApi(page, 'GET', 'changes?limit=1')).body as {
        items: Array<{ id: string; page: string; date: string; published: boolean; updatedBy: string }>;
      }
    ).items;
    assert.equal(written!.page, `${DEMO_HOST}/ar/services/parking-fines`);
    assert.equal(written!.date, '2026-03-15');
    assert.equal(written!.published, true);
    assert.equal(written!.updatedBy, ACCOUNTS.moderator);

    // Its Edit link (the first: newest written first), the English text changed, saved with Enter.
    await tabTo(page, (element) => element.href === `#/note?id=${written!.id}`);
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, TEXT.ar.editNote);
    await page.locator('#text-en').waitFor();
    assert.equal(await page.locator('#date').inputValue(), '2026-03-15', 'the form holds the note');
    await tabTo(page, (element) => element.id === 'text-en');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('You told us how to pay was unclear; on 15 March we added the three steps.');
    await tabTo(page, (element) => element.tag === 'button' && element.text === 'احفظ الملاحظة');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, TEXT.ar.notes);
    await page.locator('console-notes td', { hasText: 'we added the three steps' }).waitFor();
    await expectSaid(page, TEXT.ar.saved);
  });

  it('keeps a viewer to reading notes: no way to change them on screen, and the API refuses', async () => {
    const page = await open('en');
    await signIn(page, ACCOUNTS.viewer);
    await expectHeadingFocused(page, TEXT.en.pages);
    await page.locator('console-app nav a', { hasText: 'What we changed' }).click();
    await page.locator('console-notes tbody tr').first().waitFor();
    assert.equal(await page.locator('console-notes a.button').count(), 0, 'no "Write a note"');
    assert.equal(await page.locator('console-notes tbody a').count(), 0, 'no "Edit"');
    await page.locator('console-notes p', { hasText: 'writing or changing them needs the moderator role' }).waitFor();

    const before = (await callApi(page, 'GET', 'changes')).body as { items: Array<{ id: string }> };
    await page.evaluate(() => (location.hash = '#/note'));
    await expectHeadingFocused(page, TEXT.en.newNote);
    assert.equal(await page.locator('console-note form').count(), 0, 'no form for a viewer');
    await page.locator('console-note p', { hasText: 'Writing or changing notes needs the moderator role' }).waitFor();

    const note = {
      page: `${DEMO_HOST}/ar/about`,
      date: '2026-03-02',
      text: { ar: 'نص', en: 'Text' },
    };
    const created = await callApi(page, 'POST', 'changes', note);
    assert.equal(created.status, 403, JSON.stringify(created.body));
    const edited = await callApi(page, 'PATCH', `changes/${before.items[0]!.id}`, { published: false });
    assert.equal(edited.status, 403);
    const deleted = await callApi(page, 'DELETE', `changes/${before.items[0]!.id}`);
    assert.equal(deleted.status, 403);
    // The browser logs each refusal; they are the test's, not the page's.
    const refused = current!.problems.splice(0);
    assert.deepEqual(
      refused.map((problem) => /status of 403/.test(problem)),
      [true, true, true],
    );
    assert.deepEqual((await callApi(page, 'GET', 'changes')).body, before, 'nothing changed');
  });

  it('signs out: the session ends on the collector, and the sign-in has focus', async () => {
    const page = await open('en');
    await signIn(page, ACCOUNTS.administrator);
    await expectHeadingFocused(page, TEXT.en.pages);
    await page.locator('console-app header button', { hasText: 'Sign out' }).click();
    await expectHeadingFocused(page, TEXT.en.signIn);
    await page.locator('console-sign-in p', { hasText: TEXT.en.signedOut }).waitFor();
    await expectSaid(page, TEXT.en.signedOut);
    assert.equal((await callApi(page, 'GET', 'session')).status, 401);
    await page.reload();
    await page.locator('h1', { hasText: TEXT.en.signIn }).waitFor();
  });

  // Last: it leaves this client (127.0.0.1) limited for the rest of the minute.
  it('says how long to wait once failed sign-ins reach the limit', async () => {
    const page = await open('ar');
    for (let n = 0; n < 10; n += 1) {
      const status = await page.evaluate(
        async (name) =>
          (
            await fetch('api/session', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ name, password: 'a wrong password, again' }),
            })
          ).status,
        ACCOUNTS.viewer,
      );
      assert.equal(status, 401);
    }
    await signIn(page, ACCOUNTS.viewer);
    const error = page.locator('#name-error');
    await error.waitFor();
    assert.match(await error.innerText(), /محاولات دخول فاشلة كثيرة: حاول مرة أخرى بعد [٠-٩]+ ثانية/);
    assert.equal((await focused(page))?.tag, 'div', 'the summary has focus');
    // The browser logs the refusals (ten 401s, which it is told to pass over, and the 429).
    assert.deepEqual(
      current!.problems.splice(0).map((problem) => /status of 429/.test(problem)),
      [true],
    );
  });
});
