/**
 * The CSV columns of the contact details that the feedback form and the idea box send alike
 * (`contact: { name?, email?, mobile?, channel? }`, `consent`).
 */
import type { Column } from './kinds.js';

const contactOf = (data: Record<string, unknown>): Record<string, unknown> =>
  typeof data.contact === 'object' && data.contact !== null ? (data.contact as Record<string, unknown>) : {};

export const contactColumns: Column[] = [
  { header: 'name', value: (data) => contactOf(data).name },
  { header: 'email', value: (data) => contactOf(data).email },
  { header: 'mobile', value: (data) => contactOf(data).mobile },
  { header: 'channel', value: (data) => contactOf(data).channel },
  { header: 'consent', value: (data) => (data.consent === true ? 'yes' : '') },
];
