/**
 * One id, one submission. The contract's `Uuid` (JSON Schema `format: uuid`) lets one UUID be spelt several
 * ways: any case, with or without a `urn:uuid:` prefix (in any case). The collector compares and stores ids
 * in one canonical spelling, so that every spelling of an id names the same submission; and it keeps a hash
 * of each envelope's canonical form, so that a repeat under a stored id can be told from another body.
 */
import { createHash } from 'node:crypto';

/** A UUID in any of the spellings the contract's `format: uuid` allows (as ajv-formats checks it). */
export const UUID_SPELLING = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

const URN_PREFIX = /^urn:uuid:/i;

/** `URN:UUID:3F2A…` → `3f2a…`: lower case, without the URN prefix. */
export function canonicalId(id: string): string {
  return id.replace(URN_PREFIX, '').toLowerCase();
}

/**
 * An id that may be a UUID or a name of our own (an idea's id is an envelope id, or a seeded slug): a UUID
 * in its canonical spelling, anything else as it is.
 */
export function canonicalIfUuid(id: string): string {
  return UUID_SPELLING.test(id) ? canonicalId(id) : id;
}

/**
 * A JSON value as one string whatever the order of its object keys: keys sorted by UTF-16 code units, no
 * white space, strings and numbers as `JSON.stringify` writes them. For the values a JSON body parses to,
 * this is RFC 8785's JSON Canonicalization Scheme.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 (hex) of an envelope's canonical JSON, its id in canonical spelling: what a repeat must match. */
export function bodyHash(envelope: { id: string } & Record<string, unknown>): string {
  return createHash('sha256')
    .update(canonicalJson({ ...envelope, id: canonicalId(envelope.id) }))
    .digest('hex');
}
