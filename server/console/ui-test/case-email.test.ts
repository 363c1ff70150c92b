/**
 * Sending a reply note by email from a case, in Chromium against a real collector with SMTP settings and a
 * real SMTP server in this process (smtp-server): a moderator sends a note, which reaches the visitor's
 * address and is shown as sent; one the server refuses is kept, shown as failed with the server's answer,
 * and said at once; a case without an email address says why nothing is offered. In Arabic and English with
 * axe; by keyboard in Arabic. Without SMTP settings the form says so (a second collector).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { SmtpConfig } from '../../config.js';
import { axeViolations, callApi, expectHeadingFocused, expectSaid, focused, tabTo } from './browser.js';
import { ACCOUNTS, startCollector, submitAsElement, type TestCollector } from './collector.js';
import { browserSuite, signedIn } from './suite.js';
import {
  REFUSED_RECIPIENT as REFUSED,
  startSmtpServer,
  type Delivered,
  type TestSmtpServer,
} from '../../test/smtp-test-server.js';

const suite = browserSuite();
const delivered: Delivered[] = [];
let smtpServer: TestSmtpServer;
let mailing: TestCollector;
let plain: TestCollector;
const sent = { arabic: '', english: '', refused: '', noEmail: '', plain: '' };

const submit = (collector: TestCollector, data: Record<string, unknown>, locale: 'ar' | 'en' = 'ar') =>
  submitAsElement(collector, 'feedback', { type: { code: 'question', label: 'سؤال' }, ...data }, locale);

before(async () => {
  smtpServer = await startSmtpServer(delivered);
  const smtp: SmtpConfig = {
    host: '127.0.0.1',
    port: smtpServer.port,
    security: 'none',
    user: undefined,
    password: undefined,
    from: 'noreply@example.gov.sa',
  };
  mailing = await startCollector({ smtp });
  plain = await startCollector();
  const contact = (email: string) => ({ contact: { email, channel: 'email' }, consent: true });
  sent.arabic = await submit(mailing, { message: 'متى يصدر التصريح؟', ...contact('sara@example.sa') });
  sent.english = await submit(mailing, { message: 'When is the permit issued?', ...contact('omar@example.com') }, 'en');
  sent.refused = await submit(mailing, { message: 'أرجو الرد.', ...contact(REFUSED) });
  sent.noEmail = await submit(mailing, { message: 'بلا عنوان.', contact: { mobile: '+966551234567' }, consent: true });
  sent.plain = await submit(plain, { message: 'لا يوجد SMTP.', ...contact('hind@example.sa') });
});
after(async () => {
  await mailing?.close();
  await plain?.close();
  await smtpServer?.close();
});

/** A case opened by a moderator, in `language`, on `collector`. */
async function openCase(collector: TestCollector, reference: string, language: 'ar' | 'en'): Promise<Page> {
  const page = await signedIn(suite, collector.consoleUrl, ACCOUNTS.moderator, language);
  await page.evaluate((wanted) => (location.hash = `#/case?reference=${wanted}`), reference);
  await expectHeadingFocused(page, `${language === 'ar' ? 'الرسالة' : 'Case'} ${reference}`);
  await page.locator('console-case blockquote').waitFor();
  return page;
}

const noViolations = async (page: Page, where: string) =>
  assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);

type Note = { text: string; email: null | { sent: boolean; failure?: string } };
const notesOf = async (page: Page, reference: string) =>
  ((await callApi(page, 'GET', `cases/${reference}`)).body as { notes: Note[] }).notes;

describe('sending a reply note by email from the console', () => {
  it('sends a note in English, shows it sent, and the visitor receives it', async () => {
    const page = await openCase(mailing, sent.english, 'en');
    await page.getByText('They wrote in English: write the note in it.').waitFor();
    await noViolations(page, 'a case that can be answered by email (en)');
    await page.locator('#note').fill('Your permit was issued today.');
    await page.getByLabel('Also send this note to the person by email').check();
    await page.getByRole('button', { name: 'Add the note' }).click();
    await expectSaid(page, 'The note is added and sent by email.');
    assert.equal((await focused(page))?.id, 'notes-title');
    await page.locator('console-case td', { hasText: /^Sent / }).waitFor();
    assert.equal(await page.locator('#send-email').isChecked(), false, 'the form is empty again');
    const mail = delivered.find((one) => one.to.includes('omar@example.com'))!;
    assert.ok(mail, 'the SMTP server received it');
    assert.match(mail.raw, new RegExp(`Subject: Our reply to your message \\(reference ${sent.english}\\)`));
    assert.ok(mail.raw.includes('Your permit was issued today.'));
    const notes = await notesOf(page, sent.english);
    assert.deepEqual(
      notes.map((note) => [note.text, note.email?.sent]),
      [['Your permit was issued today.', true]],
    );
    await noViolations(page, 'a case with a note sent (en)');
  });

  it('keeps a note the SMTP server refuses, shows the failure and says it, with the keyboard alone in Arabic', async () => {
    const page = await openCase(mailing, sent.refused, 'ar');
    const before = delivered.length;
    await tabTo(page, (element) => element.id === 'note');
    await page.keyboard.type('صدر التصريح اليوم.');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.id, 'send-email');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page))?.text, 'أضف الملاحظة');
    await page.keyboard.press('Enter');
    await expectSaid(page, 'أُضيفت الملاحظة، لكن البريد الإلكتروني لم يُرسل:');
    const said = await page.locator('console-app [role="status"]').innerText();
    // The server's refusal, as a real one names the address it refused: said without it.
    assert.match(said, /550 5\.1\.1 <address removed>: Recipient address rejected: Mailbox unavailable/);
    assert.doesNotMatch(said, /@/);
    assert.equal((await focused(page))?.id, 'notes-title');
    await page.locator('console-case td', { hasText: 'تعذّر الإرسال' }).waitFor();
    await page.locator('console-case td', { hasText: 'Mailbox unavailable' }).waitFor();
    assert.equal(delivered.length, before, 'nothing was delivered');
    const [note] = await notesOf(page, sent.refused);
    assert.equal(note!.text, 'صدر التصريح اليوم.', 'the note is kept');
    assert.equal(note!.email!.sent, false);
    assert.match(note!.email!.failure!, /550/);
    await noViolations(page, 'a case with a failed send (ar)');
  });

  it('offers no sending without an email address or without SMTP settings, and says why', async () => {
    let page = await openCase(mailing, sent.noEmail, 'en');
    await page.getByText('Sending a note by email is not offered: the person gave no email address.').waitFor();
    assert.equal(await page.locator('#send-email').count(), 0);
    await suite.opened!.page.context().close();
    suite.opened = undefined;

    page = await openCase(plain, sent.plain, 'ar');
    await page
      .getByText('إرسال الملاحظة بالبريد الإلكتروني غير متاح: لا توجد لدى المُجمِّع إعدادات SMTP.', { exact: false })
      .waitFor();
    assert.equal(await page.locator('#send-email').count(), 0);
    await noViolations(page, 'a case without SMTP settings (ar)');
    await page.locator('#note').fill('اتصلنا بها.');
    await page.getByRole('button', { name: 'أضف الملاحظة' }).click();
    await expectSaid(page, 'أُضيفت الملاحظة.');
    await page.locator('console-case td', { hasText: 'سُجّلت فقط' }).waitFor();
  });
});
