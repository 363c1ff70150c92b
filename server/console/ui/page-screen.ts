/**
 * One page in detail: its answers week by week (a chart, then the table of its figures), the reasons visitors gave for yes and for no, its change
 * against the period before, and the comments they left. Every figure in a table.
 */
import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, type Schemas } from './api.js';
import { count, day, moment, percent } from './formats.js';
import { keptFilters, pathOf } from './page-link.js';
import { language } from './language.js';
import { href } from './router.js';
import { ConsoleScreen } from './screen.js';
import { shareChangesTable, type ShareChanges } from './share-changes.js';
import './trend-chart.js';

interface PageData {
  trend: Schemas['PageTrend'];
  reasons: Schemas['PageReasons'];
  changes: ShareChanges;
}

type Reason = Schemas['ReasonCount'];

@customElement('console-page-detail')
@localized()
export class ConsolePageDetail extends ConsoleScreen<PageData> {
  private get page(): string {
    return this.params.get('key') ?? '';
  }

  /** What the page's figures are read for: its days and language. */
  private get filters(): Record<string, string> {
    const value = (name: string) => this.params.get(name) ?? '';
    return { from: value('from'), to: value('to'), lang: value('lang') };
  }

  /** Every filter of the list this page was opened from, for the way back to it. */
  private get listFilters(): Record<string, string> {
    return keptFilters(Object.fromEntries(this.params));
  }

  protected async load(): Promise<PageData> {
    const { page, filters } = this;
    const path = new URL(page).pathname;
    const [trend, reasons, changes] = await Promise.all([
      api<Schemas['PageTrend']>('pages/trend', { query: { page, ...filters } }),
      api<Schemas['PageReasons']>('pages/reasons', { query: { page, ...filters, limit: 20 } }),
      api<ShareChanges>('pages/changes', { query: { ...filters, path, minAnswers: 1, limit: 200 } }),
    ]);
    return { trend, reasons, changes: { ...changes, items: changes.items.filter((item) => item.page === page) } };
  }

  protected loadedText({ trend }: PageData): string {
    return msg(str`${count(trend.weeks.length)} weeks of answers`);
  }

  override render() {
    return html`
      <p><a href=${href('/pages', this.listFilters)}>${msg('Back to all pages')}</a></p>
      <h1 tabindex="-1">
        ${msg('What visitors say about')} <span class="url" dir="ltr">${pathOf(this.page)}</span>
      </h1>
      <p class="muted"><span class="url" dir="ltr">${this.page}</span></p>
      ${
        this.canChange
          ? html`<p><a href=${href('/note', { page: this.page })}>${msg('Write a "what we changed" note for this page')}</a></p>`
          : nothing
      }
      ${this.loadingState()} ${this.data ? this.tables(this.data) : nothing}
    `;
  }

  private tables({ trend, reasons, changes }: PageData) {
    return html`
      <h2>${msg('Answers week by week')}</h2>
      ${
        trend.weeks.length
          ? html`<console-trend-chart
              .weeks=${trend.weeks}
              label=${msg(
                str`Chart of the answers per week and the share that found the page useful, from ${day(trend.weeks[0]!.start)} to ${day(trend.weeks.at(-1)!.start)}. The table "Answers per week" below gives the same figures.`,
              )}
            ></console-trend-chart>
            <div class="table-wrap">
            <table>
              <caption>
                ${msg('Answers per week (weeks start on Monday)')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Week starting')}</th>
                  <th scope="col" class="number">${msg('Answers')}</th>
                  <th scope="col" class="number">${msg('Yes')}</th>
                  <th scope="col" class="number">${msg('No')}</th>
                  <th scope="col" class="number">${msg('Found it useful')}</th>
                </tr>
              </thead>
              <tbody>
                ${trend.weeks.map(
                  (week) => html`<tr>
                    <th scope="row">${day(week.start)}</th>
                    <td class="number">${count(week.total)}</td>
                    <td class="number">${count(week.yes)}</td>
                    <td class="number">${count(week.no)}</td>
                    <td class="number">${percent(week.share)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : html`<p>${msg('No answers in this period.')}</p>`
      }
      <h2>${msg('Change since the period before')}</h2>
      ${
        changes.items.length
          ? shareChangesTable(
              changes,
              msg('The share of useful answers, this period and the one before'),
              this.listFilters,
            )
          : html`<p>${msg('This page had no answers in one of the two periods.')}</p>`
      }
      <h2>${msg('Why visitors answered')}</h2>
      ${this.reasonsTable(reasons.yes, msg('Reasons given with "yes"'))}
      ${this.reasonsTable(reasons.no, msg('Reasons given with "no"'))}
      <h2>${msg('Comments')}</h2>
      ${this.comments(reasons.comments)}
    `;
  }

  private reasonsTable(reasons: Reason[], caption: string) {
    if (!reasons.length) return html`<p>${caption}: ${msg('none given.')}</p>`;
    // The label in the console's language when visitors saw one in it; else the one they saw, marked as such.
    const label = (reason: Reason) => {
      const own = reason.labels[language()];
      if (own !== undefined) return own;
      const [lang, text] = Object.entries(reason.labels)[0] ?? [];
      return text === undefined ? reason.code : html`<span lang=${lang!}>${text}</span>`;
    };
    return html`<div class="table-wrap">
      <table>
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Reason')}</th>
            <th scope="col" class="number">${msg('Times given')}</th>
          </tr>
        </thead>
        <tbody>
          ${reasons.map(
            (reason) => html`<tr>
              <th scope="row">${label(reason)}</th>
              <td class="number">${count(reason.count)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private comments(comments: Schemas['PageReasons']['comments']) {
    if (!comments.items.length) return html`<p>${msg('No comments in this period.')}</p>`;
    return html`<div class="table-wrap">
      <table>
        <caption>
          ${msg(str`The ${count(comments.items.length)} newest of ${count(comments.total)} comments`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Received')}</th>
            <th scope="col">${msg('Answer')}</th>
            <th scope="col">${msg('Comment')}</th>
          </tr>
        </thead>
        <tbody>
          ${comments.items.map(
            (comment) => html`<tr>
              <td>${moment(comment.receivedAt)}</td>
              <td>${comment.answer === 'yes' ? msg('Yes') : msg('No')}</td>
              <td lang=${comment.locale} dir="auto">${comment.comment}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-page-detail': ConsolePageDetail;
  }
}
