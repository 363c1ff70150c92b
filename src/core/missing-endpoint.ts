/**
 * The developer-facing message for an element without an endpoint. Its own module, loaded only when
 * an endpoint is missing, so correctly configured pages do not carry the text.
 */
/** The console message for a missing endpoint: names the element and the three ways to set one. */
export function missingEndpointMessage(tagName: string): string {
  const tag = tagName.toLowerCase();
  return (
    `<${tag}>: no endpoint is configured, so it shows "not available". Set one of: ` +
    `the element's endpoint attribute (<${tag} endpoint="https://example.gov/ep">), ` +
    `configure({ endpoint: 'https://example.gov/ep' }) from 'ep-widgets', ` +
    `or <meta name="ep-endpoint" content="https://example.gov/ep"> in the page's head.`
  );
}
