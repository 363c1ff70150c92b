/**
 * The console's triage and the Lab's panel in Chromium against a real collector (collector.ts), with
 * feedback messages (one with contact details), a page comment and two Lab sign-ups sent as the elements
 * send them: both screens and a case in Arabic and English with axe; a moderator filtering, changing a
 * case's status and tags, adding notes, then closing it and erasing its contact details (gone on screen
 * and by API, the message kept); a viewer reading the list with no way to change a case, no Lab panel,
 * and the refusals explained; the CSV links are the API's, with the filters in force.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  callApi,
  expectHeadingFocused,
  expectSaid,
  focused,
  launch,
  tabTo,
  type ConsolePage,
} from './browser.js';
import { ACCOUNTS, startCollector, submitAsElement, type TestCollector } from './collector.js';
import { openSignedIn } from './suite.js';

const WORDS = {
  ar: {
    cases: 'الرسائل والتعليقات',
    panel: 'سجل المشاركين في مختبر الابتكار',
    panelLink: 'مشاركو المختبر',
    case: (reference: string) => `الرسالة ${reference}`,
    save: 'احفظ الرسالة',
  },
  en: {
    cases: 'Messages and comments',
    panel: "The Innovation Lab's participant panel",
    panelLink: 'Lab panel',
    case: (reference: string) => `Case ${reference}`,
    save: 'Save the case',
  },
} as const;

type Summary = { reference: string; kind: string; status: string; tags: string[]; hasContact: boolean };
type Detail = { case: Summary; contact: Record<string, string> | null; notes: Array<{ text: string; by: string }> };

let collector: TestCollector;
let browser: Browser;
let opened: ConsolePage | undefined;
/** The references the seeded submissions were given. */
const sent: Record<'keyboard' | 'withContact' | 'withoutContact' | 'comment' | 'labOne' | 'labTwo', string> = {
  keyboard: '',
  withContact: '',
  withoutContact: '',
  comment: '',
  labOne: '',
  labTwo: '',
};

/** A submission POSTed to the collector as an element sends it; its reference. */
const submit = (kind: string, data: Record<string, unknown>, locale: 'ar' | 'en' = 'ar'): Promise<string> =>
  submitAsElement(collector, kind, data, locale);

before(async () => {
  collector = await startCollector();
  browser = await launch();
  sent.keyboard = await submit('feedback', {
    type: { code: 'question', label: 'سؤال' },
    message: 'متى يصدر التصريح؟',
    contact: { mobile: '+966551234567', channel: 'sms' },
    consent: true,
  });
  sent.labOne = await submit('lab-signup', {
    sessions: ['prototype'],
    topics: [{ code: 'permits', label: 'تصاريح البناء' }],
    attendance: ['online', 'in-person'],
    city: 'الرياض',
    language: 'ar',
    contact: { name: 'سارة الحربي', email: 'sara@example.sa' },
    consent: true,
  });
  sent.labTwo = await submit(
    'lab-signup',
    {
      sessions: ['understanding', 'readiness'],
      topics: [{ code: 'parking', label: 'Parking' }],
      attendance: ['online'],
      language: 'en',
      contact: { name: 'Omar Said', mobile: '+966501234567' },
      consent: true,
    },
    'en',
  );
  sent.comment = await submit('page-vote-details', { answer: 'no', reasons: [], comment: 'جدول الرسوم قديم.' });
  sent.withoutContact = await submit('feedback', {
    type: { code: 'suggestion', label: 'اقتراح' },
    message: 'أقترح إضافة مثال لرقم القطعة.',
  });
  sent.withContact = await submit('feedback', {
    type: { code: 'complaint', label: 'شكوى' },
    message: 'نموذج التصريح يرفض رقم القطعة.',
    contact: { name: 'نورة العتيبي', email: 'noura@example.sa', channel: 'email' },
    consent: true,
  });
});
after(async () => {
  await browser?.close();
  await collector?.close();
});
afterEach(async () => {
  const problems = opened?.problems ?? [];
  await opened?.page.context().close();
  opened = undefined;
  assert.deepEqual(problems, [], 'nothing went wrong in the page');
});

/** The console in `language`, signed in as `account` (the pages screen first). */
async function signedIn(account: string, language: 'ar' | 'en'): Promise<Page> {
  opened = await openSignedIn(browser, collector.consoleUrl, account, language);
  return opened.page;
}

/** Goes to a screen by its link in the header's navigation. */
async function follow(page: Page, link: string, heading: string): Promise<void> {
  await page.locator('console-app nav a', { hasText: link }).click();
  await expectHeadingFocused(page, heading);
}

