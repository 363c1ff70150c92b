/**
 * Registers a custom element unless that tag is taken, so that loading the library twice on one page
 * (a CMS bundle plus a script tag, say) keeps the first registration instead of throwing. When the tag
 * was taken by another version (or by something else), the page gets that one, which may lack what this
 * version does: the web team is told on the console, as Shoelace does. Where there is no registry (a server
 * without a DOM), it registers nothing, so that importing an entry never throws.
 */
import { needFirstStrings } from '../language/language-sync.js';

export type Versioned = CustomElementConstructor & { version?: string };

export function defineElement(tag: string, constructor: Versioned): void {
  const registry = globalThis.customElements as CustomElementRegistry | undefined;
  if (!registry) return;
  // As soon as the element's module runs: its strings load beside the rest of its first render.
  void needFirstStrings(tag);
  const registered: Versioned | undefined = registry.get(tag);
  if (!registered) registry.define(tag, constructor);
  else if (registered.version !== constructor.version)
    void import('./diagnostics.js').then((d) => d.warnTagTaken(tag, constructor, registered));
}
