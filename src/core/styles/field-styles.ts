/**
 * Styles for forms with several fields, on top of form-styles.ts: the size of text inputs, a field in error
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
  /* The rest of their look (and the radios') is shared with text areas and check boxes in form-styles.ts. */
  .input {
    min-block-size: max(24px, var(--_ep-target));
    padding-block: 0.25em;
    padding-inline: 0.5em;
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
  /* A block of its own for its 24px target; aligned to the top, so a link that wraps keeps its bullet by its
     first line. */
  .error-summary a {
    display: inline-block;
    vertical-align: top;
    min-block-size: 24px;
    color: var(--_ep-color-error);
    font-weight: 600;
  }
  /* CanvasText, not Mark: Mark is a background for MarkText, and as a line on the page it may all but vanish
     (yellow on a white page, 1.07:1). The bar and the box, not the colour, say what is in error. */
  @media (forced-colors: active) {
    .field.invalid,
    .error-summary,
    .input[aria-invalid='true'] {
      border-color: CanvasText;
    }
    .error-summary a {
      color: LinkText;
    }
  }
`;
