/**
 * How an element reaches the transport (submit.ts): a loader, called when the visitor acts, so that a page
 * that is only read never downloads it (see core/element/on-demand.ts for the element's side).
 */
export type Submitter = () => Promise<Pick<typeof import('./submit.js'), 'submit' | 'read' | 'pageOutbox'>>;
