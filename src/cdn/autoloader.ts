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
const watched = new WeakSet<Node>();
const selector = Object.keys(modules).join(',');

/** The library's version, written in by the build (vite.cdn.config.mjs). */
declare const __EP_VERSION__: string;

function load(tag: string): void {
  if (requested.has(tag)) return;
  requested.add(tag);
  const registered = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (registered) {
    // Taken by another version of the library, or by something else: the page gets that one (see define.ts).
    if (registered.version !== __EP_VERSION__)
      void import('../core/element/diagnostics.js').then((d) =>
        d.warnTagTaken(tag, { version: __EP_VERSION__ }, registered),
      );
    return;
  }
  // Forgotten on failure (a network blip), so that the next element of that tag added tries again.
  modules[tag]().catch((error: unknown) => {
    requested.delete(tag);
    console.error(`ep-widgets: could not load <${tag}>`, error);
  });
}

/**
 * Loads what `root` and everything inside it shows, and, for the document or a shadow root, what is added to
 * it later. A page cannot see into shadow roots: a component that renders our elements in its own calls
 * `discover(this.shadowRoot)` once.
 */
export function discover(root: Element | Document | ShadowRoot): void {
  if (root instanceof Element) {
    if (root.localName in modules) load(root.localName);
  } else if (!watched.has(root)) {
    watched.add(root);
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element) discover(node);
      }
    }).observe(root, { childList: true, subtree: true });
  }
  for (const element of root.querySelectorAll(selector)) load(element.localName);
}

discover(document);
