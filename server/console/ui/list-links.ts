/**
 * The links under a list the API pages by cursor: the export of everything the filters find, and the way
 * through its pages. Both are plain links: the exports are the API's own CSV and JSON files, which the browser downloads
 * with the session cookie; the pages are addresses, so that Back returns to the page before.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { apiUrl } from './api.js';
import type { FilterValues } from './list-filters.js';
import { href } from './router.js';

/** The texts of a list's two export links ("Export these cases as CSV", "… as JSON"). */
export interface ExportTexts {
  csv: string;
  json: string;
}

/** "Export as CSV" and "Export as JSON": `path` of the API with the filters in force and `format`. */
export function exportLinks(path: string, filters: FilterValues, texts: ExportTexts): TemplateResult {
  const link = (format: keyof ExportTexts) =>
    html`<a class="button" href=${apiUrl(path, { ...filters, format }).href} download>${texts[format]}</a>`;
  return html`<p class="actions">${link('csv')} ${link('json')}</p>`;
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
