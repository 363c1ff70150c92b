// The `ep-forced-colors` command: Chromium renders the page as under Windows high contrast (forced colors: the
// system's colours painted over the author's), or stops. Puppeteer's own emulateMediaFeatures refuses this
// feature; Chromium's DevTools protocol takes it, and applies the colours, not only the media query.
export function forcedColorsPlugin() {
  /** Per test session, the DevTools session holding the emulation: it ends when that session is detached. */
  const held = new Map();
  return {
    name: 'ep-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ep-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer')
        throw new Error(`ep-forced-colors: Chromium only, not ${session.browser.type}`);
      await held.get(session.id)?.detach();
      held.delete(session.id);
      if (!payload.active) return true;
      const cdp = await session.browser.getPage(session.id).createCDPSession();
      held.set(session.id, cdp);
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
      return true;
    },
  };
}
