/**
 * The panel's withdrawal codes and the keyed hashes that find a sign-up again. A sign-up's code is an HMAC
 * of its envelope id under a key the collector keeps (collector_keys), so that a repeat of the same
 * sign-up (a retry after a lost answer) is told the same code, and nothing stores the code itself: the
 * panel row holds its SHA-256. Contact details are matched by HMAC under the same key, never stored twice.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Store } from '../store/types.js';

/** Crockford's base 32: no I, L, O or U, so that a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/** `7k3m q9xr-2d4f` → `7K3MQ9XR2D4F`; I and L read as 1, O as 0 (Crockford's decoding). */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** The code of the sign-up with this envelope id: 60 bits, shown as three groups of four. */
export function withdrawalCode(key: Buffer, id: string): string {
  const digest = createHmac('sha256', key).update(`lab-withdrawal:${id}`).digest();
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[digest[i]! % 32];
  return code.match(/.{4}/g)!.join('-');
}

export const codeHash = (code: string): string => createHash('sha256').update(normalizeCode(code)).digest('hex');

/** The keyed hash of an email address (any case) or a mobile number (E.164), or null when not given. */
export function contactHash(key: Buffer, type: 'email' | 'mobile', value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const normal = type === 'email' ? value.trim().toLowerCase() : value.trim();
  return createHmac('sha256', key).update(`${type}:${normal}`).digest('hex');
}

/** The key, made by the first instance that needs it and then read by every instance (as DayKeys does). */
export class PanelKey {
  private key: Promise<Buffer> | undefined;

  constructor(private readonly store: Store) {}

  get(): Promise<Buffer> {
    if (!this.key) {
      this.key = this.load();
      // A failed read (database away) is not kept: the next submission tries again.
      this.key.catch(() => (this.key = undefined));
    }
    return this.key;
  }

  private async load(): Promise<Buffer> {
    await this.store.batch([
      {
        sql: "INSERT INTO collector_keys (name, key) VALUES ('lab-panel', ?) ON CONFLICT (name) DO NOTHING",
        params: [randomBytes(32).toString('hex')],
      },
    ]);
    const [row] = await this.store.all<{ key: string }>({
      sql: "SELECT key FROM collector_keys WHERE name = 'lab-panel'",
      params: [],
    });
    return Buffer.from(row!.key, 'hex');
  }
}
