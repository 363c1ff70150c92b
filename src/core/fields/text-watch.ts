/**
 * A free-text field as a visitor types into it, for any element: the characters remaining (announced only
 * when the count crosses into a new band, see character-count.ts), and the personal-data warning, checked
 * after a pause in typing with the detector loaded only once someone writes.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { countBand, remainingOf, shouldAnnounce, type CountBand } from './character-count.js';
import { renderedLocale } from '../language/language-sync.js';
import { charactersRemaining, personalDataWarning } from '../language/messages.js';
import type { PersonalDataKind } from './personal-data.js';

export class TextWatch implements ReactiveController {
  /** The kinds of personal data found in the text at the last check. */
  #personalData: PersonalDataKind[] = [];
  #text = '';
  #band: CountBand = 'plenty';
  #timer?: ReturnType<typeof setTimeout>;

  readonly #host: ReactiveElement;
  readonly #announce: (text: string) => void;

  constructor(host: ReactiveElement, announce: (text: string) => void) {
    this.#host = host;
    this.#announce = announce;
    host.addController(this);
  }

  /** The text changed (typing, or a draft restored): count, and check it for personal data after a pause. */
  update(text: string, max: number, quietly = false): void {
    this.#text = text;
    const remaining = remainingOf(text, max);
    const band = countBand(remaining, max);
    if (!quietly && shouldAnnounce(this.#band, band)) this.#announce(charactersRemaining(remaining, renderedLocale()));
    this.#band = band;
    clearTimeout(this.#timer);
    if (text) this.#check();
    else this.#personalData = [];
  }

  /** "You have N characters remaining", and whether that is an error (over the limit). */
  count(max: number): { text: string; over: boolean } {
    const remaining = remainingOf(this.#text, max);
    return { text: charactersRemaining(remaining, renderedLocale()), over: remaining < 0 };
  }

  /** The warning to show under the field, if personal data was found. */
  warning(): string | undefined {
    return this.#personalData.length > 0 ? personalDataWarning(this.#personalData, renderedLocale()) : undefined;
  }

  #check(): void {
    this.#timer = setTimeout(async () => {
      const { findPersonalData } = await import('./personal-data.js');
      const found = findPersonalData(this.#text);
      if (found.length > 0 && found.join() !== this.#personalData.join())
        this.#announce(personalDataWarning(found, renderedLocale()));
      this.#personalData = found;
      this.#host.requestUpdate();
    }, 400);
  }

  hostConnected(): void {
    // A move in the page cancels a pending check (see hostDisconnected): run it again.
    if (this.#text) this.#check();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }
}
