// Records every submission the elements' tests POST to the test collector (tools/dev-endpoint.mjs), one
// JSON line each in .test-results/sent-envelopes.ndjson (emptied when a run starts), so that the contract test
// (server/test/contract.test.ts) can check each against api/openapi.yaml: the schemas must accept what
// the elements really send. It only listens: the body still reaches the dev endpoint, which reads it in
// the same tick (a stream emits nothing before the next one).
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const SUBMISSIONS = /^\/ep-dev\/([^/]+)\/submissions$/;

export function sentEnvelopesMiddleware(file = process.env.EP_SENT_ENVELOPES ?? '.test-results/sent-envelopes.ndjson') {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, ''); // one run's envelopes: the config is loaded once per run
  return (ctx, next) => {
    const match = ctx.method === 'POST' ? SUBMISSIONS.exec(ctx.path) : null;
    if (match) {
      const chunks = [];
      const test = ctx.get('referer');
      ctx.req.on('data', (chunk) => chunks.push(chunk));
      ctx.req.on('end', () => {
        appendFileSync(file, `${JSON.stringify({ space: match[1], from: test, body: Buffer.concat(chunks).toString('utf8') })}\n`);
      });
    }
    return next();
  };
}
