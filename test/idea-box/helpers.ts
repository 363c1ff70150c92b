/** Driving <ep-idea-box> in tests: placing it, seeding the collector's ideas, filling the form, reading the list. */
import { fixture, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/ep-idea-box.js';
import type { EpIdeaBox } from '../../src/idea-box/ep-idea-box.js';
import type { Scripted, TestEndpoint } from '../helpers/endpoint.js';
import { $, $$, textOf } from '../helpers/shadow.js';

export type { EpIdeaBox };

/** An idea as the collector publishes it (see src/core/delivery/paths.ts). */
export interface PublishedIdea {
  id: string;
  title: string;
  description?: string;
  topic?: string | { code: string; label: unknown };
  supports?: number;
  status?: string;
  publishedAt?: string;
  answer?: { text: string; at?: string; from?: string; to?: string };
}

/** Sets what the test collector publishes: these ideas, or `count` plain ones. */
export async function publish(endpoint: TestEndpoint, ideas: PublishedIdea[] | number): Promise<void> {
  const body = typeof ideas === 'number' ? { generate: ideas } : { ideas };
  const response = await fetch(`${endpoint.base}/__ideas`, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`seeding ideas failed: ${response.status}`);
}

/** Scripts what the collector answers to the next reads of the list (`GET ideas`). */
export async function scriptList(endpoint: TestEndpoint, ...responses: Scripted[]): Promise<void> {
  const response = await fetch(`${endpoint.base}/__script`, {
    method: 'POST',
    body: JSON.stringify({ route: 'ideas', responses }),
  });
  if (!response.ok) throw new Error(`scripting the list failed: ${response.status}`);
}

export async function reads(endpoint: TestEndpoint) {
  return (await endpoint.log()).filter((entry) => entry.route === 'ideas');
}

/**
 * An idea box in a wrapper, pointed at `endpoint`. The fill-time guard is off (`min-fill-time="0"`) unless the
 * test sets it or asks for the default (`guarded`): tests fill forms far faster than people.
 */
export async function ideaBox(endpoint: TestEndpoint, attributes = '', guarded = false): Promise<EpIdeaBox> {
  const fill = guarded || attributes.includes('min-fill-time') ? '' : 'min-fill-time="0"';
  const host = await fixture<HTMLDivElement>(
    `<div><ep-idea-box endpoint="${endpoint.base}" ${fill} ${attributes}></ep-idea-box></div>`,
  );
  const element = host.querySelector('ep-idea-box')!;
  await element.updateComplete;
  return element;
}

export async function settle(element: EpIdeaBox): Promise<void> {
  await element.updateComplete;
  await nextFrame();
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The list status line, as heard. */
export const status = (element: EpIdeaBox): string =>
  (element.shadowRoot!.querySelector('[part="list-status"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the list has loaded (or failed) and rendered, after what was just asked of it has rendered. */
export async function listSettled(element: EpIdeaBox): Promise<void> {
  await element.updateComplete;
  await waitUntil(
    () => !/Loading|جارٍ/.test(status(element)) && element.shadowRoot!.querySelector('[part="list-status"]'),
    'the list did not load',
    {
      timeout: 4000,
    },
  );
  await settle(element);
}

export const titles = (element: EpIdeaBox): string[] =>
  $$(element, '[part="idea-title"]').map((title) => title.textContent!.trim());

/** The idea whose title is `title`. */
export function ideaNamed(element: EpIdeaBox, title: string): HTMLElement {
  const heading = $$(element, '[part="idea-title"]').find((candidate) => candidate.textContent!.trim() === title);
  if (!heading) throw new Error(`no idea titled ${title}; shown: ${titles(element).join(' | ')}`);
  return heading.closest('article')!;
}

export const within = <T extends Element = HTMLElement>(scope: Element, selector: string): T => {
  const found = scope.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector} in ${scope.localName}`);
  return found;
};

export const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Opens the form with "Share an idea" (a form shown alone, `view="form"`, has no such button). */
export async function openForm(element: EpIdeaBox): Promise<void> {
  const button = element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="share-button"]');
  if (button?.getAttribute('aria-expanded') === 'false') button.click();
  await settle(element);
}

/** Puts `text` in the field with id `id`, as typing or pasting does (one input event). */
export async function typeInto(element: EpIdeaBox, id: string, text: string): Promise<void> {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(element, `#${id}`);
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(element);
}

/** Clicks the radio of `name` whose code is `code` (a topic or a channel). */
export async function choose(element: EpIdeaBox, name: 'topic' | 'channel', code: string): Promise<void> {
  const radio = $$<HTMLInputElement>(element, `input[name="${name}"]`).find((input) => input.value === code);
  if (!radio) throw new Error(`no ${name} radio with the code ${code}`);
  radio.click();
  await settle(element);
}

export async function tick(element: EpIdeaBox, id: string): Promise<void> {
  $<HTMLInputElement>(element, `#${id}`).click();
  await settle(element);
}

export const TITLE = 'Evening opening hours at service centres';
export const DESCRIPTION = 'Open the service centres until 9 pm two days a week, for people who work during the day.';

/** The least a visitor must give: a title, a description and a topic. */
export async function fillRequired(
  element: EpIdeaBox,
  topic = 'other',
  title = TITLE,
  description = DESCRIPTION,
): Promise<void> {
  await openForm(element);
  await typeInto(element, 'title', title);
  await typeInto(element, 'description', description);
  await choose(element, 'topic', topic);
}

export function pressSend(element: EpIdeaBox): void {
  $<HTMLButtonElement>(element, '[part~="send-button"]').click();
}

export async function confirmation(element: EpIdeaBox): Promise<void> {
  await waitUntil(() => element.shadowRoot!.querySelector('.confirmation'), 'no confirmation', { timeout: 4000 });
  await settle(element);
}

export async function errorSummary(element: EpIdeaBox): Promise<string[]> {
  await waitUntil(() => element.shadowRoot!.querySelector('.error-summary'), 'no error summary', { timeout: 4000 });
  await settle(element);
  return $$(element, '.error-summary li').map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
}

export const announced = (element: EpIdeaBox): string => textOf(element, '#announcer');

export const draftKeyFor = (which = ''): string =>
  `ep-widgets:idea-box:draft:v1:${location.origin}${location.pathname}#${which}`;

export const supportKeyFor = (endpoint: TestEndpoint): string => `ep-widgets:idea-box:v2:supported:${endpoint.base}`;

/** The support toggle of an idea, its count, and the message under it. */
export const supportButton = (idea: HTMLElement): HTMLButtonElement =>
  within<HTMLButtonElement>(idea, '[part~="support-button"]');
export const supporters = (idea: HTMLElement): string => squash(within(idea, '[part="supporters"]').textContent);

/**
 * Asserts that nothing inside `element` matches `selector`. Never `expect(node).to.equal(null)`: when it
 * fails, chai's diff of a live element can stall the browser until the runner gives up.
 */
export function expectNone(element: Element, selector: string, why = ''): void {
  const found =
    element.shadowRoot?.querySelector(selector) ?? (element.shadowRoot ? null : element.querySelector(selector));
  if (found)
    throw new Error(
      `${why ? `${why}: ` : ''}expected nothing to match ${selector}, found <${found.localName}> "${found.textContent?.trim().slice(0, 60)}"`,
    );
}

/** The same, inside a part of the shadow tree (an idea). */
export function expectNoneIn(scope: Element, selector: string, why = ''): void {
  const found = scope.querySelector(selector);
  if (found)
    throw new Error(
      `${why ? `${why}: ` : ''}expected nothing to match ${selector}, found <${found.localName}> "${found.textContent?.trim().slice(0, 60)}"`,
    );
}
