/** Driving <ep-feedback> in tests: placing it, filling it as a visitor would, waiting for its states. */
import { fixture } from '@open-wc/testing';
import '../../src/ep-feedback.js';
import type { EpFeedback } from '../../src/feedback/ep-feedback.js';
import type { TestEndpoint } from '../helpers/endpoint.js';
import { chooseRadio, typeInto } from '../helpers/form-steps.js';
import { textOf } from '../helpers/shadow.js';

// What a visitor does to any form, and the states it waits for: the same steps for every element.
export * from '../helpers/form-steps.js';
export { expectNone } from '../helpers/shadow.js';

export type { EpFeedback };

/** Clicks the radio of `name` whose code is `code` (a message type or a channel). */
export const choose = (element: EpFeedback, name: 'type' | 'channel', code: string): Promise<void> =>
  chooseRadio(element, name, code);

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

export const MESSAGE = 'Please open the service centre on Saturdays.';

/** The least a visitor must give: a type and a message. */
export async function fillRequired(element: EpFeedback, type = 'suggestion', message = MESSAGE): Promise<void> {
  await choose(element, 'type', type);
  await typeInto(element, 'message', message);
}

export const announced = (element: EpFeedback): string => textOf(element, '#announcer');

export const draftKeyFor = (which = ''): string =>
  `ep-widgets:feedback:draft:v1:${location.origin}${location.pathname}#${which}`;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
