import { css } from 'lit';

/**
 * The feedback form's own look, on top of the shared tokens, controls, form and field styles and the
 * titled-box look every form element shares (core/styles/panel-styles.ts).
 */
export const feedbackStyles = css`
  :host {
    --_ep-feedback-field-size: var(--ep-feedback-field-max-inline-size, 30rem);
  }
  .input {
    max-inline-size: var(--_ep-feedback-field-size);
  }
  .confirmation-title {
    font-weight: 700;
    font-size: 1.25em;
  }
  .subheading {
    font-weight: 700;
    margin-block-start: 1rem;
  }
`;
