/**
 * The consultations (`#/consultations?type=legal`): every one, the latest to open first, with where it
 * stands and the views kept on it by stance, filtered by type as the API filters (the filter in the
 * address), with the export of the list as CSV or JSON. Each opens its own screen (its form, its views, its
 * outcome); a moderator can also create one from here.
 */
import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { api, type Schemas } from './api.js';
import { CONSULTATION_TYPES, consultationTypeName, shownText, stageName, stageOf } from './content-labels.js';
import { count, moment } from './formats.js';
import { filterValues, type FilterField, type FilterValues } from './list-filters.js';
import { exportLinks } from './list-links.js';
import { href, navigate } from './router.js';
import { ConsoleScreen } from './screen.js';
import './list-filters.js';

type Listed = Schemas['AdminConsultation'];

const consultationFields = (): FilterField[] => [
  {
    name: 'type',
    label: msg('Type'),
    choices: [
      { value: '', label: msg('Both types') },
      ...CONSULTATION_TYPES.map((value) => ({ value, label: consultationTypeName(value) })),
    ],
  },
];

@customElement('console-consultations')
@localized()
export class ConsoleConsultations extends ConsoleScreen<Listed[]> {
  private get filters(): FilterValues {
    return filterValues(consultationFields(), this.params);
  }

  protected load(): Promise<Listed[]> {
    return api<Listed[]>('consultations', { query: this.filters });
  }

  protected loadedText(list: Listed[]): string {
    return msg(str`${count(list.length)} consultations`);
  }

  override render() {
    return html`
      <h1 tabindex="-1">${msg('Consultations')}</h1>
      <p>
        ${msg('The consultations the consultation card shows, the latest to open first, with the views visitors gave on each.')}
      </p>
      ${
        this.canChange
          ? html`<p><a class="button" href=${href('/consultation')}>${msg('Create a consultation')}</a></p>`
          : html`<p class="muted">
            ${msg('You can read the consultations and their views; creating and changing them needs the moderator role.')}
          </p>`
      }
      <console-list-filters .fields=${consultationFields()} .values=${this.filters}
        action=${msg('Show consultations')} @console-filters=${this.filter}></console-list-filters>
      ${exportLinks('consultations', this.filters, {
        csv: msg('Export these consultations as CSV'),
        json: msg('Export these consultations as JSON'),
      })}
      ${this.loadingState()} ${this.data ? this.table(this.data) : nothing}
    `;
  }

  private filter(event: CustomEvent<FilterValues>): void {
    navigate(href('/consultations', event.detail));
  }

  private table(list: Listed[]) {
    if (!list.length) return html`<p>${msg('No consultation matches this filter.')}</p>`;
    return html`<div class="table-wrap">
      <table>
        <caption>
          ${msg('Consultations, the latest to open first')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Title')}</th>
            <th scope="col">${msg('Type')}</th>
            <th scope="col">${msg('Opens')}</th>
            <th scope="col">${msg('Closes')}</th>
            <th scope="col">${msg('Where it stands')}</th>
            <th scope="col" class="number">${msg('Support')}</th>
            <th scope="col" class="number">${msg('Neutral')}</th>
            <th scope="col" class="number">${msg('Oppose')}</th>
            <th scope="col" class="number">${msg('Participants')}</th>
          </tr>
        </thead>
        <tbody>
          ${list.map(
            ({ consultation: item, views }) => html`<tr>
            <th scope="row">${this.titleLink(item)}</th>
            <td>${item.type ? consultationTypeName(item.type) : '—'}</td>
            <td>${moment(item.opensAt)}</td>
            <td>${moment(item.closesAt)}</td>
            <td>${stageName(stageOf(item))}</td>
            <td class="number">${count(views.support)}</td>
            <td class="number">${count(views.neutral)}</td>
            <td class="number">${count(views.oppose)}</td>
            <td class="number">${count(item.participants)}</td>
          </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** Its title, in the other language when it has none in the console's, and then said to be in it. */
  private titleLink(item: Listed['consultation']) {
    const { text, lang } = shownText(item.title);
    return html`<a href=${href('/consultation', { id: item.id })} lang=${ifDefined(lang)} dir="auto">${text}</a>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-consultations': ConsoleConsultations;
  }
}
