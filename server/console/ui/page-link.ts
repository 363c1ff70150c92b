/** A page as the console names it: its path, as a link to its detail (with the list's filters in force). */
import { html, type TemplateResult } from 'lit';
import { href } from './router.js';

/** The path and query of a page's key (a URL); the key itself when it is not one. */
export function pathOf(page: string): string {
  try {
    const url = new URL(page);
    return `${url.pathname}${url.search}`;
  } catch {
    return page;
  }
}

/** The pages screen's filters a page's detail keeps, so that its way back returns to the same list. */
export const KEPT_FILTERS = ['from', 'to', 'lang', 'service', 'path', 'order'] as const;

/** Of `query`, the filters in KEPT_FILTERS (empty when not given). */
export const keptFilters = (query: Record<string, string>): Record<string, string> =>
  Object.fromEntries(KEPT_FILTERS.map((name) => [name, query[name] ?? '']));

export function pageLink(page: string, query: Record<string, string>): TemplateResult {
  return html`<a href=${href('/page', { key: page, ...keptFilters(query) })}><span class="url" dir="ltr">${pathOf(page)}</span></a>`;
}
