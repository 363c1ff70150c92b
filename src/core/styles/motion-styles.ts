import { css } from 'lit';

/**
 * Motion is cut short for visitors who ask for less. Only an element that has something that moves (a
 * spinner, a disclosure's turn) adopts this; the poll has nothing that moves, so it does not carry it.
 */
export const reducedMotion = css`
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
