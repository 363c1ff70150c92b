/** A page as the console names it: its path, as a link to its detail (with the filters in force). */
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

export function pageLink(page: string, query: Record<string, string>): TemplateResult {
  const { from = '', to = '', lang = '' } = query;
  return html`<a href=${href('/page', { key: page, from, to, lang })}><span class="url" dir="ltr">${pathOf(page)}</span></a>`;
}
