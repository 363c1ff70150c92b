/** Walking through an element with the Tab key, as a visitor using only the keyboard does. */
import { sendKeys } from '@web/test-runner-commands';
import { focusedIn } from './shadow.js';

/**
 * Tab presses from where focus is until it leaves `host`, or reaches the stop named `until` (or 40 presses),
 * naming each stop by its id, else its part, else its tag.
 *
 * A button after `host` stands for the rest of a host page, so the walk ends on it. Were `host` the page's last
 * stop, the last Tab would take focus out of the document into the browser's own controls, and headless Firefox
 * does not give the window focus back: every later Enter or Space on a button then fires its key events without
 * clicking, in later test files of the run too (see docs/frameworks.md).
 */
export async function tabStops(host: Element, until?: string): Promise<string[]> {
  const stops: string[] = [];
  const rest = document.createElement('button');
  rest.textContent = 'the rest of the page';
  host.after(rest);
  try {
    for (let i = 0; i < 40; i++) {
      await sendKeys({ press: 'Tab' });
      const active = focusedIn(host) as HTMLElement | null;
      if (!active) break;
      stops.push(active.id || active.getAttribute('part') || active.localName);
      if (stops.at(-1) === until) break;
    }
  } finally {
    rest.remove();
  }
  return stops;
}
