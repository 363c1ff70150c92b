/**
 * Writing or editing a "what we changed" note (`#/note`, `#/note?id=12`): the page, the day of the change,
 * the text in Arabic and in English, an optional link, and whether visitors see it yet. Checked here as the
 * contract checks it, then by the API; its refusals go to the same summary and fields. Once saved, the app
 * returns to the list and says so. A viewer is told the role it needs, and gets no form.
 */
import { localized, msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import { describedBy, fieldError, type ConsoleErrorSummary, type FormError } from './error-summary.js';
import { href } from './router.js';
import { ConsoleScreen } from './screen.js';
import './error-summary.js';

type Note = Schemas['ChangeNote'];

const MAX_TEXT = 1000;

const isWebAddress = (value: string): boolean => {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** The form's field for each field the API names in its refusals. */
const FIELDS: Record<string, string> = {
  page: 'page',
  date: 'date',
  'text.ar': 'text-ar',
  'text.en': 'text-en',
  link: 'link',
};

@customElement('console-note')
@localized()
export class ConsoleNote extends ConsoleScreen<Note | null> {
  @state() private errors: FormError[] = [];
  @state() private busy = false;
  @query('console-error-summary') private summary!: ConsoleErrorSummary;

  private get noteId(): string | undefined {
    return this.params.get('id') ?? undefined;
  }

  /** The note, read as the list reads it: the one page that starts just after its id. */
  protected async load(): Promise<Note | null> {
    this.errors = [];
    const id = this.noteId;
    if (id === undefined) return null;
    if (!/^[1-9][0-9]{0,14}$/.test(id)) throw new ApiError(404, 'No such note.');
    const list = await api<Schemas['ChangeNoteList']>('changes', {
      query: { after: String(BigInt(id) + 1n), limit: 1 },
    });
    const note = list.items.find((item) => item.id === id);
    if (!note) throw new ApiError(404, 'No such note.');
    return note;
  }

  protected loadedText(note: Note | null): string {
    return note ? msg('The note is ready to edit.') : msg('The form is ready.');
  }

  override render() {
    const title =
      this.noteId === undefined ? msg('Write a "what we changed" note') : msg('Edit a "what we changed" note');
    return html`
      <p><a href=${href('/notes')}>${msg('Back to the notes')}</a></p>
      <h1 tabindex="-1">${title}</h1>
      ${
        this.canChange
          ? html`${this.loadingState()} ${this.data !== undefined ? this.form(this.data) : nothing}`
          : html`<p>${msg('Writing or changing notes needs the moderator role. Your account can read them.')}</p>`
      }
    `;
  }

  private form(note: Note | null) {
    const { errors } = this;
    const page = note?.page ?? this.params.get('page') ?? '';
    const invalid = (field: string) => (errors.some((e) => e.field === field) ? 'true' : 'false');
    const field = (id: string) => `field ${errors.some((e) => e.field === id) ? 'invalid' : ''}`;
    return html`
      <console-error-summary .errors=${errors}></console-error-summary>
      <form novalidate @submit=${this.submit}>
        <div class=${field('page')}>
          <label for="page">${msg("The page's address")}</label>
          <p class="hint" id="page-hint">${msg('As visitors see it, starting with https://')}</p>
          ${fieldError(errors, 'page')}
          <input id="page" name="page" type="url" dir="ltr" size="60" .value=${page}
            aria-invalid=${invalid('page')} aria-describedby=${describedBy(errors, 'page', 'page-hint')} />
        </div>
        <div class=${field('date')}>
          <label for="date">${msg('The day of the change')}</label>
          ${fieldError(errors, 'date')}
          <input id="date" name="date" type="date" .value=${note?.date ?? ''}
            aria-invalid=${invalid('date')} aria-describedby=${describedBy(errors, 'date')} />
        </div>
        <div class=${field('text-ar')}>
          <label for="text-ar">${msg('The note in Arabic')}</label>
          <p class="hint" id="text-hint">${msg('"You told us …; on [day] we …". Plain text, at most 1,000 characters.')}</p>
          ${fieldError(errors, 'text-ar')}
          <textarea id="text-ar" name="text-ar" lang="ar" dir="rtl" .value=${note?.text.ar ?? ''}
            aria-invalid=${invalid('text-ar')} aria-describedby=${describedBy(errors, 'text-ar', 'text-hint')}></textarea>
        </div>
        <div class=${field('text-en')}>
          <label for="text-en">${msg('The note in English')}</label>
          ${fieldError(errors, 'text-en')}
          <textarea id="text-en" name="text-en" lang="en" dir="ltr" .value=${note?.text.en ?? ''}
            aria-invalid=${invalid('text-en')} aria-describedby=${describedBy(errors, 'text-en', 'text-hint')}></textarea>
        </div>
        <div class=${field('link')}>
          <label for="link">${msg('Where to read more (optional)')}</label>
          ${fieldError(errors, 'link')}
          <input id="link" name="link" type="url" dir="ltr" size="60" .value=${note?.link ?? ''}
            aria-invalid=${invalid('link')} aria-describedby=${describedBy(errors, 'link')} />
        </div>
        <div class="field">
          <label class="choice">
            <input id="published" name="published" type="checkbox" ?checked=${note?.published ?? false} />
            ${msg("Show it to visitors on the page's poll")}
          </label>
        </div>
        <div class="actions">
          <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Save the note')}</button>
          <a href=${href('/notes')}>${msg('Cancel')}</a>
        </div>
      </form>
    `;
  }

  private check(data: FormData): FormError[] {
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const errors: FormError[] = [];
    if (!value('page')) errors.push({ field: 'page', text: msg("Enter the page's address") });
    else if (!isWebAddress(value('page')))
      errors.push({ field: 'page', text: msg("Enter the page's address starting with https:// or http://") });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value('date')))
      errors.push({ field: 'date', text: msg('Enter the day of the change') });
    for (const [field, empty, long] of [
      ['text-ar', msg('Enter the note in Arabic'), msg('Shorten the note in Arabic to 1,000 characters or fewer')],
      ['text-en', msg('Enter the note in English'), msg('Shorten the note in English to 1,000 characters or fewer')],
    ] as const) {
      if (!value(field)) errors.push({ field, text: empty });
      else if (value(field).length > MAX_TEXT) errors.push({ field, text: long });
    }
    if (value('link') && !isWebAddress(value('link')))
      errors.push({
        field: 'link',
        text: msg('Enter an address starting with https:// or http://, or leave it empty'),
      });
    return errors;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const errors = this.check(data);
    if (errors.length) return this.fail(errors);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const note = {
      page: value('page'),
      date: value('date'),
      text: { ar: value('text-ar'), en: value('text-en') },
      link: value('link') || null,
      published: data.get('published') !== null,
    };
    this.busy = true;
    try {
      if (this.noteId === undefined) {
        const { link, ...input } = note;
        await api('changes', { method: 'POST', body: link === null ? input : note });
      } else {
        await api(`changes/${this.noteId}`, { method: 'PATCH', body: note });
      }
      this.dispatchEvent(
        new CustomEvent('console-saved', { detail: msg('The note is saved.'), bubbles: true, composed: true }),
      );
    } catch (error) {
      await this.fail(this.refusals(error));
    } finally {
      this.busy = false;
    }
  }

  private refusals(error: unknown): FormError[] {
    if (error instanceof ApiError && error.status === 403)
      return [{ field: 'page', text: msg('Your account may not change notes: this needs the moderator role') }];
    if (error instanceof ApiError && error.status === 422 && error.fieldErrors.length) {
      return error.fieldErrors.map(({ field }) => ({
        field: FIELDS[field] ?? 'page',
        text: msg('The collector refused this field: check it and save again'),
      }));
    }
    return [{ field: 'page', text: msg('The note was not saved: the collector could not be reached. Try again.') }];
  }

  private async fail(errors: FormError[]): Promise<void> {
    this.errors = errors;
    await this.summary.show();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-note': ConsoleNote;
  }
}
