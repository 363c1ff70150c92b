/**
 * A consultation as the card uses it, checked before anything from the endpoint (or the page) reaches the
 * visitor: the JSON shape of `GET {endpoint}/consultations/{id}` (see src/core/delivery/paths.ts), and its status at
 * a given time. Its text is local text (core/language/local-text.ts): one string, or one per language.
 */
import { isCount, isoTime as time, webUrl } from '../core/delivery/checked.js';
import { localText as text, type LocalText } from '../core/language/local-text.js';
import { isRecord } from '../core/delivery/read-json.js';

export type { LocalText };

/** The ministry's five levels of participation, each with its promise (see messages.ts). */
export const LEVELS = ['awareness', 'consultation', 'inclusion', 'collaboration', 'empowerment'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * The E-Participation Statement's two types of consultation: `legal` on draft regulations and laws (every
 * one is on the unified platform Istitlaa), `non-legal` on policies, strategies and other initiatives.
 */
export const TYPES = ['legal', 'non-legal'] as const;
export type ConsultationType = (typeof TYPES)[number];

export const STANCES = ['support', 'neutral', 'oppose'] as const;
export type Stance = (typeof STANCES)[number];

/** `outcome`: closed, and what was heard and decided is published. */
export type Status = 'upcoming' | 'open' | 'closed' | 'outcome';

/** What a consultation's JSON and the card's model of it hold alike. */
interface ConsultationFacts {
  title: LocalText;
  summary?: LocalText;
  department?: LocalText;
  type?: ConsultationType;
  /** A legal consultation's page on Istitlaa, where the draft is read and commented on (only read with `type: 'legal'`). */
  istitlaaUrl?: string;
  level?: Level;
  participants?: number;
  /** The full consultation, when it lives elsewhere (the unified platform Istitlaa, say). */
  url?: string;
  /** The name of the place `url` leads to. */
  platform?: LocalText;
}

/**
 * The JSON a collector returns for `GET {endpoint}/consultations/{id}`, and what a page may give as the
 * card's `consultation` property. Times are ISO 8601 with their offset (`2026-12-01T00:00:00+03:00`).
 */
export interface ConsultationJson extends ConsultationFacts {
  id?: string;
  opensAt: string;
  closesAt: string;
  documents?: { title: LocalText; url: string }[];
  outcome?: {
    publishedAt: string;
    heard?: LocalText;
    decided?: LocalText;
    counts?: Record<Stance, number>;
    url?: string;
  };
}

export interface DocumentLink {
  title: LocalText;
  url: string;
}

export interface Outcome {
  /** When it was published (ms since the epoch). */
  publishedAt: number;
  /** What was heard: a summary of the views. */
  heard?: LocalText | undefined;
  /** What was decided. */
  decided?: LocalText | undefined;
  /** Views received, by stance. */
  counts?: Record<Stance, number> | undefined;
  /** The full report. */
  url?: string | undefined;
}

export interface Consultation extends ConsultationFacts {
  id: string;
  /** Opening and closing times (ms since the epoch); views are taken from the first until the second. */
  opensAt: number;
  closesAt: number;
  documents: DocumentLink[];
  outcome?: Outcome;
}

function outcomeOf(value: unknown): Outcome | undefined {
  if (!isRecord(value)) return undefined;
  const publishedAt = time(value.publishedAt);
  const counts = value.counts;
  return publishedAt === undefined
    ? undefined
    : {
        publishedAt,
        heard: text(value.heard),
        decided: text(value.decided),
        url: webUrl(value.url),
        counts:
          isRecord(counts) && STANCES.every((stance) => isCount(counts[stance]))
            ? (counts as Record<Stance, number>)
            : undefined,
      };
}

/**
 * A consultation, or undefined when `body` lacks what a card cannot do without: a title, and an opening
 * and a closing time in that order. Anything else that is malformed is left out (a document without a web
 * address, a level or a type the ministry does not name, counts that are not whole numbers), never shown
 * half-read. A link to Istitlaa is kept only for a legal consultation: no other kind is consulted on there.
 */
export function parseConsultation(body: unknown, fallbackId = ''): Consultation | undefined {
  if (!isRecord(body)) return undefined;
  const title = text(body.title);
  const opensAt = time(body.opensAt);
  const closesAt = time(body.closesAt);
  if (!title || opensAt === undefined || closesAt === undefined || closesAt < opensAt) return undefined;
  const type = TYPES.find((known) => known === body.type);
  return {
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
    summary: text(body.summary),
    department: text(body.department),
    type,
    istitlaaUrl: type === 'legal' ? webUrl(body.istitlaaUrl) : undefined,
    level: LEVELS.find((level) => level === body.level),
    participants: isCount(body.participants) ? body.participants : undefined,
    url: webUrl(body.url),
    platform: text(body.platform),
    outcome: outcomeOf(body.outcome),
  };
}

/** Where the consultation stands at `now`. An outcome counts only once it has closed. */
export function statusOf({ opensAt, closesAt, outcome }: Consultation, now: number): Status {
  if (now < opensAt) return 'upcoming';
  if (now < closesAt) return 'open';
  return outcome ? 'outcome' : 'closed';
}
