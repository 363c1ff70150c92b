/**
 * What every data screen shares: it is given the route's parameters and the session, loads its data from
 * the API whenever the parameters change (an answer to older parameters is dropped), shows that it is
 * loading or why it failed, and says politely what it loaded (`console-announce`, which the app's live
 * region reads). Its `<h1>` is where the app moves focus after a navigation.
 */
import { msg } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from './api.js';
import type { ConsoleSession } from './sign-in.js';
import { consoleStyles } from './styles.js';

/** Asks the app to say `text` in its polite live region. */
export function announce(from: HTMLElement, text: string): void {
  from.dispatchEvent(new CustomEvent('console-announce', { detail: text, bubbles: true, composed: true }));
}

export abstract class ConsoleScreen<Data> extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) params = new URLSearchParams();
  @property({ attribute: false }) session?: ConsoleSession;

  @state() protected data?: Data;
  @state() protected problem?: string;

  private asked = -1;
  private loadedFor?: string;

  /** The screen's data for `this.params`. */
  protected abstract load(): Promise<Data>;
  /** What is said once it has loaded. */
  protected abstract loadedText(data: Data): string;

  protected get canChange(): boolean {
    return this.session?.role === 'moderator' || this.session?.role === 'administrator';
  }

  /** For a list the API pages by cursor: the one of the page shown (`after` in the address). */
  protected get cursor(): string {
    return this.params.get('after') ?? '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('params') && this.params.toString() !== this.loadedFor) {
      this.loadedFor = this.params.toString();
      void this.reload();
    }
  }

  protected async reload(): Promise<void> {
    const ask = ++this.asked;
    this.data = undefined;
    this.problem = undefined;
    try {
      const data = await this.load();
      if (ask !== this.asked) return;
      this.data = data;
      announce(this, this.loadedText(data));
    } catch (error) {
      if (ask !== this.asked || (error instanceof ApiError && error.status === 401)) return;
      this.problem = this.problemOf(error);
      announce(this, this.problem);
    }
  }

  /** Why the data could not be shown, in the person's terms; a screen adds what its API may refuse. */
  protected problemOf(error: unknown): string {
    return error instanceof ApiError && error.status === 422
      ? msg('The collector refused these filters: check the dates and the path.')
      : msg('The collector could not be reached: reload the page to try again.');
  }

  /** "Loading…", or why it failed, or nothing once there is data. */
  protected loadingState(): TemplateResult | typeof nothing {
    if (this.problem) return html`<p class="error-message">${this.problem}</p>`;
    if (this.data === undefined) return html`<p class="muted">${msg('Loading…')}</p>`;
    return nothing;
  }
}
