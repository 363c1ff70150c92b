/**
 * How an element tells the visitor what happened, for any element: passing news goes to one polite live
 * region; a result (an error summary, a confirmation) takes focus after the next render, which is how it
 * is heard, once. Focus moves only where the visitor still is (in the element, or nowhere because the
 * control they used has just gone); someone who went on to the rest of the page keeps their place and
 * hears the news instead.
 */
import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';

export class Announcer implements ReactiveController {
  /** What the live region says now. */
  text = '';
  #focusNext?: string | undefined;
  /** Something was announced since focus() was asked: a visitor who went elsewhere hears that, not the target. */
  #saidSinceFocus = false;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Says `text` in the live region; clearing it first makes a repeated message be read again. */
  async announce(text: string): Promise<void> {
    this.text = '';
    this.#saidSinceFocus = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.text = text;
    this.host.requestUpdate();
  }

  /** Moves focus to what `selector` finds once the element has rendered, and empties the live region. */
  focus(selector: string): void {
    this.#focusNext = selector;
    this.#saidSinceFocus = false;
    this.text = '';
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.#focusNext) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>(this.#focusNext);
    this.#focusNext = undefined;
    const doc = this.host.ownerDocument;
    const active = doc.activeElement;
    if (this.host.shadowRoot?.activeElement || !active || active === doc.body) target?.focus();
    else if (target && !this.#saidSinceFocus) void this.announce(target.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  /** The live region (give it the shared `.visually-hidden` class's styles). */
  render(): TemplateResult {
    return html`<div id="announcer" class="visually-hidden" aria-live="polite">${this.text}</div>`;
  }
}
