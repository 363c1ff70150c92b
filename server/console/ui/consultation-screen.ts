/**
 * One consultation (`#/consultation?id=shaded-walkways`), or a new one (`#/consultation`): where it stands,
 * its form (a moderator), the views visitors sent on it as they arrive (the counts kept, and each view,
 * newest first, a page at a time, with the CSV and JSON of all of them; "Check for new views" reads them again
 * without leaving the screen), and its outcome, which a moderator publishes once it has closed. After a
 * save, focus goes to the heading; after publishing, to the outcome's. A viewer reads all of it, without
 * the forms, and is told what changing needs.
 */
import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import type { SavedConsultation } from './consultation-form.js';
import {
  consultationTypeName,
  levelName,
  stageName,
  stageOf,
  stanceName,
  textIn,
  type LocalText,
} from './content-labels.js';
import { count, moment } from './formats.js';
import { languageName } from './labels.js';
import { cursorPager, exportLinks } from './list-links.js';
import { href, navigate } from './router.js';
import { announce, ConsoleScreen } from './screen.js';
import './consultation-form.js';
import './outcome-form.js';

type Listed = Schemas['AdminConsultation'];
type ViewList = Schemas['ConsultationViewList'];
type Consultation = Schemas['Consultation'];

interface Shown {
  listed: Listed;
  views: ViewList;
}

const PAGE_SIZE = 50;

const kept = ({ views }: Listed): number => views.support + views.neutral + views.oppose;

/**
 * The retention sweep deletes a view's submission (its time, language and comment) after its period, and
 * keeps the view's stance, so that the counts and the outcome do not move: counted, no longer listed.
 */
const sweptViews = (): string =>
  msg(
    'A view older than the retention period (a year unless the collector is set otherwise) is counted above but no longer listed.',
  );

@customElement('console-consultation')
@localized()
export class ConsoleConsultation extends ConsoleScreen<Shown | null> {
  /** Said with what the screen loads next (a new consultation, once its own screen has it). */
  private savedText = '';

  private get consultationId(): string | undefined {
    return this.params.get('id') ?? undefined;
  }

  protected async load(): Promise<Shown | null> {
    const id = this.consultationId;
    if (id === undefined) return null;
    const path = `consultations/${encodeURIComponent(id)}`;
    const [listed, views] = await Promise.all([
      api<Listed>(path),
      api<ViewList>(`${path}/views`, { query: { after: this.cursor, limit: PAGE_SIZE } }),
    ]);
    return { listed, views };
  }

  protected loadedText(shown: Shown | null): string {
    const saved = this.savedText;
    this.savedText = '';
    const loaded = shown
      ? msg(str`${stageName(stageOf(shown.listed.consultation))}; ${count(kept(shown.listed))} views kept.`)
      : msg('The form is ready.');
    return saved ? `${saved} ${loaded}` : loaded;
  }

  protected override problemOf(error: unknown): string {
    if (error instanceof ApiError && error.status === 404)
      return msg('No consultation has this id. Find it in the list of consultations.');
    return error instanceof ApiError && error.status === 422
      ? msg('The collector refused this address: go back to the list of consultations.')
      : super.problemOf(error);
  }

  override render() {
    const id = this.consultationId;
    return html`
      <p><a href=${href('/consultations')}>${msg('Back to the consultations')}</a></p>
      ${
        id === undefined
          ? html`<h1 tabindex="-1">${msg('Create a consultation')}</h1>`
          : html`<h1 tabindex="-1">${msg('Consultation')} <span class="reference" dir="ltr">${id}</span></h1>`
      }
      ${this.loadingState()} ${this.data === null ? this.creating() : nothing}
      ${this.data ? this.detail(this.data) : nothing}
    `;
  }

  private creating() {
    if (!this.canChange)
      return html`<p>${msg('Creating consultations needs the moderator role. Your account can read them.')}</p>`;
    return html`<console-consultation-form .listed=${null} @console-consultation-saved=${this.saved}></console-consultation-form>`;
  }

  private detail({ listed, views }: Shown) {
    const item = listed.consultation;
    return html`
      <dl class="facts">
        <dt>${msg('Title')}</dt>
        <dd>${this.bothLanguages(item.title)}</dd>
        <dt>${msg('Where it stands')}</dt>
        <dd>${stageName(stageOf(item))}</dd>
        <dt>${msg('Type')}</dt>
        <dd>${item.type ? consultationTypeName(item.type) : '—'}</dd>
        ${item.level ? html`<dt>${msg('Level of participation')}</dt><dd>${levelName(item.level)}</dd>` : nothing}
        <dt>${msg('Opens')}</dt>
        <dd>${moment(item.opensAt)}</dd>
        <dt>${msg('Closes')}</dt>
        <dd>${moment(item.closesAt)}</dd>
        <dt>${msg('Participants')}</dt>
        <dd>${count(item.participants)}</dd>
      </dl>
      ${
        this.canChange
          ? html`<console-consultation-form .listed=${listed} @console-consultation-saved=${this.saved}></console-consultation-form>`
          : html`<p class="muted">
            ${msg('You can read the consultation and its views; changing it and publishing its outcome need the moderator role.')}
          </p>`
      }
      ${this.views(listed, views)} ${this.outcome(item)}
    `;
  }

