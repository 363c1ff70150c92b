/**
 * What every element's stories share: the per-story collector space (tools/dev-endpoint.mjs), a clean
 * slate in storage, the Arabic and themed variants of a story, and reading an element's shadow root in
 * the story's language. Stories of each element keep only what is theirs.
 */
import { expect, spyOn, userEvent, waitFor } from 'storybook/test';
import { configure } from '../../src/core/element/config.js';
import type { OutboxOptions } from '../../src/core/outbox/outbox-options.js';

export type Locale = 'en' | 'ar';

/** One scripted answer of the collector: the same shape the element tests script (tools/dev-endpoint.mjs). */
export type { Scripted } from '../../test/helpers/endpoint.js';
import type { Scripted } from '../../test/helpers/endpoint.js';

export interface Logged {
  method: string;
  route: string;
  query: Record<string, string>;
  body: any;
}

export async function script(base: string, route: string, responses: Scripted[]): Promise<void> {
  const response = await fetch(`${base}/__script`, { method: 'POST', body: JSON.stringify({ route, responses }) });
  if (!response.ok) {
    throw new Error(
      `The in-browser collector did not take the script for ${base} (HTTP ${response.status}): ` +
        'Mock Service Worker is not answering (see startCollector in .storybook/preview.ts).',
    );
  }
}

export async function logOf(base: string): Promise<Logged[]> {
  return (await fetch(`${base}/__log`)).json();
}

export async function postsOf(base: string): Promise<Logged[]> {
  return (await logOf(base)).filter((entry) => entry.route === 'submissions');
}

/** Gives the dev collector what a story needs under `base`: its consultations or ideas, a script of answers. */
export async function postToCollector(base: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${base}/${path}`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) {
    throw new Error(
      `The dev collector did not take ${path} for ${base} (HTTP ${response.status}). This story needs it: ` +
        'run Storybook with its dev server (npm run storybook) or through Vitest, not from a static build.',
    );
  }
}

/**
 * A fresh collector space for one render of story `id`, scripted per route, after a clean slate: nothing
 * another story left in the outbox, and the outbox as the story wants it (`false`: turned off).
 */
export async function openSpace(
  id: string,
  routes: Record<string, Scripted[] | undefined>,
  outbox?: false | OutboxOptions,
): Promise<string> {
  for (const key of Object.keys(localStorage)) if (key.startsWith('ep-widgets.outbox:')) localStorage.removeItem(key);
  configure({ outbox: outbox ?? true });
  const endpoint = `/ep-dev/story-${id}-${Math.random().toString(36).slice(2, 10)}`;
  for (const [route, responses] of Object.entries(routes))
    if (responses?.length) await script(endpoint, route, responses);
  return endpoint;
}

/** The controls of the options every form element takes (a form element's stories add their own). */
export const formArgTypes = {
  endpoint: {
    control: 'text',
    description: 'Base URL of the collector. Left empty here, each story uses its own space on the dev collector.',
  },
  'min-fill-time': {
    control: { type: 'number', min: 0, step: 500 },
    description:
      'Milliseconds before a submission counts as a person’s (default 3000). 0 in these stories: play functions type faster than people.',
  },
  'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
  'no-draft': { control: 'boolean' },
  'privacy-notice': { control: 'text' },
  timeout: { control: { type: 'number', min: 0, step: 100 } },
} as const;

/** The collector's answer to a send: a 422 that says the email address is not one. */
export const REFUSES_EMAIL = {
  submissions: [{ status: 422, body: { fieldErrors: [{ field: 'contact.email', code: 'invalid' }] } }],
};

/** The collector's answers to sends: a 500 (the submission is saved on the device), then a 422 when it is sent again. */
export const FAILS_THEN_REFUSED = {
  submissions: [
    { status: 500, body: {} },
    { status: 422, body: {} },
  ],
};

export const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

export function textOf(root: ParentNode, selector: string): string {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return squash(found.textContent);
}

/** The control `selector` finds, failing the story when there is none. */
export const control = <T extends HTMLElement = HTMLInputElement>(root: ParentNode, selector: string): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

export async function pressSend(root: ShadowRoot): Promise<void> {
  await userEvent.click(control(root, '[part~="send-button"]'));
}

/** The form's error summary as a visitor reads it, one problem a line. */
export const summaryItems = (root: ShadowRoot): string[] =>
  [...root.querySelectorAll('.error-summary li')].map((item) => squash(item.textContent));

export function localeOf(globals: Record<string, unknown>): Locale {
  return globals.locale === 'ar' ? 'ar' : 'en';
}

/**
 * The story's `tag` element once it rendered in the story's language and direction: `<html lang>` and
 * `dir` set by the preview, the element's own `lang`/`dir`, and the computed direction.
 */
export async function elementIn<E extends HTMLElement>(
  canvas: HTMLElement,
  tag: string,
  locale: Locale,
): Promise<{ el: E; root: ShadowRoot }> {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const el = canvas.querySelector<E>(tag);
  await expect(el, `the story renders a <${tag}>`).toBeTruthy();
  const root = el!.shadowRoot!;
  await waitFor(() => {
    const base = root.querySelector('[part="base"]');
    expect(base?.getAttribute('lang')).toBe(locale);
    expect(base?.getAttribute('dir')).toBe(dir);
  });
  await expect(document.documentElement.lang).toBe(locale);
  await expect(document.documentElement.dir).toBe(dir);
  await expect(getComputedStyle(root.querySelector('[part="base"]')!).direction).toBe(dir);
  return { el: el!, root };
}

/** The same state in Arabic: the page (and so the element) in `ar`, right to left. Not repeated in the docs page. */
export function arabic<S extends object>(story: S, name: string): S {
  return { ...story, name, globals: { locale: 'ar' }, tags: ['!autodocs'] };
}

/** The same state under the dark or high-contrast toolbar theme, so axe checks its contrast. */
export function themed<S extends object>(
  story: S,
  theme: 'dark' | 'high-contrast',
  name: string,
  locale: Locale = 'en',
): S {
  return { ...story, name, globals: { locale, theme }, tags: ['!autodocs'] };
}

/**
 * For the stories without an endpoint: the element tells the web team on the console (an error, a moment
 * after it rendered). The story catches it before render, so the page's console stays for real errors, and
 * its play function checks it with `sawMissingEndpointMessage`.
 */
export function catchConsoleErrors(): () => void {
  const spy = spyOn(console, 'error').mockImplementation(() => {});
  return () => spy.mockRestore();
}

export async function sawMissingEndpointMessage(tag: string): Promise<void> {
  await waitFor(
    () => expect(console.error).toHaveBeenCalledWith(expect.stringContaining(`<${tag}>: no endpoint is configured`)),
    { timeout: 3000 },
  );
}

/**
 * Types `text` into `field` as a visitor would. A guidance page plays several examples at once, and the
 * keyboard types wherever focus is, which another example may take mid-word; there the value is set and
 * `input` fired instead. The story's own page (which scripts/storybook-check.mjs runs too) types for real.
 */
export async function typeInto(
  context: { viewMode: string },
  field: HTMLInputElement | HTMLTextAreaElement,
  text: string,
): Promise<void> {
  if (context.viewMode !== 'docs') return userEvent.type(field, text);
  field.value += text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Waits until focus satisfies `check`, in the story's own canvas. A guidance page plays several examples at
 * once and only one element in a page can hold focus, so there the check is left to the story itself (which
 * scripts/storybook-check.mjs runs on its own page too).
 */
export async function focusCheck(context: { viewMode: string }, check: () => void): Promise<void> {
  if (context.viewMode === 'docs') return;
  await waitFor(check);
}
