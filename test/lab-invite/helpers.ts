/** Driving <ep-lab-invite> in tests: placing it, filling its forms as a visitor would, reading the panel. */
import { fixture } from '@open-wc/testing';
import '../../src/ep-lab-invite.js';
import type { EpLabInvite } from '../../src/lab-invite/ep-lab-invite.js';
import type { TestEndpoint } from '../helpers/endpoint.js';
import { chooseRadio, tick, typeInto } from '../helpers/form-steps.js';

export * from '../helpers/form-steps.js';
export type { EpLabInvite };

export const TOPICS = [
  { code: 'housing', label: { en: 'Housing', ar: 'الإسكان' } },
  { code: 'building-permits', label: { en: 'Building permits', ar: 'رخص البناء' } },
];

/**
 * The element in a wrapper, pointed at `endpoint`, with the author's topics. The fill-time guard is off
 * (`min-fill-time="0"`) unless the test sets it: tests fill forms far faster than people.
 */
export async function labInvite(endpoint: TestEndpoint, attributes = ''): Promise<EpLabInvite> {
  const fill = attributes.includes('min-fill-time') ? '' : 'min-fill-time="0"';
  const host = await fixture<HTMLDivElement>(
    `<div><ep-lab-invite endpoint="${endpoint.base}" topics='${JSON.stringify(TOPICS)}' ${fill} ${attributes}></ep-lab-invite></div>`,
  );
  const element = host.querySelector('ep-lab-invite')!;
  await element.updateComplete;
  return element;
}

/** Ticks the boxes of group `name` whose codes are given. */
export async function tickCodes(element: EpLabInvite, name: string, ...codes: string[]): Promise<void> {
  for (const code of codes) {
    const box = element.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"][value="${code}"]`);
    if (!box) throw new Error(`no ${name} box with the code ${code}`);
    await tick(element, box.id);
  }
}

export const EMAIL = 'sara@example.sa';

/** The least a sign-up needs: a session, online, a language, a name, an email address, consent. */
export async function fillSignup(element: EpLabInvite, email = EMAIL): Promise<void> {
  await tickCodes(element, 'sessions', 'prototype');
  await tickCodes(element, 'attendance', 'online');
  await chooseRadio(element, 'language', 'ar');
  await typeInto(element, 'name', 'سارة الحربي');
  await typeInto(element, 'email', email);
  await tick(element, 'consent');
}

/** The form to leave the panel, filled with a code and an email address. */
export async function fillLeave(element: EpLabInvite, code: string, email = EMAIL): Promise<void> {
  await typeInto(element, 'code', code);
  await typeInto(element, 'email', email);
}

export interface PanelMember {
  id: string;
  code: string;
  contact: Record<string, string>;
}

/** Who is on the panel at the test collector. */
export async function panel(endpoint: TestEndpoint): Promise<PanelMember[]> {
  return (await fetch(`${endpoint.base}/__panel`)).json();
}

export const draftKeyFor = (which = ''): string =>
  `ep-widgets:lab-invite:draft:v1:${location.origin}${location.pathname}#${which}`;
