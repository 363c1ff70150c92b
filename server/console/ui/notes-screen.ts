/**
 * The "what we changed" notes, newest written first: each page's note in both languages, its day, whether
 * visitors see it yet, and who changed it last. Moderators and administrators write and edit them here; a
 * viewer reads them (and the API refuses a viewer's change too).
 */
import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, type Schemas } from './api.js';
import { count, day, moment } from './formats.js';
import { href } from './router.js';
import { ConsoleScreen } from './screen.js';

type NoteList = Schemas['ChangeNoteList'];
type Note = Schemas['ChangeNote'];

@customElement('console-notes')
@localized()
export class ConsoleNotes extends ConsoleScreen<NoteList> {
  /** Notes of the pages after the first, added with "More notes". */
  @state() private more: Note[] = [];
  @state() private next?: string;

  protected async load(): Promise<NoteList> {
    const list = await api<NoteList>('changes', { query: { limit: 50 } });
    this.more = [];
    this.next = list.next;
    return list;
  }

  protected loadedText(list: NoteList): string {
    return msg(str`${count(list.items.length)} notes`);
  }

  override render() {
    return html`
      <h1 tabindex="-1">${msg('What we changed')}</h1>
      <p>
        ${msg(
          "Notes that tell visitors what changed on a page after what they said. A published note shows on that page's poll, in the visitor's language.",
        )}
      </p>
      ${
        this.canChange
          ? html`<p><a class="button" href=${href('/note')}>${msg('Write a note')}</a></p>`
          : html`<p class="muted">${msg('You can read the notes; writing or changing them needs the moderator role.')}</p>`
      }
      ${this.loadingState()} ${this.data ? this.table([...this.data.items, ...this.more]) : nothing}
    `;
  }

  private table(notes: Note[]) {
    if (!notes.length) return html`<p>${msg('No notes yet.')}</p>`;
    return html`<div class="table-wrap">
        <table>
          <caption>
            ${msg('Notes, newest written first')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Page')}</th>
              <th scope="col">${msg('Changed on')}</th>
              <th scope="col">${msg('In Arabic')}</th>
              <th scope="col">${msg('In English')}</th>
              <th scope="col">${msg('Shown to visitors')}</th>
              <th scope="col">${msg('Last changed')}</th>
              ${this.canChange ? html`<th scope="col">${msg('Action')}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${notes.map(
              (note) => html`<tr>
                <th scope="row"><span class="url" dir="ltr">${note.page}</span></th>
                <td>${day(note.date)}</td>
                <td lang="ar" dir="rtl">${note.text.ar}</td>
                <td lang="en" dir="ltr">${note.text.en}</td>
                <td>${note.published ? msg('Yes') : msg('No, a draft')}</td>
                <td>${msg(str`${moment(note.updatedAt)} by ${note.updatedBy}`)}</td>
                ${
                  this.canChange
                    ? html`<td>
                      <a href=${href('/note', { id: note.id })}
                        >${msg('Edit')}<span class="visually-hidden"> ${msg(str`the note of ${day(note.date)}`)}</span></a
                      >
                    </td>`
                    : nothing
                }
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.next ? html`<p><button @click=${this.loadMore}>${msg('More notes')}</button></p>` : nothing}`;
  }

  private async loadMore(): Promise<void> {
    const list = await api<NoteList>('changes', { query: { limit: 50, after: this.next } });
    this.more = [...this.more, ...list.items];
    this.next = list.next;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-notes': ConsoleNotes;
  }
}
