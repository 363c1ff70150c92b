import { css } from 'lit';

/**
 * The Lab's invitation's own look, on top of the shared tokens, controls, form, field and panel styles:
 * the withdrawal code large enough to copy by hand, in a box of its own. Logical properties only.
 */
export const labInviteStyles = css`
  :host {
    --_ep-lab-code-surface: var(--ep-lab-invite-code-surface, var(--_ep-color-field));
  }
  .input {
    max-inline-size: 30rem;
  }
  .withdrawal {
    background: var(--_ep-lab-code-surface);
    border: 2px solid var(--_ep-color-border);
    border-radius: var(--_ep-radius);
    padding-block: 0.5rem;
    padding-inline: 1rem;
    margin-block: 1rem;
  }
  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 1.5em;
    font-weight: 700;
    letter-spacing: 0.1em;
    overflow-wrap: anywhere;
  }
  .switch {
    margin-block-start: 1rem;
  }
`;
