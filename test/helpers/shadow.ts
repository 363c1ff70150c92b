/** Queries inside an element's shadow root, failing loudly when the part is missing. */
export function $<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${host.localName}: nothing matches ${selector}`);
  return found;
}

export function $$<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...(host.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

export function textOf(host: Element, selector: string): string {
  return $(host, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The element focused inside `host`'s shadow root (document.activeElement stops at the host). */
export function focusedIn(host: Element): Element | null {
  return host.shadowRoot?.activeElement ?? null;
}

/**
 * Asserts which element inside `host` has focus. Compares identities and reports selectors, because
 * chai's diff of two live elements can take long enough to stall the browser.
 */
export function expectFocused(host: Element, selector: string): void {
  const active = focusedIn(host);
  const wanted = host.shadowRoot?.querySelector(selector);
  if (!wanted || active !== wanted) {
    const describe = (el: Element | null | undefined) =>
      el ? `<${el.localName}${el.id ? `#${el.id}` : ''}> "${el.textContent?.trim().slice(0, 40)}"` : 'nothing';
    throw new Error(`expected focus on ${selector}, found ${describe(active)}`);
  }
}

/**
 * Asserts that nothing inside `element` matches `selector`. Never `expect(node).to.equal(null)`: when it
 * fails, chai's diff of a live element can stall the browser until the runner gives up.
 */
export function expectNone(element: Element, selector: string, why = ''): void {
  const found = element.shadowRoot?.querySelector(selector);
  if (!found) return;
  const seen = `<${found.localName}> "${found.textContent?.trim().slice(0, 60)}"`;
  throw new Error(`${why ? `${why}: ` : ''}expected nothing to match ${selector}, found ${seen}`);
}

/** The text the page put in the element's slot `name`. */
export function slottedText(host: Element, name: string): string {
  return $<HTMLSlotElement>(host, `slot[name="${name}"]`)
    .assignedNodes()
    .map((node) => node.textContent)
    .join('');
}
