/**
 * A real SMTP server in the test process (smtp-server, by nodemailer's authors), for the tests of reply
 * notes sent by email: it keeps each message it accepts, as sent, and refuses one recipient the way a real
 * server refuses an unknown mailbox (550, its answer naming the address), so that a failed send is a real SMTP refusal. No TLS: the
 * collector talks to it with `security: 'none'`, on 127.0.0.1.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** The address it refuses. */
export const REFUSED_RECIPIENT = 'refused@example.sa';

export interface Delivered {
  /** The envelope's sender and recipients (MAIL FROM, RCPT TO). */
  from: string;
  to: string[];
  /** The message as received (headers and body), bytes read as Latin-1. */
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  delivered: Delivered[];
  close(): Promise<void>;
}

/** `delivered`: where to keep what it accepts (a new list when not given). */
export async function startSmtpServer(delivered: Delivered[] = []): Promise<TestSmtpServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address !== REFUSED_RECIPIENT) return callback();
      // As Postfix answers, naming the address it refused.
      const refusal = `5.1.1 <${address.address}>: Recipient address rejected: Mailbox unavailable`;
      return callback(Object.assign(new Error(refusal), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        delivered.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('latin1'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    delivered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