/** The references in the cases table, as shown. */
const shownReferences = (page: Page) =>
  page.locator('console-cases tbody th').evaluateAll((cells) => cells.map((cell) => cell.textContent!.trim()));

/** The refusals the browser logged (the test's own calls, or the screens' expected ones), taken from the page's problems. */
function refusals(): boolean[] {
  return opened!.problems.splice(0).map((problem) => /status of 403/.test(problem));
}

const noViolations = async (page: Page, where: string) =>
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);

describe("the console's triage and Lab panel in Chromium", () => {
  for (const language of ['ar', 'en'] as const) {
    it(`shows the cases, a case and the Lab panel in ${language === 'ar' ? 'Arabic' : 'English'}, with axe finding nothing`, async () => {
      const words = WORDS[language];
      const page = await signedIn(ACCOUNTS.moderator, language);
      await follow(page, words.cases, words.cases);
      await page.locator('console-cases tbody tr').first().waitFor();
      assert.deepEqual((await shownReferences(page)).slice(0, 3), [
        sent.withContact,
        sent.withoutContact,
        sent.comment,
      ]);
      await noViolations(page, `cases (${language})`);

      await page.locator('console-cases tbody a', { hasText: sent.withContact }).click();
      await expectHeadingFocused(page, words.case(sent.withContact));
      await page.locator('console-case blockquote').waitFor();
      assert.equal(await page.locator('console-case blockquote').innerText(), 'نموذج التصريح يرفض رقم القطعة.');
      await page.locator('console-case dd', { hasText: 'noura@example.sa' }).waitFor();
      // The erasing is offered only once "closed" is chosen.
      assert.equal(await page.locator('#erase-contact').count(), 0);
      await page.locator('#status').selectOption('closed');
      await page.locator('#erase-contact').waitFor();
      await page.locator('#tags').fill('permits, رسوم');
      await page.getByRole('button', { name: words.save }).click();
      await page.locator('console-case-change console-error-summary li').waitFor();
      assert.equal(await page.locator('#tags').getAttribute('aria-describedby'), 'tags-hint tags-error');
      await noViolations(page, `a case with an error (${language})`);

      await follow(page, words.panelLink, words.panel);
      await page.locator('console-panel tbody tr').nth(1).waitFor();
      await noViolations(page, `the Lab panel (${language})`);
    });
  }

  it('lets a moderator filter the cases, change one, add notes, then close it erasing the contact details', async () => {
    const page = await signedIn(ACCOUNTS.moderator, 'en');
    await follow(page, WORDS.en.cases, WORDS.en.cases);
    await page.locator('console-cases tbody tr').first().waitFor();

    // Filtered as the API filters, the filter in the address and in the CSV link.
    await page.locator('#kind').selectOption('feedback');
    await page.getByRole('button', { name: 'Show cases' }).click();
    await page.waitForFunction(() => location.hash === '#/cases?kind=feedback');
    await page.locator('console-cases caption').waitFor();
    const feedback = (await callApi(page, 'GET', 'cases?kind=feedback&limit=50')).body as { items: Summary[] };
    assert.deepEqual(
      await shownReferences(page),
      feedback.items.map((item) => item.reference),
    );
    assert.ok(!(await shownReferences(page)).includes(sent.comment), 'the comment is filtered out');
    const csv = page.getByRole('link', { name: 'Export these cases as CSV' });
    const csvUrl = new URL((await csv.getAttribute('href'))!);
    assert.equal(csvUrl.pathname, '/ep/console/api/cases');
    assert.deepEqual(
      [...csvUrl.searchParams],
      [
        ['kind', 'feedback'],
        ['format', 'csv'],
      ],
    );
    const exported = await page.evaluate(async (url) => {
      const answer = await fetch(url);
      return { type: answer.headers.get('content-type'), text: await answer.text() };
    }, csvUrl.href);
    assert.match(exported.type ?? '', /^text\/csv/);
    assert.ok(exported.text.includes(sent.withContact) && !exported.text.includes(sent.comment));

    // Status and tags, saved: focus on the heading, above the case's state as it now is.
    await page.locator('console-cases tbody a', { hasText: sent.withContact }).click();
    await expectHeadingFocused(page, WORDS.en.case(sent.withContact));
    await page.locator('#status').selectOption('in-progress');
    await page.locator('#assignee').fill(ACCOUNTS.moderator);
    await page.locator('#tags').fill('permits, Fees');
    await page.getByRole('button', { name: 'Save the case' }).click();
    await expectSaid(page, 'The case is saved.');
    await expectHeadingFocused(page, WORDS.en.case(sent.withContact));
    await page.locator('console-case dd', { hasText: 'permits, fees' }).waitFor();
    let detail = (await callApi(page, 'GET', `cases/${sent.withContact}`)).body as Detail & {
      case: { assignee: string };
    };
    assert.equal(detail.case.status, 'in-progress');
    assert.deepEqual(detail.case.tags, ['permits', 'fees']);
    assert.equal(detail.case.assignee, ACCOUNTS.moderator);

    // Two notes, oldest first; focus on the notes after each.
    for (const text of ['Called back; the plot number has a new format.', 'Sent the new format by email.']) {
      await page.locator('#note').fill(text);
      await page.getByRole('button', { name: 'Add the note' }).click();
      await page.locator('console-case td', { hasText: text }).waitFor();
      await expectSaid(page, 'The note is added.');
      assert.equal((await focused(page))?.id, 'notes-title');
      assert.equal(await page.locator('#note').inputValue(), '', 'the form is empty again');
    }
    assert.deepEqual(await page.locator('console-case tbody td[dir="auto"]').allInnerTexts(), [
      'Called back; the plot number has a new format.',
      'Sent the new format by email.',
    ]);

    // Closed, the contact details erased: gone on screen and by API; the message stays.
    await page.locator('#status').selectOption('closed');
    await page.getByText('The message stays, with its notes.').waitFor();
    await page.locator('#erase-contact').check();
    await page.getByRole('button', { name: 'Save the case' }).click();
    await expectSaid(page, 'The case is saved and its contact details are erased.');
    await page.getByText('No contact details are held with this case.').waitFor();
    assert.equal(await page.locator('console-case dd', { hasText: 'noura@example.sa' }).count(), 0);
    assert.equal(await page.locator('#erase-contact').count(), 0, 'nothing left to erase');
    detail = (await callApi(page, 'GET', `cases/${sent.withContact}`)).body as typeof detail;
    assert.equal(detail.case.status, 'closed');
    assert.equal(detail.contact, null);
    assert.equal(detail.case.hasContact, false);
    assert.equal(detail.notes.length, 2);
    assert.equal(await page.locator('console-case blockquote').innerText(), 'نموذج التصريح يرفض رقم القطعة.');
  });

  it('closes a case erasing its contact details, and adds a note, with the keyboard alone', async () => {
    const page = await signedIn(ACCOUNTS.moderator, 'ar');
    await tabTo(page, (element) => element.tag === 'a' && element.text === WORDS.ar.cases, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, WORDS.ar.cases);
    await page.locator('console-cases tbody tr').first().waitFor();
    await tabTo(page, (element) => element.href === `#/case?reference=${sent.keyboard}`);
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, WORDS.ar.case(sent.keyboard));
    await page.locator('console-case dd', { hasText: '+966551234567' }).waitFor();

    await tabTo(page, (element) => element.id === 'status');
    await page.keyboard.press('End');
    assert.equal(await page.locator('#status').inputValue(), 'closed');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.id, 'erase-contact', 'the erasing comes next, once closed is chosen');
    await page.keyboard.press('Space');
    await tabTo(page, (element) => element.tag === 'button' && element.text === WORDS.ar.save);
    await page.keyboard.press('Enter');
    await expectSaid(page, 'حُفظت الرسالة ومُسحت بيانات التواصل الخاصة بها.');
    await expectHeadingFocused(page, WORDS.ar.case(sent.keyboard));
    assert.equal(await page.locator('console-case dd', { hasText: '+966551234567' }).count(), 0);

    await tabTo(page, (element) => element.id === 'note');
    await page.keyboard.type('أُرسل موعد إصدار التصريح قبل مسح الرقم.');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.text, 'أضف الملاحظة');
    await page.keyboard.press('Enter');
    await expectSaid(page, 'أُضيفت الملاحظة.');
    assert.equal((await focused(page))?.id, 'notes-title');
    const detail = (await callApi(page, 'GET', `cases/${sent.keyboard}`)).body as Detail;
    assert.equal(detail.contact, null);
    assert.deepEqual(
      detail.notes.map((note) => [note.text, note.by]),
      [['أُرسل موعد إصدار التصريح قبل مسح الرقم.', ACCOUNTS.moderator]],
    );
  });

  it('shows a moderator the Lab panel as the API gives it, filtered, with the CSV link for the filter', async () => {
    const page = await signedIn(ACCOUNTS.administrator, 'ar');
    await follow(page, WORDS.ar.panelLink, WORDS.ar.panel);
    await page.locator('console-panel tbody tr').nth(1).waitFor();
    const names = () => page.locator('console-panel tbody th').allInnerTexts();
    assert.deepEqual(await names(), ['Omar Said', 'سارة الحربي']);
    assert.ok(await page.locator('console-panel td', { hasText: '+966501234567' }).count());

    await page.locator('#session').selectOption('prototype');
    await page.locator('#city').fill('الرياض');
    await page.locator('console-list-filters button').click();
    await page.waitForFunction(() => location.hash.startsWith('#/panel?session=prototype&city='));
    await page.locator('console-panel tbody tr').first().waitFor();
    await page.waitForFunction(
      () =>
        document
          .querySelector('console-app')
          ?.shadowRoot?.querySelector('console-panel')
          ?.shadowRoot?.querySelectorAll('tbody tr').length === 1,
    );
    assert.deepEqual(await names(), ['سارة الحربي']);
    const csvUrl = new URL(
      (await page.getByRole('link', { name: 'صدّر هؤلاء المشاركين بصيغة CSV' }).getAttribute('href'))!,
    );
    assert.equal(csvUrl.pathname, '/ep/console/api/panel');
    assert.deepEqual(
      [...csvUrl.searchParams],
      [
        ['session', 'prototype'],
        ['city', 'الرياض'],
        ['format', 'csv'],
      ],
    );

    // A topic code the API would refuse is caught at its field.
    await page.locator('#topic').fill('two words');
    await page.locator('console-list-filters button').click();
    await page.locator('#topic-error').waitFor();
    assert.equal(await page.locator('#topic').getAttribute('aria-describedby'), 'topic-hint topic-error');

    // An address the API refuses (a cursor it never gave) is explained, not a broken screen.
    await page.evaluate(() => (location.hash = '#/panel?after=not-a-cursor'));
    await page.locator('console-panel p.error-message', { hasText: 'راجع الجلسة ورمز الموضوع والمدينة' }).waitFor();
    assert.deepEqual(
      opened!.problems.splice(0).map((problem) => /status of 422/.test(problem)),
      [true],
    );
  });

  it('keeps a viewer to the list: no way to open or change a case, no Lab panel, the refusals explained', async () => {
    const page = await signedIn(ACCOUNTS.viewer, 'en');
    assert.equal(await page.locator('console-app nav a', { hasText: WORDS.en.panelLink }).count(), 0, 'no Lab panel');
    await follow(page, WORDS.en.cases, WORDS.en.cases);
    await page.locator('console-cases tbody tr').first().waitFor();
    assert.ok((await shownReferences(page)).includes(sent.withoutContact));
    assert.equal(await page.locator('console-cases tbody a').count(), 0, 'no link to open a case');
    assert.equal(await page.locator('console-cases select#status').count(), 1, 'the filters are there');
    assert.equal(await page.locator('console-cases button', { hasText: 'Save' }).count(), 0);
    await page.getByText('changing it need the moderator role').waitFor();
    assert.equal(await page.getByText('noura@example.sa').count(), 0, 'no contact details in the list');

    // A page at a time by the API's cursor, in the address; the first page one link away.
    const first = (await callApi(page, 'GET', 'cases?limit=50')).body as { items: Summary[]; next?: string };
    assert.ok(first.next, "the demo's comments fill more than one page");
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForFunction((next) => location.hash === `#/cases?after=${next}`, first.next);
    await page.getByRole('link', { name: 'First page' }).waitFor();
    const second = (await callApi(page, 'GET', `cases?limit=50&after=${first.next}`)).body as { items: Summary[] };
    await page.locator('console-cases caption').waitFor();
    assert.deepEqual(
      await shownReferences(page),
      second.items.map((item) => item.reference ?? 'No reference'),
    );
    await page.getByRole('link', { name: 'First page' }).click();
    await page.waitForFunction(() => location.hash === '#/cases');
    await page.locator('console-cases tbody th', { hasText: sent.withoutContact }).waitFor();

    await page.evaluate((reference) => (location.hash = `#/case?reference=${reference}`), sent.withoutContact);
    await expectHeadingFocused(page, WORDS.en.case(sent.withoutContact));
    await page
      .locator('console-case p.error-message', { hasText: 'Opening a case needs the moderator role' })
      .waitFor();
    assert.equal(await page.locator('console-case form').count(), 0, 'no form for a viewer');
    assert.equal(await page.locator('console-case-change').count(), 0);

    await page.evaluate(() => (location.hash = '#/panel'));
    await expectHeadingFocused(page, WORDS.en.panel);
    await page
      .locator('console-panel p.error-message', { hasText: "The Lab's panel needs the moderator role" })
      .waitFor();
    assert.equal(await page.locator('console-panel table').count(), 0);
    await noViolations(page, 'the Lab panel refused to a viewer (en)');

    const changed = await callApi(page, 'PATCH', `cases/${sent.withoutContact}`, { status: 'closed' });
    assert.equal(changed.status, 403);
    assert.deepEqual(refusals(), [true, true, true], "the case's and the panel's refusals, then the test's change");
  });
});
