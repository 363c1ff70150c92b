/**
 * A disclosure for any element: a real button whose `aria-expanded` says whether what it controls is
 * shown, with a triangle that turns (pointing to the inline end, then down, in either direction).
 * Knows no element.
 */
import { css, html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface DisclosureOptions {
  label: string;
  expanded: boolean;
  /** The id of what it shows; named only while that is in the page. */
  controls: string;
  part: string;
  id?: string;
  toggle: () => void;
}

export function renderDisclosure({ label, expanded, controls, part, id, toggle }: DisclosureOptions): TemplateResult {
  return html`<button type="button" id=${ifDefined(id)} class="link disclosure" part=${part} aria-expanded=${expanded ? 'true' : 'false'} aria-controls=${ifDefined(expanded ? controls : undefined)} @click=${toggle}>${label}</button>`;
}

/** On top of form-styles.ts (`button.link`); the turn follows reduced motion (motion-styles.ts). */
export const disclosureStyles = css`
  button.disclosure {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    align-self: start;
    padding-inline: 0.25em;
  }
  .disclosure::before {
    content: '';
    border-block: 0.35em solid transparent;
    border-inline-start: 0.5em solid currentColor;
    transition: transform 0.2s;
  }
  .disclosure[aria-expanded='true']::before {
    transform: rotate(90deg);
  }
  [dir='rtl'] .disclosure[aria-expanded='true']::before {
    transform: rotate(-90deg);
  }
  /* Forced colours paint every border, the transparent ones too, which made the triangle a square. */
  @media (forced-colors: active) {
    .disclosure::before {
      forced-color-adjust: none;
      border-block-color: transparent;
      border-inline-start-color: ButtonText;
    }
  }
`;
