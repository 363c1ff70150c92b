/**
 * The console's accounts screen in Chromium against a real collector (collector.ts): in Arabic and English
 * with axe, errors included; an administrator adding an account with a role and a first password (the new
 * account signs in), refused a name that is taken, changing an account's role and disabling it (its
 * sign-in refused after), and kept from demoting the last administrator; only what changed sent (saving
 * unchanged refused at the role, enabling signing no one out, a new role or disabling ending the sessions); changing an account's display
 * name and setting a new password (the old one refused after), each problem at its field; the same with the
 * keyboard alone;
 * a moderator shown no way there, told why, and refused by the API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, callApi, expectHeadingFocused, expectSaid, focused, tabTo } from './browser.js';
import { ACCOUNTS, PASSWORD, startCollector, type TestCollector } from './collector.js';
import { browserSuite, signedIn as signedInAt } from './suite.js';

const WORDS = {
  ar: { link: 'الحسابات', title: 'حسابات لوحة التحكم', add: 'أضف الحساب', save: 'احفظ الحساب' },
  en: { link: 'Accounts', title: 'Console accounts', add: 'Add the account', save: 'Save the account' },
} as const;

type Account = { name: string; displayName: string; role: string; disabled: boolean };

const suite = browserSuite();
let collector: TestCollector;

before(async () => {
  collector = await startCollector();
});
after(() => collector?.close());

async function openAccounts(page: Page, language: 'ar' | 'en'): Promise<void> {
  await page.locator('console-app nav a', { hasText: WORDS[language].link }).click();
  await expectHeadingFocused(page, WORDS[language].title);
  await page.locator('console-accounts tbody tr').first().waitFor();
}

const signedIn = (account: string, language: 'ar' | 'en') => signedInAt(suite, collector.consoleUrl, account, language);
const shownNames = (page: Page) => page.locator('console-accounts tbody th').allInnerTexts();
const accounts = async (page: Page) => (await callApi(page, 'GET', 'accounts')).body as Account[];
const noViolations = async (page: Page, where: string) =>
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);

/** Whether `name` can sign in with `password`, asked of the API from outside any browser. */
async function canSignIn(name: string, password: string): Promise<boolean> {
  const answer = await fetch(new URL('api/session', collector.consoleUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  return answer.status === 200;
}

/** A session of `name`, signed in from outside any browser: its cookie. */
async function sessionOf(name: string, password: string): Promise<string> {
  const answer = await fetch(new URL('api/session', collector.consoleUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  assert.equal(answer.status, 200);
  return answer.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';', 1)[0])
    .join('; ');
}

const sessionLasts = async (cookie: string): Promise<boolean> =>
  (await fetch(new URL('api/session', collector.consoleUrl), { headers: { cookie } })).status === 200;

describe("the console's accounts screen in Chromium", () => {
  for (const language of ['ar', 'en'] as const) {
    it(`lists the accounts with their roles and shows both forms in ${language === 'ar' ? 'Arabic' : 'English'}, with axe finding nothing`, async () => {
      const page = await signedIn(ACCOUNTS.administrator, language);
      await openAccounts(page, language);
      assert.deepEqual((await shownNames(page)).slice(0, 3), [
        ACCOUNTS.administrator,
        ACCOUNTS.moderator,
        ACCOUNTS.viewer,
      ]);
      const roles = await page.locator('console-accounts tbody tr td:nth-of-type(2)').allInnerTexts();
      assert.deepEqual(
        roles.slice(0, 3),
        language === 'ar' ? ['مسؤول', 'مشرف', 'مطّلع'] : ['Administrator', 'Moderator', 'Viewer'],
      );
      await noViolations(page, `accounts (${language})`);

      // Nothing filled in: the summary takes focus, each problem tied to its field.
      await page.getByRole('button', { name: WORDS[language].add }).click();
      await page.locator('console-account-add-form console-error-summary li').nth(1).waitFor();
      assert.equal(await page.locator('#new-name').getAttribute('aria-describedby'), 'new-name-hint new-name-error');
      assert.equal(
        await page.locator('#new-password').getAttribute('aria-describedby'),
        'new-password-hint new-password-error',
      );
      assert.equal(await page.locator('#new-name').getAttribute('aria-invalid'), 'true');
      assert.equal((await focused(page))?.tag, 'div', 'the error summary has focus');
      await page.locator('console-account-add-form console-error-summary a').first().click();
      assert.equal((await focused(page))?.id, 'new-name', "the summary's link goes to its field");
      await noViolations(page, `accounts with errors (${language})`);
    });
  }

  it('lets an administrator add an account, change its role, disable it, and not demote the last administrator', async () => {
    const page = await signedIn(ACCOUNTS.administrator, 'en');
    await openAccounts(page, 'en');

    await page.locator('#new-name').fill('Noura.Otaibi');
    await page.locator('#display-name').fill('نورة العتيبي');
    await page.locator('#new-role').selectOption('moderator');
    await page.locator('#new-password').fill('short');
    await page.getByRole('button', { name: 'Add the account' }).click();
    await page.locator('#new-password-error', { hasText: 'at least 12 characters' }).waitFor();

    await page.locator('#new-password').fill('a first password for noura');
    await page.getByRole('button', { name: 'Add the account' }).click();
    await expectSaid(page, 'The account noura.otaibi is added as Moderator.');
    await expectHeadingFocused(page, WORDS.en.title);
    assert.ok((await shownNames(page)).includes('noura.otaibi'));
    assert.equal(await page.locator('#new-name').inputValue(), '', 'the form is empty again');
    const added = (await accounts(page)).find((account) => account.name === 'noura.otaibi');
    assert.deepEqual(added && [added.displayName, added.role, added.disabled], ['نورة العتيبي', 'moderator', false]);
    assert.equal(await canSignIn('noura.otaibi', 'a first password for noura'), true);

    // The same name again, in another case: refused at the name.
    await page.locator('#new-name').fill('NOURA.otaibi');
    await page.locator('#new-password').fill('another long password');
    await page.getByRole('button', { name: 'Add the account' }).click();
    await page.locator('#new-name-error', { hasText: 'An account with this name exists already' }).waitFor();
    assert.deepEqual(
      suite.opened!.problems.splice(0).map((problem) => /status of 409/.test(problem)),
      [true],
    );

    // A viewer now, and disabled: said, shown, and her sign-in refused.
    await page.locator('#account').selectOption('noura.otaibi');
    assert.equal(await page.locator('#role').inputValue(), 'moderator', "the form shows the chosen account's role");
    await page.locator('#role').selectOption('viewer');
    await page.locator('#disabled').check();
    await page.getByRole('button', { name: 'Save the account' }).click();
    await expectSaid(page, 'The account noura.otaibi is saved: Viewer, disabled.');
    await expectHeadingFocused(page, WORDS.en.title);
    await page
      .locator('console-accounts tbody tr', { hasText: 'noura.otaibi' })
      .locator('td', { hasText: 'Disabled: may not sign in' })
      .waitFor();
    const changed = (await accounts(page)).find((account) => account.name === 'noura.otaibi')!;
    assert.deepEqual([changed.role, changed.disabled], ['viewer', true]);
    assert.equal(await canSignIn('noura.otaibi', 'a first password for noura'), false);

    // The only administrator cannot be made a moderator: said at the role, nothing changed.
    await page.locator('#account').selectOption(ACCOUNTS.administrator);
    await page.getByText('This is your own account').waitFor();
    await page.locator('#role').selectOption('moderator');
    await page.getByRole('button', { name: 'Save the account' }).click();
    await page.locator('#role-error', { hasText: 'This is the last enabled administrator' }).waitFor();
    assert.equal(await page.locator('#role').getAttribute('aria-describedby'), 'role-hint role-error');
    assert.deepEqual(
      suite.opened!.problems.splice(0).map((problem) => /status of 409/.test(problem)),
      [true],
    );
    assert.equal(
      (await accounts(page)).find((account) => account.name === ACCOUNTS.administrator)!.role,
      'administrator',
    );
    await noViolations(page, 'accounts after a refused change (en)');
  });

  it('sends only what changed: saving unchanged is refused at the role, enabling signs no one out', async () => {
    const page = await signedIn(ACCOUNTS.administrator, 'en');
    const password = 'a long password for lama';
    const added = await callApi(page, 'POST', 'accounts', { name: 'lama.moderator', role: 'moderator', password });
    assert.equal(added.status, 201);
    await openAccounts(page, 'en');
    const lama = await sessionOf('lama.moderator', password);
    const save = async (): Promise<unknown> => {
      const [request] = await Promise.all([
        page.waitForRequest((sent) => sent.method() === 'PATCH'),
        page.getByRole('button', { name: 'Save the account' }).click(),
      ]);
      return request.postDataJSON();
    };

    // Nothing changed: nothing sent, said at the role; her session and yours go on.
    await page.locator('#account').selectOption('lama.moderator');
    await page.getByRole('button', { name: 'Save the account' }).click();
    await page.locator('#role-error', { hasText: 'Change the role or whether it may sign in, then save' }).waitFor();
    await page.locator('#account').selectOption(ACCOUNTS.administrator);
    await page.getByRole('button', { name: 'Save the account' }).click();
    await page.locator('#role-error', { hasText: 'Change the role or whether it may sign in, then save' }).waitFor();
    assert.equal(await sessionLasts(lama), true, 'her session goes on');
    assert.equal((await callApi(page, 'GET', 'accounts')).status, 200, 'yours too');

    // Disabled (that alone sent): her session ends. Enabled again: that alone sent, and she stays signed in.
    await page.locator('#account').selectOption('lama.moderator');
    await page.locator('#disabled').check();
    assert.deepEqual(await save(), { disabled: true });
    await expectSaid(page, 'The account lama.moderator is saved: Moderator, disabled.');
    assert.equal(await sessionLasts(lama), false, 'disabling signs her out');
    await page.locator('#enabled').check();
    assert.deepEqual(await save(), { disabled: false });
    await expectSaid(page, 'The account lama.moderator is saved: Moderator, enabled.');
    const again = await sessionOf('lama.moderator', password);
    await page.locator('#role').selectOption('viewer');
    assert.deepEqual(await save(), { role: 'viewer' });
    assert.equal(await sessionLasts(again), false, 'a new role signs her out');
    assert.equal((await accounts(page)).find((account) => account.name === 'lama.moderator')!.role, 'viewer');
  });

  it("changes an account's display name and sets a new password, each problem at its field", async () => {
    const page = await signedIn(ACCOUNTS.administrator, 'en');
    const made = await callApi(page, 'POST', 'accounts', { name: 'reem.viewer', role: 'viewer', password: PASSWORD });
    assert.equal(made.status, 201);
    await openAccounts(page, 'en');
    await page.locator('#details-account').selectOption('reem.viewer');
    assert.equal(await page.locator('#details-display-name').inputValue(), 'reem.viewer', 'its display name now');
    assert.equal(await page.locator('#details-password').getAttribute('autocomplete'), 'new-password');
    assert.equal(await page.locator('#details-password').getAttribute('type'), 'password');

    // Nothing changed: said at the display name, the summary focused.
    await page.getByRole('button', { name: 'Save the name and password' }).click();
    await page
      .locator('#details-display-name-error', { hasText: 'Change the display name or enter a new password' })
      .waitFor();
    assert.equal((await focused(page))?.tag, 'div', 'the error summary has focus');
    assert.equal(
      await page.locator('#details-display-name').getAttribute('aria-describedby'),
      'details-display-name-error',
    );

    // A password shorter than the API takes: said at the password, tied to it after its hint.
    await page.locator('#details-password').fill('too short');
    await page.getByRole('button', { name: 'Save the name and password' }).click();
    await page.locator('#details-password-error', { hasText: 'at least 12 characters' }).waitFor();
    assert.equal(
      await page.locator('#details-password').getAttribute('aria-describedby'),
      'details-password-hint details-password-error',
    );
    assert.equal(await page.locator('#details-password').getAttribute('aria-invalid'), 'true');
    await noViolations(page, 'the display name and password form with an error (en)');

    await page.locator('#details-display-name').fill('ريم الحربي');
    await page.locator('#details-password').fill('a new password for reem');
    await page.getByRole('button', { name: 'Save the name and password' }).click();
    await expectSaid(
      page,
      'The account reem.viewer is saved: its display name is ريم الحربي, and it has a new password.',
    );
    await expectHeadingFocused(page, WORDS.en.title);
    await page
      .locator('console-accounts tbody tr', { hasText: 'reem.viewer' })
      .locator('td', { hasText: 'ريم الحربي' })
      .waitFor();
    assert.equal(await page.locator('#details-password').inputValue(), '', 'the password is not kept in the form');
    assert.equal((await accounts(page)).find((account) => account.name === 'reem.viewer')!.displayName, 'ريم الحربي');
    assert.equal(await canSignIn('reem.viewer', 'a new password for reem'), true, 'the new password signs in');
    assert.equal(await canSignIn('reem.viewer', PASSWORD), false, 'the old one no longer does');

    // The password alone, in Arabic: said in Arabic.
    await page.locator('console-app header button', { hasText: 'العربية' }).click();
    await page.getByRole('button', { name: 'احفظ الاسم وكلمة المرور' }).waitFor();
    await page.locator('#details-account').selectOption('reem.viewer');
    await page.locator('#details-password').fill('another new password for reem');
    await page.getByRole('button', { name: 'احفظ الاسم وكلمة المرور' }).click();
    await expectSaid(page, 'حُفظ الحساب reem.viewer: له كلمة مرور جديدة.');
    assert.equal(await canSignIn('reem.viewer', 'another new password for reem'), true);
  });

  it('adds an account and disables it with the keyboard alone, in Arabic', async () => {
    const page = await signedIn(ACCOUNTS.administrator, 'ar');
    await tabTo(page, (element) => element.tag === 'a' && element.text === WORDS.ar.link, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, WORDS.ar.title);
    await page.locator('console-accounts tbody tr').first().waitFor();

    await tabTo(page, (element) => element.id === 'new-name');
    await page.keyboard.type('huda.viewer');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.id, 'display-name');
    await page.keyboard.type('هدى');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.id, 'new-role');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.id, 'new-password');
    await page.keyboard.type('a first password for lama');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.text, WORDS.ar.add);
    await page.keyboard.press('Enter');
    await expectSaid(page, 'أُضيف الحساب huda.viewer بدور مطّلع.');
    await expectHeadingFocused(page, WORDS.ar.title);

    await tabTo(page, (element) => element.id === 'account');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#account').inputValue(), 'huda.viewer');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.id, 'role');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.id, 'enabled', 'the checked state comes next');
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page))?.id, 'disabled');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.text, WORDS.ar.save);
    await page.keyboard.press('Enter');
    await expectSaid(page, 'حُفظ الحساب huda.viewer: مطّلع، معطّل.');
    await expectHeadingFocused(page, WORDS.ar.title);
    const huda = (await accounts(page)).find((account) => account.name === 'huda.viewer')!;
    assert.deepEqual([huda.displayName, huda.role, huda.disabled], ['هدى', 'viewer', true]);
  });

  it('shows a moderator no way to the accounts, tells one who comes why, and the API refuses', async () => {
    const page = await signedIn(ACCOUNTS.moderator, 'en');
    assert.equal(await page.locator('console-app nav a', { hasText: WORDS.en.link }).count(), 0, 'no Accounts link');
    assert.ok(await page.locator('console-app nav a', { hasText: 'Lab panel' }).count(), 'the links a moderator has');
    await page.evaluate(() => (location.hash = '#/accounts'));
    await expectHeadingFocused(page, WORDS.en.title);
    await page
      .locator('console-accounts p.error-message', { hasText: 'Managing accounts needs the administrator role.' })
      .waitFor();
    assert.equal(await page.locator('console-accounts table').count(), 0);
    assert.equal(await page.locator('console-accounts form').count(), 0, 'no form');
    await noViolations(page, 'the accounts refused to a moderator (en)');
    const add = await callApi(page, 'POST', 'accounts', { name: 'sneaky', role: 'administrator', password: PASSWORD });
    assert.equal(add.status, 403);
    const change = await callApi(page, 'PATCH', `accounts/${ACCOUNTS.moderator}`, { role: 'administrator' });
    assert.equal(change.status, 403);
    assert.deepEqual(
      suite.opened!.problems.splice(0).map((problem) => /status of 403/.test(problem)),
      [true, true, true],
      "the screen's refusal, then the test's two calls",
    );
  });
});
