/** Driving <ep-feedback> in tests: placing it, filling it as a visitor would, waiting for its states. */
import { fixture, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/ep-feedback.js';
import type { EpFeedback } from '../../src/feedback/ep-feedback.js';
import type { TestEndpoint } from '../helpers/endpoint.js';
import { $, $$, textOf } from '../helpers/shadow.js';

export type { EpFeedback };

/**
 * A form in a wrapper, pointed at `endpoint`. The fill-time guard is off (`min-fill-time="0"`) unless the
 * test sets it or asks for the default (`guarded`): tests fill forms far faster than people, and the guard
 * has tests of its own.
 */
export async function feedback(endpoint: TestEndpoint, attributes = '', guarded = false): Promise<EpFeedback> {
  const fill = guarded || attributes.includes('min-fill-time') ? '' : 'min-fill-time="0"';
  const host = await fixture<HTMLDivElement>(
    `<div><ep-feedback endpoint="${endpoint.base}" ${fill} ${attributes}></ep-feedback></div>`,
  );
  const element = host.querySelector('ep-feedback')!;
  await element.updateComplete;
  return element;
}

export async function settle(element: EpFeedback): Promise<void> {
  await element.updateComplete;
  await nextFrame();
}

/** Clicks the radio of `name` whose code is `code` (a message type or a channel). */
export async function choose(element: EpFeedback, name: 'type' | 'channel', code: string): Promise<void> {
  const radio = $$<HTMLInputElement>(element, `input[name="${name}"]`).find((input) => input.value === code);
  if (!radio) throw new Error(`no ${name} radio with the code ${code}`);
  radio.click();
  await settle(element);
}

/** Puts `text` in the field with id `id`, as typing or pasting does (one input event). */
export async function typeInto(element: EpFeedback, id: string, text: string): Promise<void> {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(element, `#${id}`);
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(element);
}

export async function tick(element: EpFeedback, id: string): Promise<void> {
  $<HTMLInputElement>(element, `#${id}`).click();
  await settle(element);
}

export const MESSAGE = 'Please open the service centre on Saturdays.';

/** The least a visitor must give: a type and a message. */
export async function fillRequired(element: EpFeedback, type = 'suggestion', message = MESSAGE): Promise<void> {
  await choose(element, 'type', type);
  await typeInto(element, 'message', message);
}

export function pressSend(element: EpFeedback): void {
  $<HTMLButtonElement>(element, '[part~="send-button"]').click();
}

export async function confirmation(element: EpFeedback): Promise<void> {
  await waitUntil(() => element.shadowRoot!.querySelector('.confirmation'), 'no confirmation', { timeout: 4000 });
  await settle(element);
}

export async function errorSummary(element: EpFeedback): Promise<string[]> {
  await waitUntil(() => element.shadowRoot!.querySelector('.error-summary'), 'no error summary', { timeout: 4000 });
  await settle(element);
  return $$(element, '.error-summary li').map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
}

export const announced = (element: EpFeedback): string => textOf(element, '#announcer');

export const draftKeyFor = (which = ''): string =>
  `ep-widgets:feedback:draft:v1:${location.origin}${location.pathname}#${which}`;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asserts that nothing inside `element` matches `selector`. Never `expect(node).to.equal(null)`: when it
 * fails, chai's diff of a live element can stall the browser until the runner gives up.
 */
export function expectNone(element: Element, selector: string, why = ''): void {
  const found = element.shadowRoot?.querySelector(selector);
  if (found)
    throw new Error(
      `${why ? `${why}: ` : ''}expected nothing to match ${selector}, found <${found.localName}> "${found.textContent?.trim().slice(0, 60)}"`,
    );
}
