/**
 * The Innovation Lab's participant panel (`#/panel?session=prototype&city=…`), for moderators: who is on it
 * now, newest first, with the sessions they volunteered for, their topics, how they can attend, their city,
 * language and contact details; filtered as the API filters (the filters in the address), a page at a
 * time by its cursor, and exported as CSV or JSON. A viewer is not shown the way here; one who comes is told why
 * the collector refused (the panel is contact details).
 */
import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import type { FormError } from './error-summary.js';
import { count, list, moment } from './formats.js';
import { attendanceName, LAB_SESSIONS, languageName, sessionName } from './labels.js';
import { filterValues, type FilterField, type FilterValues } from './list-filters.js';
import { cursorPager, exportLinks } from './list-links.js';
import { href, navigate } from './router.js';
import { ConsoleScreen } from './screen.js';
import './list-filters.js';

type MemberList = Schemas['PanelMemberList'];
type Member = Schemas['PanelMember'];

const PAGE_SIZE = 50;

const panelFields = (): FilterField[] => [
  {
    name: 'session',
    label: msg('Session'),
    choices: [
      { value: '', label: msg('Any session') },
      ...LAB_SESSIONS.map((value) => ({ value, label: sessionName(value) })),
    ],
  },
  {
    name: 'topic',
    label: msg('Topic code'),
    hint: msg('As the sign-up form lists it, for example permits'),
    dir: 'ltr',
  },
  { name: 'city', label: msg('City (for sessions in person)') },
];

function checkPanelFilters({ topic = '', city = '' }: FilterValues): FormError[] {
  const errors: FormError[] = [];
  if (/\s/.test(topic) || topic.length > 100)
    errors.push({ field: 'topic', text: msg('Enter a topic code without spaces (for example permits)') });
  if (city.length > 100) errors.push({ field: 'city', text: msg('Shorten the city to 100 characters or fewer') });
  return errors;
}

@customElement('console-panel')
@localized()
export class ConsolePanel extends ConsoleScreen<MemberList> {
  private get filters(): FilterValues {
    return filterValues(panelFields(), this.params);
  }

  protected load(): Promise<MemberList> {
    return api<MemberList>('panel', { query: { ...this.filters, after: this.cursor, limit: PAGE_SIZE } });
  }

  protected loadedText(list: MemberList): string {
    return msg(str`${count(list.items.length)} members on this page`);
  }

  protected override problemOf(error: unknown): string {
    if (error instanceof ApiError && error.status === 403)
      return msg("The Lab's panel needs the moderator role, because it is the contact details of the people on it.");
    if (error instanceof ApiError && error.status === 422)
      return msg('The collector refused these filters: check the session, the topic code and the city.');
    return super.problemOf(error);
  }

  override render() {
    return html`
      <h1 tabindex="-1">${msg("The Innovation Lab's participant panel")}</h1>
      <p>
        ${msg(
          "People who volunteered to take part in the Lab's sessions and have not withdrawn, newest first. Contact them only about the sessions they chose.",
        )}
      </p>
      <console-list-filters .fields=${panelFields()} .values=${this.filters} .check=${checkPanelFilters}
        action=${msg('Show members')} @console-filters=${this.filter}></console-list-filters>
      ${exportLinks('panel', this.filters, {
        csv: msg('Export these members as CSV'),
        json: msg('Export these members as JSON'),
      })}
      ${this.loadingState()} ${this.data ? this.table(this.data) : nothing}
    `;
  }

  private filter(event: CustomEvent<FilterValues>): void {
    navigate(href('/panel', event.detail));
  }

  private table(members: MemberList) {
    return html`
      ${
        members.items.length
          ? html`<div class="table-wrap">
            <table>
              <caption>
                ${msg('Members of the panel, newest first')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Name')}</th>
                  <th scope="col">${msg('Signed up')}</th>
                  <th scope="col">${msg('Sessions')}</th>
                  <th scope="col">${msg('Topics')}</th>
                  <th scope="col">${msg('Can attend')}</th>
                  <th scope="col">${msg('City')}</th>
                  <th scope="col">${msg('Language')}</th>
                  <th scope="col">${msg('Email address')}</th>
                  <th scope="col">${msg('Mobile number')}</th>
                  <th scope="col">${msg('Reference')}</th>
                </tr>
              </thead>
              <tbody>
                ${members.items.map((member) => this.row(member))}
              </tbody>
            </table>
          </div>`
          : html`<p>${msg('Nobody on the panel matches these filters.')}</p>`
      }
      ${cursorPager('/panel', this.filters, this.cursor, members.next, msg('Pages of the panel'))}
    `;
  }

  private row(member: Member) {
    const { contact } = member;
    return html`<tr>
      <th scope="row" dir="auto">${contact.name}</th>
      <td>${moment(member.receivedAt)}</td>
      <td>${list(member.sessions.map(sessionName))}</td>
      <td>${member.topics.length ? list(member.topics.map((topic) => topic.label)) : '—'}</td>
      <td>${list(member.attendance.map(attendanceName))}</td>
      <td dir="auto">${member.city ?? '—'}</td>
      <td>${languageName(member.language)}</td>
      <td>${contact.email ? html`<span dir="ltr">${contact.email}</span>` : '—'}</td>
      <td>${contact.mobile ? html`<span dir="ltr">${contact.mobile}</span>` : '—'}</td>
      <td><span class="reference" dir="ltr">${member.reference}</span></td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-panel': ConsolePanel;
  }
}
