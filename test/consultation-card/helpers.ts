/** Driving <ep-consultation-card> in tests: consultations in the test collector, placing the card, reaching its states. */
import { fixture, nextFrame, waitUntil } from '@open-wc/testing';
import '../../src/ep-consultation-card.js';
import type { EpConsultationCard } from '../../src/consultation-card/ep-consultation-card.js';
import type { ConsultationJson } from '../../src/consultation-card/model.js';
import { TestEndpoint, type Scripted } from '../helpers/endpoint.js';
import { $, $$, textOf } from '../helpers/shadow.js';

export type { EpConsultationCard, ConsultationJson };

/** The test collector with the consultation routes (tools/dev-endpoint-consultations.mjs). */
export class CardEndpoint extends TestEndpoint {
  async put(...consultations: ConsultationJson[]): Promise<void> {
    const response = await fetch(`${this.base}/__consultations`, {
      method: 'POST',
      body: JSON.stringify(consultations),
    });
    if (!response.ok) throw new Error(`storing consultations failed: ${response.status}`);
  }

  /** Scripts the answers to `GET consultations/…`. */
  async scriptReads(...responses: Scripted[]): Promise<void> {
    await fetch(`${this.base}/__script`, {
      method: 'POST',
      body: JSON.stringify({ route: 'consultations', responses }),
    });
  }

  /** The latest view per visitor, as the collector keeps them. */
  async views(): Promise<Array<{ id: string; consultationId: string; stance: string; comment?: string }>> {
    return (await fetch(`${this.base}/__views`)).json();
  }

  async reads(): Promise<number> {
    return (await this.log()).filter((entry) => entry.route === 'consultations').length;
  }
}

/** The card's clock in these tests: Tuesday 1 December 2026, noon in Riyadh. */
export const NOW = '2026-12-01T09:00:00Z';
export const BEFORE = '2026-11-15T09:00:00Z';
export const AFTER = '2026-12-10T09:00:00Z';

export const XSS = '<img src=x onerror="window.__epXss=1">';

/** An open consultation at NOW (opened 20 November, closes 4 December at midnight, Riyadh). */
export function consultationJson(overrides: Partial<ConsultationJson> = {}): ConsultationJson {
  return {
    id: 'street-lighting',
    title: { en: 'Street lighting in residential streets', ar: 'إنارة الشوارع السكنية' },
    summary: {
      en: 'We propose brighter, energy-saving lights in residential streets.\nThe first districts are listed in the plan.',
      ar: 'نقترح إنارة أقوى وموفّرة للطاقة في الشوارع السكنية.\nالأحياء الأولى مذكورة في الخطة.',
    },
    department: { en: 'Roads Agency', ar: 'وكالة الطرق' },
    level: 'consultation',
    opensAt: '2026-11-20T00:00:00+03:00',
    closesAt: '2026-12-04T00:00:00+03:00',
    participants: 1284,
    documents: [
      { title: { en: 'The lighting plan', ar: 'خطة الإنارة' }, url: 'https://example.gov.sa/lighting-plan.pdf' },
      { title: 'Annex (PDF)', url: 'https://example.gov.sa/annex.pdf' },
    ],
    url: 'https://istitlaa.ncc.gov.sa/en/lighting',
    platform: { en: 'Istitlaa', ar: 'استطلاع' },
    ...overrides,
  };
}

export const OUTCOME: NonNullable<ConsultationJson['outcome']> = {
  publishedAt: '2026-12-20T10:00:00+03:00',
  heard: { en: 'Most of you asked for warmer light near homes.', ar: 'طلب معظمكم إضاءة دافئة قرب المنازل.' },
  counts: { support: 700, neutral: 100, oppose: 200 },
  decided: { en: 'We will use warm white lights in every district.', ar: 'سنستخدم إضاءة بيضاء دافئة في جميع الأحياء.' },
  url: 'https://example.gov.sa/lighting-report.pdf',
};

export async function settle(element: EpConsultationCard): Promise<void> {
  await element.updateComplete;
  await nextFrame();
}

/**
 * A card in a wrapper, pointed at `endpoint`, showing `consultation-id="street-lighting"` by default, at NOW.
 * The fill-time guard is off unless the test sets `min-fill-time`: tests are far faster than people.
 */
export async function card(endpoint: TestEndpoint, attributes = ''): Promise<EpConsultationCard> {
  const id =
    attributes.includes('consultation-id') || attributes.includes('no-id') ? '' : 'consultation-id="street-lighting"';
  const clock = /(^|\s)now=/.test(attributes) ? '' : `now="${NOW}"`;
  const fill = attributes.includes('min-fill-time') ? '' : 'min-fill-time="0"';
  const host = await fixture<HTMLDivElement>(
    `<div><ep-consultation-card endpoint="${endpoint.base}" ${id} ${clock} ${fill} ${attributes.replace('no-id', '')}></ep-consultation-card></div>`,
  );
  const element = host.querySelector('ep-consultation-card')!;
  await element.updateComplete;
  return element;
}

/** Waits until the card shows a consultation (its title) or a state instead of it. */
export async function shown(element: EpConsultationCard, selector = '#title'): Promise<void> {
  await waitUntil(() => element.shadowRoot!.querySelector(selector), `nothing matches ${selector}`, { timeout: 4000 });
  await settle(element);
}

/** A card at NOW loaded with `consultation` from a fresh collector space. */
export async function loadedCard(
  consultation: ConsultationJson = consultationJson(),
  attributes = '',
): Promise<{ element: EpConsultationCard; endpoint: CardEndpoint }> {
  const endpoint = new CardEndpoint();
  await endpoint.put(consultation);
  const element = await card(endpoint, `consultation-id="${consultation.id}" ${attributes}`);
  await shown(element);
  return { element, endpoint };
}

export async function choose(element: EpConsultationCard, stance: string): Promise<void> {
  const radio = $$<HTMLInputElement>(element, 'input[name="stance"]').find((input) => input.value === stance);
  if (!radio) throw new Error(`no stance ${stance}`);
  radio.click();
  await settle(element);
}

export async function typeComment(element: EpConsultationCard, text: string): Promise<void> {
  const area = $<HTMLTextAreaElement>(element, '#comment');
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  await settle(element);
}

export function pressSend(element: EpConsultationCard): void {
  $<HTMLButtonElement>(element, '[part~="send-button"]').click();
}

export async function yourView(element: EpConsultationCard): Promise<string> {
  await shown(element, '.your-view');
  return textOf(element, '.your-view');
}

export async function errorSummary(element: EpConsultationCard): Promise<string[]> {
  await shown(element, '.error-summary');
  return $$(element, '.error-summary li').map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
}

export const announced = (element: EpConsultationCard): string => textOf(element, '#announcer');

export const memoryKeyFor = (endpoint: TestEndpoint, id = 'street-lighting'): string =>
  `ep-widgets:consultation:v1:${location.origin}${endpoint.base}#${id}`;
export const draftKeyFor = (endpoint: TestEndpoint, id = 'street-lighting'): string =>
  `ep-widgets:consultation:draft:v1:${location.origin}${endpoint.base}#${id}`;

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

/** The card's text, squashed (what a visitor reads, in order). */
export const cardText = (element: Element): string => element.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
