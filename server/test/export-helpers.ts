/**
 * What the export tests share: a list's JSON file checked against its CSV file of the same query. The JSON
 * must be a download of its own (attachment, `name`.json; `name` a plain ASCII one), keyed by the CSV's column names, and its rows
 * written back as CSV cells must be the CSV byte for byte: the same rows, in the same order, none missing.
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { BOM, csvRow } from '../csv.js';

export type ExportedRow = Record<string, unknown>;

export function jsonExportAgrees(
  csv: LightMyRequestResponse,
  json: LightMyRequestResponse,
  name: string,
): ExportedRow[] {
  assert.equal(csv.statusCode, 200, csv.body);
  assert.equal(json.statusCode, 200, json.body);
  assert.match(String(json.headers['content-type']), /^application\/json/);
  assert.equal(
    json.headers['content-disposition'],
    `attachment; filename="${name}.json"; filename*=UTF-8''${name}.json`,
  );
  assert.equal(csv.headers['content-disposition'], `attachment; filename="${name}.csv"; filename*=UTF-8''${name}.csv`);
  const rows = json.json<ExportedRow[]>();
  assert.ok(Array.isArray(rows), 'an array of rows');
  const headers = csv.body.slice(BOM.length).split('\r\n', 1)[0]!;
  const columns = JSON.parse(`[${headers}]`) as string[];
  for (const row of rows) assert.deepEqual(Object.keys(row), columns, 'keyed by the CSV columns, in order');
  const written = BOM + csvRow(columns) + rows.map((row) => csvRow(columns.map((column) => row[column]))).join('');
  assert.equal(written, csv.body, 'the rows of the CSV');
  return rows;
}
