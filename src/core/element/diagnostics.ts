/**
 * Messages for the web team on the console. Their own module, loaded only when something is wrong, so
 * correctly configured pages do not carry the text.
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

/**
 * Reports a missing endpoint once the page has loaded (all its scripts have run): a `configure()` in a
 * module script after ours is not a mistake, and must not be reported as one.
 */
export function reportMissingEndpoint(tagName: string, stillMissing: () => boolean, doc: Document = document): void {
  const check = () => setTimeout(() => stillMissing() && console.error(missingEndpointMessage(tagName)));
  // Module scripts run while the document is already 'interactive'; 'load' comes after all of them.
  if (doc.readyState === 'complete') check();
  else doc.defaultView?.addEventListener('load', check, { once: true });
}

export function warnLocalizationTaken(): void {
  console.warn(
    'ep-widgets: @lit/localize is already configured by this page, so ep-widgets shows English only. ' +
      'Use the npm build or the one-file bundle, which carry their own copy.',
  );
}

/** A tag this library registers was already taken by another version of it, or by another library. */
export function warnTagTaken(tag: string, ours: { version?: string }, registered: { version?: string }): void {
  const taken = registered.version ? `v${registered.version}` : 'from elsewhere';
  console.warn(`ep-widgets: <${tag}> v${ours.version} not registered: the page already has <${tag}> ${taken}.`);
}
