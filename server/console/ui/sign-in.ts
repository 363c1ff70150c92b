/**
 * The sign-in screen: a named account and its password, checked by the API (`POST session`). Problems are
 * shown GOV.UK's way: a summary at the top, focused, and a message at each field it concerns. The limit on
 * failed sign-ins is said before anyone meets it, and again, with the wait, when they do.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { api, ApiError, type Schemas } from './api.js';
import { describedBy, fieldError, type ConsoleErrorSummary, type FormError } from './error-summary.js';
import { count } from './formats.js';
import { consoleStyles } from './styles.js';
import './error-summary.js';

/** The collector's limit (server/sign-in-limit.ts): failures allowed within a window, per client and per name. */
const MAX_FAILURES = 10;
const WINDOW_MINUTES = 1;

export type ConsoleSession = Schemas['ConsoleSession'];

@customElement('console-sign-in')
@localized()
export class ConsoleSignIn extends LitElement {
  static override styles = consoleStyles;

  /** Said above the form: why the person is here again (signed out, session ended). */
  @property() notice = '';

  @state() private errors: FormError[] = [];
  @state() private busy = false;

  @query('console-error-summary') private summary!: ConsoleErrorSummary;

  override render() {
    const { errors } = this;
    return html`
      <h1 tabindex="-1">${msg('Sign in to the console')}</h1>
      ${this.notice ? html`<p>${this.notice}</p>` : nothing}
      <console-error-summary .errors=${errors}></console-error-summary>
      <form novalidate @submit=${this.submit}>
        <div class="field ${errors.some((e) => e.field === 'name') ? 'invalid' : ''}">
          <label for="name">${msg('Account name')}</label>
          ${fieldError(errors, 'name')}
          <input
            id="name"
            name="name"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            dir="ltr"
            aria-invalid=${errors.some((e) => e.field === 'name') ? 'true' : 'false'}
            aria-describedby=${describedBy(errors, 'name')}
          />
        </div>
        <div class="field ${errors.some((e) => e.field === 'password') ? 'invalid' : ''}">
          <label for="password">${msg('Password')}</label>
          ${fieldError(errors, 'password')}
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            dir="ltr"
            aria-invalid=${errors.some((e) => e.field === 'password') ? 'true' : 'false'}
            aria-describedby=${describedBy(errors, 'password')}
          />
        </div>
        <button class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Sign in')}</button>
      </form>
      <p class="muted" id="limit">
        ${msg(
          str`After ${count(MAX_FAILURES)} failed sign-ins within ${count(WINDOW_MINUTES)} minute, from this device or for one account name, signing in is paused until that minute ends. Ask an administrator if you have forgotten your password.`,
        )}
      </p>
    `;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    const missing: FormError[] = [];
    if (!name) missing.push({ field: 'name', text: msg('Enter your account name') });
    if (!password) missing.push({ field: 'password', text: msg('Enter your password') });
    if (missing.length) return this.fail(missing);

    this.busy = true;
    try {
      const session = await api<ConsoleSession>('session', { method: 'POST', body: { name, password } });
      this.errors = [];
      this.dispatchEvent(new CustomEvent('console-signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      (form.elements.namedItem('password') as HTMLInputElement).value = '';
      await this.fail(this.problemsOf(error));
    } finally {
      this.busy = false;
    }
  }

  private problemsOf(error: unknown): FormError[] {
    if (error instanceof ApiError && error.status === 401)
      return [{ field: 'name', text: msg('The account name or the password is wrong') }];
    if (error instanceof ApiError && error.status === 429) {
      const seconds = count(error.retryAfter ?? WINDOW_MINUTES * 60);
      return [{ field: 'name', text: msg(str`Too many failed sign-ins: try again in ${seconds} seconds`) }];
    }
    if (error instanceof ApiError && error.status === 422)
      return [{ field: 'name', text: msg('Enter an account name of letters, digits, dots, dashes or underscores') }];
    return [{ field: 'name', text: msg('The console could not reach the collector: try again in a moment') }];
  }

  private async fail(errors: FormError[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    await this.summary.show();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'console-sign-in': ConsoleSignIn;
  }
}
