/**
 * Registers a custom element unless that tag is taken, so that loading the library twice on one page
 * (a CMS bundle plus a script tag, say) keeps the first registration instead of throwing. When the tag
 * was taken by another version (or by something else), the page gets that one, which may lack what this
 * version does: the web team is told on the console, as Shoelace does.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const registered = customElements.get(tag);
  if (!registered) customElements.define(tag, constructor);
  else if (versionOf(registered) !== versionOf(constructor)) {
    void import('./diagnostics.js').then(({ warnTagTaken }) => warnTagTaken(tag, versionOf(constructor), versionOf(registered)));
  }
}

/** The library version an element class carries (EpElement.version), if any. */
const versionOf = (constructor: CustomElementConstructor): string | undefined => (constructor as { version?: string }).version;
