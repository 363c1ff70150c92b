// The `ep-set-viewport` command: the page's viewport at a size, in every engine. web-test-runner's own
// setViewport has no WebDriver way, and WebDriver has no viewport of its own; what it has is the window's size
// (Set Window Rect), which is what a phone's narrow screen or a narrowed desktop window gives the page.
export function viewportPlugin() {
  return {
    name: 'ep-set-viewport',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ep-set-viewport') return undefined;
      const { width, height } = payload;
      if (session.browser.type === 'puppeteer') {
        await session.browser.getPage(session.id).setViewport({ width, height });
      } else if (session.browser.type === 'webdriver') {
        await session.browser.driver.setWindowSize(width, height);
      } else {
        throw new Error(`ep-set-viewport: no way to size the viewport in ${session.browser.type}`);
      }
      return true;
    },
  };
}
