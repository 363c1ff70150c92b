/** Page-level set-up shared by element tests: language, configuration and storage, reset after each test. */
import { nextFrame } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { localeReady } from '../../src/core/language/language-sync.js';
import { resetConfig } from '../../src/core/element/config.js';

export async function setPageLanguage(lang: string, dir?: 'rtl' | 'ltr'): Promise<void> {
  document.documentElement.lang = lang;
  if (dir) document.documentElement.dir = dir;
  // The MutationObserver runs as a microtask; give it a frame, then wait for the locale module.
  await nextFrame();
  await localeReady();
  await nextFrame();
}

export async function resetPage(): Promise<void> {
  resetConfig();
  localStorage.clear();
  sessionStorage.clear();
  document.head.querySelectorAll('meta[name="ep-endpoint"]').forEach((meta) => meta.remove());
  await setPageLanguage('en', 'ltr');
}

export const LANGUAGES = [
  { lang: 'en', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
] as const;

/**
 * The page's viewport at this size, in every engine (tools/viewport-plugin.mjs): the viewport itself where the
 * driver sets it (Chromium, Firefox), the window's size over WebDriver (WebKit), which has no viewport command.
 */
export async function setViewportSize(width: number, height: number): Promise<void> {
  await executeServerCommand('ep-set-viewport', { width, height });
  // The media queries follow the new size on the next frame.
  await nextFrame();
}

/**
 * Chromium paints the page as under Windows high contrast, or stops (tools/forced-colors-plugin.mjs). Turn it
 * off again in the same test: the page outlives it.
 */
export async function setForcedColors(active: boolean): Promise<void> {
  await executeServerCommand('ep-forced-colors', { active });
  await nextFrame();
}
