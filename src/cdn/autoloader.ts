/**
 * `cdn/autoloader.js`: the one script tag a page needs. It imports the module of each element the page
 * shows, and only those, including elements added later (a single-page app, a CMS block loaded on demand),
 * as Shoelace's and Web Awesome's autoloaders do. Each element's module brings the shared chunks it needs, so
 * a page with only a poll never downloads the forms of the others.
 */
const modules: Record<string, () => Promise<unknown>> = {
  'ep-page-poll': () => import('../ep-page-poll.js'),
  'ep-feedback': () => import('../ep-feedback.js'),
  'ep-idea-box': () => import('../ep-idea-box.js'),
  'ep-consultation-card': () => import('../ep-consultation-card.js'),
  'ep-lab-invite': () => import('../ep-lab-invite.js'),
};

const requested = new Set<string>();
const selector = Object.keys(modules).join(',');

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  // Forgotten on failure (a network blip), so that the next element of that tag added tries again.
  modules[tag]().catch((error: unknown) => {
    requested.delete(tag);
    console.error(`ep-widgets: could not load <${tag}>`, error);
  });
}

/** Loads what `root` and everything inside it (not inside shadow roots: those are the host's to load) shows. */
export function discover(root: Element | Document): void {
  if (root instanceof Element && root.localName in modules) load(root.localName);
  for (const element of root.querySelectorAll(selector)) load(element.localName);
}

function start(): void {
  discover(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

start();
