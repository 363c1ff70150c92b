/**
 * Migration 0003's second half, in code: the body hash of every row stored before hashes were kept, so that
 * a repeat of an old submission is compared like a new one. A stored row holds its whole envelope as it
 * arrived (the columns below and `data`, which JSON and JSONB give back as the same values), so the hash
 * computed from it is the one its receipt would have kept. It runs after the migration's SQL has merged the
 * spellings of each id, in the same transaction, before any contact detail can have been erased.
 */
import { bodyHash } from '../canonical.js';

/** The rows without a hash after a `seq`, a batch at a time (the cursor keeps each read short). */
export const ROWS_WITHOUT_HASH =
  'SELECT seq, id, kind, page_url, page_title, page_lang, locale, submitted_at, privacy_notice, data FROM submissions WHERE seq > ? AND body_hash IS NULL ORDER BY seq LIMIT 1000';

export const SET_HASH = 'UPDATE submissions SET body_hash = ? WHERE seq = ?';

/** PostgreSQL: a whole batch in one statement (one round trip instead of one per row). */
export const SET_HASHES_PG =
  'UPDATE submissions SET body_hash = batch.hash FROM unnest($1::text[], $2::bigint[]) AS batch (hash, seq) WHERE submissions.seq = batch.seq';

export interface StoredEnvelopeRow {
  seq: number | string;
  id: string;
  kind: string;
  page_url: string;
  page_title: string;
  page_lang: string;
  locale: string;
  submitted_at: string;
  privacy_notice: string;
  /** SQLite gives the JSON text, PostgreSQL the parsed JSONB. */
  data: unknown;
}

/** `[hash, seq]`: SET_HASH's parameters for a stored row. */
export function hashOfRow(row: StoredEnvelopeRow): [string, number | string] {
  const envelope = {
    id: row.id,
    kind: row.kind,
    page: { url: row.page_url, title: row.page_title, lang: row.page_lang },
    locale: row.locale,
    submittedAt: row.submitted_at,
    privacyNotice: row.privacy_notice,
    data: typeof row.data === 'string' ? (JSON.parse(row.data) as unknown) : row.data,
  };
  return [bodyHash(envelope), row.seq];
}

/** The migration whose SQL this backfill completes (0003_one_id_one_submission). */
export const BACKFILLED_AT = 3;
