// Records every submission the elements' tests POST to the test collector (tools/dev-endpoint.mjs), one
// JSON line each in .test-results/sent-envelopes.ndjson (emptied when a run starts), so that the contract test
// (server/test/contract.test.ts) can check each against api/openapi.yaml: the schemas must accept what
// the elements really send. The dev endpoint hands over each body once it has read it
// (`devEndpointMiddleware({ onSubmission })`): a second reader of the request stream could take chunks
// from it.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function sentEnvelopesRecorder(file = process.env.EP_SENT_ENVELOPES ?? '.test-results/sent-envelopes.ndjson') {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, ''); // one run's envelopes: the config is loaded once per run
  return ({ space, from, body }) => appendFileSync(file, `${JSON.stringify({ space, from, body })}\n`);
}
