/**
 * The ideas to review (`#/ideas?state=pending&language=ar`): every idea sent with the idea box, and every
 * seeded one, newest first, filtered as the API filters them (the filters in the address), a page at a time
 * by the API's cursor, with the export of everything the filters find as CSV or JSON. A moderator reviews each one
 * where it is listed (idea-review.ts); after a save, focus goes to that idea's title, and the list shows it
 * as it now is. A viewer reads the list and is told what reviewing needs.
 */
import { localized, msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { api, ApiError, type Schemas } from './api.js';
import { ideaStatusName, REVIEW_STATES, reviewStateName } from './content-labels.js';
import type { FormError } from './error-summary.js';
import { count, moment } from './formats.js';
import { filterValues, type FilterField, type FilterValues } from './list-filters.js';
import { cursorPager, exportLinks } from './list-links.js';
import { href, navigate } from './router.js';
import { announce, ConsoleScreen } from './screen.js';
import { consoleStyles } from './styles.js';
import './idea-review.js';
import './list-filters.js';

type IdeaList = Schemas['AdminIdeaList'];
type AdminIdea = Schemas['AdminIdea'];

const PAGE_SIZE = 20;

/** Days as the API counts them, and as the pages screen shows them: in UTC; the times listed are the browser's. */
const utcDays = (): string => msg('A day in UTC (Riyadh time minus 3 hours); the times listed are in your time zone.');

const ideaFields = (): FilterField[] => [
  {
    name: 'state',
    label: msg('Shown to the public'),
    choices: [
      { value: '', label: msg('Any') },
      ...REVIEW_STATES.map((value) => ({ value, label: reviewStateName(value) })),
    ],
  },
  {
    name: 'language',
    label: msg('Written in'),
    choices: [
      { value: '', label: msg('Both languages') },
      { value: 'ar', label: msg('Arabic') },
      { value: 'en', label: msg('English') },
    ],
  },
  { name: 'from', label: msg('Received from (first day)'), type: 'date', hint: utcDays() },
  { name: 'to', label: msg('Received to (last day)'), type: 'date', hint: utcDays() },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What the API would refuse, caught at its field. */
function checkIdeaFilters({ from = '', to = '' }: FilterValues): FormError[] {
  const errors: FormError[] = [];
  if (from && !DAY.test(from)) errors.push({ field: 'from', text: msg('Enter the first day as a date') });
  if (to && !DAY.test(to)) errors.push({ field: 'to', text: msg('Enter the last day as a date') });
  else if (from && to && from > to)
    errors.push({ field: 'to', text: msg('The last day must be the same as or after the first day') });
  return errors;
}

@customElement('console-ideas')
@localized()
export class ConsoleIdeas extends ConsoleScreen<IdeaList> {
  static override styles = [
    ...consoleStyles,
    css`
      ol.ideas {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ol.ideas > li {
        border-block-end: 1px solid var(--_ep-color-border);
        padding-block-end: 1rem;
        margin-block-end: 1.5rem;
      }
      h3 {
        font-size: 1.15rem;
        margin-block: 0 0.75rem;
      }
    `,
  ];

  private get filters(): FilterValues {
    return filterValues(ideaFields(), this.params);
  }

  protected load(): Promise<IdeaList> {
    return api<IdeaList>('ideas', { query: { ...this.filters, after: this.cursor, limit: PAGE_SIZE } });
  }

  protected loadedText(list: IdeaList): string {
    return msg(str`${count(list.items.length)} ideas on this page`);
  }

  protected override problemOf(error: unknown): string {
    return error instanceof ApiError && error.status === 422
      ? msg('The collector refused these filters: check the days.')
      : super.problemOf(error);
  }

  override render() {
    return html`
      <h1 tabindex="-1">${msg('Ideas to review')}</h1>
      <p>
        ${msg(
          'Every idea sent with the idea box waits here until it is reviewed: published ideas are shown to the public with their status and the answer. Newest first.',
        )}
      </p>
      ${
        this.canChange
          ? nothing
          : html`<p class="muted">${msg('You can read the ideas; reviewing them needs the moderator role.')}</p>`
      }
      <console-list-filters .fields=${ideaFields()} .values=${this.filters} .check=${checkIdeaFilters}
        action=${msg('Show ideas')} @console-filters=${this.filter}></console-list-filters>
      ${exportLinks('ideas', this.filters, {
        csv: msg('Export these ideas as CSV'),
        json: msg('Export these ideas as JSON'),
      })}
      ${this.loadingState()} ${this.data ? this.list(this.data) : nothing}
    `;
  }

  private filter(event: CustomEvent<FilterValues>): void {
    navigate(href('/ideas', event.detail));
  }

  private list(list: IdeaList) {
    return html`
      <h2>${msg('Ideas, newest first')}</h2>
      ${
        list.items.length
          ? html`<ol class="ideas">
            ${list.items.map((idea, index) => this.idea(idea, index))}
          </ol>`
          : html`<p>${msg('No idea matches these filters.')}</p>`
      }
      ${cursorPager('/ideas', this.filters, this.cursor, list.next, msg('Pages of the ideas'))}
    `;
  }

  private idea(idea: AdminIdea, index: number) {
    // Written in the language of the idea box it came from (a seeded idea's is not known).
    const lang = idea.locale ?? undefined;
    return html`<li>
      <h3 id="idea-${index}" tabindex="-1" lang=${ifDefined(lang)} dir="auto">${idea.title}</h3>
      <dl class="facts">
        <dt>${msg('Received')}</dt>
        <dd>${moment(idea.receivedAt)}</dd>
        <dt>${msg('Reference')}</dt>
        <dd>
          ${idea.reference ? html`<span class="reference" dir="ltr">${idea.reference}</span>` : msg('None (a sample idea)')}
        </dd>
        <dt>${msg('Shown to the public')}</dt>
        <dd>${reviewStateName(idea.state)}</dd>
        <dt>${msg("The idea's status")}</dt>
        <dd>${ideaStatusName(idea.status)}</dd>
        ${idea.topic ? html`<dt>${msg('Topic')}</dt><dd lang=${ifDefined(lang)} dir="auto">${idea.topic.label}</dd>` : nothing}
        <dt>${msg('Supporters')}</dt>
        <dd>${count(idea.supports)}</dd>
      </dl>
      <blockquote class="written" lang=${ifDefined(lang)} dir="auto">${idea.description}</blockquote>
      ${
        idea.answer && !this.canChange
          ? html`<p><strong>${msg("The ministry's answer:")}</strong> <span dir="auto">${idea.answer.text}</span></p>`
          : nothing
      }
      ${
        this.canChange
          ? html`<console-idea-review .idea=${idea} @console-idea-reviewed=${(event: CustomEvent<AdminIdea>) => this.reviewed(event, index)}></console-idea-review>`
          : nothing
      }
    </li>`;
  }

  private async reviewed(event: CustomEvent<AdminIdea>, index: number): Promise<void> {
    if (!this.data) return;
    const items = [...this.data.items];
    items[index] = event.detail;
    this.data = { ...this.data, items };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#idea-${index}`)?.focus();
    announce(this, msg(str`The review of "${event.detail.title}" is saved.`));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-ideas': ConsoleIdeas;
  }
}