  private bothLanguages(text: LocalText | undefined) {
    const ar = textIn(text, 'ar');
    const en = textIn(text, 'en');
    if (ar === en) return html`<span dir="auto">${ar}</span>`;
    return html`${ar ? html`<span lang="ar" dir="rtl">${ar}</span>` : nothing}${ar && en ? html`<br />` : nothing}${en ? html`<span lang="en" dir="ltr">${en}</span>` : nothing}`;
  }

  private views(listed: Listed, list: ViewList) {
    const { views } = listed;
    const id = listed.consultation.id;
    return html`
      <h2 id="views-title">${msg('Views as they arrive')}</h2>
      <p class="actions">
        <button @click=${this.checkViews}>${msg('Check for new views')}</button>
      </p>
      <div class="table-wrap">
        <table>
          <caption>
            ${msg('Views kept, one for each visitor, by stance')}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="number">${msg('Support')}</th>
              <th scope="col" class="number">${msg('Neutral')}</th>
              <th scope="col" class="number">${msg('Oppose')}</th>
              <th scope="col" class="number">${msg('Taken elsewhere')}</th>
              <th scope="col" class="number">${msg('Participants')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td class="number">${count(views.support)}</td>
              <td class="number">${count(views.neutral)}</td>
              <td class="number">${count(views.oppose)}</td>
              <td class="number">${count(listed.consultation.participants - kept(listed))}</td>
              <td class="number">${count(listed.consultation.participants)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      ${exportLinks(
        `consultations/${encodeURIComponent(id)}/views`,
        {},
        {
          csv: msg('Export every view as CSV'),
          json: msg('Export every view as JSON'),
        },
      )}
      ${
        list.items.length
          ? html`<div class="table-wrap">
            <table>
              <caption>
                ${msg('Views, newest first')}
                <span class="hint">${sweptViews()}</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Received')}</th>
                  <th scope="col">${msg('Stance')}</th>
                  <th scope="col">${msg('Comment')}</th>
                  <th scope="col">${msg('Written in')}</th>
                  <th scope="col">${msg('Counted')}</th>
                </tr>
              </thead>
              <tbody>
                ${list.items.map(
                  (view) => html`<tr>
                    <th scope="row">${moment(view.receivedAt)}</th>
                    <td>${stanceName(view.stance)}</td>
                    <td lang=${view.locale} dir="auto">${view.comment ?? '—'}</td>
                    <td>${languageName(view.locale)}</td>
                    <td>${view.counted ? msg('Yes') : msg('No: the same visitor changed it later')}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : html`<p>${kept(listed) > 0 ? sweptViews() : msg('No views yet.')}</p>`
      }
      ${cursorPager('/consultation', { id }, this.cursor, list.next, msg('Pages of the views'))}
    `;
  }

  private outcome(item: Consultation) {
    const { outcome } = item;
    const stage = stageOf(item);
    return html`
      <h2 id="outcome-title" tabindex="-1">${msg('The outcome: you said, we did')}</h2>
      ${
        outcome
          ? html`<dl class="facts">
            <dt>${msg('Published')}</dt>
            <dd>${moment(outcome.publishedAt)}</dd>
            <dt>${msg('What we heard')}</dt>
            <dd>${this.bothLanguages(outcome.heard)}</dd>
            <dt>${msg('What we decided')}</dt>
            <dd>${this.bothLanguages(outcome.decided)}</dd>
          </dl>`
          : html`<p>${msg('Not published yet.')}</p>`
      }
      ${
        !this.canChange
          ? nothing
          : stage === 'closed' || stage === 'outcome'
            ? html`<console-outcome-form .consultation=${item} @console-outcome-published=${this.published}></console-outcome-form>`
            : html`<p>${msg(str`The outcome can be published once the consultation closes, on ${moment(item.closesAt)}.`)}</p>`
      }
    `;
  }

  private async saved(event: CustomEvent<SavedConsultation>): Promise<void> {
    const { id, created } = event.detail;
    if (created) {
      // Its own screen loads it; what was saved is said with what that screen then says.
      this.savedText = msg('The consultation is created.');
      navigate(href('/consultation', { id }));
      return;
    }
    // Saved either way: a reload that fails is said after that, and the screen keeps what it showed.
    let problem = '';
    try {
      this.data = await this.load();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      problem = this.problemOf(error);
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    announce(this, problem ? `${msg('The consultation is saved.')} ${problem}` : msg('The consultation is saved.'));
  }

  private async published(event: CustomEvent<Consultation>): Promise<void> {
    if (!this.data) return;
    const { listed } = this.data;
    this.data = { ...this.data, listed: { ...listed, consultation: event.detail } };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#outcome-title')?.focus();
    announce(this, msg('The outcome is published.'));
  }

  private async checkViews(): Promise<void> {
    try {
      const shown = await this.load();
      this.data = shown;
      if (shown) announce(this, msg(str`${count(kept(shown.listed))} views kept; the newest are first.`));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) announce(this, this.problemOf(error));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-consultation': ConsoleConsultation;
  }
}
