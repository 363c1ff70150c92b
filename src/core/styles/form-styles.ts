/**
 * Styles for form controls (text areas, check boxes, groups, hints, errors, warnings). Kept apart from
 * styles.ts so that an element can load them with the part of it that shows a form.
 */
import { css } from 'lit';

export const formStyles = css`
  /* The tokens only forms use are set here, with the forms. */
  :host {
    --_ep-color-field: var(--ep-color-field, #ffffff);
    --_ep-color-warning-surface: var(--ep-color-warning-surface, #fff4d6);
  }
  button.link {
    border-color: transparent;
    background: none;
    text-decoration: underline;
    padding-inline: 0.5em;
  }
  /* Text areas, and the text inputs and drop-downs of field-styles.ts (class input), look alike. */
  textarea,
  .input {
    font: inherit;
    color: inherit;
    background: var(--_ep-color-field);
    inline-size: 100%;
    border: 2px solid var(--_ep-color-border);
    border-radius: var(--_ep-radius);
  }
  textarea {
    min-block-size: 6em;
    padding: 0.5em;
    resize: vertical;
  }
  textarea[aria-invalid='true'],
  .input[aria-invalid='true'] {
    border-color: var(--_ep-color-error);
  }
  /* Drawn here, as the text fields are, not left to each engine: unticked, Firefox's stood out from the panel at
     2.9:1 and WebKit's at 1.6:1, where a control's edge needs 3:1 (1.4.11). The tick is the mark's shape. */
  input[type='checkbox'],
  input[type='radio'] {
    appearance: none;
    display: inline-grid;
    place-content: center;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    border: 2px solid var(--_ep-color-border);
    border-radius: 0.125rem;
    background: var(--_ep-color-field);
    color: var(--_ep-color-primary);
    cursor: pointer;
  }
  input[type='radio'],
  input[type='radio']::before {
    border-radius: 50%;
  }
  input:checked {
    border-color: currentColor;
  }
  input[type='checkbox']::before,
  input[type='radio']::before {
    content: '';
    inline-size: 0.75rem;
    block-size: 0.75rem;
    visibility: hidden;
    background: currentColor;
  }
  input[type='checkbox']::before {
    inline-size: 0.875rem;
    clip-path: polygon(14% 44%, 0 65%, 50% 100%, 100% 16%, 80% 0, 43% 62%);
  }
  input:checked::before {
    visibility: visible;
  }
  label.choice {
    display: flex;
    gap: 0.75em;
    align-items: center;
    min-block-size: max(24px, var(--_ep-target));
    cursor: pointer;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .hint {
    color: var(--_ep-color-muted);
    margin-block: 0.25em;
  }
  .error-message {
    color: var(--_ep-color-error);
    font-weight: 600;
    margin-block: 0.25em;
  }
  .warning {
    background: var(--_ep-color-warning-surface);
    border-inline-start: 4px solid currentColor;
    padding-block: 0.5em;
    padding-inline: 0.75em;
    margin-block: 0.5em;
  }
  @media (forced-colors: active) {
    /* Forced colours paint backgrounds as the page: the mark keeps its own, in the system's colour. */
    input[type='checkbox']::before,
    input[type='radio']::before {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .error-message,
    textarea[aria-invalid='true'] {
      color: CanvasText;
      border-color: CanvasText;
    }
    .warning {
      border-inline-start-color: CanvasText;
    }
  }
`;
