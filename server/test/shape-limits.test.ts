/**
 * Hostile shapes (issue 12, item 3): bodies nested too deep or holding too many values are refused with
 * 422 and a field error before any schema runs, cheaply, on both databases; what the elements really send
 * stays well inside the limits; and a database's own refusal of a value (SQLite's json_valid past 1,000
 * levels, a constraint) is a 4xx, never a 500.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { shapeProblem, textShapeProblem } from '../body-shape.js';
import { buildApp } from '../app.js';
import { Contract, loadOpenApi } from '../contract.js';
import { databaseRefusal } from '../database-refusal.js';
import {
  auth,
  contract,
  DIALECTS,
  envelope,
  openTestStore,
  post,
  storedCount,
  suiteApp,
  testConfig,
} from './helpers.js';

/** `{"a":{"a":…}}` with `levels` objects (the outermost included), innermost holding `leaf`. */
function nested(levels: number, leaf: unknown = 1): unknown {
  let value: unknown = leaf;
  for (let n = 0; n < levels; n += 1) value = { a: value };
  return value;
}

/** The same as JSON text, built without recursion (JSON.stringify would recurse as deep). */
function deepArrays(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

const limits = contract().bodyLimits;

describe('the shape walk (body-shape.ts)', () => {
  it('states its limits in the contract: 16 levels, 1,000 values', () => {
    assert.deepEqual(limits, { maxDepth: 16, maxValues: 1000 });
    assert.deepEqual((loadOpenApi().info as Record<string, unknown>)['x-body-limits'], {
      maxDepth: 16,
      maxValues: 1000,
    });
  });

  it('counts the body as level 1 and every value once; allows exactly the limits', () => {
    assert.equal(shapeProblem(nested(16), limits), undefined);
    assert.deepEqual(shapeProblem(nested(17), limits), { code: 'too-deep', path: Array(16).fill('a') });
    assert.equal(shapeProblem(new Array(999).fill(0), limits), undefined, 'the array and its 999 items: 1,000 values');
    assert.deepEqual(shapeProblem(new Array(1000).fill(0), limits), { code: 'too-many-values' });
    assert.equal(shapeProblem('text', limits), undefined);
    assert.equal(shapeProblem(null, limits), undefined);
  });

  it('names the path through arrays and objects', () => {
    const body = { data: { list: [0, { deep: nested(15) }] } };
    assert.deepEqual(shapeProblem(body, limits), {
      code: 'too-deep',
      path: ['data', 'list', '1', 'deep', ...Array(12).fill('a')],
    });
  });

  it('walks 30,000 levels without recursion, and refuses a 64 KB body in a fraction of what parsing it took', () => {
    const texts = [deepArrays(32_000), `[${new Array(32_000).fill('0').join(',')}]`];
    const [deep, wide] = texts.map((text) => JSON.parse(text) as unknown);
    assert.equal(shapeProblem(deep, limits)?.code, 'too-deep');
    assert.equal(shapeProblem(wide, limits)?.code, 'too-many-values');
    // Against the parse of the same bodies on the same machine, so that a busy machine slows both alike.
    const parse = timed(() => texts.forEach((text) => JSON.parse(text)));
    const walk = timed(() => [deep, wide].forEach((body) => shapeProblem(body, limits)));
    assert.ok(walk * 4 < parse, `walk ${walk.toFixed(3)} ms, parse ${parse.toFixed(3)} ms`);
  });
});

/** Milliseconds one run of `work` takes, the median of 31 runs. */
function timed(work: () => void): number {
  const runs = Array.from({ length: 31 }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  });
  return runs.sort((a, b) => a - b)[15]!;
}

