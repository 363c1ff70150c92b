/**
 * "Show code": the element's markup as a web team would paste it, built from the story's args. Only the
 * attributes that differ from the element's own defaults are written; the stories' collector address
 * (`/ep-dev/…`, internal to this site) and the theme box around the story are left out. Token args
 * (`--ep-*`) become a `style` attribute.
 */

const escape = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export function markupOf(tag: string, args: Record<string, unknown>, defaults: Record<string, unknown>): string {
  const attributes: string[] = [];
  const styles: string[] = [];
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null || value === '') continue;
    if (name.startsWith('--')) {
      styles.push(`${name}: ${String(value)}`);
      continue;
    }
    if (!(name in defaults)) continue; // not an attribute of the element (a story's own arg)
    if (name === 'endpoint' && String(value).includes('/ep-dev/')) continue;
    const fallback = defaults[name];
    if (typeof value === 'boolean') {
      if (value) attributes.push(name);
      continue;
    }
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (fallback !== undefined && text === (typeof fallback === 'object' ? JSON.stringify(fallback) : String(fallback)))
      continue;
    attributes.push(
      typeof value === 'object' ? `${name}='${text.replace(/'/g, '&#39;')}'` : `${name}="${escape(text)}"`,
    );
  }
  if (styles.length) attributes.push(`style="${escape(styles.join('; '))}"`);
  const opening =
    attributes.length > 2
      ? `<${tag}\n  ${attributes.join('\n  ')}\n>`
      : `<${tag}${attributes.map((a) => ` ${a}`).join('')}>`;
  return `${opening}</${tag}>`;
}

/** The element's attribute defaults by attribute name, from a fresh instance. */
export function attributeDefaults(
  tag: string,
  attributes: { name: string; fieldName?: string }[],
): Record<string, unknown> {
  const instance = document.createElement(tag) as unknown as Record<string, unknown>;
  return Object.fromEntries(
    attributes.map((attribute) => [attribute.name, attribute.fieldName ? instance[attribute.fieldName] : undefined]),
  );
}
