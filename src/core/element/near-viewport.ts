/**
 * One IntersectionObserver for every element that waits to come near the viewport (the poll loads the rest of
 * itself then): a page of a hundred polls needs one observer, not a hundred.
 */
const waiting = new WeakMap<Element, () => void>();
let observer: IntersectionObserver | undefined;

/** Calls `callback` once, when `element` comes within 300px of the viewport. Returns a function that stops it. */
export function whenNearViewport(element: Element, callback: () => void): () => void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const near = entry.isIntersecting && waiting.get(entry.target);
        if (!near) continue;
        stop(entry.target);
        near();
      }
    },
    { rootMargin: '300px' },
  );
  waiting.set(element, callback);
  observer.observe(element);
  return () => stop(element);
}

function stop(element: Element): void {
  waiting.delete(element);
  observer?.unobserve(element);
}
