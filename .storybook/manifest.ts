/**
 * The custom elements manifest as the docs tables and controls need it. `cem analyze` reads the source,
 * so a default written as a constant (`DEFAULT_MIN_FILL_MS`) reaches it as that name, and CSS custom
 * properties come without defaults. Here each default is read from the element itself: a fresh instance's
 * property, and the fallback in its styles (tokens.ts).
 */
import { stylesOf, tokenDefaults } from './tokens.js';

interface ManifestMember {
  kind?: string;
  name?: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
  fieldName?: string;
  default?: string;
  type?: { text?: string };
}
interface ManifestDeclaration {
  kind?: string;
  name?: string;
  tagName?: string;
  customElement?: boolean;
  members?: ManifestMember[];
  attributes?: ManifestMember[];
  cssProperties?: { name: string; description?: string; default?: string }[];
}
export interface Manifest {
  schemaVersion?: string;
  modules?: { path?: string; declarations?: ManifestDeclaration[] }[];
}

/** A property's value on a fresh, unconnected element, as the docs show a default (`undefined`: none). */
export function defaultOf(instance: HTMLElement | undefined, property: string | undefined): string | undefined {
  if (!instance || !property) return undefined;
  const value = (instance as unknown as Record<string, unknown>)[property];
  if (value === undefined || value === null || typeof value === 'function') return undefined;
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/**
 * The elements register through `defineElement(tag, Class)` (src/core/element/define.ts), which the analyzer does
 * not follow: a class is found by its tag only when its JSDoc says `@tagname`; else the registry is asked
 * (`customElements.getName()` on the class the library exports). Only the public API is kept, and a
 * property that has an attribute is listed once, as the attribute.
 */
export function forDocs(manifest: Manifest, exported: Record<string, unknown>): Manifest {
  return {
    ...manifest,
    modules: manifest.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => {
        if (declaration.kind !== 'class' || !declaration.name) return declaration;
        const constructor = exported[declaration.name];
        const tagName =
          declaration.tagName ??
          (typeof constructor === 'function' ? customElements.getName(constructor as CustomElementConstructor) : null);
        if (!tagName) return declaration;
        const instance = document.createElement(tagName);
        const tokens = tokenDefaults(stylesOf(tagName));
        return {
          ...declaration,
          tagName,
          customElement: true,
          members: declaration.members?.filter(
            (member) => !member.static && (member.privacy ?? 'public') === 'public' && !member.attribute,
          ),
          attributes: declaration.attributes?.map((attribute) => ({
            ...attribute,
            default: defaultOf(instance, attribute.fieldName),
          })),
          cssProperties: declaration.cssProperties?.map((property) => ({
            ...property,
            default: tokens.get(property.name),
          })),
        };
      }),
    })),
  };
}
