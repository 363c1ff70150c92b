/**
 * The console's ideas and consultations in Chromium against a real collector (collector.ts), with ideas sent
 * as the idea box sends them (one in Arabic, one in English), an open consultation with views sent as the
 * card sends them (one replaced by a later view of the same visitor), and a closed one waiting for its
 * outcome: every screen in Arabic and English with axe; a moderator reviewing an idea, creating and editing a
 * consultation (its errors at their fields first), and publishing an outcome; the same review with the
 * keyboard alone; a viewer reading everything with no control that changes anything, and the API refusing
 * the viewer's changes.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { putConsultation } from '../../content/consultations.js';
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

type Language = 'ar' | 'en';

const DAY = 86_400_000;
const at = (offset: number): string => new Date(Date.now() + offset).toISOString();

const WORDS = {
  ar: {
    ideas: 'الأفكار',
    ideasTitle: 'أفكار للمراجعة',
    consultations: 'الاستشارات',
    consultation: (id: string) => `الاستشارة ${id}`,
    saveReview: 'احفظ المراجعة',
  },
  en: {
    ideas: 'Ideas',
    ideasTitle: 'Ideas to review',
    consultations: 'Consultations',
    consultation: (id: string) => `Consultation ${id}`,
    saveReview: 'Save the review',
  },
} as const;

type AdminIdea = { id: string; title: string; state: string; status: string; answer?: { text: string } };

let collector: TestCollector;
let browser: Browser;
let opened: ConsolePage | undefined;
const ideas = { arabic: 'سداد رسوم رخصة المحل بالتقسيط', english: 'Evening hours at service centres' };

/** A submission POSTed to the collector as an element sends it; its id. */
async function submit(kind: string, data: Record<string, unknown>, locale: 'ar' | 'en'): Promise<string> {
  const id = randomUUID();
  const answer = await fetch(new URL('../submissions', collector.consoleUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': id },
    body: JSON.stringify({
      id,
      kind,
      page: { url: 'https://www.example.gov.sa/ar/e-participation', title: 'المشاركة الإلكترونية', lang: locale },
      locale,
      submittedAt: new Date().toISOString(),
      privacyNotice: '1',
      data,
    }),
  });
  assert.equal(answer.status, 201, await answer.clone().text());
  return id;
}

before(async () => {
  collector = await startCollector();
  browser = await launch();
  const now = new Date();
  await putConsultation(
    collector.store,
    'shaded-walkways',
    {
      title: { ar: 'ممرات مظللة في الأحياء', en: 'Shaded walkways in neighbourhoods' },
      type: 'non-legal',
      level: 'collaboration',
      opensAt: at(-5 * DAY),
      closesAt: at(5 * DAY),
      participantsElsewhere: 40,
    },
    now,
  );
  await putConsultation(
    collector.store,
    'permit-journey',
    {
      title: { ar: 'رحلة رخصة البناء', en: 'The building permit journey' },
      type: 'non-legal',
      opensAt: at(-30 * DAY),
      closesAt: at(-DAY),
    },
    now,
  );
  // Titled in English only: the Arabic console shows that title, and says it is English.
  await putConsultation(
    collector.store,
    'night-markets',
    { title: { en: 'Night markets' }, type: 'non-legal', opensAt: at(-2 * DAY), closesAt: at(20 * DAY) },
    now,
  );
  await submit(
    'idea',
    { title: ideas.arabic, description: 'على ثلاث دفعات.', topic: { code: 'other', label: 'أخرى' } },
    'ar',
  );
  await submit(
    'idea',
    { title: ideas.english, description: 'Two evenings a week.', topic: { code: 'other', label: 'Other' } },
    'en',
  );
  const first = await submit(
    'consultation-view',
    { consultationId: 'shaded-walkways', stance: 'oppose', comment: 'المظلات المعدنية تسخن في الصيف.' },
    'ar',
  );
  await submit('consultation-view', { consultationId: 'shaded-walkways', stance: 'neutral', replaces: first }, 'ar');
  await submit(
    'consultation-view',
    { consultationId: 'shaded-walkways', stance: 'support', comment: 'Trees please.' },
    'en',
  );
});
after(() => Promise.all([browser?.close(), collector?.close()]));
afterEach(async () => {
  const { page, problems = [] } = opened ?? {};
  opened = undefined;
  await page?.context().close();
  assert.deepEqual(problems, [], 'no script error, console error or CSP violation in the page');
});

