// A Vite/Rolldown plugin that strips comments and indentation from Lit `css` template literals in src/.
// The minifier leaves template strings alone, and Lit elements carry their styles as such strings.
// Deliberately conservative: only literals without `${}`, only whitespace next to `{ } ; ,` and comments,
// so no selector or value changes meaning. Each such literal then becomes a call of Lit's `unsafeCSS` on the
// same text: for a literal with nothing interpolated the two give the same CSSResult (built once, as every
// literal here is at a module's top level), and a build whose code calls no `css` tag drops that function and
// its error messages from every page's first download. Nothing reaches unsafeCSS but the source's own text.

export function minifyCss(text) {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      // "prop: value" right after { or ; is a declaration (a selector's colon never has a space after it).
      .replace(/([{;][-\w]+): /g, '$1:')
      .replace(/;}/g, '}')
      .trim()
  );
}

export function minifyCssLiterals() {
  return {
    name: 'ep-minify-css-literals',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`([^`$\\]*)`/g, (_, body) => `epStaticCss(\`${minifyCss(body)}\`)`);
      if (out === code) return null;
      return { code: `import { unsafeCSS as epStaticCss } from 'lit';\n${out}`, map: null };
    },
  };
}
