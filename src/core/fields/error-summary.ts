/**
 * The error summary of the GOV.UK pattern: shown at the top of a form when it cannot be sent, it takes
 * focus (so it is read at once, without `role="alert"`), and lists each problem as a link that takes the
 * visitor to the field. Knows nothing of any element: the caller gives the items and the heading.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface SummaryItem {
  text: string;
  /** The id of the control this problem is about, in the same shadow root; without one the item is text. */
  target?: string | undefined;
}

/**
 * Links inside a shadow root cannot use the browser's fragment navigation (it looks in the document), so
 * a click focuses the control itself and brings its question into view: the legend of a group of radios,
 * else the control's label.
 */
function followLink(event: MouseEvent): void {
  const link = event.currentTarget as HTMLAnchorElement;
  const root = link.getRootNode() as ShadowRoot | Document;
  const target = root.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  target.focus();
  // The question too, not only the control: a group's legend (radios or check boxes), else the control's label.
  const question = target.closest('.choices')
    ? target.closest('fieldset')?.querySelector('legend')
    : (root.querySelector(`label[for="${target.id}"]`) ?? target.closest('label'));
  question?.scrollIntoView({ block: 'nearest' });
}

/** The summary, or nothing when there are no problems. Give it focus once rendered (selector `.error-summary`). */
export function renderErrorSummary(
  items: readonly SummaryItem[],
  heading: string,
  level: number,
): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" tabindex="-1">
    <div class="error-summary-title" role="heading" aria-level=${level}>${heading}</div>
    <ul>
      ${items.map(
        ({ text, target }) =>
          html`<li>${target ? html`<a href=${`#${target}`} @click=${followLink}>${text}</a>` : text}</li>`,
      )}
    </ul>
  </div>`;
}
