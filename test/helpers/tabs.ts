/**
 * Same-origin iframes playing a site's tabs: each loads its own copy of the library, and shares storage and locks
 * with the others, as tabs do (a reload is a tab closed and the same page opened again). Each is
 * test/fixtures/tab.html with one element.
 */
import { waitUntil } from '@open-wc/testing';
import type { TestEndpoint } from './endpoint.js';
import { resetPage } from './page.js';

const frames: HTMLIFrameElement[] = [];

/** The page reset before each test of the suite, and every tab it opened closed after it. */
export function tabsPerTest(): void {
  beforeEach(resetPage);
  afterEach(async () => {
    frames.splice(0).forEach((frame) => frame.remove());
    await resetPage();
  });
}

/**
 * Opens a page of the site (tab.html with `query`: `tag`, `page`, `timeout`, `remember`, `nolocks`), which starts
 * the library's outbox; resolves with its element once that has rendered `ready`.
 */
export async function openTab<E extends HTMLElement = HTMLElement>(
  endpoint: TestEndpoint,
  query: Record<string, string> = {},
  ready = 'button',
): Promise<E> {
  const frame = document.createElement('iframe');
  frame.src = `/test/fixtures/tab.html?${new URLSearchParams({ endpoint: endpoint.base, ...query })}`;
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const tag = query.tag ?? 'ep-page-poll';
  let element: E | undefined;
  await waitUntil(
    () => (element = frame.contentDocument?.querySelector<E>(tag) ?? undefined)?.shadowRoot?.querySelector(ready),
    `the ${tag} in the tab did not render`,
    { timeout: 10_000 },
  );
  return element!;
}

/** Closes the tab `element` is in: its requests are cancelled, and pagehide sends what waits with keepalive. */
export function closeTab(element: Element): void {
  const index = frames.findIndex((frame) => frame.contentDocument === element.ownerDocument);
  frames.splice(index, 1)[0]?.remove();
}