/** The console in `language`, signed in as `account`, on its first screen. */
async function signedIn(account: string, language: Language): Promise<Page> {
  opened = await openConsole(browser, collector.consoleUrl, language);
  const form = { '#name': account, '#password': PASSWORD };
  for (const [field, value] of Object.entries(form)) await opened.page.locator(field).fill(value);
  await opened.page.keyboard.press('Enter');
  await opened.page.locator('console-pages h1').waitFor();
  return opened.page;
}

/** A screen reached by its link in the header, its heading then focused. */
const follow = async (page: Page, link: string, heading: string): Promise<void> =>
  page
    .locator('console-app nav a', { hasText: link })
    .click()
    .then(() => expectHeadingFocused(page, heading));

/** axe finds nothing in the whole page. */
const noViolations = async (page: Page, where: string): Promise<void> =>
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);

/** The idea (and its review form) listed with this title. */
const ideaItem = (page: Page, title: string) => page.locator('console-ideas li', { hasText: title });

const ideaNamed = async (page: Page, title: string): Promise<AdminIdea> => {
  const list = (await callApi(page, 'GET', 'ideas?limit=500')).body as { items: AdminIdea[] };
  return list.items.find((idea) => idea.title === title)!;
};

describe("the console's ideas and consultations in Chromium", () => {
  for (const language of ['ar', 'en'] as const) {
    it(`shows the ideas, the consultations and a consultation in ${language === 'ar' ? 'Arabic' : 'English'}, with axe finding nothing`, async () => {
      const words = WORDS[language];
      const page = await signedIn(ACCOUNTS.moderator, language);
      await follow(page, words.ideas, words.ideasTitle);
      await ideaItem(page, ideas.english).waitFor();
      const titles = await page.locator('console-ideas li h3').allInnerTexts();
      assert.deepEqual(titles.slice(0, 2), [ideas.english, ideas.arabic], 'newest first');
      assert.equal(await ideaItem(page, ideas.english).locator('console-idea-review').count(), 1);
      // The days filtered are UTC days, said at both fields (the times listed are the browser's).
      for (const field of ['from', 'to']) {
        assert.equal(await page.locator(`#${field}`).getAttribute('aria-describedby'), `${field}-hint`);
        assert.match(
          await page.locator(`#${field}-hint`).innerText(),
          language === 'ar' ? /UTC.*الرياض/ : /UTC.*Riyadh/,
        );
      }
      // Each idea's own words are said to be in the language it was written in, whatever the console's.
      for (const [title, lang] of [
        [ideas.english, 'en'],
        [ideas.arabic, 'ar'],
      ] as const) {
        const item = ideaItem(page, title);
        for (const part of ['h3', 'dd[dir="auto"]', 'blockquote']) {
          assert.equal(await item.locator(part).getAttribute('lang'), lang, `${part} of ${title}`);
          assert.equal(await item.locator(part).getAttribute('dir'), 'auto', `${part} of ${title}`);
        }
      }
      await noViolations(page, `ideas (${language})`);

      await follow(page, words.consultations, words.consultations);
      await page.locator('console-consultations tbody tr').nth(2).waitFor();
      const link = (text: string) => page.locator('console-consultations tbody a', { hasText: text });
      assert.equal(await link('Night markets').getAttribute('lang'), 'en', 'an English title in either console');
      assert.equal(await link(language === 'ar' ? 'ممرات' : 'Shaded').getAttribute('lang'), language);
      await noViolations(page, `consultations (${language})`);

      await page.locator('console-consultations tbody a', { hasText: language === 'ar' ? 'ممرات' : 'Shaded' }).click();
      await expectHeadingFocused(page, words.consultation('shaded-walkways'));
      await page.locator('console-consultation tbody tr').nth(2).waitFor();
      // The kept views by stance, with those taken elsewhere and the participants.
      const counts = await page.locator('console-consultation table').first().locator('tbody td').allInnerTexts();
      assert.deepEqual(counts, language === 'ar' ? ['١', '١', '٠', '٤٠', '٤٢'] : ['1', '1', '0', '40', '42']);
      await noViolations(page, `a consultation (${language})`);
    });
  }

  it('lets a moderator review an idea where it is listed: published with a status and an answer', async () => {
    const page = await signedIn(ACCOUNTS.moderator, 'en');
    await follow(page, WORDS.en.ideas, WORDS.en.ideasTitle);
    await page.locator('#language').selectOption('en');
    await page.locator('#state').first().selectOption('pending');
    await page.getByRole('button', { name: 'Show ideas' }).click();
    await page.waitForFunction(() => location.hash === '#/ideas?state=pending&language=en');
    await ideaItem(page, ideas.english).waitFor();
    assert.equal(await ideaItem(page, ideas.arabic).count(), 0, 'the Arabic idea is filtered out');
    const csv = new URL((await page.getByRole('link', { name: 'Export these ideas as CSV' }).getAttribute('href'))!);
    assert.equal(csv.pathname, '/ep/console/api/ideas');
    assert.deepEqual(
      [...csv.searchParams],
      [
        ['state', 'pending'],
        ['language', 'en'],
        ['format', 'csv'],
      ],
    );

    const review = ideaItem(page, ideas.english).locator('console-idea-review');
    // Nothing changed: said at the field, not sent.
    await review.getByRole('button', { name: WORDS.en.saveReview }).click();
    await review.locator('#state-error').waitFor();
    assert.equal(await review.locator('#state').getAttribute('aria-describedby'), 'state-error');
    await noViolations(page, 'an idea review with an error (en)');

    await review.locator('#state').selectOption('published');
    await review.locator('#status').selectOption('accepted');
    await review.locator('#answer').fill('We will open two evenings a week from March.');
    await review.getByRole('button', { name: WORDS.en.saveReview }).click();
    await expectSaid(page, `The review of "${ideas.english}" is saved.`);
    assert.equal((await focused(page))?.text, ideas.english, "focus on the idea's title");
    const idea = await ideaNamed(page, ideas.english);
    assert.deepEqual(
      [idea.state, idea.status, idea.answer?.text],
      ['published', 'accepted', 'We will open two evenings a week from March.'],
    );
    assert.equal(await review.locator('#state').inputValue(), 'published', 'the form shows the idea as it now is');
  });

  it('reviews an idea with the keyboard alone, in Arabic', async () => {
    const page = await signedIn(ACCOUNTS.moderator, 'ar');
    await tabTo(page, (element) => element.tag === 'a' && element.text === WORDS.ar.ideas, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, WORDS.ar.ideasTitle);
    await ideaItem(page, ideas.arabic).waitFor();
    const position = (await page.locator('console-ideas li h3').allInnerTexts()).indexOf(ideas.arabic);
    // Tab to the Arabic idea's review: its "shown to the public" choice is the first field of its form.
    let reached = -1;
    await tabTo(page, (element) => element.id === 'state' && ++reached === position + 1, 'Tab', 80);
    await page.keyboard.press('End');
    await tabTo(page, (element) => element.tag === 'button' && element.text === WORDS.ar.saveReview);
    await page.keyboard.press('Enter');
    await expectSaid(page, `حُفظت مراجعة «${ideas.arabic}».`);
    assert.equal((await focused(page))?.text, ideas.arabic);
    assert.equal((await ideaNamed(page, ideas.arabic)).state, 'rejected');
  });

  it('lets a moderator create a consultation (errors at their fields first), edit it, and publish an outcome', async () => {
    const page = await signedIn(ACCOUNTS.moderator, 'en');
    await follow(page, WORDS.en.consultations, WORDS.en.consultations);
    await page.getByRole('link', { name: 'Create a consultation' }).click();
    await expectHeadingFocused(page, 'Create a consultation');
    await page.getByRole('button', { name: 'Create the consultation' }).click();
    await page.locator('console-consultation-form console-error-summary li').first().waitFor();
    assert.deepEqual(
      await page
        .locator('console-consultation-form console-error-summary a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      ['#id', '#title-ar', '#title-en', '#type', '#opens', '#closes'],
    );
    assert.equal(await page.locator('#id').getAttribute('aria-describedby'), 'id-hint id-error');
    await noViolations(page, 'the consultation form with errors (en)');

    await page.locator('#id').fill('bus-shelters');
    await page.locator('#title-ar').fill('مظلات مواقف الحافلات');
    await page.locator('#title-en').fill('Bus shelters');
    await page.locator('#type').selectOption('legal');
    await page.locator('#istitlaa').fill('https://istitlaa.ncc.gov.sa/bus-shelters');
    await page.locator('#opens').fill('2026-01-10T09:00');
    await page.locator('#closes').fill('2026-01-05T09:00');
    await page.getByRole('button', { name: 'Create the consultation' }).click();
    await page.locator('#closes-error').waitFor();
    await page.locator('#closes').fill('2036-02-10T09:00');
    await page.getByRole('button', { name: 'Create the consultation' }).click();
    await expectHeadingFocused(page, WORDS.en.consultation('bus-shelters'));
    await expectSaid(page, 'The consultation is created.');
    const created = (await callApi(page, 'GET', 'consultations/bus-shelters')).body as {
      consultation: { title: unknown; type: string; istitlaaUrl: string; opensAt: string };
    };
    assert.deepEqual(created.consultation.title, { ar: 'مظلات مواقف الحافلات', en: 'Bus shelters' });
    assert.equal(created.consultation.istitlaaUrl, 'https://istitlaa.ncc.gov.sa/bus-shelters');
    // Written in the browser's time zone, kept in UTC.
    assert.equal(created.consultation.opensAt, await page.evaluate(() => new Date('2026-01-10T09:00').toISOString()));
    await page.getByText('The outcome can be published once the consultation closes').waitFor();

    await page.locator('#title-en').fill('Bus shelters with shade');
    await page.getByRole('button', { name: 'Save the consultation' }).click();
    await expectSaid(page, 'The consultation is saved.');
    await expectHeadingFocused(page, WORDS.en.consultation('bus-shelters'));
    await page.locator('console-consultation dd', { hasText: 'Bus shelters with shade' }).waitFor();

    // An id taken already is refused at the id, never written over.
    await page.evaluate(() => (location.hash = '#/consultation'));
    await expectHeadingFocused(page, 'Create a consultation');
    await page.locator('#id').fill('permit-journey');
    await page.locator('#title-ar').fill('أخرى');
    await page.locator('#title-en').fill('Another');
    await page.locator('#type').selectOption('non-legal');
    await page.locator('#opens').fill('2026-01-10T09:00');
    await page.locator('#closes').fill('2026-02-10T09:00');
    await page.getByRole('button', { name: 'Create the consultation' }).click();
    await page.locator('#id-error', { hasText: 'A consultation has this id already' }).waitFor();
    assert.deepEqual(
      opened!.problems.splice(0).map((problem) => /status of 412/.test(problem)),
      [true],
    );

    await page.evaluate(() => (location.hash = '#/consultation?id=permit-journey'));
    await expectHeadingFocused(page, WORDS.en.consultation('permit-journey'));
    await page.locator('#heard-ar').fill('طلب كثيرون مكانًا واحدًا لرفع المستندات.');
    await page.locator('#heard-en').fill('Many asked for one place to upload documents.');
    await page.locator('#decided-ar').fill('خطوة واحدة لرفع المستندات.');
    await page.getByRole('button', { name: 'Publish the outcome' }).click();
    await page.locator('#decided-en-error').waitFor();
    await page.locator('#decided-en').fill('A single upload step.');
    await page.getByRole('button', { name: 'Publish the outcome' }).click();
    await expectSaid(page, 'The outcome is published.');
    assert.equal((await focused(page))?.id, 'outcome-title');
    await page.getByRole('button', { name: 'Publish the corrected outcome' }).waitFor();
    const shown = (await (await fetch(new URL('../consultations/permit-journey', collector.consoleUrl))).json()) as {
      outcome: { decided: unknown; counts: unknown };
    };
    assert.deepEqual(shown.outcome.decided, { ar: 'خطوة واحدة لرفع المستندات.', en: 'A single upload step.' });
    assert.deepEqual(shown.outcome.counts, { support: 0, neutral: 0, oppose: 0 });
  });

  it('keeps the times of a consultation whose dates were not changed, to the second', async () => {
    const page = await signedIn(ACCOUNTS.moderator, 'en');
    const times = { opensAt: '2026-01-01T08:00:30.000Z', closesAt: '2036-12-31T23:59:59.000Z' };
    const written = await callApi(page, 'PUT', 'consultations/school-walks', {
      title: { ar: 'الطريق إلى المدرسة', en: 'The walk to school' },
      type: 'non-legal',
      ...times,
    });
    assert.equal(written.status, 200);
    await page.evaluate(() => (location.hash = '#/consultation?id=school-walks'));
    await expectHeadingFocused(page, WORDS.en.consultation('school-walks'));
    await page.locator('#summary-en').fill('Shade on the way to school.');
    await page.getByRole('button', { name: 'Save the consultation' }).click();
    await expectSaid(page, 'The consultation is saved.');
    const saved = (await callApi(page, 'GET', 'consultations/school-walks')).body as {
      consultation: { summary: unknown; opensAt: string; closesAt: string };
    };
    assert.deepEqual(saved.consultation.summary, { en: 'Shade on the way to school.' });
    assert.deepEqual({ opensAt: saved.consultation.opensAt, closesAt: saved.consultation.closesAt }, times);
  });

  it('says a consultation is saved, and why it is not shown again, when reading it back fails', async () => {
    const page = await signedIn(ACCOUNTS.moderator, 'en');
    await page.evaluate(() => (location.hash = '#/consultation?id=school-walks'));
    await expectHeadingFocused(page, WORDS.en.consultation('school-walks'));
    // The save goes through; reading the consultation back after it does not.
    await page.route('**/api/consultations/school-walks', (route) =>
      route.request().method() === 'GET' ? route.abort() : route.continue(),
    );
    await page.locator('#summary-en').fill('Shade and water on the way to school.');
    await page.getByRole('button', { name: 'Save the consultation' }).click();
    await expectSaid(
      page,
      'The consultation is saved. The collector could not be reached: reload the page to try again.',
    );
    await expectHeadingFocused(page, WORDS.en.consultation('school-walks'));
    assert.deepEqual(
      opened!.problems.splice(0).map((problem) => /ERR_FAILED/.test(problem)),
      [true],
      'only the failed read, nothing unhandled',
    );
    await page.unroute('**/api/consultations/school-walks');
    const saved = (await callApi(page, 'GET', 'consultations/school-walks')).body as {
      consultation: { summary: unknown };
    };
    assert.deepEqual(saved.consultation.summary, { en: 'Shade and water on the way to school.' });
  });

  it('says that views past the retention period are counted but no longer listed', async () => {
    await putConsultation(
      collector.store,
      'old-market',
      { title: { ar: 'السوق القديم', en: 'The old market' }, type: 'non-legal', opensAt: at(-DAY), closesAt: at(DAY) },
      new Date(),
    );
    const view = await submit('consultation-view', { consultationId: 'old-market', stance: 'support' }, 'en');
    // As the retention sweep leaves it: the view's submission deleted, its stance kept (and counted).
    await collector.store.batch([{ sql: 'DELETE FROM submissions WHERE id = ?', params: [view] }]);
    const page = await signedIn(ACCOUNTS.viewer, 'en');
    await page.evaluate(() => (location.hash = '#/consultation?id=old-market'));
    await expectHeadingFocused(page, WORDS.en.consultation('old-market'));
    const counts = page.locator('console-consultation table').first().locator('tbody td');
    assert.deepEqual((await counts.allInnerTexts()).slice(0, 3), ['1', '0', '0'], 'still counted');
    await page.locator('console-consultation p', { hasText: 'counted above but no longer listed' }).waitFor();
    assert.equal(await page.locator('console-consultation table').count(), 1, 'no list of views');

    await page.evaluate(() => (location.hash = '#/consultation?id=shaded-walkways'));
    await page.locator('console-consultation caption', { hasText: 'counted above but no longer listed' }).waitFor();
  });

  it('keeps a viewer to reading: no review, no form, the views listed, and the API refusing changes', async () => {
    const page = await signedIn(ACCOUNTS.viewer, 'en');
    await follow(page, WORDS.en.ideas, WORDS.en.ideasTitle);
    await ideaItem(page, ideas.arabic).waitFor();
    assert.equal(await page.locator('console-idea-review').count(), 0, 'no review form');
    await page.getByText('reviewing them needs the moderator role').waitFor();

    await follow(page, WORDS.en.consultations, WORDS.en.consultations);
    await page.locator('console-consultations tbody tr').first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'Create a consultation' }).count(), 0);
    await page.locator('console-consultations tbody a', { hasText: 'Shaded walkways' }).click();
    await expectHeadingFocused(page, WORDS.en.consultation('shaded-walkways'));
    await page.locator('console-consultation tbody tr').nth(3).waitFor();
    assert.equal(await page.locator('console-consultation form').count(), 0, 'no form for a viewer');
    assert.equal(await page.locator('console-consultation-form, console-outcome-form').count(), 0);
    // The views as they arrived, newest first; the one the same visitor changed is no longer counted.
    const views = page.locator('console-consultation table').nth(1).locator('tbody tr');
    assert.deepEqual(await views.locator('td:nth-child(2)').allInnerTexts(), ['Support', 'Neutral', 'Oppose']);
    assert.deepEqual(await views.locator('td:nth-child(5)').allInnerTexts(), [
      'Yes',
      'Yes',
      'No: the same visitor changed it later',
    ]);
    await page.getByRole('button', { name: 'Check for new views' }).click();
    await expectSaid(page, '2 views kept; the newest are first.');
    await noViolations(page, 'a consultation read by a viewer (en)');

    const idea = await ideaNamed(page, ideas.arabic);
    const refused = [
      await callApi(page, 'PATCH', `ideas/${idea.id}`, { state: 'published' }),
      await callApi(page, 'PUT', 'consultations/shaded-walkways', {
        title: 'Changed',
        type: 'non-legal',
        opensAt: at(-DAY),
        closesAt: at(DAY),
      }),
      await callApi(page, 'PUT', 'consultations/permit-journey/outcome', { decided: 'Changed' }),
    ];
    assert.deepEqual(
      refused.map((answer) => answer.status),
      [403, 403, 403],
    );
    assert.deepEqual(
      opened!.problems.splice(0).map((problem) => /status of 403/.test(problem)),
      [true, true, true],
    );
    assert.equal((await ideaNamed(page, ideas.arabic)).state, idea.state, 'the idea unchanged');
  });
});
