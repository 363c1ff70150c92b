/**
 * A page of published ideas as the collector sends it (`GET {endpoint}/ideas`, see core/delivery/paths.ts), checked
 * before anything reaches the page: a body that is not a page is refused whole; an idea without an id or a
 * title is left out; a field of the wrong type is dropped (an odd status or date is not shown), never trusted.
 */
import type { Choice } from '../core/fields/choices.js';
import { countOf, dateOf, textOf } from '../core/delivery/read-fields.js';
import { isRecord } from '../core/delivery/read-json.js';
import { STATUSES, type Status } from './model.js';

export interface Answer {
  text: string;
  at?: Date | undefined;
  from?: Status | undefined;
  to?: Status | undefined;
}

export interface Idea {
  id: string;
  title: string;
  description: string;
  /** A topic by its code (named from the page's topics), or with its own label. */
  topic?: Choice | undefined;
  /** Supporters, as shown: the collector's count, with this visitor's changes it has not counted yet. */
  supports: number;
  status?: Status | undefined;
  publishedAt?: Date | undefined;
  answer?: Answer | undefined;
}

export interface IdeaPage {
  items: Idea[];
  /** Opaque cursor of the next page; none on the last one. */
  next?: string | undefined;
  /** How many ideas match, when the collector says. */
  total?: number | undefined;
}

const statusOf = (value: unknown): Status | undefined =>
  STATUSES.includes(value as Status) ? (value as Status) : undefined;

function topicOf(value: unknown): Choice | undefined {
  const own = isRecord(value) ? value : { code: value, label: value };
  const code = textOf(own.code);
  return code
    ? { code, label: typeof own.label === 'string' || isRecord(own.label) ? (own.label as Choice['label']) : code }
    : undefined;
}

function ideaOf(value: unknown): Idea | undefined {
  if (!isRecord(value)) return undefined;
  const id = textOf(value.id);
  const title = textOf(value.title);
  const answer = isRecord(value.answer) ? value.answer : {};
  const said = textOf(answer.text);
  return id && title
    ? {
        id,
        title,
        description: textOf(value.description) ?? '',
        topic: topicOf(value.topic),
        supports: countOf(value.supports) ?? 0,
        status: statusOf(value.status),
        publishedAt: dateOf(value.publishedAt),
        answer: said
          ? { text: said, at: dateOf(answer.at), from: statusOf(answer.from), to: statusOf(answer.to) }
          : undefined,
      }
    : undefined;
}

/** A page, or undefined when the body is not one. */
export function parsePage(body: unknown): IdeaPage | undefined {
  if (!isRecord(body) || !Array.isArray(body.items)) return undefined;
  return {
    items: body.items.map(ideaOf).filter((idea) => idea !== undefined),
    next: textOf(body.next),
    total: countOf(body.total),
  };
}
