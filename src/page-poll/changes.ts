/**
 * "What we changed": the page's latest note from the collector (`GET {endpoint}/changes?page=`), shown with
 * the thanks. Loaded with after-vote.ts, so the question's first load carries none of it. The note is a
 * courtesy: when there is none, or it cannot be read or used, nothing is shown and nothing is said.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isRecord } from '../core/delivery/read-json.js';
import { calendarDates, SAUDI_TIME_ZONE } from '../core/language/dates.js';
import type { Locale } from '../core/language/locale.js';
import * as t from './messages.js';

export interface ChangeNote {
  /** The day of the change, `YYYY-MM-DD`. */
  date: string;
  text: Record<Locale, string>;
  /** Only ever an http(s) URL: anything else (`javascript:`, say) is dropped. */
  link?: string | undefined;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return /^https?:$/.test(new URL(value).protocol) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The note of a `/changes` answer, or null when the page has none; undefined for an answer that is not one
 * (the read then counts as failed, and shows nothing either).
 */
export function parseChanges(body: unknown): ChangeNote | null | undefined {
  if (!isRecord(body) || !('note' in body)) return undefined;
  const { note } = body;
  if (note === null) return null;
  if (!isRecord(note) || !isRecord(note.text) || typeof note.date !== 'string') return undefined;
  const { date, text, link } = note;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)) || !isText(text.ar) || !isText(text.en))
    return undefined;
  return { date, text: { ar: text.ar, en: text.en }, link: httpUrl(link) };
}

/**
 * The note as a region with a heading at `level` (see AfterVote.renderChanges). Its words are bound as text,
 * never as HTML. Not in the live region: it is read after the thanks, which take focus.
 */
export function renderChanges(
  note: ChangeNote | null | undefined,
  locale: Locale,
  level: number,
): TemplateResult | typeof nothing {
  if (!note) return nothing;
  // Midday UTC is the same day in Riyadh, so the day shown is the day given.
  const { gregorian, hijri } = calendarDates(Date.parse(`${note.date}T12:00:00Z`), locale, SAUDI_TIME_ZONE);
  return html`<section class="changes" part="changes" aria-labelledby="changes-heading">
    <div id="changes-heading" class="changes-heading" part="changes-heading" role="heading" aria-level=${level}>${t.whatWeChanged()}</div>
    <p class="hint"><time datetime=${note.date}>${t.changedOn(gregorian, hijri)}</time></p>
    <p>${note.text[locale]}</p>
    ${note.link ? html`<p><a href=${note.link} part="changes-link">${t.changesMore()}</a></p>` : nothing}
  </section>`;
}
