/**
 * Design tokens and the styles every element shares. Public tokens are `--ep-*`; each element reads the
 * private `--_ep-*` copies set here on `:host`, so a theme sets a token once and every part follows.
 * Logical properties only: the same rules serve Arabic (RTL) and English (LTR).
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_ep-font: var(--ep-font-family, system-ui, 'Segoe UI', 'Noto Sans Arabic', 'Noto Sans', Tahoma, sans-serif);
    --_ep-font-size: var(--ep-font-size, 1rem);
    --_ep-color-text: var(--ep-color-text, #1b1b1b);
    --_ep-color-muted: var(--ep-color-muted, #4a4a4a);
    --_ep-color-surface: var(--ep-color-surface, #f4f6f5);
    --_ep-color-border: var(--ep-color-border, #6b7370);
    --_ep-color-primary: var(--ep-color-primary, #0b6e4f);
    --_ep-color-on-primary: var(--ep-color-on-primary, #ffffff);
    --_ep-color-error: var(--ep-color-error, #b3261e);
    --_ep-color-focus: var(--ep-color-focus, #1d4ed8);
    --_ep-radius: var(--ep-radius, 0.375rem);
    --_ep-space: var(--ep-space, 1rem);
    --_ep-target: var(--ep-target-size, 2.75rem);

    display: block;
    box-sizing: border-box;
    /* Space after the element, so two of them in a row do not touch; a page that spaces its blocks itself sets 0. */
    margin-block-end: var(--ep-margin-block-end, 1.5rem);
    font-family: var(--_ep-font);
    font-size: var(--_ep-font-size);
    line-height: 1.5;
    color: var(--_ep-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* Firefox and Safari give a list item its parent's side (match-parent): text in it with its own direction
     (dir="auto", an idea in the other language) would line up with the page's. */
  li {
    text-align: start;
  }
`;

export const controls = css`
  button {
    font: inherit;
    min-block-size: max(24px, var(--_ep-target));
    min-inline-size: max(24px, var(--_ep-target));
    padding-block: 0.5em;
    padding-inline: 1.25em;
    border: 2px solid var(--_ep-color-primary);
    border-radius: var(--_ep-radius);
    background: var(--_ep-color-surface);
    color: var(--_ep-color-primary);
    font-weight: 600;
    cursor: pointer;
  }
  button.primary {
    background: var(--_ep-color-primary);
    color: var(--_ep-color-on-primary);
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/** Visible focus for every control (WCAG 2.4.7, 2.4.13), kept under forced colors. */
export const focus = css`
  /* Programmatic focus (a message, the reasons) gets the same solid ring: 2.4.13 asks for a 2 CSS px
     perimeter at 3:1, which a thin dotted line is not. */
  :focus-visible,
  [tabindex='-1']:focus {
    outline: 3px solid var(--_ep-color-focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
    button {
      border-color: ButtonText;
    }
    button.primary {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
  }
`;

export const sharedStyles = [tokens, controls, focus];
