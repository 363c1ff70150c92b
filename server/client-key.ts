/**
 * No raw address is stored or logged. A submission keeps only `client`: an HMAC of the sender's address
 * and the UTC day under that day's random key (privacy/day-keys.ts), cut to 16 hex digits. Within one
 * day, many submissions from one client can be told apart from many clients (spam, a stuck outbox). The
 * key is deleted when its day ends, so afterwards no one can recompute a hash from a guessed address:
 * a stored hash says nothing about who sent it.
 */
import { createHmac } from 'node:crypto';

export function clientKey(dayKey: Buffer, address: string | undefined, now: Date): string | null {
  if (!address) return null;
  const day = now.toISOString().slice(0, 10);
  return createHmac('sha256', dayKey).update(`${day} ${address}`).digest('hex').slice(0, 16);
}
