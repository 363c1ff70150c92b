/**
 * What a visitor does to any of the forms (<ep-feedback>, <ep-idea-box>, <ep-consultation-card>), and the
 * states the tests wait for after it: each element's test/<element>/helpers.ts re-exports these, typed for it.
 */
import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TestEndpoint } from './endpoint.js';
import { $, $$, expectFocused, textOf } from './shadow.js';

/** After the element's update and one frame: what it rendered is on screen and its focus moves are done. */
export async function settle(element: Element): Promise<void> {
  await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  await nextFrame();
}

/** Clicks the radio of `name` whose code is `code`. */
export async function chooseRadio(element: Element, name: string, code: string): Promise<void> {
  const radio = $$<HTMLInputElement>(element, `input[name="${name}"]`).find((input) => input.value === code);
  if (!radio) throw new Error(`no ${name} radio with the code ${code}`);
  radio.click();
  await settle(element);
}

/** Puts `text` in the field with id `id`, as typing or pasting does (one input event). */
export async function typeInto(element: Element, id: string, text: string): Promise<void> {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(element, `#${id}`);
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(element);
}

export async function tick(element: Element, id: string): Promise<void> {
  $<HTMLInputElement>(element, `#${id}`).click();
  await settle(element);
}

export function pressSend(element: Element): void {
  $<HTMLButtonElement>(element, '[part~="send-button"]').click();
}

export async function confirmation(element: Element): Promise<void> {
  await waitUntil(() => element.shadowRoot!.querySelector('.confirmation'), 'no confirmation', { timeout: 4000 });
  await settle(element);
}

/**
 * Sends slowly and, while it is on its way, presses `selector`: a way elsewhere in the element, which is
 * `aria-disabled` then and does nothing, so that the answer is shown, and focused, where it was sent from.
 */
export async function pressWhileSending(
  element: Element,
  endpoint: TestEndpoint,
  selector: string,
): Promise<HTMLButtonElement> {
  await endpoint.script('submissions', { delayMs: 800 });
  pressSend(element);
  await settle(element);
  const button = $<HTMLButtonElement>(element, selector);
  expect(button.getAttribute('aria-disabled'), `${selector}, while sending`).to.equal('true');
  await expect(element).to.be.accessible();
  button.focus();
  button.click();
  await confirmation(element);
  expectFocused(element, '.confirmation');
  return button;
}

/** Sends and waits for the confirmation that replaces the form. */
export async function sendAndConfirm(element: Element): Promise<void> {
  pressSend(element);
  await confirmation(element);
}

/**
 * Sends from the keyboard (Enter, focus on the send button, which says `label`) and returns the data the
 * collector got once the confirmation shows and holds the focus.
 */
export async function sendWithEnter(element: Element, endpoint: TestEndpoint, label: string): Promise<unknown> {
  expect(textOf(element, '[part~="send-button"]')).to.equal(label);
  await sendKeys({ press: 'Enter' });
  await confirmation(element);
  expectFocused(element, '.confirmation');
  const [post] = await endpoint.posted();
  return post!.body.data;
}

/** "Send another" from a confirmation: an empty form again, with focus on its title. */
export async function startAnother(element: Element): Promise<void> {
  $<HTMLButtonElement>(element, '[part="another-button"]').click();
  await settle(element);
  expectFocused(element, '#title');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The one envelope the collector got, of `kind`, with a fresh UUID that is also its idempotency key. */
export async function sentEnvelope(endpoint: TestEndpoint, kind: string) {
  const [post] = await endpoint.waitForPosts(1);
  const envelope = post!.body;
  expect(envelope.kind).to.equal(kind);
  expect(envelope.id).to.match(UUID);
  expect(post!.headers['idempotency-key']).to.equal(envelope.id);
  return envelope;
}

/** The collector's first two envelopes are two submissions, not one sent twice. */
export async function expectTwoSubmissions(endpoint: TestEndpoint): Promise<void> {
  const [first, second] = await endpoint.posted();
  expect(second!.body.id).not.to.equal(first!.body.id);
}

export async function errorSummary(element: Element): Promise<string[]> {
  await waitUntil(() => element.shadowRoot!.querySelector('.error-summary'), 'no error summary', { timeout: 4000 });
  await settle(element);
  return $$(element, '.error-summary li').map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
}

/** A field's error as a visitor hears it on the field: the message its aria-describedby names. */
export function describedErrorOf(element: Element, selector: string): string {
  const ids = ($(element, selector).getAttribute('aria-describedby') ?? '').split(' ');
  const errorId = ids.find((id) => id.endsWith('-error'));
  if (!errorId) throw new Error(`${selector} is not described by an error`);
  return textOf(element, `#${errorId}`);
}
