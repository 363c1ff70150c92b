/**
 * A long text from the collector (a description, a summary), for any element: its first part, and a "Read
 * more" button (`aria-expanded`, `aria-controls`) that shows the whole of it in place. Rendered as text in
 * its own direction (`dir="auto"`), keeping the writer's line breaks. Only the part shown is in the page.
 */
import { msg } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';

/** The first `max` characters, cut at a word when one ends in the last part, or undefined when the text is short. */
export function excerptOf(text: string, max: number): string | undefined {
  const chars = [...text];
  if (chars.length <= max) return undefined;
  const cut = chars.slice(0, max).join('');
  const space = cut.search(/\s\S*$/);
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface ExpandableText {
  /** The text's id (the button controls it). */
  id: string;
  text: string;
  /** Characters shown before "Read more". */
  max: number;
  expanded: boolean;
  /** What the text is about (an idea's title), said after the button's words: a list holds many of them. */
  about: string;
  /** Toggles `expanded`; the button carries `data-expand` with `key` to say which text. */
  key: string;
}

/** The text, then the button when it is long. The element keeps `expanded` and listens for the button's clicks. */
export function renderExpandable({ id, text, max, expanded, key, about }: ExpandableText): TemplateResult {
  const excerpt = excerptOf(text, max);
  return html`<p id=${id} class="expandable" dir="auto">${excerpt && !expanded ? excerpt : text}</p>
    ${
      excerpt
        ? html`<button type="button" class="link" part="read-more-button" data-expand=${key} aria-expanded=${expanded ? 'true' : 'false'} aria-controls=${id}>
          ${expanded ? msg('Show less', { id: 'core.read-less' }) : msg('Read more', { id: 'core.read-more' })}<span class="visually-hidden">: <bdi>${about}</bdi></span>
        </button>`
        : nothing
    }`;
}

export const expandableStyles = css`
  .expandable {
    white-space: pre-line;
  }
  button.link {
    min-block-size: 24px;
    padding: 0;
    border: 0;
    color: var(--_ep-color-primary);
  }
`;