describe('the same limits on the JSON text, before parsing (textShapeProblem)', () => {
  it('agrees with the walk over the parsed body, on bodies within, at and past each limit', () => {
    const tricky = {
      'k"ey\\': ['a,b', '[{', '}]', '"', 1.5e-3, -2, true, false, null, {}, []],
      ن: { '': [[{ x: 'y' }]] },
    };
    const bodies: unknown[] = [
      tricky,
      nested(16),
      nested(17),
      { data: { list: [0, { deep: nested(15) }] } },
      [[], {}, [[[[]]]], { a: [{ b: [{ c: nested(14) }] }] }],
      new Array(999).fill(0),
      new Array(1000).fill(0),
      Object.fromEntries(Array.from({ length: 999 }, (_, n) => [`k${n}`, n % 2 ? 'v' : null])),
      Object.fromEntries(Array.from({ length: 1000 }, (_, n) => [`k${n}`, 0])),
      { esc: 'a\\"b', list: [new Array(400).fill('x,"y"'), new Array(598).fill(true)] },
      { esc: 'a\\"b', list: [new Array(400).fill('x,"y"'), new Array(599).fill(true)] },
      'just a string',
      42,
    ];
    for (const body of bodies) {
      for (const text of [JSON.stringify(body), JSON.stringify(body, null, 2)]) {
        assert.deepEqual(textShapeProblem(text, limits), shapeProblem(body, limits), text.slice(0, 120));
      }
    }
  });

  it('refuses a 64 KB body nested 32,000 deep, or holding 32,000 values or 6,000 keys, in a fraction of what parsing it takes', () => {
    const deep = deepArrays(32_000);
    const wide = `[${new Array(32_000).fill('0').join(',')}]`;
    const keys = `{${Array.from({ length: 6000 }, (_, n) => `"k${n}":0`).join(',')}}`;
    assert.deepEqual(textShapeProblem(deep, limits), { code: 'too-deep', path: Array(16).fill('0') });
    assert.deepEqual(textShapeProblem(wide, limits), { code: 'too-many-values' });
    assert.deepEqual(textShapeProblem(keys, limits), { code: 'too-many-values' });
    // It stops where a limit is passed; JSON.parse reads everything first (tens of ms for the deep one).
    const parse = timed(() => [deep, wide, keys].forEach((text) => JSON.parse(text)));
    const scan = timed(() => [deep, wide, keys].forEach((text) => textShapeProblem(text, limits)));
    assert.ok(scan * 4 < parse, `scan ${scan.toFixed(3)} ms, parse ${parse.toFixed(3)} ms`);
  });
});

describe('what the elements send keeps to the limits', () => {
  it('every envelope the element tests sent (when recorded) and every example in the contract', (t) => {
    const file = '.test-results/sent-envelopes.ndjson';
    const bodies: unknown[] = Object.values(loadOpenApi().components.examples).map((example) => example.value);
    try {
      for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean))
        bodies.push(JSON.parse((JSON.parse(line) as { body: string }).body));
    } catch {
      t.diagnostic(`${file} not there (written by the element tests during npm test): the contract's examples only`);
    }
    for (const body of bodies) assert.equal(shapeProblem(body, limits), undefined, JSON.stringify(body));
    // Well inside: an administrator's largest consultation (20 documents, every text in both languages).
    const text = { ar: 'نص', en: 'text' };
    const consultation = {
      title: text,
      summary: text,
      department: text,
      level: 'consult',
      opensAt: '2026-03-01T00:00:00Z',
      closesAt: '2026-04-01T00:00:00Z',
      documents: Array.from({ length: 20 }, () => ({ title: text, url: 'https://x.sa/d.pdf', type: 'pdf', size: 1 })),
      url: 'https://x.sa/',
      platform: text,
      participantsElsewhere: 1,
    };
    assert.equal(
      shapeProblem(consultation, { maxDepth: 4, maxValues: 200 }),
      undefined,
      'four levels, under 200 values',
    );
  });
});

