/**
 * Reply notes sent by email (server/console/cases/reply-mail.ts), once per dialect, against a real SMTP
 * server in this process (smtp-server, nodemailer's authors): the message reaches the visitor's address,
 * in the language they wrote in, its subject naming the case's reference, the note as its plain text, from
 * the ministry's address; a server that refuses it leaves the note stored and the failure recorded with it.
 * Without SMTP settings, without an email address, or once the contact details are erased, the case says why
 * and the API refuses to send (the note is not stored either). Every send is in the audit log. The settings
 * themselves are checked at start (config.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig, type SmtpConfig } from '../config.js';
import { eraseContactOf } from '../privacy/by-reference.js';
import { sweep } from '../privacy/sweep.js';
import {
  REFUSED_RECIPIENT as REFUSED,
  startSmtpServer,
  type Delivered,
  type TestSmtpServer,
} from './smtp-test-server.js';
import { buildApp } from '../app.js';
import type { Statement } from '../store/types.js';
import {
  auth,
  contract,
  DIALECTS,
  envelope,
  openTestStore,
  post,
  stored,
  suiteApp,
  type TestApp,
  valid,
} from './helpers.js';

const API = '/console/api/cases';
const FROM = 'وزارة الشؤون البلدية <noreply@example.gov.sa>';

/** The local SMTP server, started before the suite (its port given to the collector's settings first). */
function smtpServer(smtp: SmtpConfig): Delivered[] {
  const delivered: Delivered[] = [];
  let server: TestSmtpServer | undefined;
  before(async () => {
    server = await startSmtpServer(delivered);
    smtp.port = server.port;
  });
  after(() => server?.close());
  return delivered;
}

/** A header's value, unfolded, its RFC 2047 encoded words decoded (adjacent ones joined, as the RFC says). */
function header(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]/g, ' ');
  const line = head.split('\r\n').find((one) => one.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
  const value = line.slice(name.length + 1).trim();
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/(=\?utf-8\?[bq]\?[^?]*\?=)+/gi, (words) =>
      Buffer.concat(
        [...words.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)].map(([, encoding, text = '']) =>
          encoding!.toLowerCase() === 'b'
            ? Buffer.from(text, 'base64')
            : Buffer.from(qpBytes(text.replace(/_/g, ' ')), 'latin1'),
        ),
      ).toString('utf8'),
    );
}

const qpBytes = (text: string): string =>
  text.replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The plain text body, decoded from its transfer encoding. */
function bodyText(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  const encoding = header(raw, 'Content-Transfer-Encoding').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s/g, ''), 'base64')
      : Buffer.from(encoding === 'quoted-printable' ? qpBytes(body.replace(/=\r\n/g, '')) : body, 'latin1');
  return bytes.toString('utf8').replace(/\r\n/g, '\n');
}

async function send(t: TestApp, locale: 'ar' | 'en', contact?: Record<string, string>) {
  const data = {
    type: { code: 'question', label: 'سؤال' },
    message: 'متى يصدر التصريح؟',
    ...(contact ? { contact, consent: true } : {}),
  };
  const response = await post(t.app, envelope('feedback', data, { locale }));
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ reference: string }>().reference;
}

