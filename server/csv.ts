/**
 * CSV that a spreadsheet opens safely: every cell quoted, quotes doubled, and a cell a spreadsheet would
 * run as a formula (its first non-blank character `=`, `+`, `-`, `@`, or a tab or carriage return first,
 * or their full-width forms) prefixed with `'`, so it shows as the text the visitor typed (OWASP's
 * advice on CSV injection). UTF-8 with a byte order mark, so Arabic shows in Excel.
 */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { attachment } from './attachment.js';

export const BOM = '\uFEFF';

const FORMULA = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

export function csvCell(value: unknown): string {
  let text =
    value === undefined || value === null
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Sends `rows` under `headers` as a CSV download named `name`.csv, a row at a time. */
export function sendCsv(
  reply: FastifyReply,
  name: string,
  headers: readonly string[],
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>,
): FastifyReply {
  async function* lines(): AsyncGenerator<string> {
    yield BOM + csvRow(headers);
    for await (const row of rows) yield csvRow(row);
  }
  return reply
    .header('content-disposition', attachment(`${name}.csv`))
    .type('text/csv; charset=utf-8')
    .send(Readable.from(lines()));
}