for (const dialect of DIALECTS) {
  describe(`hostile shapes on ${dialect}`, () => {
    const t = suiteApp(dialect);

    it('refuses data nested past the limit with 422 too-deep on its path, storing nothing', async () => {
      const response = await post(
        t.app,
        envelope('page-vote', { answer: 'yes', extra: nested(20) as Record<string, unknown> }),
      );
      assert.equal(response.statusCode, 422, response.body);
      const [error, ...others] = response.json().fieldErrors as { field: string; code: string; message: string }[];
      assert.deepEqual(others, []);
      assert.equal(error!.code, 'too-deep');
      assert.equal(
        error!.field,
        ['extra', ...Array(14).fill('a')].join('.'),
        'envelope 1, data 2, extra 3: the 17th level is the 14th a',
      );
      assert.match(error!.message, /nested more than 16 levels/);
      const examples = (loadOpenApi().components.responses as Record<string, any>).Unprocessable.content[
        'application/json'
      ].examples;
      assert.deepEqual(response.json(), examples['too-deep'].value, "the contract's example is the answer");
      assert.equal(await storedCount(t), 0);
    });

    it('refuses 30,000 levels and 30,000 values (64 KB bodies) with 422, not 500', async () => {
      const base = JSON.stringify(envelope('page-vote', { answer: 'yes' }));
      const deep = base.replace('"answer":"yes"', `"answer":"yes","extra":${deepArrays(30_000)}`);
      const wide = base.replace('"answer":"yes"', `"answer":"yes","extra":[${new Array(30_000).fill('0').join(',')}]`);
      const deepAnswer = await post(t.app, deep);
      assert.equal(deepAnswer.statusCode, 422, deepAnswer.body);
      assert.equal(deepAnswer.json().fieldErrors[0].code, 'too-deep');
      const wideAnswer = await post(t.app, wide);
      assert.equal(wideAnswer.statusCode, 422, wideAnswer.body);
      assert.deepEqual(wideAnswer.json().fieldErrors, [
        { field: '', code: 'too-many-values', message: 'The body holds more than 1000 values.' },
      ]);
      assert.equal(await storedCount(t), 0);
    });

    it('stores a body at both limits', async () => {
      // data 2, extra 3 … the innermost object at level 16; 1,000 values in all.
      const body = envelope('page-vote', { answer: 'yes', extra: nested(14) as Record<string, unknown> });
      const count = (value: unknown): number =>
        value !== null && typeof value === 'object'
          ? 1 + Object.values(value).reduce<number>((sum, item) => sum + count(item), 0)
          : 1;
      (body.data as Record<string, unknown>).filler = new Array(1000 - count(body) - 1).fill(0);
      assert.equal(count(body), 1000);
      const response = await post(t.app, body);
      assert.equal(response.statusCode, 201, response.body);
    });

    it("applies the same limits to an administrator's bodies", async () => {
      const response = await t.app.inject({
        method: 'PUT',
        url: '/admin/consultations/deep',
        headers: { ...auth, 'content-type': 'application/json' },
        payload: {
          title: 'x',
          type: 'non-legal',
          opensAt: '2026-03-01T00:00:00Z',
          closesAt: '2026-04-01T00:00:00Z',
          documents: [nested(20)],
        },
      });
      assert.equal(response.statusCode, 422, response.body);
      assert.equal(response.json().fieldErrors[0].code, 'too-deep');
    });
  });
}

describe("a database's refusal is a 4xx", () => {
  it("SQLite: data nested past json_valid's 1,000 levels (body limits raised to let it through) is 422, not 500", async () => {
    const document = loadOpenApi();
    (document.info as Record<string, unknown>)['x-body-limits'] = { maxDepth: 5000, maxValues: 100_000 };
    const opened = await openTestStore('sqlite');
    const app = await buildApp({
      config: testConfig({ bodyLimit: 1_000_000 }),
      store: opened.store,
      contract: new Contract(document),
    });
    try {
      const response = await post(
        app,
        envelope('page-vote', { answer: 'yes', extra: nested(1200) as Record<string, unknown> }),
      );
      assert.equal(response.statusCode, 422, response.body);
      assert.deepEqual(response.json(), {
        message: 'The request holds a value the database cannot store.',
        fieldErrors: [{ field: '', code: 'invalid', message: 'The request holds a value the database cannot store.' }],
      });
      assert.equal(await storedCount(opened), 0);
    } finally {
      await app.close();
      await opened.drop();
    }
  });

  it('maps SQLite and PostgreSQL codes (and a wrapped cause) to 409, 413 or 422, and leaves others alone', () => {
    const error = (code: string): Error => Object.assign(new Error(code), { code });
    const statusOf = (code: string) => databaseRefusal(error(code))?.status;
    assert.equal(statusOf('SQLITE_CONSTRAINT_CHECK'), 422);
    assert.equal(statusOf('SQLITE_CONSTRAINT_NOTNULL'), 422);
    assert.equal(statusOf('SQLITE_CONSTRAINT_UNIQUE'), 409);
    assert.equal(statusOf('SQLITE_CONSTRAINT_PRIMARYKEY'), 409);
    assert.equal(statusOf('SQLITE_TOOBIG'), 413);
    assert.equal(statusOf('23514'), 422, 'check_violation');
    assert.equal(statusOf('23502'), 422, 'not_null_violation');
    assert.equal(statusOf('23505'), 409, 'unique_violation');
    assert.equal(statusOf('22P02'), 422, 'invalid_text_representation');
    assert.equal(statusOf('22P05'), 422, 'untranslatable_character');
    assert.equal(statusOf('54000'), 413, 'program_limit_exceeded');
    assert.equal(statusOf('54001'), 422, 'statement_too_complex');
    assert.equal(databaseRefusal(new Error('wrapped', { cause: error('23514') }))?.status, 422);
    for (const other of ['SQLITE_ERROR', 'SQLITE_BUSY', '42P01', '57P01', 'ECONNRESET', ''])
      assert.equal(statusOf(other), undefined, other);
  });
});
