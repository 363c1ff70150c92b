/**
 * "What visitors are telling us": pages ranked by the 95% Wilson interval of their yes share, as the API
 * ranks them (least useful first by the upper bound, most useful first by the lower bound), with their
 * service (when the deployment names services) and answers, and the whole ranking as CSV or JSON; the
 * filters the API takes; and the biggest changes since the period before.
 */
import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, type Schemas } from './api.js';
import { count, percent } from './formats.js';
import { language } from './language.js';
import { exportLinks } from './list-links.js';
import { filtersOf, type Filters, type Service } from './page-filters.js';
import { pageLink } from './page-link.js';
import { href, navigate } from './router.js';
import { ConsoleScreen } from './screen.js';
import { shareChangesTable, type ShareChanges } from './share-changes.js';
import './page-filters.js';

const PAGE_SIZE = 50;

interface PagesData {
  ranking: Schemas['PageRanking'];
  changes: ShareChanges;
}

@customElement('console-pages')
@localized()
export class ConsolePages extends ConsoleScreen<PagesData> {
  /** The services the filters offer, kept while the next ranking loads. */
  @state() private services: Service[] = [];

  private get filters(): Filters {
    return filtersOf(this.params);
  }

  private get offset(): number {
    const offset = Number(this.params.get('offset'));
    return Number.isInteger(offset) && offset > 0 ? offset : 0;
  }

  protected async load(): Promise<PagesData> {
    const { from, to, lang, service, path, order } = this.filters;
    const [ranking, changes, services] = await Promise.all([
      api<Schemas['PageRanking']>('pages', {
        query: { from, to, lang, service, path, order, limit: PAGE_SIZE, offset: this.offset },
      }),
      api<ShareChanges>('pages/changes', { query: { from, to, lang, service, path, limit: 10 } }),
      api<Schemas['ConsoleServices']>('services'),
    ]);
    this.services = services.items;
    return { ranking, changes };
  }

  protected loadedText({ ranking }: PagesData): string {
    return msg(str`${count(ranking.total)} pages`);
  }

  override render() {
    return html`
      <h1 tabindex="-1">${msg('What visitors are telling us')}</h1>
      <p>
        ${msg(
          'Each page with the share of visitors who found it useful, and the 95% interval around that share: the fewer the answers, the wider the interval, so a page with few answers tops neither list.',
        )}
      </p>
      <console-page-filters
        .filters=${this.filters}
        .services=${this.services}
        @console-filters=${this.filter}
      ></console-page-filters>
      ${this.loadingState()} ${this.data ? this.tables(this.data) : nothing}
    `;
  }

  private filter(event: CustomEvent<Filters>): void {
    navigate(href('/pages', event.detail));
  }

  private tables({ ranking, changes }: PagesData) {
    const { filters, services } = this;
    const caption =
      ranking.order === 'least-useful'
        ? msg('Pages, least useful first (by the upper bound of the 95% interval)')
        : msg('Pages, most useful first (by the lower bound of the 95% interval)');
    const first = ranking.items.length ? ranking.offset + 1 : 0;
    const last = ranking.offset + ranking.items.length;
    return html`
      <h2>${msg('Pages')}</h2>
      <p>${msg(str`Pages ${count(first)} to ${count(last)} of ${count(ranking.total)}.`)}</p>
      ${
        ranking.items.length
          ? html`<div class="table-wrap">
            <table>
              <caption>
                ${caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Page')}</th>
                  ${services.length ? html`<th scope="col">${msg('Service')}</th>` : nothing}
                  <th scope="col" class="number">${msg('Answers')}</th>
                  <th scope="col" class="number">${msg('Yes')}</th>
                  <th scope="col" class="number">${msg('No')}</th>
                  <th scope="col" class="number">${msg('Found it useful')}</th>
                  <th scope="col" class="number">${msg('95% interval')}</th>
                </tr>
              </thead>
              <tbody>
                ${ranking.items.map(
                  (page) => html`<tr>
                    <th scope="row">${pageLink(page.page, filters)}</th>
                    ${services.length ? html`<td>${this.serviceName(page.service)}</td>` : nothing}
                    <td class="number">${count(page.total)}</td>
                    <td class="number">${count(page.yes)}</td>
                    <td class="number">${count(page.no)}</td>
                    <td class="number">${percent(page.share)}</td>
                    <td class="number">
                      ${msg(str`${percent(page.interval.lower)} to ${percent(page.interval.upper)}`)}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : html`<p>${msg('No page has answers with these filters.')}</p>`
      }
      ${this.pager(ranking)}
      ${exportLinks('pages', filters, {
        csv: msg('Export this ranking as CSV'),
        json: msg('Export this ranking as JSON'),
      })}
      <h2>${msg('Biggest changes')}</h2>
      ${
        changes.items.length
          ? shareChangesTable(changes, msg('Biggest changes in the share of useful answers'), filters)
          : html`<p>
            ${msg(
              str`No page has ${count(changes.minAnswers)} answers or more in both this period and the one before.`,
            )}
          </p>`
      }
    `;
  }

  /** A ranked page's service, named in the console's language. */
  private serviceName(code: string | null | undefined): string {
    const service = code ? this.services.find((candidate) => candidate.code === code) : undefined;
    return service ? service.name[language()] : msg('In no service');
  }

  private pager(ranking: Schemas['PageRanking']) {
    const before = ranking.offset > 0;
    const after = ranking.offset + ranking.items.length < ranking.total;
    if (!before && !after) return nothing;
    const at = (offset: number) => href('/pages', { ...this.filters, offset: offset || undefined });
    return html`<nav class="actions" aria-label=${msg('Pages of the ranking')}>
      ${
        before
          ? html`<a href=${at(Math.max(0, ranking.offset - PAGE_SIZE))}>${msg(str`Previous ${count(PAGE_SIZE)} pages`)}</a>`
          : nothing
      }
      ${after ? html`<a href=${at(ranking.offset + PAGE_SIZE)}>${msg(str`Next ${count(PAGE_SIZE)} pages`)}</a>` : nothing}
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-pages': ConsolePages;
  }
}
