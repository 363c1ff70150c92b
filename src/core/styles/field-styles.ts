/**
 * Styles for forms with several fields, on top of form-styles.ts: text inputs, radios, a field in error
 * (the GOV.UK bar at its inline start) and the error summary. Apart from form-styles.ts so that the poll,
 * which has none of these, does not carry them. Logical properties only.
 */
import { css } from 'lit';

export const fieldStyles = css`
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block: 0 1.25rem;
  }
  .field > label:not(.choice),
  .field > legend {
    font-weight: 600;
  }
  .field.invalid {
    border-inline-start: 4px solid var(--_ep-color-error);
    padding-inline-start: 0.75em;
  }
  .input {
    font: inherit;
    color: inherit;
    background: var(--_ep-color-field);
    inline-size: 100%;
    min-block-size: max(24px, var(--_ep-target));
    padding-block: 0.25em;
    padding-inline: 0.5em;
    border: 2px solid var(--_ep-color-border);
    border-radius: var(--_ep-radius);
  }
  .input[aria-invalid='true'] {
    border-color: var(--_ep-color-error);
  }
  input[type='radio'] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--_ep-color-primary);
  }
  .error-summary {
    border: 4px solid var(--_ep-color-error);
    border-radius: var(--_ep-radius);
    padding-block: 0.75em;
    padding-inline: 1em;
    margin-block: 0 1.25rem;
  }
  .error-summary-title {
    font-weight: 700;
    font-size: 1.125em;
  }
  .error-summary ul {
    margin-block: 0.5em 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    display: inline-block;
    min-block-size: 24px;
    color: var(--_ep-color-error);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .field.invalid,
    .error-summary,
    .input[aria-invalid='true'] {
      border-color: Mark;
    }
    .error-summary a {
      color: LinkText;
    }
  }
`;
