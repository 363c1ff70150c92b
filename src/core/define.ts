/**
 * Registers a custom element unless that tag is taken, so that loading the library twice on one page
 * (a CMS bundle plus a script tag, say) keeps the first registration instead of throwing. Where there is
 * no registry (a server without a DOM), it registers nothing, so that importing an entry never throws.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const registry = globalThis.customElements as CustomElementRegistry | undefined;
  if (registry && !registry.get(tag)) registry.define(tag, constructor);
}
