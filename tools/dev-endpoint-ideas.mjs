// The ideas part of the dev collector (tools/dev-endpoint.mjs), in memory, per space: published ideas, read
// a page at a time as src/core/delivery/paths.ts says, and what `idea` and `idea-support` submissions do to them.
//
//   GET  /ep-dev/<space>/ideas?sort=supported|newest&limit=&topic=&cursor=  → { items, next?, total }
//   POST /ep-dev/<space>/__ideas  { "ideas": [Idea, ...] } sets the space's published ideas (tests, stories),
//                                 { "generate": 500 } makes that many plain ones
//   A space named `demo` (the demo page's) starts with sample ideas, some answered, on several topics.
//
// An `idea` is kept for review, not published (as a ministry would); an `idea-support` moves the count of the
// published idea it names by one, and the answer gives the new count as `supports`. A withdrawal
// (`support: false`) names the envelope id of the support it takes back (`withdraws`): it moves the count
// back only when that support is of the same idea, was stored, and was not withdrawn yet; else it is still
// accepted (the real collector refuses malformed data; this one stays lenient) but moves nothing. A
// withdrawal that arrives before the support it names (from an outbox) means that support is never counted.
// Both are stored once per envelope id by dev-endpoint.mjs (its idempotency), so a repeat moves nothing.

import { sampleIdeas } from './demo-samples.mjs';

const DAY = 24 * 60 * 60 * 1000;
const TOPICS = ['digital-services', 'housing', 'public-spaces', 'roads', 'environment', 'other'];

/** The space's published ideas, created on first use. */
function ideasOf(space) {
  space.ideas ??= space.name === 'demo' ? sampleIdeas() : [];
  return space.ideas;
}

/** `POST __ideas`: the published ideas a test or a story wants. */
export function seedIdeas(space, body) {
  space.ideas = Array.isArray(body.ideas) ? body.ideas : generate(Number(body.generate) || 0);
}

function generate(count) {
  const start = Date.UTC(2026, 10, 1);
  return Array.from({ length: count }, (_, i) => ({
    id: `gen-${i + 1}`,
    title: `Idea ${i + 1}`,
    description: `Description of idea ${i + 1}. `.repeat(12).trim(),
    topic: TOPICS[i % TOPICS.length],
    supports: (i * 37) % 101,
    status: 'new',
    publishedAt: new Date(start - i * DAY).toISOString(),
  }));
}

/** `GET ideas`: one page, sorted and filtered; the cursor is the offset of the next page. */
export function ideasPage(space, params) {
  const newest = params.get('sort') === 'newest';
  const topic = params.get('topic') ?? '';
  const limit = Math.min(50, Math.max(1, Number(params.get('limit')) || 10));
  const offset = Number(/^o(\d+)$/.exec(params.get('cursor') ?? '')?.[1] ?? 0);
  const time = (idea) => Date.parse(idea.publishedAt ?? '') || 0;
  const matching = ideasOf(space)
    .filter((idea) => !topic || (idea.topic?.code ?? idea.topic) === topic)
    .sort((a, b) => (newest ? 0 : (b.supports ?? 0) - (a.supports ?? 0)) || time(b) - time(a));
  const end = offset + limit;
  return {
    items: matching.slice(offset, end),
    ...(end < matching.length ? { next: `o${end}` } : {}),
    total: matching.length,
  };
}

/**
 * What an accepted submission adds to the answer: for a support, the idea's new count. Per space, the
 * supports counted and not withdrawn (envelope id → idea id), and the withdrawals that came before the
 * support they name (envelope id of that support → idea id).
 */
export function acceptIdeas(space, envelope) {
  if (envelope.kind !== 'idea-support') return {};
  const idea = ideasOf(space).find((candidate) => candidate.id === envelope.data?.ideaId);
  if (!idea) return {};
  space.supports ??= new Map();
  space.early ??= new Map();
  let step = 0;
  const named = envelope.data.withdraws;
  if (envelope.data.support !== false) {
    if (space.early.get(envelope.id) === idea.id) {
      space.early.delete(envelope.id); // withdrawn before it arrived: never counted
    } else {
      space.supports.set(envelope.id, idea.id);
      step = 1;
    }
  } else if (typeof named === 'string' && space.supports.get(named) === idea.id) {
    space.supports.delete(named);
    step = -1;
  } else if (typeof named === 'string' && !space.stored.has(named)) {
    space.early.set(named, idea.id); // the support it names has not arrived (yet)
  }
  idea.supports = Math.max(0, (idea.supports ?? 0) + step);
  return { supports: idea.supports };
}
