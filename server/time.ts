/**
 * A contract `date-time` as ISO 8601 UTC text (`2026-03-01T06:15:00.000Z`), the form every time is stored
 * and compared in. JSON Schema's date-time allows a leap second (`23:59:60`), which `Date` cannot hold: it
 * is kept as the last millisecond before it. Undefined for anything `Date` cannot read.
 */
export function utc(text: string): string | undefined {
  let time = Date.parse(text);
  if (Number.isNaN(time))
    time = Date.parse(text.replace(/:60(?=(\.\d+)?(Z|[+-]\d{2}:\d{2})$)/i, ':59.999').replace(/(:59\.999)\.\d+/, '$1'));
  const iso = Number.isNaN(time) ? undefined : new Date(time).toISOString();
  // Years 0000-9999 only: beyond, toISOString writes `+010000-…`, which does not sort as text.
  return iso && /^\d{4}-/.test(iso) ? iso : undefined;
}
