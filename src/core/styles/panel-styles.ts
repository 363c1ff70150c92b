/**
 * The look of an element that is a titled box holding a form, for any element: the box, its title and
 * intro, groups of choices, the contact block, the failure by the Send button (with a spinner on the button
 * while sending), the confirmation with its reference, and the "not available" message. On top of styles.ts,
 * form-styles.ts and field-styles.ts. Logical properties only.
 */
import { css } from 'lit';

export const panelStyles = css`
  .base {
    background: var(--_ep-color-surface);
    border: 1px solid var(--_ep-color-border);
    border-radius: var(--_ep-radius);
    padding: var(--_ep-space);
  }
  .title {
    margin-block: 0 0.5rem;
    font-weight: 700;
    font-size: 1.25em;
  }
  p {
    margin-block: 0.25rem;
  }
  .intro {
    margin-block: 0 1.25rem;
  }
  .choices {
    display: grid;
    gap: 0.25rem;
  }
  .contact {
    margin-block-end: 0.5rem;
  }
  .contact > legend,
  .subtitle {
    font-weight: 700;
    font-size: 1.125em;
  }
  .contact > .hint {
    margin-block-end: 1rem;
  }
  .failure {
    margin-block: 0 1rem;
  }
  .failure p {
    margin-block: 0 0.5rem;
  }
  [part~='send-button'][aria-disabled='true']::before {
    content: '';
    display: inline-block;
    inline-size: 0.875em;
    block-size: 0.875em;
    margin-inline-end: 0.5em;
    vertical-align: -0.0625em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: ep-spin 0.8s linear infinite;
  }
  @keyframes ep-spin {
    to {
      transform: rotate(1turn);
    }
  }
  .reference strong {
    display: block;
    font-size: 1.5em;
  }
  .confirmation button {
    margin-block-start: 1rem;
  }
  .unavailable {
    margin: 0;
    color: var(--_ep-color-muted);
  }
`;
