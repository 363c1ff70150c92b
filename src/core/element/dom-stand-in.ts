/**
 * Lets every entry be imported where there is no DOM: on a server, including one whose bundler resolves the
 * `browser` export condition and so loads Lit's browser build, which extends `HTMLElement` and asks `document`
 * for a TreeWalker as it loads. This module runs before Lit's. Without a `document`, it puts one stand-in
 * class in place as both (as `HTMLElement` only where that is missing too), and dom-stand-in-end.ts, which
 * runs after the elements' modules, takes it away again, so that no other code on that server takes it for a
 * browser. In a browser nothing happens. The classes built on the stand-in are never constructed:
 * defineElement registers nothing without a registry. Kept this small because every page pays for it.
 */
const scope = globalThis as unknown as { document?: unknown; HTMLElement?: unknown };

if (!scope.document) {
  // A class, so that dom-stand-in-end.ts can tell it from a real document, which is never a function.
  scope.document = class {
    static createTreeWalker() {
      return {};
    }
  };
  scope.HTMLElement ??= scope.document;
}

export {};
