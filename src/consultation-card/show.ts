/**
 * What the card shows of a consultation, part by part. Every text from the endpoint or the page is bound
 * as text (never HTML), isolated for direction and marked with its language when it is not the visitor's
 * (core/language/local-text.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { renderCounts } from '../core/language/counts.js';
import { blockText as block, inlineText as inline, textIn } from '../core/language/local-text.js';
import type { Locale } from '../core/language/locale.js';
import * as t from './messages.js';
import { STANCES, type Consultation, type Outcome, type Status } from './model.js';

/** How the card writes things now: its language, a day in both calendars, and its heading levels. */
export interface Shown {
  locale: Locale;
  day: (ms: number) => string;
  /** The level of the card's inner headings, and of the headings below them. */
  level: number;
  sublevel: number;
}

/** Bidi isolates around a name put into a sentence (a string cannot hold a `<bdi>`). */
const isolate = (text: string): string => `\u2068${text}\u2069`;

const dateOf = (ms: number, { day }: Shown): TemplateResult =>
  html`<time datetime=${new Date(ms).toISOString()}>${day(ms)}</time>`;

/** Type, department, level, and the two dates, as a list of terms. */
export function renderFacts(consultation: Consultation, shown: Shown): TemplateResult {
  const { type, department, level, opensAt, closesAt } = consultation;
  const fact = (term: string, value: TemplateResult | string, part: string) =>
    html`<div class="fact" part=${part}><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`<dl class="facts">
    ${type ? fact(t.type(), t.typeNames[type](), 'type') : nothing}
    ${department ? fact(t.department(), inline(department, shown.locale), 'department') : nothing}
    ${level ? fact(t.level(), t.levelNames[level](), 'level') : nothing}
    ${fact(t.openingDate(), dateOf(opensAt, shown), 'opens')} ${fact(t.closingDate(), dateOf(closesAt, shown), 'closes')}
  </dl>`;
}

/** The promise the ministry makes at this level of participation. */
export function renderPromise(consultation: Consultation): TemplateResult | typeof nothing {
  const { level } = consultation;
  return level
    ? html`<p class="promise" part="promise"><strong>${t.ourPromise()}:</strong> ${t.promises[level]()}</p>`
    : nothing;
}

/** "Open · Closes in 3 days": the status, and while it is not yet closed, the time until it opens or closes. */
export function renderStatus(status: Status, timeLeft: string | undefined): TemplateResult {
  return html`<p class="status-line">
    <span class=${`status ${status}`} part="status">${t.statusNames[status]()}</span>
    ${timeLeft ? html`<span class="time-left" part="time-left">${timeLeft}</span>` : nothing}
  </p>`;
}

/**
 * The draft documents; for a legal consultation, its page on Istitlaa, where the draft is commented on
 * (another site, and the link says so); and the full consultation where it lives, unless that is the same page.
 */
export function renderLinks(consultation: Consultation, shown: Shown): TemplateResult {
  const { documents, url, platform, istitlaaUrl } = consultation;
  const { locale } = shown;
  return html`${
    documents.length
      ? html`<div class="documents" part="documents">
          <div class="subheading" role="heading" aria-level=${shown.level}>${t.documents()}</div>
          <ul>
            ${documents.map(({ title, url: href }) => {
              const { text, lang } = textIn(title, locale);
              return html`<li><a href=${href} dir="auto" lang=${ifDefined(lang)}>${text}</a></li>`;
            })}
          </ul>
        </div>`
      : nothing
  }
    ${
      istitlaaUrl
        ? html`<p class="full-link"><a part="istitlaa-link" href=${istitlaaUrl} rel="external noopener">${t.onIstitlaa()}</a></p>`
        : nothing
    }
    ${
      url && url !== istitlaaUrl
        ? html`<p class="full-link"><a part="full-link" href=${url}>${platform ? t.fullConsultationOn(isolate(textIn(platform, locale).text)) : t.fullConsultation()}</a></p>`
        : nothing
    }`;
}

/** You said, we did: the promise, what was heard (and the counts), what was decided, when, and the report. */
export function renderOutcome(consultation: Consultation, outcome: Outcome, shown: Shown): TemplateResult {
  const { locale, sublevel } = shown;
  const { heard, decided, counts, url, publishedAt } = outcome;
  return html`<section class="outcome" part="outcome" aria-labelledby="outcome-title">
    <div id="outcome-title" class="subheading" role="heading" aria-level=${shown.level}>${t.outcomeTitle()}</div>
    <p class="hint">${t.publishedOn(shown.day(publishedAt))}</p>
    ${renderPromise(consultation)}
    ${
      heard || counts
        ? html`<div class="minor-heading" role="heading" aria-level=${sublevel}>${t.heard()}</div>
          ${heard ? block(heard, locale, 'heard') : nothing} ${
            counts
              ? html`<div class="minor-heading" role="heading" aria-level=${Math.min(sublevel + 1, 6)}>${t.viewsReceived()}</div>
                ${renderCounts(
                  STANCES.map((stance) => ({ label: t.stanceNames[stance](), count: counts[stance] })),
                  locale,
                )}`
              : nothing
          }`
        : nothing
    }
    ${
      decided
        ? html`<div class="minor-heading" role="heading" aria-level=${sublevel}>${t.decided()}</div>
          ${block(decided, locale, 'decided')}`
        : nothing
    }
    ${url ? html`<p><a part="report-link" href=${url}>${t.report()}</a></p>` : nothing}
  </section>`;
}
