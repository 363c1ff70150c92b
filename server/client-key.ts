/**
 * No raw address is stored or logged. A submission keeps only `client`: an HMAC of the sender's address
 * and the UTC day under the collector's secret, cut to 16 hex digits. Within one day, many submissions
 * from one client can be told apart from many clients (spam, a stuck outbox); across days, or without the
 * secret, the hash says nothing, and the address cannot be recovered from it.
 */
import { createHmac } from 'node:crypto';

export function clientKey(secret: Buffer, address: string | undefined, now: Date): string | null {
  if (!address) return null;
  const day = now.toISOString().slice(0, 10);
  return createHmac('sha256', secret).update(`${day} ${address}`).digest('hex').slice(0, 16);
}
