/**
 * Page-wide configuration, set once by the host page with `configure()`.
 *
 * The state lives on `globalThis` under a registry symbol so that two copies of the library on one page
 * (a CMS bundle plus a script tag) share one configuration instead of silently disagreeing.
 */
import type { Locale } from '../language/locale.js';
import type { OutboxOptions } from '../outbox/outbox-options.js';

export interface EpConfig {
  /** Base URL of the collector. Elements post to `{endpoint}/submissions` and read below it. */
  endpoint?: string;
  /** Fixes the language of every element; when unset, elements follow `<html lang>`. */
  locale?: string;
  /** Language used when the page's language is neither Arabic nor English. Default `en`. */
  defaultLocale?: Locale;
  /** Extra request headers, for a CSRF token, say. */
  headers?: Record<string, string>;
  /** Request timeout in milliseconds. Default 10000. */
  timeoutMs?: number;
  /**
   * Submissions that fail for a reason that may pass are kept on the device and sent later. `false` turns
   * this off (failures are then only shown); an object changes its limits. See outbox-options.ts.
   */
  outbox?: boolean | OutboxOptions;
}

interface ConfigState {
  config: EpConfig;
  listeners: Set<() => void>;
}

const KEY = Symbol.for('ep-widgets.config');

function state(): ConfigState {
  const holder = globalThis as unknown as Record<symbol, ConfigState | undefined>;
  return (holder[KEY] ??= { config: {}, listeners: new Set() });
}

/** Merges `options` into the page-wide configuration and tells every element. */
export function configure(options: EpConfig): void {
  const s = state();
  s.config = { ...s.config, ...options, headers: { ...s.config.headers, ...options.headers } };
  for (const listener of [...s.listeners]) listener();
}

/** Forgets every option set by `configure()`. Meant for tests and for pages that swap configurations. */
export function resetConfig(): void {
  state().config = {};
  for (const listener of [...state().listeners]) listener();
}

export function getConfig(): Readonly<EpConfig> {
  return state().config;
}

/** Calls `listener` after each `configure()`; returns the unsubscribe function. */
export function onConfigChange(listener: () => void): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The endpoint for one element, by precedence: its own attribute, then `configure({ endpoint })`, then
 * `<meta name="ep-endpoint" content="...">`. Blank values count as missing.
 */
export function resolveEndpoint(own: string | null | undefined, doc: Document = document): string | undefined {
  // The page is searched only when neither of the others is set.
  return (
    own?.trim() ||
    getConfig().endpoint?.trim() ||
    doc.querySelector<HTMLMetaElement>('meta[name="ep-endpoint"]')?.content.trim() ||
    undefined
  );
}
