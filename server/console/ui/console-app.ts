/**
 * The console: who is signed in, the language, the header with its navigation, and the screen the address
 * names. It moves focus to the screen's heading after every navigation, sign-in and sign-out, and says in a
 * polite live region what the screens report (`console-announce`) and what was saved (`console-saved`).
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { api, ApiError, SESSION_ENDED, useCsrfToken } from './api.js';
import { language, useLanguage } from './language.js';
import { currentRoute, href, navigate, type Route } from './router.js';
import type { ConsoleSession } from './sign-in.js';
import { consoleStyles } from './styles.js';
import './accounts-screen.js';
import './case-screen.js';
import './cases-screen.js';
import './consultation-screen.js';
import './consultations-screen.js';
import './ideas-screen.js';
import './note-screen.js';
import './notes-screen.js';
import './page-screen.js';
import './pages-screen.js';
import './panel-screen.js';
import './sign-in.js';

@customElement('console-app')
@localized()
export class ConsoleApp extends LitElement {
  static override styles = [
    ...consoleStyles,
    css`
      :host {
        max-inline-size: 80rem;
        margin-inline: auto;
        padding: 1rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 2rem;
        align-items: center;
        justify-content: space-between;
        border-block-end: 4px solid var(--_ep-color-primary);
        padding-block-end: 0.75rem;
        margin-block-end: 1.5rem;
      }
      .name {
        font-weight: 700;
        font-size: 1.2rem;
        margin: 0;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 1.5rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a[aria-current='page'] {
        font-weight: 700;
        text-decoration-thickness: 3px;
      }
      main:focus {
        outline: none;
      }
    `,
  ];

  /** undefined while asking the API, null when nobody is signed in. */
  @state() private session?: ConsoleSession | null;
  @state() private route: Route = currentRoute();
  @state() private notice = '';
  @state() private said = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener(SESSION_ENDED, this.onSessionEnded);
    void this.start();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener(SESSION_ENDED, this.onSessionEnded);
    super.disconnectedCallback();
  }

  private async start(): Promise<void> {
    await useLanguage();
    try {
      this.signedIn(await api<ConsoleSession>('session'));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401))
        this.notice = msg('The collector could not be reached.');
      this.session = null;
    }
  }

  private signedIn(session: ConsoleSession): void {
    useCsrfToken(session.csrfToken);
    this.session = session;
    this.notice = '';
  }

  private readonly onHashChange = (): void => {
    this.route = currentRoute();
    void this.focusScreen();
  };

  private readonly onSessionEnded = (): void => {
    useCsrfToken(undefined);
    this.session = null;
    this.notice = msg('Your session has ended: sign in again to go on.');
    void this.focusScreen(this.notice);
  };

  override render() {
    if (this.session === undefined) return html`<p class="muted">${msg('Loading…')}</p>`;
    return html`
      <header>
        <p class="name">${msg('e-participation console')}</p>
        ${this.session ? this.navigation() : nothing}
        <div class="actions">
          <button @click=${this.switchLanguage} lang=${language() === 'ar' ? 'en' : 'ar'}>
            ${language() === 'ar' ? 'English' : 'العربية'}
          </button>
          ${
            this.session
              ? html`<span>${this.session.displayName} (${this.roleName(this.session.role)})</span>
                <button @click=${this.signOut}>${msg('Sign out')}</button>`
              : nothing
          }
        </div>
      </header>
      <main id="main" tabindex="-1" @console-announce=${this.onAnnounce} @console-saved=${this.onSaved}>
        ${this.session ? this.screen(this.session) : this.signIn()}
      </main>
      <div role="status" class="visually-hidden">${this.said}</div>
    `;
  }

  override updated(): void {
    // The tab's title names the screen, in the console's language (WCAG 2.4.2).
    if (this.session !== undefined) document.title = `${this.titleOf()} · ${msg('e-participation console')}`;
  }

  private navigation(): TemplateResult {
    const current = (screens: string[]) => (screens.includes(this.route.screen) ? 'page' : undefined);
    return html`<nav aria-label=${msg('Console')}>
      <ul>
        <li><a href=${href('/pages')} aria-current=${ifDefined(current(['pages', 'page']))}>${msg('Pages')}</a></li>
        <li><a href=${href('/notes')} aria-current=${ifDefined(current(['notes', 'note']))}>${msg('What we changed')}</a></li>
        <li><a href=${href('/cases')} aria-current=${ifDefined(current(['cases', 'case']))}>${msg('Messages and comments')}</a></li>
        <li><a href=${href('/ideas')} aria-current=${ifDefined(current(['ideas']))}>${msg('Ideas')}</a></li>
        <li><a href=${href('/consultations')} aria-current=${ifDefined(current(['consultations', 'consultation']))}>${msg('Consultations')}</a></li>
        ${
          this.mayModerate
            ? html`<li><a href=${href('/panel')} aria-current=${ifDefined(current(['panel']))}>${msg('Lab panel')}</a></li>`
            : nothing
        }
        ${
          this.session?.role === 'administrator'
            ? html`<li><a href=${href('/accounts')} aria-current=${ifDefined(current(['accounts']))}>${msg('Accounts')}</a></li>`
            : nothing
        }
      </ul>
    </nav>`;
  }

  /** Whether the Lab's panel is shown in the navigation (the API refuses it to a viewer). */
  private get mayModerate(): boolean {
    return this.session?.role === 'moderator' || this.session?.role === 'administrator';
  }

  private roleName(role: ConsoleSession['role']): string {
    if (role === 'administrator') return msg('administrator');
    if (role === 'moderator') return msg('moderator');
    return msg('viewer');
  }

  private titleOf(): string {
    if (!this.session) return msg('Sign in to the console');
    switch (this.route.screen) {
      case 'pages':
        return msg('What visitors are telling us');
      case 'page':
        return msg('A page in detail');
      case 'notes':
        return msg('What we changed');
      case 'note':
        return msg('A "what we changed" note');
      case 'cases':
        return msg('Messages and comments');
      case 'case':
        return msg('A case');
      case 'panel':
        return msg("The Innovation Lab's participant panel");
      case 'accounts':
        return msg('Console accounts');
      case 'ideas':
        return msg('Ideas to review');
      case 'consultations':
        return msg('Consultations');
      case 'consultation':
        return msg('A consultation');
      default:
        return msg('Page not found');
    }
  }

  private signIn(): TemplateResult {
    return html`<console-sign-in .notice=${this.notice} @console-signed-in=${this.onSignedIn}></console-sign-in>`;
  }

  private screen(session: ConsoleSession): TemplateResult {
    const { screen, params } = this.route;
    switch (screen) {
      case 'pages':
        return html`<console-pages .params=${params} .session=${session}></console-pages>`;
      case 'page':
        if (!params.get('key')) break;
        return html`<console-page-detail .params=${params} .session=${session}></console-page-detail>`;
      case 'notes':
        return html`<console-notes .params=${params} .session=${session}></console-notes>`;
      case 'note':
        return html`<console-note .params=${params} .session=${session}></console-note>`;
      case 'cases':
        return html`<console-cases .params=${params} .session=${session}></console-cases>`;
      case 'case':
        return html`<console-case .params=${params} .session=${session}></console-case>`;
      case 'panel':
        return html`<console-panel .params=${params} .session=${session}></console-panel>`;
      case 'accounts':
        return html`<console-accounts .params=${params} .session=${session}></console-accounts>`;
      case 'ideas':
        return html`<console-ideas .params=${params} .session=${session}></console-ideas>`;
      case 'consultations':
        return html`<console-consultations .params=${params} .session=${session}></console-consultations>`;
      case 'consultation':
        return html`<console-consultation .params=${params} .session=${session}></console-consultation>`;
      default:
        break;
    }
    return html`<h1 tabindex="-1">${msg('Page not found')}</h1>
      <p><a href=${href('/pages')}>${msg('Go to the pages visitors are telling us about')}</a></p>`;
  }

  private onSignedIn(event: CustomEvent<ConsoleSession>): void {
    this.signedIn(event.detail);
    void this.focusScreen();
  }

  private async signOut(): Promise<void> {
    try {
      await api('session', { method: 'DELETE' });
    } catch {
      // Ended already (401): signed out either way.
    }
    useCsrfToken(undefined);
    this.session = null;
    this.notice = msg('You have signed out.');
    await this.focusScreen(this.notice);
  }

  private async switchLanguage(): Promise<void> {
    await useLanguage(language() === 'ar' ? 'en' : 'ar');
    this.requestUpdate();
  }

  private onAnnounce(event: CustomEvent<string>): void {
    // What the navigation said (the note is saved) goes on being said with what the screen then loaded.
    const said = this.navigationSaid ? `${this.navigationSaid} ${event.detail}` : event.detail;
    this.navigationSaid = '';
    void this.say(said);
  }

  private onSaved(event: CustomEvent<string>): void {
    event.stopPropagation();
    this.afterNavigation = event.detail;
    navigate(href('/notes'));
  }

  /** Said once the next screen has its focus (after a save, the list it returns to). */
  private afterNavigation = '';
  /** What the last navigation said, until the screen says what it loaded. */
  private navigationSaid = '';

  /** Moves focus to the shown screen's heading, then says `text` (or what a save left to say). */
  private async focusScreen(text = ''): Promise<void> {
    this.navigationSaid = '';
    await this.updateComplete;
    const screen = this.renderRoot.querySelector('main')?.firstElementChild;
    if (screen instanceof LitElement) await screen.updateComplete;
    const root = screen instanceof LitElement ? screen.renderRoot : this.renderRoot;
    root.querySelector<HTMLElement>('h1')?.focus();
    const said = text || this.afterNavigation;
    this.afterNavigation = '';
    if (!said) return;
    this.navigationSaid = said;
    await this.say(said);
  }

  /** Empties the live region first, so that the same words said twice are read twice. */
  private async say(text: string): Promise<void> {
    this.said = '';
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    this.said = text;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-app': ConsoleApp;
  }
}
