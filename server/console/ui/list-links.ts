/**
 * The links under a list the API pages by cursor: the export of everything the filters find, and the way
 * through its pages. Both are plain links: the export is the API's own CSV, which the browser downloads
 * with the session cookie; the pages are addresses, so that Back returns to the page before.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { apiUrl } from './api.js';
import type { FilterValues } from './list-filters.js';
import { href } from './router.js';

/** "Export as CSV": `path` of the API with the filters in force and `format=csv`. */
export function exportLink(path: string, filters: FilterValues, text: string): TemplateResult {
  return html`<p><a class="button" href=${apiUrl(path, { ...filters, format: 'csv' }).href} download>${text}</a></p>`;
}

/** The next page (`after` the API's `next`) and, past the first, the way back to the first. */
export function cursorPager(
  screen: string,
  filters: FilterValues,
  after: string,
  next: string | undefined,
  label: string,
): TemplateResult | typeof nothing {
  if (!after && !next) return nothing;
  return html`<nav class="actions" aria-label=${label}>
    ${after ? html`<a href=${href(screen, filters)}>${msg('First page')}</a>` : nothing}
    ${next ? html`<a href=${href(screen, { ...filters, after: next })}>${msg('Next page')}</a>` : nothing}
  </nav>`;
}
