/**
 * A converter for an attribute that holds JSON (data a page gives an element). What cannot be read is
 * reported on the console, naming the element and the attribute, and becomes `{}`: the element then shows
 * it as unusable rather than as missing. Knows no element.
 */
export function jsonAttribute(tag: string, attribute: string): (json: string | null) => unknown {
  return (json) => {
    if (json == null || json.trim() === '') return undefined;
    try {
      return JSON.parse(json) as unknown;
    } catch {
      console.warn(`${tag}: ${attribute} is not JSON.`);
      return {};
    }
  };
}
