/** Takes away the stand-in that dom-stand-in.ts put in place, once the modules that needed it have loaded. */
const scope = globalThis as unknown as { document?: unknown; HTMLElement?: unknown };

if (typeof scope.document === 'function') {
  if (scope.HTMLElement === scope.document) delete scope.HTMLElement;
  delete scope.document;
}

export {};
