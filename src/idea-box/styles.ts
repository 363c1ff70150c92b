import { css } from 'lit';

/**
 * The idea box's own look, on top of the shared tokens, controls, form, field and panel styles. Logical
 * properties only; on a 360px phone the controls stack and each idea takes the full width.
 */
export const ideaBoxStyles = css`
  :host {
    --_ep-idea-answer: var(--ep-idea-box-answer-surface, var(--_ep-color-surface));
  }
  .input {
    max-inline-size: 30rem;
  }
  .share-form {
    margin-block: 1rem 1.5rem;
  }
  .ideas {
    margin-block-start: 1.5rem;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    margin-block: 0.5rem;
  }
  .controls .field {
    margin: 0;
    flex: 1 1 12rem;
  }
  .idea-list {
    list-style: none;
    padding: 0;
    margin-block: 0.75rem;
    display: grid;
    gap: 0.75rem;
  }
  article {
    background: var(--_ep-color-field);
    border: 1px solid var(--_ep-color-border);
    border-radius: var(--_ep-radius);
    padding-block: 0.75rem;
    padding-inline: var(--_ep-space);
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    margin-block: 0.25rem 0.5rem;
    color: var(--_ep-color-muted);
    font-size: 0.9375em;
  }
  .meta div {
    display: flex;
    gap: 0.35em;
  }
  /* Only the value wraps: the article breaks anywhere, and a term squeezed by its row split mid-word. */
  .meta dt {
    flex: none;
  }
  dt::after {
    content: ':';
  }
  dd {
    margin: 0;
  }
  /* The same pill as <ep-consultation-card>'s status, so a status looks alike wherever it appears. */
  .status {
    padding-inline: 0.75em;
    border: 1px solid;
    border-radius: 1em;
    color: var(--_ep-color-text);
    font-weight: 700;
  }
  .answer {
    background: var(--_ep-idea-answer);
    border-inline-start: 4px solid var(--_ep-color-primary);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    margin-block: 0.75rem;
  }
  .support {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin-block-start: 0.75rem;
  }
  [aria-pressed='true'] {
    background: var(--_ep-color-primary);
    color: var(--_ep-color-on-primary);
  }
  [aria-pressed='true']::before {
    content: '✓' / '';
    margin-inline-end: 0.4em;
  }
  [part~='more-button'] {
    inline-size: 100%;
  }
  @media (forced-colors: active) {
    [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