function note(t: TestApp, reference: string, body: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `${API}/${reference}/notes`,
    headers: { ...auth, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

async function read(t: TestApp, reference: string) {
  const response = await t.app.inject({ url: `${API}/${reference}`, headers: auth });
  assert.equal(response.statusCode, 200, response.body);
  valid('CaseDetail', response.json());
  return response.json<{
    replyByEmail: string;
    notes: Array<{ text: string; email: null | { sent: boolean; at: string; failure?: string } }>;
  }>();
}

const emailAudit = (t: TestApp) =>
  t.sql<{ action: string; target: string; detail: string }>(
    "SELECT action, target, detail FROM audit_log WHERE action = 'case.note.email' ORDER BY seq",
  );

for (const dialect of DIALECTS) {
  describe(`console: reply notes sent by email (${dialect})`, () => {
    const smtp: SmtpConfig = {
      host: '127.0.0.1',
      port: 0,
      security: 'none',
      user: undefined,
      password: undefined,
      from: FROM,
    };
    const received = smtpServer(smtp);
    const t = suiteApp(dialect, { smtp });

    it('sends the note to the visitor in the language they wrote in, the reference in the subject, and records it', async () => {
      const reference = await send(t, 'ar', { name: 'سارة', email: 'sara@example.sa', channel: 'email' });
      assert.equal((await read(t, reference)).replyByEmail, 'available');

      const text = 'شكرًا لك. صدر التصريح اليوم، ويمكنك تنزيله من حسابك.';
      const response = await note(t, reference, { text, sendEmail: true });
      assert.equal(response.statusCode, 201, response.body);
      valid('CaseNote', response.json());
      assert.equal(response.json().email.sent, true);
      assert.equal(response.json().email.failure, undefined);

      assert.equal(received.length, 1);
      const [mail] = received;
      assert.deepEqual(mail!.to, ['sara@example.sa']);
      assert.equal(mail!.from, 'noreply@example.gov.sa');
      assert.match(header(mail!.raw, 'From'), /<noreply@example\.gov\.sa>$/);
      assert.match(header(mail!.raw, 'From'), /وزارة الشؤون البلدية/);
      assert.equal(header(mail!.raw, 'Subject'), `ردّنا على رسالتك (الرقم المرجعي ${reference})`);
      assert.equal(header(mail!.raw, 'Content-Language'), 'ar');
      assert.match(header(mail!.raw, 'Content-Type'), /^text\/plain; charset=utf-8/i);
      assert.equal(bodyText(mail!.raw), `${text}\n\n-- \nهذا ردّ على ما أرسلته إلينا. الرقم المرجعي: ${reference}\n`);

      const [kept] = (await read(t, reference)).notes;
      assert.equal(kept!.text, text);
      assert.equal(kept!.email!.sent, true);
      assert.ok(Math.abs(Date.parse(kept!.email!.at) - Date.now()) < 60_000);
      const audit = (await emailAudit(t)).filter((row) => row.target === reference);
      assert.deepEqual(
        audit.map((row) => [row.action, JSON.parse(row.detail)]),
        [['case.note.email', { email: 'sent' }]],
      );
    });

    it('writes in English to a visitor who wrote in English', async () => {
      const reference = await send(t, 'en', { email: 'omar@example.com' });
      const before = received.length;
      const response = await note(t, reference, { text: 'Your permit was issued today.', sendEmail: true });
      assert.equal(response.statusCode, 201, response.body);
      const mail = received[before]!;
      assert.deepEqual(mail.to, ['omar@example.com']);
      assert.equal(header(mail.raw, 'Subject'), `Our reply to your message (reference ${reference})`);
      assert.equal(header(mail.raw, 'Content-Language'), 'en');
      assert.equal(
        bodyText(mail.raw),
        `Your permit was issued today.\n\n-- \nThis is a reply to what you sent us. Reference: ${reference}\n`,
      );
    });

    it('keeps the note and records the failure when the SMTP server refuses the message', async () => {
      const reference = await send(t, 'ar', { email: REFUSED });
      const before = received.length;
      const response = await note(t, reference, { text: 'ردّ لن يصل.', sendEmail: true });
      assert.equal(response.statusCode, 201, response.body);
      valid('CaseNote', response.json());
      assert.equal(response.json().email.sent, false);
      assert.match(response.json().email.failure, /550/);
      assert.equal(received.length, before, 'nothing was delivered');

      const [kept] = (await read(t, reference)).notes;
      assert.equal(kept!.text, 'ردّ لن يصل.', 'the note is kept');
      assert.equal(kept!.email!.sent, false);
      assert.match(kept!.email!.failure!, /550 .*Mailbox unavailable/);
      const audit = (await emailAudit(t)).filter((row) => row.target === reference);
      assert.deepEqual(
        audit.map((row) => JSON.parse(row.detail)),
        [{ email: 'failed' }],
      );
    });

    it('keeps no address in a recorded failure, and nothing of the failure once the contact details are erased', async () => {
      const failed = async () => {
        const reference = await send(t, 'ar', { email: REFUSED });
        const response = await note(t, reference, { text: 'ردّ لن يصل.', sendEmail: true });
        assert.equal(response.statusCode, 201, response.body);
        const failure = response.json<{ email: { failure: string } }>().email.failure;
        assert.match(failure, /550 5\.1\.1 <address removed>: Recipient address rejected: Mailbox unavailable/);
        assert.doesNotMatch(failure, /@|refused/i);
        assert.doesNotMatch((await noteEmail(reference)).email_failure!, /@|refused/i, 'as stored');
        return reference;
      };
      const noteEmail = async (reference: string) => {
        const [row] = await t.sql<{ email_status: string; email_failure: string | null }>(
          `SELECT n.email_status, n.email_failure FROM case_notes n JOIN submissions s ON s.id = n.submission_id WHERE s.reference = '${reference}'`,
        );
        return row!;
      };
      const erasedOnly = async (reference: string) => {
        assert.deepEqual(await noteEmail(reference), { email_status: 'failed', email_failure: null });
        const [kept] = (await read(t, reference)).notes;
        assert.equal(kept!.text, 'ردّ لن يصل.');
        assert.equal(kept!.email!.sent, false, 'the note still says the mail was not sent');
        assert.equal(kept!.email!.failure, undefined);
      };

      const closed = await failed();
      const closing = await t.app.inject({
        method: 'PATCH',
        url: `${API}/${closed}`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: JSON.stringify({ status: 'closed', eraseContact: true }),
      });
      assert.equal(closing.statusCode, 200, closing.body);
      await erasedOnly(closed);

      const byReference = await failed();
      assert.ok(await eraseContactOf(t.store, byReference, new Date()));
      await erasedOnly(byReference);

      const swept = await failed();
      const counts = await sweep(t.store, t.config.retention, new Date(Date.now() + 181 * 86_400_000));
      assert.ok(counts.contactErased.feedback! >= 1);
      await erasedOnly(swept);
    });

    it('sends nothing to contact details erased while the note was being stored, and says so with the note', async () => {
      // A store that lets an erasure commit after the address was checked, just before the note is stored.
      const opened = await openTestStore(dialect);
      let beforeNote: (() => Promise<unknown>) | undefined;
      const store = new Proxy(opened.store, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property, target);
          if (property === 'all')
            return async (statement: Statement) => {
              const hook = statement.sql.startsWith('INSERT INTO case_notes') ? beforeNote : undefined;
              if (hook) {
                beforeNote = undefined;
                await hook();
              }
              return target.all(statement);
            };
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      const app = await buildApp({ config: t.config, store, contract: contract() });
      const racing: TestApp = { ...opened, store, app, config: t.config, close: () => app.close() };
      try {
        const reference = await send(racing, 'ar', { email: 'layla@example.sa' });
        const before = received.length;
        beforeNote = () => eraseContactOf(store, reference, new Date());
        const response = await note(racing, reference, { text: 'ردّ بعد المحو.', sendEmail: true });
        assert.equal(response.statusCode, 201, response.body);
        assert.equal(beforeNote, undefined, 'the erasure came in between');
        assert.equal(received.length, before, 'nothing sent to the erased address');
        assert.equal(response.json().email.sent, false);
        assert.equal(response.json().email.failure, "Not sent: the visitor's contact details were erased.");
        assert.equal((await read(racing, reference)).replyByEmail, 'contact-erased');
      } finally {
        await app.close();
        await opened.drop();
      }
    });

    it('records a note without sending unless asked, and refuses to send without an address or once it is erased', async () => {
      const reference = await send(t, 'ar', { email: 'hind@example.sa' });
      const before = received.length;
      const plain = await note(t, reference, { text: 'اتصلنا بها هاتفيًا.' });
      assert.equal(plain.statusCode, 201);
      assert.equal(plain.json().email, null);
      assert.equal(received.length, before, 'not sent when not asked');

      const none = await send(t, 'ar');
      assert.equal((await read(t, none)).replyByEmail, 'no-email');
      const refused = await note(t, none, { text: 'لا عنوان.', sendEmail: true });
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().fieldErrors[0].field, 'sendEmail');
      assert.deepEqual((await read(t, none)).notes, [], 'a refused send stores no note');

      const closed = await t.app.inject({
        method: 'PATCH',
        url: `${API}/${reference}`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: JSON.stringify({ status: 'closed', eraseContact: true }),
      });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().replyByEmail, 'contact-erased');
      assert.equal((await stored(t, reference))!.data.contact, undefined);
      const late = await note(t, reference, { text: 'بعد المحو.', sendEmail: true });
      assert.equal(late.statusCode, 422);
      assert.match(late.json().fieldErrors[0].message, /erased/);
      assert.equal(received.length, before);
    });
  });

  describe(`console: reply notes without SMTP settings (${dialect})`, () => {
    const t = suiteApp(dialect);

    it('says the collector has no SMTP settings, and refuses to send', async () => {
      const reference = await send(t, 'ar', { email: 'sara@example.sa' });
      assert.equal((await read(t, reference)).replyByEmail, 'not-configured');
      const refused = await note(t, reference, { text: 'ردّ.', sendEmail: true });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.json().fieldErrors[0].message, /no SMTP settings/);
      assert.deepEqual((await read(t, reference)).notes, []);
    });
  });
}

