/**
 * The cases to triage (`#/cases?status=new&tag=permits`): every feedback message and page comment, newest
 * first, filtered as the API filters them (the filters in the address), a page at a time by the API's
 * cursor, with the export of everything the filters find as CSV or JSON. The list holds no contact details: a
 * moderator opens a case for them and to change it; a viewer reads the list and is told so.
 */
import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import type { FormError } from './error-summary.js';
import { count, moment } from './formats.js';
import { aboutName, CASE_KINDS, CASE_STATUSES, kindName, statusName } from './labels.js';
import { filterValues, type FilterField, type FilterValues } from './list-filters.js';
import { cursorPager, exportLinks } from './list-links.js';
import { pathOf } from './page-link.js';
import { href, navigate } from './router.js';
import { ConsoleScreen } from './screen.js';
import './list-filters.js';

type CaseList = Schemas['CaseList'];
type CaseSummary = Schemas['CaseSummary'];

const PAGE_SIZE = 50;
const TAG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const caseFields = (): FilterField[] => [
  {
    name: 'status',
    label: msg('Status'),
    choices: [
      { value: '', label: msg('Any status') },
      ...CASE_STATUSES.map((value) => ({ value, label: statusName(value) })),
    ],
  },
  {
    name: 'kind',
    label: msg('Kind'),
    choices: [
      { value: '', label: msg('Both kinds') },
      ...CASE_KINDS.map((value) => ({ value, label: kindName(value) })),
    ],
  },
  { name: 'assignee', label: msg('Assigned to (account name)'), dir: 'ltr' },
  { name: 'tag', label: msg('Tag'), hint: msg('For example permits'), dir: 'ltr' },
];

/** What the API would refuse, caught at its field. */
function checkCaseFilters({ assignee = '', tag = '' }: FilterValues): FormError[] {
  const errors: FormError[] = [];
  if (assignee.length > 64)
    errors.push({ field: 'assignee', text: msg('Shorten the account name to 64 characters or fewer') });
  if (tag && (!TAG.test(tag) || tag.length > 40))
    errors.push({
      field: 'tag',
      text: msg('Enter a tag in lower case English letters, digits and dashes (for example permits)'),
    });
  return errors;
}

@customElement('console-cases')
@localized()
export class ConsoleCases extends ConsoleScreen<CaseList> {
  private get filters(): FilterValues {
    return filterValues(caseFields(), this.params);
  }

  protected load(): Promise<CaseList> {
    return api<CaseList>('cases', { query: { ...this.filters, after: this.cursor, limit: PAGE_SIZE } });
  }

  protected loadedText(list: CaseList): string {
    return msg(str`${count(list.items.length)} cases on this page`);
  }

  protected override problemOf(error: unknown): string {
    return error instanceof ApiError && error.status === 422
      ? msg('The collector refused these filters: check the status, the account name and the tag.')
      : super.problemOf(error);
  }

  override render() {
    return html`
      <h1 tabindex="-1">${msg('Messages and comments')}</h1>
      <p>
        ${msg(
          "Every feedback message and every comment left on a page's poll is a case, new until someone takes it on. Newest first.",
        )}
      </p>
      ${
        this.canChange
          ? nothing
          : html`<p class="muted">
            ${msg(
              'You can read the cases; opening one, with the contact details given, and changing it need the moderator role.',
            )}
          </p>`
      }
      <console-list-filters .fields=${caseFields()} .values=${this.filters} .check=${checkCaseFilters}
        action=${msg('Show cases')} @console-filters=${this.filter}></console-list-filters>
      ${exportLinks('cases', this.filters, {
        csv: msg('Export these cases as CSV'),
        json: msg('Export these cases as JSON'),
      })}
      ${this.loadingState()} ${this.data ? this.table(this.data) : nothing}
    `;
  }

  private filter(event: CustomEvent<FilterValues>): void {
    navigate(href('/cases', event.detail));
  }

  private table(list: CaseList) {
    return html`
      ${
        list.items.length
          ? html`<div class="table-wrap">
            <table>
              <caption>
                ${msg('Cases, newest first')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Reference')}</th>
                  <th scope="col">${msg('Received')}</th>
                  <th scope="col">${msg('Kind')}</th>
                  <th scope="col">${msg('Page')}</th>
                  <th scope="col">${msg('What was written')}</th>
                  <th scope="col">${msg('Status')}</th>
                  <th scope="col">${msg('Assigned to')}</th>
                  <th scope="col">${msg('Tags')}</th>
                  <th scope="col">${msg('Contact details held')}</th>
                  <th scope="col" class="number">${msg('Notes')}</th>
                </tr>
              </thead>
              <tbody>
                ${list.items.map((item) => this.row(item))}
              </tbody>
            </table>
          </div>`
          : html`<p>${msg('No case matches these filters.')}</p>`
      }
      ${cursorPager('/cases', this.filters, this.cursor, list.next, msg('Pages of the cases'))}
    `;
  }

  /** A link to the case for those who may open it; seeded demo data may have none (it cannot be opened). */
  private reference(reference: string | null) {
    if (!reference) return html`<span class="muted">${msg('No reference')}</span>`;
    const text = html`<span class="reference" dir="ltr">${reference}</span>`;
    return this.canChange ? html`<a href=${href('/case', { reference })}>${text}</a>` : text;
  }

  private row(item: CaseSummary) {
    return html`<tr>
      <th scope="row">${this.reference(item.reference)}</th>
      <td>${moment(item.receivedAt)}</td>
      <td>${kindName(item.kind)}${item.about ? html`<br /><span class="muted">${aboutName(item)}</span>` : nothing}</td>
      <td><span class="url" dir="ltr">${pathOf(item.page)}</span></td>
      <td lang=${item.locale} dir="auto">${item.text}</td>
      <td>${statusName(item.status)}</td>
      <td>${item.assignee ? html`<span dir="ltr">${item.assignee}</span>` : msg('Nobody')}</td>
      <td>${item.tags.length ? html`<span dir="ltr">${item.tags.join(', ')}</span>` : '—'}</td>
      <td>${item.hasContact ? msg('Yes') : msg('No')}</td>
      <td class="number">${count(item.notes)}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-cases': ConsoleCases;
  }
}
