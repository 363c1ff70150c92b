/**
 * What the collector does per kind, beyond storing it. The kinds themselves (names, schemas, reference
 * prefixes) come from api/openapi.yaml; this file adds, per kind:
 *
 * - `project`: statements run in the transaction that stores a submission, to keep a read model current
 *   (the page tally for `page-vote`). They run once per stored submission, never for a repeat.
 * - `columns`: the CSV export's columns when an export is filtered to this kind.
 *
 * EXTENSION POINT (issues 5 and 6): when `idea`, `idea-support` and the consultation view land in the
 * contract, their entries go here (a support changes an idea's count; a view that replaces an earlier one
 * moves the consultation's counts), with the tables their read endpoints serve in a new migration.
 * The server refuses to start if the contract has a kind with no entry here, or this file one the
 * contract lacks.
 */
import type { Contract, Schemas } from './contract.js';
import type { Statement } from './store/types.js';

export interface Column {
  header: string;
  value: (data: Record<string, unknown>) => unknown;
}

export interface KindBehaviour {
  project?: (submission: { page: { url: string }; data: Record<string, unknown> }) => Statement[];
  columns: Column[];
}

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
const codes = (value: unknown, key: 'code' | 'label'): string =>
  Array.isArray(value) ? value.map((item) => String(record(item)[key] ?? '')).join('; ') : '';

export const KINDS: Record<Schemas['Kind'], KindBehaviour> = {
  'page-vote': {
    project: ({ page, data }) => [
      {
        sql:
          'INSERT INTO page_tally (page_url, yes, total) VALUES (?, ?, 1) ' +
          'ON CONFLICT (page_url) DO UPDATE SET yes = page_tally.yes + excluded.yes, total = page_tally.total + 1',
        params: [page.url, data.answer === 'yes' ? 1 : 0],
      },
    ],
    columns: [{ header: 'answer', value: (data) => data.answer }],
  },
  'page-vote-details': {
    columns: [
      { header: 'voteId', value: (data) => data.voteId },
      { header: 'answer', value: (data) => data.answer },
      { header: 'reason codes', value: (data) => codes(data.reasons, 'code') },
      { header: 'reasons', value: (data) => codes(data.reasons, 'label') },
      { header: 'comment', value: (data) => data.comment },
    ],
  },
  feedback: {
    columns: [
      { header: 'type code', value: (data) => record(data.type).code },
      { header: 'type', value: (data) => record(data.type).label },
      { header: 'message', value: (data) => data.message },
      { header: 'service', value: (data) => data.service },
      { header: 'name', value: (data) => record(data.contact).name },
      { header: 'email', value: (data) => record(data.contact).email },
      { header: 'mobile', value: (data) => record(data.contact).mobile },
      { header: 'channel', value: (data) => record(data.contact).channel },
      { header: 'consent', value: (data) => (data.consent === true ? 'yes' : '') },
    ],
  },
};

/** Fails loudly when the contract's kinds and this file's differ. */
export function checkKinds(contract: Contract): void {
  const inContract = [...contract.kinds.keys()].sort();
  const here = Object.keys(KINDS).sort();
  if (JSON.stringify(inContract) !== JSON.stringify(here)) {
    throw new Error(`server/kinds.ts has kinds ${here.join(', ')} but api/openapi.yaml has ${inContract.join(', ')}`);
  }
}

export function behaviourOf(kind: string): KindBehaviour | undefined {
  return (KINDS as Record<string, KindBehaviour>)[kind];
}
