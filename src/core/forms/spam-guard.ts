/**
 * Two quiet guards against form-filling robots, neither of which a person ever meets:
 *
 * - a honeypot: a text field that people neither see nor reach (off-screen, `aria-hidden`, out of the tab
 *   order, never autofilled) but that robots filling every field fill in;
 * - a minimum fill time: a form sent sooner after it appeared than anyone could read and type it.
 *
 * A form that trips either should not send, and should look sent, so the robot learns nothing.
 */
import { css, html, type TemplateResult } from 'lit';
import { numberOption } from '../element/number-option.js';

/** The honeypot's name: one that robots like to fill and that no browser autofills. */
export const HONEYPOT_NAME = 'website';

/** The minimum fill time of every form, unless its author sets one (`min-fill-time`). */
export const DEFAULT_MIN_FILL_MS = 3000;

export type SpamSignal = 'honeypot' | 'too-fast';

export interface SpamCheck {
  /** What the honeypot holds. */
  honeypot: string;
  /** When the form appeared (or when the visitor's draft was started), ms since the epoch. */
  startedAt: number;
  /** The author's minimum fill time in ms; anything but a number from 0 up means the default. */
  minFillMs: number;
  now?: number;
}

/** Why this submission looks robotic, or undefined when it looks human. */
export function spamSignal({ honeypot, startedAt, minFillMs, now = Date.now() }: SpamCheck): SpamSignal | undefined {
  if (honeypot !== '') return 'honeypot';
  if (now - startedAt < numberOption(minFillMs, DEFAULT_MIN_FILL_MS)) return 'too-fast';
  return undefined;
}

/**
 * The honeypot field. `label` is said to nobody (the field is hidden from assistive technology too); it
 * is there for a person browsing without styles, who would see "leave this empty".
 */
export function renderHoneypot(label: string): TemplateResult {
  return html`<div class="ep-trap" aria-hidden="true">
    <label for="ep-trap">${label}</label>
    <input id="ep-trap" name=${HONEYPOT_NAME} type="text" tabindex="-1" autocomplete="off" />
  </div>`;
}

/** The honeypot's field value inside `root`, '' when there is none. */
export function honeypotValue(root: ParentNode): string {
  return root.querySelector<HTMLInputElement>(`input[name="${HONEYPOT_NAME}"]`)?.value ?? '';
}

/**
 * Clipped to nothing where it stands, out of the flow; not `display: none`, which robots recognise. Not moved
 * off-screen: the side that never scrolls is the page's inline-start, and the element's direction (its
 * language's) may differ from the page's (an Urdu page shows the English form), where the trap would then
 * widen the page.
 */
export const honeypotStyles = css`
  .ep-trap {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
`;
