import { css } from 'lit';

/** The steps after the vote, adopted when after-vote.ts loads. */
export const afterVoteStyles = css`
  .reasons {
    display: grid;
    gap: 0.25rem;
    /* A clear break between the group of reasons and the comment: more than between two reasons. */
    margin-block: 0.5rem 2rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-end: 1rem;
  }
  .field label,
  .changes-heading {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ep-page-poll-gap);
  }
  .tally {
    margin-block: 0.5rem 0;
    color: var(--_ep-color-muted);
  }
  .changes {
    margin-block-start: 0.75rem;
  }
  .changes p {
    margin-block: 0.25rem 0;
  }
  .failure {
    margin-block: 0.75rem 0;
  }
  .failure p {
    margin-block: 0 0.5rem;
  }
`;
