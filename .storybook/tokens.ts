/**
 * The public `--ep-*` custom properties and their defaults, read from the elements' own styles (the
 * fallback in each `var(--ep-x, fallback)`), so the docs cannot drift from the CSS. Used by the component
 * tables (manifest.ts) and the Theming page.
 */

/** `var(--ep-x, …)` fallbacks in `cssText`, with nested parentheses (`system-ui, 'Segoe UI', …`) kept whole. */
export function tokenDefaults(cssText: string): Map<string, string> {
  const found = new Map<string, string>();
  const opening = /var\(\s*(--ep-[a-z0-9-]+)\s*,/g;
  for (let match = opening.exec(cssText); match; match = opening.exec(cssText)) {
    let depth = 1;
    let end = opening.lastIndex;
    for (; end < cssText.length && depth > 0; end += 1) {
      if (cssText[end] === '(') depth += 1;
      else if (cssText[end] === ')') depth -= 1;
    }
    const fallback = cssText.slice(opening.lastIndex, end - 1).trim();
    if (!found.has(match[1]!)) found.set(match[1]!, fallback);
  }
  return found;
}

/** The styles a registered element renders with, as text. */
export function stylesOf(tag: string): string {
  const element = customElements.get(tag) as
    (CustomElementConstructor & { elementStyles?: { cssText?: string }[] }) | undefined;
  return (element?.elementStyles ?? []).map((style) => style.cssText ?? '').join('\n');
}

/** Every token of the given elements with its default, in order of name. */
export function tokensOf(tags: string[]): { name: string; value: string; elements: string[] }[] {
  const rows = new Map<string, { name: string; value: string; elements: string[] }>();
  for (const tag of tags) {
    for (const [name, value] of tokenDefaults(stylesOf(tag))) {
      const row = rows.get(name) ?? { name, value, elements: [] };
      row.elements.push(tag);
      rows.set(name, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}
