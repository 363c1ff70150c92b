/** Walking through an element with the Tab key, as a visitor using only the keyboard does. */
import { sendKeys } from '@web/test-runner-commands';
import { focusedIn } from './shadow.js';

/**
 * Tab presses from where focus is until it leaves `host`, or reaches the stop named `until` (or 40 presses),
 * naming each stop by its id, else its part, else its tag.
 */
export async function tabStops(host: Element, until?: string): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < 40; i++) {
    await sendKeys({ press: 'Tab' });
    const active = focusedIn(host) as HTMLElement | null;
    if (!active) break;
    stops.push(active.id || active.getAttribute('part') || active.localName);
    if (stops.at(-1) === until) break;
  }
  return stops;
}
