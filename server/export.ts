/**
 * A list's export: the whole filtered list as one downloadable file, CSV (csv.ts) or JSON, written from the
 * same rows under the same column names, so that the two files always say the same thing. The JSON is an
 * array of objects keyed by the CSV's column names, each value as the row holds it (a number stays a number;
 * no formula prefix, since no spreadsheet runs JSON).
 */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { sendCsv } from './csv.js';
import { attachment } from './attachment.js';

export type ExportFormat = 'csv' | 'json';

/** Sends `rows` as a JSON download named `name`.json: an array of objects keyed by `headers`, a row at a time. */
export function sendJsonFile(
  reply: FastifyReply,
  name: string,
  headers: readonly string[],
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>,
): FastifyReply {
  async function* parts(): AsyncGenerator<string> {
    let first = true;
    yield '[';
    for await (const row of rows) {
      const item = Object.fromEntries(headers.map((header, index) => [header, row[index] ?? null]));
      yield `${first ? '\n' : ',\n'}${JSON.stringify(item)}`;
      first = false;
    }
    yield first ? ']\n' : '\n]\n';
  }
  return reply
    .header('content-disposition', attachment(`${name}.json`))
    .type('application/json; charset=utf-8')
    .send(Readable.from(parts()));
}

/** Sends `rows` under `headers` as the file `format` asks for, named `name`.csv or `name`.json. */
export function sendExport(
  reply: FastifyReply,
  format: ExportFormat,
  name: string,
  headers: readonly string[],
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>,
): FastifyReply {
  return (format === 'json' ? sendJsonFile : sendCsv)(reply, name, headers, rows);
}