describe('SMTP settings (EP_SMTP_*)', () => {
  const from = { EP_SMTP_HOST: 'smtp.example.gov.sa', EP_SMTP_FROM: 'noreply@example.gov.sa' };

  it('are off without a host, STARTTLS on port 587 by default, TLS on 465', () => {
    assert.equal(loadConfig({}).smtp, undefined);
    assert.deepEqual(loadConfig(from).smtp, {
      host: 'smtp.example.gov.sa',
      port: 587,
      security: 'starttls',
      user: undefined,
      password: undefined,
      from: 'noreply@example.gov.sa',
    });
    assert.equal(loadConfig({ ...from, EP_SMTP_SECURITY: 'tls' }).smtp!.port, 465);
    assert.equal(
      loadConfig({ ...from, EP_SMTP_PORT: '2525', EP_SMTP_USER: 'u', EP_SMTP_PASSWORD: 'p' }).smtp!.port,
      2525,
    );
  });

  it('refuse to start with a missing from address, half a sign-in, or an unknown security', () => {
    assert.throws(() => loadConfig({ EP_SMTP_HOST: 'smtp.example.gov.sa' }), /EP_SMTP_FROM/);
    assert.throws(() => loadConfig({ ...from, EP_SMTP_USER: 'u' }), /EP_SMTP_USER and EP_SMTP_PASSWORD/);
    assert.throws(() => loadConfig({ ...from, EP_SMTP_SECURITY: 'ssl' }), /EP_SMTP_SECURITY/);
    assert.throws(() => loadConfig({ ...from, EP_SMTP_PORT: '70000' }), /EP_SMTP_PORT/);
  });
});
