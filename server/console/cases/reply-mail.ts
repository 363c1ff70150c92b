/**
 * A reply note sent to the visitor by email, when the collector has SMTP settings (`EP_SMTP_*`, config.ts):
 * plain text in the language the visitor wrote in, from the ministry's address, its subject naming the
 * case's reference so that an answer to it can be found again. Nodemailer speaks SMTP; this file only says
 * what the message is and how long the collector waits for the server.
 */
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config.js';

export interface ReplyMail {
  to: string;
  /** The submission's language (`ar`, `en`). */
  locale: string;
  reference: string;
  text: string;
}

/** Sent, or why not (the SMTP server's answer, or the connection's failure), in a line the console shows. */
export type MailResult = { sent: true } | { sent: false; failure: string };

export interface ReplyMailer {
  send(mail: ReplyMail): Promise<MailResult>;
  close(): void;
}

const WORDS = {
  ar: {
    subject: (reference: string) => `ردّنا على رسالتك (الرقم المرجعي ${reference})`,
    footer: (reference: string) => `هذا ردّ على ما أرسلته إلينا. الرقم المرجعي: ${reference}`,
  },
  en: {
    subject: (reference: string) => `Our reply to your message (reference ${reference})`,
    footer: (reference: string) => `This is a reply to what you sent us. Reference: ${reference}`,
  },
};

/** The message as the visitor receives it: the note, then a line that names the reference. */
export function replyMessage({ to, locale, reference, text }: ReplyMail, from: string) {
  const words = locale === 'ar' ? WORDS.ar : WORDS.en;
  return {
    from,
    to,
    subject: words.subject(reference),
    text: `${text}\n\n-- \n${words.footer(reference)}\n`,
    headers: { 'Content-Language': locale === 'ar' ? 'ar' : 'en' },
  };
}

/** At most this long in the failure recorded with the note (an SMTP answer can run on). */
const MAX_FAILURE = 500;

/** What stands in the recorded failure where the server's answer named an address. */
const ADDRESS_REMOVED = '<address removed>';

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The failure as recorded with the note: the SMTP code and the server's words, without the recipient. A
 * refusal usually names the address it refused (Postfix: `550 5.1.1 <sara@example.sa>: Recipient address
 * rejected`), and the note outlives the contact details, so no address is kept: the recipient's, anything in
 * angle brackets with an `@`, and anything else shaped like an address.
 */
function failureOf(error: unknown, to: string): string {
  const { message, responseCode } = error as { message?: unknown; responseCode?: unknown };
  const text = typeof message === 'string' && message ? message : String(error);
  const coded =
    typeof responseCode === 'number' && !text.includes(String(responseCode)) ? `${responseCode} ${text}` : text;
  return coded
    .replace(/<[^<>]*@[^<>]*>/g, ADDRESS_REMOVED)
    .replace(new RegExp(escaped(to), 'gi'), ADDRESS_REMOVED)
    .replace(/[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g, ADDRESS_REMOVED)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_FAILURE);
}

export function replyMailer(smtp: SmtpConfig): ReplyMailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    ...(smtp.user === undefined ? {} : { auth: { user: smtp.user, pass: smtp.password } }),
    // A moderator waits for the answer: a server that does not answer is a failure told in seconds.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail(replyMessage(mail, smtp.from));
        return { sent: true };
      } catch (error) {
        return { sent: false, failure: failureOf(error, mail.to) };
      }
    },
    close: () => transport.close(),
  };
}
