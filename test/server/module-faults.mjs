// Test-only middleware for @web/test-runner: makes the server fail or delay chosen source modules, so
// element tests can prove what a visitor sees when a lazily loaded part of an element is slow or missing.
//   POST /__module-faults  { "path": "/src/page-poll/after-vote", "fail": true, "delayMs": 0 }  (path is a prefix)
//   POST /__module-faults  { "clear": true }
const faults = [];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return JSON.parse(text || '{}');
}

export function moduleFaultsMiddleware() {
  return async (ctx, next) => {
    if (ctx.path === '/__module-faults' && ctx.method === 'POST') {
      const body = await readJson(ctx.req);
      if (body.clear) faults.length = 0;
      else faults.push(body);
      ctx.status = 204;
      return;
    }
    const fault = faults.find((entry) => ctx.path.startsWith(entry.path));
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.fail) {
      ctx.status = 503;
      ctx.body = 'unavailable (test fault)';
      return;
    }
    // The pages run without the HTTP cache (see web-test-runner.config.mjs), so every import reaches here.
    return next();
  };
}
