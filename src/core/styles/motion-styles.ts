import { css } from 'lit';

/**
 * Motion is cut short for visitors who ask for less. Nothing in the first render moves, so elements adopt
 * this with the parts of them that may (see flow.ts).
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
