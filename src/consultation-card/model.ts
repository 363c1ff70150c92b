/**
 * A consultation as the card uses it, checked before anything from the endpoint (or the page) reaches the
 * visitor: the JSON shape of `GET {endpoint}/consultations/{id}` (see src/core/paths.ts), its status at a
 * given time, and its text in the visitor's language.
 */
import type { Locale } from '../core/locale.js';
import { isRecord } from '../core/read-json.js';

/** The ministry's five levels of participation, each with its promise (see messages.ts). */
export const LEVELS = ['awareness', 'consultation', 'inclusion', 'collaboration', 'empowerment'] as const;
export type Level = (typeof LEVELS)[number];

export const STANCES = ['support', 'neutral', 'oppose'] as const;
export type Stance = (typeof STANCES)[number];

/** `outcome`: closed, and what was heard and decided is published. */
export type Status = 'upcoming' | 'open' | 'closed' | 'outcome';

/** Text from the endpoint: one string for every language, or one per language (`{ "ar": "…", "en": "…" }`). */
export type LocalText = string | Partial<Record<Locale, string>>;

/**
 * The JSON a collector returns for `GET {endpoint}/consultations/{id}`, and what a page may give as the
 * card's `consultation` property. Times are ISO 8601 with their offset (`2026-12-01T00:00:00+03:00`).
 */
export interface ConsultationJson {
  id?: string;
  title: LocalText;
  summary?: LocalText;
  department?: LocalText;
  level?: Level;
  opensAt: string;
  closesAt: string;
  participants?: number;
  documents?: { title: LocalText; url: string }[];
  url?: string;
  platform?: LocalText;
  outcome?: { publishedAt: string; heard?: LocalText; decided?: LocalText; counts?: Record<Stance, number>; url?: string };
}

export interface DocumentLink {
  title: LocalText;
  url: string;
}

export interface Outcome {
  /** When it was published (ms since the epoch). */
  publishedAt: number;
  /** What was heard: a summary of the views. */
  heard?: LocalText;
  /** What was decided. */
  decided?: LocalText;
  /** Views received, by stance. */
  counts?: Record<Stance, number>;
  /** The full report. */
  url?: string;
}

export interface Consultation {
  id: string;
  title: LocalText;
  summary?: LocalText;
  department?: LocalText;
  level?: Level;
  /** Opening and closing times (ms since the epoch); views are taken from the first until the second. */
  opensAt: number;
  closesAt: number;
  participants?: number;
  documents: DocumentLink[];
  /** The full consultation, when it lives elsewhere (the unified platform Istitlaa, say). */
  url?: string;
  /** The name of the place `url` leads to. */
  platform?: LocalText;
  outcome?: Outcome;
}

function text(value: unknown): LocalText | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined;
  if (!isRecord(value)) return undefined;
  const kept: Partial<Record<Locale, string>> = {};
  for (const locale of ['en', 'ar'] as const) {
    const item = value[locale];
    if (typeof item === 'string' && item.trim()) kept[locale] = item;
  }
  return kept.en || kept.ar ? kept : undefined;
}

function time(value: unknown): number | undefined {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Only web addresses: a `javascript:` or `data:` URL from the endpoint never becomes a link. */
function webUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Sets `key` on `target` only when there is a value (the types are exact: no key holds `undefined`). */
function put<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function outcomeOf(value: unknown): Outcome | undefined {
  if (!isRecord(value)) return undefined;
  const publishedAt = time(value.publishedAt);
  if (publishedAt === undefined) return undefined;
  const outcome: Outcome = { publishedAt };
  put(outcome, 'heard', text(value.heard));
  put(outcome, 'decided', text(value.decided));
  put(outcome, 'url', webUrl(value.url));
  const counts = value.counts;
  if (isRecord(counts) && STANCES.every((stance) => isCount(counts[stance]))) {
    outcome.counts = { support: counts.support as number, neutral: counts.neutral as number, oppose: counts.oppose as number };
  }
  return outcome;
}

/**
 * A consultation, or undefined when `body` lacks what a card cannot do without: a title, and an opening
 * and a closing time in that order. Anything else that is malformed is left out (a document without a web
 * address, a level the ministry does not name, counts that are not whole numbers), never shown half-read.
 */
export function parseConsultation(body: unknown, fallbackId = ''): Consultation | undefined {
  if (!isRecord(body)) return undefined;
  const title = text(body.title);
  const opensAt = time(body.opensAt);
  const closesAt = time(body.closesAt);
  if (!title || opensAt === undefined || closesAt === undefined || closesAt < opensAt) return undefined;
  const consultation: Consultation = {
    id: typeof body.id === 'string' && body.id ? body.id : fallbackId,
    title,
    opensAt,
    closesAt,
    documents: (Array.isArray(body.documents) ? body.documents : []).flatMap((item: unknown) => {
      if (!isRecord(item)) return [];
      const url = webUrl(item.url);
      const name = text(item.title);
      return url && name ? [{ title: name, url }] : [];
    }),
  };
  put(consultation, 'summary', text(body.summary));
  put(consultation, 'department', text(body.department));
  put(consultation, 'level', LEVELS.find((level) => level === body.level));
  put(consultation, 'participants', isCount(body.participants) ? body.participants : undefined);
  put(consultation, 'url', webUrl(body.url));
  put(consultation, 'platform', text(body.platform));
  put(consultation, 'outcome', outcomeOf(body.outcome));
  return consultation;
}

/** Where the consultation stands at `now`. An outcome counts only once it has closed. */
export function statusOf({ opensAt, closesAt, outcome }: Consultation, now: number): Status {
  if (now < opensAt) return 'upcoming';
  if (now < closesAt) return 'open';
  return outcome ? 'outcome' : 'closed';
}

/**
 * The text in `locale`, else in the other language, with the language it is in when that differs (so it
 * can be marked `lang`, and read with the right voice).
 */
export function textIn(value: LocalText, locale: Locale): { text: string; lang?: Locale } {
  if (typeof value === 'string') return { text: value };
  const own = value[locale];
  if (own) return { text: own };
  const other: Locale = locale === 'ar' ? 'en' : 'ar';
  return { text: value[other] ?? '', lang: other };
}
