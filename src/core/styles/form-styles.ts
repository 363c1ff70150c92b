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
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_ep-color-primary);
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
