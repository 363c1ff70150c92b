import { css } from 'lit';

/**
 * The card's own look, on top of the shared tokens, controls, form, field and disclosure styles. Logical
 * properties only; it fills the height of its grid cell, so cards side by side line up.
 */
export const cardStyles = css`
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--ep-consultation-gap, 0.75rem);
    block-size: 100%;
    background: var(--_ep-color-surface);
    border: 1px solid var(--_ep-color-border);
    border-radius: var(--_ep-radius);
    padding: var(--_ep-space);
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
  .status-line,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  .status {
    padding-inline: 0.75em;
    border: 1px solid;
    border-radius: 1em;
    font-weight: 700;
  }
  .open {
    background: var(--_ep-color-primary);
    border-color: var(--_ep-color-primary);
    color: var(--_ep-color-on-primary);
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: 0.5rem 1rem;
  }
  dt {
    color: var(--_ep-color-muted);
    font-size: 0.875em;
  }
  .promise,
  .comment {
    border-inline-start: 4px solid var(--_ep-color-primary);
    padding-inline-start: 0.75em;
  }
  .time-left,
  .participants,
  .minor-heading,
  .subheading {
    font-weight: 700;
  }
  .text,
  .comment {
    white-space: pre-line;
  }
  /* Blocks of their own for their 24px targets; aligned to the top, so a link that wraps keeps its bullet by
     its first line. */
  li a,
  .full-link a,
  section a {
    display: inline-block;
    vertical-align: top;
    min-block-size: 24px;
  }
  .take-part,
  section,
  .your-view {
    display: grid;
    gap: 0.5rem;
  }
  .take-part,
  section {
    border-block-start: 1px solid var(--_ep-color-border);
    padding-block-start: 0.75rem;
  }
  .your-view button {
    justify-self: start;
  }
  [part='error'] {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    margin-block-end: 1rem;
  }
  .unavailable {
    color: var(--_ep-color-muted);
  }
  @media (forced-colors: active) {
    .status,
    .promise {
      border-color: CanvasText;
    }
  }
`;
