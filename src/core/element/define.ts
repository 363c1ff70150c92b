/**
 * Registers a custom element unless that tag is taken, so that loading the library twice on one page
 * (a CMS bundle plus a script tag, say) keeps the first registration instead of throwing.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
