/**
 * Console passwords, hashed with scrypt from node:crypto (no native dependency to build). The parameters
 * travel with the hash (`scrypt$N$r$p$salt$hash`), so that raising them later leaves old hashes readable.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** OWASP's scrypt minimum (N=2^17, r=8, p=1): about 128 MiB and a tenth of a second per hash. */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }): Promise<Buffer> {
  // Room for the memory N and r ask for (128 * N * r bytes), and a little more.
  const scryptOptions: ScryptOptions = { ...options, maxmem: 129 * options.N * options.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, scryptOptions, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(
  password: string,
  options: { N: number; r: number; p: number } = SCRYPT,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, options);
  return ['scrypt', options.N, options.r, options.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` is the one `stored` was made from; false for any stored text not in this form. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const given = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Verified against when the account does not exist, so that an unknown name costs as long as a known one. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

/** A password the console accepts: long enough to resist guessing offline, short enough to hash quickly. */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < 12) return 'The password must be at least 12 characters.';
  if (password.length > 1024) return 'The password must be at most 1,024 characters.';
  return undefined;
}
