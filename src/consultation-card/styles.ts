import { css } from 'lit';

/**
 * The card's own look, on top of the shared tokens, controls, form and field styles. Logical properties
 * only; it fills the height of a grid cell, so cards side by side line up.
 */
export const cardStyles = css`
  :host {
    --_ep-consultation-gap: var(--ep-consultation-gap, 0.75rem);
  }
  :host([layout='compact']) {
    --_ep-consultation-gap: var(--ep-consultation-gap, 0.5rem);
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_ep-consultation-gap);
    block-size: 100%;
    background: var(--_ep-color-surface);
    border: 1px solid var(--_ep-color-border);
    border-radius: var(--_ep-radius);
    padding-block: var(--_ep-space);
    padding-inline: var(--_ep-space);
    overflow-wrap: anywhere;
  }
  p,
  dl,
  dd {
    margin: 0;
  }
  a {
    color: var(--_ep-color-primary);
    font-weight: 600;
  }
  .title {
    font-weight: 700;
    font-size: 1.25em;
    line-height: 1.3;
  }
  .compact .title {
    font-size: 1.125em;
  }
  .status-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .status {
    padding-block: 0.125em;
    padding-inline: 0.75em;
    border: 1px solid currentColor;
    border-radius: 1em;
    font-size: 0.875em;
    font-weight: 700;
  }
  .status.open {
    background: var(--_ep-color-primary);
    border-color: var(--_ep-color-primary);
    color: var(--_ep-color-on-primary);
  }
  .status.outcome,
  .time-left {
    color: var(--_ep-color-primary);
    font-weight: 600;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: 0.5rem 1rem;
  }
  .compact .facts {
    grid-template-columns: 1fr;
    gap: 0.25rem;
  }
  .compact .fact {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.5em;
  }
  dt {
    color: var(--_ep-color-muted);
    font-size: 0.875em;
  }
  .compact dt::after {
    content: ':';
  }
  .promise,
  .your-view .comment {
    border-inline-start: 4px solid var(--_ep-color-primary);
    padding-inline-start: 0.75em;
  }
  .participants,
  .minor-heading {
    font-weight: 700;
  }
  .subheading {
    font-weight: 700;
    font-size: 1.0625em;
  }
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
  .text {
    white-space: pre-line;
  }
  ul {
    margin-block: 0.25rem 0;
    padding-inline-start: 1.25em;
  }
  li a,
  .full-link a,
  [part='report-link'] {
    display: inline-block;
    min-block-size: 24px;
    padding-block: 0.125rem;
  }
  .take-part,
  .outcome {
    display: grid;
    gap: 0.5rem;
    border-block-start: 1px solid var(--_ep-color-border);
    padding-block-start: var(--_ep-consultation-gap);
  }
  form {
    margin-block-start: 0.5rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .failure {
    margin-block: 0 1rem;
  }
  .your-view {
    display: grid;
    gap: 0.25rem;
  }
  .your-view button {
    justify-self: start;
    margin-block-start: 0.5rem;
  }
  .your-view .comment {
    white-space: pre-line;
    border-inline-start-color: var(--_ep-color-border);
  }
  .counts {
    display: grid;
    gap: 0.25rem;
  }
  .count {
    display: grid;
    grid-template-columns: minmax(5rem, max-content) 1fr;
    gap: 0.75rem;
    align-items: center;
  }
  .count dd {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 0.5em;
  }
  meter {
    inline-size: 8rem;
    max-inline-size: 100%;
  }
  .unavailable {
    color: var(--_ep-color-muted);
  }
  .load-state.error-message {
    margin-block-end: 0.5rem;
  }
  @media (forced-colors: active) {
    .status,
    .promise {
      border-color: CanvasText;
    }
  }
`;
