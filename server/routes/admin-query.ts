/**
 * What every admin route does with its query after the contract checked it (query-contract.ts): the date
 * filters (`from`, `to`) read one way, `2026-03-01` (from its start, or for `to` through its end) or a
 * date-time, as ISO 8601 UTC; and the one answer to a query that is refused.
 */
import type { FastifyReply } from 'fastify';
import type { FieldError } from '../contract.js';

export function instant(value: string, endOfDay: boolean): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return undefined;
    if (endOfDay) day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

type Period = { from?: string; to?: string };

/**
 * `from` and `to` as ISO 8601 UTC. The contract checks their form first; a date-time its format allows but
 * `instant` does not read (a space or a small `t` for the `T`, a leap second) is added to `fieldErrors` here.
 */
export function period(query: Period, fieldErrors: FieldError[]): Period {
  const result: Period = {};
  for (const name of ['from', 'to'] as const) {
    const value = query[name];
    if (value === undefined || fieldErrors.some((error) => error.field === name)) continue;
    const at = instant(value, name === 'to');
    const message = `${name} must be a date (2026-03-01) or an ISO 8601 date-time.`;
    if (at) result[name] = at;
    else fieldErrors.push({ field: name, code: 'invalid', message });
  }
  return result;
}

/** A query the contract or the checks above refused (422), in the answer's one shape. */
export function refuseQuery(reply: FastifyReply, fieldErrors: FieldError[]): FastifyReply {
  return reply.code(422).send({ message: 'The query is not valid.', fieldErrors });
}
