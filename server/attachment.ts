/**
 * The `Content-Disposition` of a download, the one place a file name reaches a header. A name can hold what
 * a header cannot (a consultation's id may be Arabic, or hold `"` or `;`): the plain `filename` is an ASCII
 * stand-in (anything else becomes `_`), for the clients that read only that, and `filename*` is the name
 * itself, UTF-8 percent-encoded (RFC 6266, RFC 8187), which the others prefer.
 */

/** RFC 8187's attr-char keeps only these unencoded; encodeURIComponent also leaves `!'()*`. */
const encoded = (name: string): string =>
  encodeURIComponent(name).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

export function attachment(fileName: string): string {
  const fallback = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded(fileName)}`;
}
