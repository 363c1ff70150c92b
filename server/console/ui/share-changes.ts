/**
 * The biggest changes in the yes share, as a table: the page, each period's share and answers, and the
 * change in percentage points. Used for every page (the pages screen) and for one (a page's detail).
 */
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { Schemas } from './api.js';
import { count, day, dayBefore, percent, points } from './formats.js';
import { pageLink } from './page-link.js';

export type ShareChanges = Schemas['PageShareChanges'];

const period = ({ from, to }: { from: string; to: string }): string => msg(str`${day(from)} to ${day(dayBefore(to))}`);

export function shareChangesTable(
  changes: ShareChanges,
  caption: string,
  query: Record<string, string>,
): TemplateResult {
  const share = (counts: Schemas['AnswerCounts']) => msg(str`${percent(counts.share)} of ${count(counts.total)}`);
  return html`<div class="table-wrap">
    <table>
      <caption>
        ${caption}
        <span class="muted">${msg(str`(this period: ${period(changes.current)}; the one before: ${period(changes.previous)})`)}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Page')}</th>
          <th scope="col" class="number">${msg('Useful before')}</th>
          <th scope="col" class="number">${msg('Useful now')}</th>
          <th scope="col" class="number">${msg('Change (percentage points)')}</th>
        </tr>
      </thead>
      <tbody>
        ${changes.items.map(
          (item) => html`<tr>
            <th scope="row">${pageLink(item.page, query)}</th>
            <td class="number">${share(item.previous)}</td>
            <td class="number">${share(item.current)}</td>
            <td class="number">${points(item.change)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
