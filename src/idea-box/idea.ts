/**
 * One published idea as the visitor sees it: its title, topic, status and date, a short excerpt that opens
 * to the whole text, the ministry's answer ("What we did") when there is one, and the support toggle.
 * Everything from the collector is rendered as text (never HTML) and in its own direction (`dir="auto"`,
 * `<bdi>`), so an English title on an Arabic page, or a number in Arabic text, reads right.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { choiceLabel, type Choice } from '../core/fields/choices.js';
import { formatDate } from '../core/language/dates.js';
import { renderExpandable } from '../core/a11y/expandable-text.js';
import type { Locale } from '../core/language/locale.js';
import type { Idea } from './ideas.js';
import * as t from './messages.js';
import { statusLabel } from './model.js';

/** Characters of a description shown before "Read more". */
const EXCERPT = 200;

const time = (date: Date, locale: Locale, say = (text: string) => text): TemplateResult =>
  html`<time datetime=${date.toISOString()}>${say(formatDate(date, locale))}</time>`;

export interface IdeaView {
  /** Level of the idea's title; "What we did" is one below. */
  level: number;
  locale: Locale;
  /** The page's topics, which name a topic the collector gives by its code. */
  topics: readonly Choice[];
  expanded: boolean;
  support: TemplateResult;
}

/** One idea. `key` (its place in the list) makes its ids; the list listens for clicks on `data-expand`. */
export function renderIdea(idea: Idea, key: string, view: IdeaView): TemplateResult {
  const { level, locale } = view;
  const topic = idea.topic && (view.topics.find((choice) => choice.code === idea.topic!.code) ?? idea.topic);
  const answer = idea.answer;
  return html`<article part="idea" aria-labelledby=${`${key}-title`}>
    <div id=${`${key}-title`} class="subtitle" part="idea-title" role="heading" aria-level=${level} tabindex="-1" dir="auto">${idea.title}</div>
    <dl class="meta">
      ${topic ? html`<div><dt>${t.topicLabel()}</dt><dd><bdi>${choiceLabel(topic, locale)}</bdi></dd></div>` : nothing}
      ${
        idea.status
          ? html`<div><dt>${t.statusTerm()}</dt><dd><span class="status" part=${`status status-${idea.status}`}>${statusLabel(idea.status)}</span></dd></div>`
          : nothing
      }
      ${idea.publishedAt ? html`<div><dt>${t.publishedTerm()}</dt><dd>${time(idea.publishedAt, locale)}</dd></div>` : nothing}
    </dl>
    ${
      idea.description
        ? renderExpandable({
            id: `${key}-text`,
            text: idea.description,
            max: EXCERPT,
            expanded: view.expanded,
            key: idea.id,
            about: idea.title,
          })
        : nothing
    }
    ${
      answer
        ? html`<div class="answer" part="answer">
          <div class="subtitle" role="heading" aria-level=${Math.min(level + 1, 6)}>${t.answerTitle()}</div>
          ${answer.at ? html`<p class="hint">${time(answer.at, locale, t.answeredOn)}</p>` : nothing}
          ${answer.from && answer.to ? html`<p>${t.statusChange(statusLabel(answer.from), statusLabel(answer.to))}</p>` : nothing}
          <p class="expandable" dir="auto">${answer.text}</p>
        </div>`
        : nothing
    }
    ${view.support}
  </article>`;
}
