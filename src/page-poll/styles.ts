import { css } from 'lit';

/** The box and the question step: what the element shows before anything else loads. */
export const pagePollStyles = css`
  :host {
    /* Reserve the question's height before the first render so the page does not shift. */
    min-block-size: var(--ep-page-poll-min-block-size, 5.5rem);
    --_ep-page-poll-gap: var(--ep-page-poll-gap, 0.75rem);
  }
  /* The question and the note together, held before the note arrives and kept when there is none. */
  :host([show-changes]) {
    min-block-size: var(--ep-page-poll-changes-min-block-size, 14rem);
  }
  .base {
    background: var(--_ep-color-surface);
    border: 1px solid var(--_ep-color-border);
    border-radius: var(--_ep-radius);
    padding: var(--_ep-space);
    min-block-size: inherit;
  }
  .question-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ep-page-poll-gap);
  }
  .question {
    margin-inline-end: auto;
    font-weight: 700;
    font-size: 1.0625em;
  }
  .answers {
    display: flex;
    gap: var(--_ep-page-poll-gap);
  }
  p {
    margin-block: 0.25rem;
  }
  .unavailable {
    margin: 0;
    color: var(--_ep-color-muted);
  }
  .thanks {
    margin: 0;
    font-weight: 700;
  }
  .load-error {
    color: var(--_ep-color-error);
    font-weight: 600;
  }
  /*
   * On a phone the buttons go under the question: a known height to reserve, in both languages, and a taller one
   * with show-changes (:host([show-changes]) outweighs :host). After the wide heights, which these override.
   */
  @media (width < 30rem) {
    :host {
      min-block-size: var(--ep-page-poll-min-block-size, 7.75rem);
    }
    :host([show-changes]) {
      min-block-size: var(--ep-page-poll-changes-min-block-size, 20rem);
    }
    .question-row {
      flex-direction: column;
      align-items: stretch;
    }
  }
`;
