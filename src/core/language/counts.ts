/**
 * Counts of each answer, with its share of all of them and a bar, for any element (the views a
 * consultation received, the votes on an idea). The numbers are the text; the bars are only a picture of
 * them (`aria-hidden`), native `<meter>`s that forced colors draw too. Knows no element.
 */
import { css, html, type TemplateResult } from 'lit';
import { formatNumber, intlLocale } from './format.js';
import type { Locale } from './locale.js';

export function renderCounts(items: readonly { label: string; count: number }[], locale: Locale): TemplateResult {
  const total = items.reduce((sum, { count }) => sum + count, 0);
  const share = new Intl.NumberFormat(intlLocale(locale), { style: 'percent' });
  return html`<dl class="counts" part="counts">
    ${items.map(
      ({ label, count }) => html`<div class="count">
        <dt>${label}</dt>
        <dd>
          ${formatNumber(count, locale)} (${share.format(total ? count / total : 0)})
          <meter aria-hidden="true" min="0" max=${Math.max(total, 1)} .value=${count}></meter>
        </dd>
      </div>`,
    )}
  </dl>`;
}

export const countsStyles = css`
  .counts {
    display: grid;
    gap: 0.5rem;
    margin: 0;
  }
  .count {
    display: grid;
    grid-template-columns: minmax(5rem, max-content) 1fr;
    gap: 0.75rem;
  }
  .count dd {
    margin: 0;
  }
  meter {
    inline-size: 8rem;
    max-inline-size: 100%;
  }
`;
