import { css } from 'lit';

/** The feedback form's own look, on top of the shared tokens, controls, form and field styles. */
export const feedbackStyles = css`
  :host {
    --_ep-feedback-field-size: var(--ep-feedback-field-max-inline-size, 30rem);
  }
  .base {
    background: var(--_ep-color-surface);
    border: 1px solid var(--_ep-color-border);
    border-radius: var(--_ep-radius);
    padding-block: var(--_ep-space);
    padding-inline: var(--_ep-space);
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
  .input {
    max-inline-size: var(--_ep-feedback-field-size);
  }
  .choices {
    display: grid;
    gap: 0.25rem;
  }
  .contact {
    margin-block-end: 0.5rem;
  }
  .contact > legend {
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
  .confirmation-title {
    font-weight: 700;
    font-size: 1.25em;
  }
  .subheading {
    font-weight: 700;
    margin-block-start: 1rem;
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
