/**
 * A consultation as a moderator writes it: for a new one its id (in the card's address, fixed once made),
 * the title, summary and department in Arabic and in English, its type (legal, with its page on Istitlaa,
 * or non-legal), its level, when it opens and closes (in the device's time zone), where to read more, and
 * the views taken elsewhere. What the form does not show (documents, platform) is kept as it was. Checked
 * here as the contract checks it, then by the API (a new one is sent with `If-None-Match: *`, so it never
 * replaces another of the same id); once saved, `console-consultation-saved` carries the id.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { api, ApiError, type Schemas } from './api.js';
import {
  CONSULTATION_TYPES,
  consultationTypeName,
  LEVELS,
  levelName,
  textIn,
  type LocalText,
} from './content-labels.js';
import { fieldRefusals } from './field-refusals.js';
import { describedBy, fieldError, type ConsoleErrorSummary, type FormError } from './error-summary.js';
import { consoleStyles } from './styles.js';
import './error-summary.js';

type Listed = Schemas['AdminConsultation'];
type ConsultationInput = Schemas['ConsultationInput'];

export interface SavedConsultation {
  id: string;
  created: boolean;
}

/** An id as the contract's `ConsultationId` allows it. */
const ID = /^[^/?#\s]{1,200}$/;

const webAddress = (value: string, scheme: RegExp): boolean => {
  try {
    return scheme.test(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** An ISO time as a `datetime-local` field shows it: the device's time zone, to the minute. */
const localInput = (iso: string): string => {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** The form's field for each field the API names in its refusals (their first segment). */
const FIELDS: Record<string, string> = {
  id: 'id',
  title: 'title-ar',
  summary: 'summary-ar',
  department: 'department-ar',
  type: 'type',
  istitlaaUrl: 'istitlaa',
  level: 'level',
  opensAt: 'opens',
  closesAt: 'closes',
  url: 'url',
  participantsElsewhere: 'elsewhere',
};

/** Both languages' text, as the contract's `LocalText` takes it; undefined when both are empty. */
function localText(ar: string, en: string): LocalText | undefined {
  if (!ar && !en) return undefined;
  return { ...(ar ? { ar } : {}), ...(en ? { en } : {}) };
}

@customElement('console-consultation-form')
@localized()
export class ConsoleConsultationForm extends LitElement {
  static override styles = consoleStyles;

  /** The consultation as listed, or null for a new one. */
  @property({ attribute: false }) listed: Listed | null = null;

  @state() private errors: FormError[] = [];
  @state() private busy = false;
  @query('console-error-summary') private summary!: ConsoleErrorSummary;

  override render() {
    const item = this.listed?.consultation;
    const elsewhere = this.listed
      ? this.listed.consultation.participants -
        this.listed.views.support -
        this.listed.views.neutral -
        this.listed.views.oppose
      : 0;
    return html`
      <console-error-summary .errors=${this.errors}></console-error-summary>
      <form novalidate @submit=${this.submit} aria-labelledby="form-title">
        <h2 id="form-title">${item ? msg('Edit the consultation') : msg('The new consultation')}</h2>
        ${
          item
            ? nothing
            : this.input('id', msg('Its id, in the address'), '', {
                hint: msg(
                  'Letters, digits and dashes without spaces, for example shaded-walkways. It cannot be changed later.',
                ),
                dir: 'ltr',
              })
        }
        ${this.input('title-ar', msg('Title in Arabic'), textIn(item?.title, 'ar'), { lang: 'ar' })}
        ${this.input('title-en', msg('Title in English'), textIn(item?.title, 'en'), { lang: 'en' })}
        ${this.textarea('summary-ar', msg('Summary in Arabic (optional)'), textIn(item?.summary, 'ar'), 'ar')}
        ${this.textarea('summary-en', msg('Summary in English (optional)'), textIn(item?.summary, 'en'), 'en')}
        ${this.input('department-ar', msg('Department in Arabic (optional)'), textIn(item?.department, 'ar'), { lang: 'ar' })}
        ${this.input('department-en', msg('Department in English (optional)'), textIn(item?.department, 'en'), { lang: 'en' })}
        ${this.select('type', msg('Type'), item?.type ?? '', [
          { value: '', label: msg('Choose a type') },
          ...CONSULTATION_TYPES.map((value) => ({ value, label: consultationTypeName(value) })),
        ])}
        ${this.input('istitlaa', msg('Its page on Istitlaa (legal consultations only)'), item?.istitlaaUrl ?? '', {
          hint: msg(
            'Starting with https://, for example https://istitlaa.ncc.gov.sa/…; leave it empty for a non-legal one.',
          ),
          dir: 'ltr',
          type: 'url',
        })}
        ${this.select('level', msg('Level of participation (optional)'), item?.level ?? '', [
          { value: '', label: msg('None') },
          ...LEVELS.map((value) => ({ value, label: levelName(value) })),
        ])}
        ${this.input('opens', msg('Opens'), item ? localInput(item.opensAt) : '', {
          hint: msg("The day and time, in this device's time zone."),
          type: 'datetime-local',
        })}
        ${this.input('closes', msg('Closes'), item ? localInput(item.closesAt) : '', {
          hint: msg("The day and time, in this device's time zone."),
          type: 'datetime-local',
        })}
        ${this.input('url', msg('Where to read more (optional)'), item?.url ?? '', { dir: 'ltr', type: 'url' })}
        ${this.input('elsewhere', msg('Views taken elsewhere (optional)'), elsewhere ? String(elsewhere) : '', {
          hint: msg('Workshops, other platforms: added to the participants the card shows.'),
          dir: 'ltr',
          inputmode: 'numeric',
        })}
        <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${item ? msg('Save the consultation') : msg('Create the consultation')}
        </button>
      </form>
    `;
  }

  private input(
    id: string,
    label: string,
    value: string,
    {
      hint,
      dir,
      lang,
      type = 'text',
      inputmode,
    }: {
      hint?: string;
      dir?: 'ltr';
      lang?: 'ar' | 'en';
      type?: 'text' | 'url' | 'datetime-local';
      inputmode?: 'numeric';
    },
  ): TemplateResult {
    const { errors } = this;
    const wrong = errors.some((error) => error.field === id);
    return html`<div class="field ${wrong ? 'invalid' : ''}">
      <label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing} ${fieldError(errors, id)}
      <input id=${id} name=${id} type=${type} size="50" .value=${value} lang=${ifDefined(lang)}
        dir=${dir ?? (lang ? (lang === 'ar' ? 'rtl' : 'ltr') : 'auto')} inputmode=${ifDefined(inputmode)}
        aria-invalid=${wrong ? 'true' : 'false'} aria-describedby=${describedBy(errors, id, hint ? `${id}-hint` : undefined)} />
    </div>`;
  }

  private textarea(id: string, label: string, value: string, lang: 'ar' | 'en'): TemplateResult {
    const { errors } = this;
    const wrong = errors.some((error) => error.field === id);
    return html`<div class="field ${wrong ? 'invalid' : ''}">
      <label for=${id}>${label}</label>
      ${fieldError(errors, id)}
      <textarea id=${id} name=${id} lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} .value=${value}
        aria-invalid=${wrong ? 'true' : 'false'} aria-describedby=${describedBy(errors, id)}></textarea>
    </div>`;
  }

  private select(
    id: string,
    label: string,
    value: string,
    choices: { value: string; label: string }[],
  ): TemplateResult {
    const { errors } = this;
    const wrong = errors.some((error) => error.field === id);
    return html`<div class="field ${wrong ? 'invalid' : ''}">
      <label for=${id}>${label}</label>
      ${fieldError(errors, id)}
      <select id=${id} name=${id} aria-invalid=${wrong ? 'true' : 'false'} aria-describedby=${describedBy(errors, id)}>
        ${choices.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === value}>${choice.label}</option>`)}
      </select>
    </div>`;
  }

  private check(value: (name: string) => string): FormError[] {
    const errors: FormError[] = [];
    if (!this.listed && !ID.test(value('id')))
      errors.push({
        field: 'id',
        text: value('id')
          ? msg('Write the id without spaces, slashes, ? or #, in 200 characters or fewer')
          : msg('Enter the id, for example shaded-walkways'),
      });
    if (!value('title-ar')) errors.push({ field: 'title-ar', text: msg('Enter the title in Arabic') });
    if (!value('title-en')) errors.push({ field: 'title-en', text: msg('Enter the title in English') });
    if (!value('type')) errors.push({ field: 'type', text: msg('Choose the type: legal or non-legal') });
    if (value('istitlaa') && value('type') !== 'legal')
      errors.push({ field: 'istitlaa', text: msg('Leave the Istitlaa page empty, or choose the legal type') });
    else if (value('istitlaa') && !webAddress(value('istitlaa'), /^https:$/))
      errors.push({ field: 'istitlaa', text: msg('Enter the Istitlaa page starting with https://') });
    const opens = Date.parse(value('opens'));
    const closes = Date.parse(value('closes'));
    if (Number.isNaN(opens)) errors.push({ field: 'opens', text: msg('Enter the day and time it opens') });
    if (Number.isNaN(closes)) errors.push({ field: 'closes', text: msg('Enter the day and time it closes') });
    else if (closes <= opens) errors.push({ field: 'closes', text: msg('It must close after it opens') });
    if (value('url') && !webAddress(value('url'), /^https?:$/))
      errors.push({ field: 'url', text: msg('Enter an address starting with https:// or http://, or leave it empty') });
    if (value('elsewhere') && !/^\d{1,9}$/.test(value('elsewhere')))
      errors.push({
        field: 'elsewhere',
        text: msg('Enter the views taken elsewhere as a whole number, or leave it empty'),
      });
    return errors;
  }

  /** The body the API takes, with what the form does not show kept as it was. */
  private inputOf(value: (name: string) => string): ConsultationInput {
    const item = this.listed?.consultation;
    const optional = {
      summary: localText(value('summary-ar'), value('summary-en')),
      department: localText(value('department-ar'), value('department-en')),
      istitlaaUrl: value('istitlaa') || undefined,
      level: (value('level') || undefined) as ConsultationInput['level'],
      url: value('url') || undefined,
      participantsElsewhere: value('elsewhere') ? Number(value('elsewhere')) : undefined,
      documents: item?.documents,
      platform: item?.platform,
    };
    // A time the field did not change is sent as it was: the field shows minutes, the time may have seconds.
    const time = (field: string, was: string | undefined): string =>
      was !== undefined && value(field) === localInput(was) ? was : new Date(value(field)).toISOString();
    return {
      title: { ar: value('title-ar'), en: value('title-en') },
      type: value('type') as ConsultationInput['type'],
      opensAt: time('opens', item?.opensAt),
      closesAt: time('closes', item?.closesAt),
      ...Object.fromEntries(Object.entries(optional).filter(([, given]) => given !== undefined)),
    };
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const errors = this.check(value);
    if (errors.length) return this.fail(errors);
    const id = this.listed?.consultation.id ?? value('id');
    this.busy = true;
    try {
      await api(`consultations/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: this.inputOf(value),
        headers: this.listed ? {} : { 'if-none-match': '*' },
      });
      this.errors = [];
      const detail: SavedConsultation = { id, created: !this.listed };
      this.dispatchEvent(new CustomEvent('console-consultation-saved', { detail, bubbles: true, composed: true }));
    } catch (error) {
      await this.fail(this.refusals(error));
    } finally {
      this.busy = false;
    }
  }

  private refusals(error: unknown): FormError[] {
    const first = this.listed ? 'title-ar' : 'id';
    const refused = fieldRefusals(error, FIELDS, first);
    if (refused) return refused;
    if (error instanceof ApiError && error.status === 412)
      return [{ field: 'id', text: msg('A consultation has this id already: choose another') }];
    const text =
      error instanceof ApiError && error.status === 403
        ? msg('Your account may not change consultations: this needs the moderator role')
        : msg('The consultation was not saved: the collector could not be reached. Try again.');
    return [{ field: first, text }];
  }

  private async fail(errors: FormError[]): Promise<void> {
    this.errors = errors;
    await this.summary.show();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-consultation-form': ConsoleConsultationForm;
  }
}
