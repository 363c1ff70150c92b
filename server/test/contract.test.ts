/**
 * api/openapi.yaml as the single source: it compiles under strict Ajv, its examples match its schemas, the
 * generated TypeScript is current, the server's kinds are the contract's, and what the elements really send
 * validates: envelopes built here by the elements' own code (createEnvelope, the feedback form's toPayload,
 * the poll's reasons), and every envelope the element tests sent to the test collector during `npm test`
 * (.test-results/sent-envelopes.ndjson, recorded by test/server/sent-envelopes.mjs).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEnvelope } from '../../src/core/delivery/envelope.js';
import { HONEYPOT_NAME } from '../../src/core/forms/spam-guard.js';
import { allLocales } from '../../src/generated/locale-codes.js';
import { channels, defaultTypes, type Rules, type Values } from '../../src/feedback/model.js';
import { toPayload } from '../../src/feedback/validate.js';
import { LEVELS, STANCES, TYPES, parseConsultation } from '../../src/consultation-card/model.js';
import { parsePage } from '../../src/idea-box/ideas.js';
import { DESCRIPTION_MAX, STATUSES, TITLE_MAX, defaultTopics, emptyValues } from '../../src/idea-box/model.js';
import { toPayload as ideaPayload } from '../../src/idea-box/validate.js';
import { toLeavePayload } from '../../src/lab-invite/leave-rules.js';
import { AGE_BANDS, emptyValues as emptyLabValues } from '../../src/lab-invite/model.js';
import { toPayload as labPayload } from '../../src/lab-invite/validate.js';
import { seedDemo } from '../seed.js';
import { choiceLabel } from '../../src/core/fields/choices.js';
import { MAX_REASONS, defaultReasons } from '../../src/page-poll/reasons.js';
import { KINDS } from '../kinds.js';
import { HONEYPOT_FIELD } from '../routes/submissions.js';
import { contract, envelope, openTestApp, post, type TestApp, suiteApp } from './helpers.js';
import { doc, resolve } from './openapi-doc.js';

const schemas = doc.components.schemas as Record<string, any>;

const schemaName = (schema: any): string | undefined =>
  typeof schema?.$ref === 'string' ? schema.$ref.split('/').at(-1) : undefined;

function assertValid(name: string, value: unknown, what: string): void {
  const checked = contract().check(name, value);
  assert.ok(
    checked.valid,
    `${what} does not match ${name}: ${JSON.stringify(checked.valid ? [] : checked.fieldErrors)}`,
  );
}

/** A document as createEnvelope reads it. */
function page(url: string, lang: string): Document {
  return {
    location: { href: url },
    URL: url,
    title: 'بيان المشاركة الإلكترونية',
    documentElement: { lang },
  } as unknown as Document;
}

describe('api/openapi.yaml', () => {
  it('is OpenAPI 3.1 and every schema compiles under strict Ajv', () => {
    assert.match(String(doc.openapi), /^3\.1\./);
    for (const name of Object.keys(schemas)) assert.equal(typeof contract().validator(name), 'function', name);
  });

  it('has examples that match their schemas (request bodies, responses, schema examples)', () => {
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations as Record<string, any>)) {
        const bodies = [
          ...Object.entries(operation.requestBody?.content ?? {}).map(([type, content]) => ({
            where: `${method} ${path} request ${type}`,
            content,
          })),
          ...Object.entries(operation.responses ?? {}).flatMap(([status, response]) =>
            Object.entries(resolve(response).content ?? {}).map(([type, content]) => ({
              where: `${method} ${path} ${status} ${type}`,
              content,
            })),
          ),
        ];
        for (const { where, content } of bodies as Array<{ where: string; content: any }>) {
          const name = schemaName(content.schema);
          for (const [example, value] of Object.entries(content.examples ?? {})) {
            if (!name) continue;
            assertValid(name, resolve(value).value, `${where} example ${example}`);
            checked += 1;
          }
        }
      }
    }
    for (const [name, schema] of Object.entries(schemas)) {
      for (const example of schema.examples ?? []) (assertValid(name, example, `${name}'s example`), (checked += 1));
    }
    assert.ok(checked >= 8, `only ${checked} examples checked`);
  });

  it('generates the TypeScript in api/generated/openapi.ts as committed (run `npm run api:types` after a change)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ep-api-types-'));
    try {
      const out = join(dir, 'openapi.ts');
      const result = spawnSync('node_modules/.bin/openapi-typescript', ['api/openapi.yaml', '-o', out], {
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(
        readFileSync('api/generated/openapi.ts', 'utf8'),
        readFileSync(out, 'utf8'),
        'api/generated/openapi.ts is stale',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the same kinds everywhere: Kind, the Submission discriminator, its oneOf and server/kinds.ts', () => {
    const kinds = schemas.Kind.enum as string[];
    const mapping = schemas.Submission.discriminator.mapping as Record<string, string>;
    assert.deepEqual(Object.keys(mapping).sort(), [...kinds].sort());
    assert.deepEqual(
      schemas.Submission.oneOf.map((ref: { $ref: string }) => ref.$ref).sort(),
      Object.values(mapping).sort(),
    );
    assert.deepEqual(Object.keys(KINDS).sort(), [...kinds].sort());
    for (const [kind, ref] of Object.entries(mapping)) {
      const branch = resolve({ $ref: ref });
      assert.equal(branch.properties.kind.const, kind, `${ref} is the schema of ${kind}`);
    }
    const prefixes = [...contract().kinds.values()].map((kind) => kind.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length, 'each kind has its own reference prefix');
  });

  it("agrees with the elements' constants: languages, channels, at most two reasons, the honeypot's name", () => {
    assert.deepEqual([...schemas.Locale.enum].sort(), [...allLocales].sort());
    assert.deepEqual(
      schemas.FeedbackContact.properties.channel.enum,
      channels().map((channel) => channel.code),
    );
    assert.equal(schemas.PageVoteDetailsData.properties.reasons.maxItems, MAX_REASONS);
    assert.equal(HONEYPOT_FIELD, HONEYPOT_NAME);
  });

  it("agrees with the idea box's and the card's constants: statuses, stances, levels, the form's limits within the contract's", () => {
    assert.deepEqual(schemas.IdeaStatus.enum, [...STATUSES]);
    assert.deepEqual(schemas.Stance.enum, [...STANCES]);
    assert.deepEqual(schemas.ParticipationLevel.enum, [...LEVELS]);
    assert.deepEqual(schemas.ConsultationType.enum, [...TYPES]);
    assert.ok(schemas.IdeaData.properties.title.maxLength >= TITLE_MAX);
    assert.ok(schemas.IdeaData.properties.description.maxLength >= DESCRIPTION_MAX);
    assert.ok(schemas.IdeaPage.properties.items.maxItems >= 50, 'the idea box asks for pages of up to 50');
  });
});

describe("envelopes built by the elements' own code", () => {
  const locales = ['ar', 'en'] as const;

  it('page-vote and page-vote-details, with the built-in reasons in both languages', () => {
    for (const locale of locales) {
      for (const answer of ['yes', 'no'] as const) {
        const doc = page('https://www.example.gov.sa/ar/e-participation', locale);
        const vote = createEnvelope({ kind: 'page-vote', data: { answer }, locale, privacyNotice: '1', doc });
        assertValid('Submission', vote, `a ${answer} vote in ${locale}`);
        const reasons = defaultReasons(answer)
          .slice(0, MAX_REASONS)
          .map((reason) => ({ code: reason.code, label: choiceLabel(reason, locale) }));
        for (const data of [
          { voteId: vote.id, answer, reasons, comment: '' },
          { voteId: vote.id, answer, reasons: [], comment: 'تعليق' },
          { answer, reasons: reasons.slice(0, 1), comment: 'a comment' },
        ]) {
          assertValid(
            'Submission',
            createEnvelope({ kind: 'page-vote-details', data, locale, privacyNotice: '1', doc }),
            `details ${JSON.stringify(data)}`,
          );
        }
      }
    }
  });

  it("feedback, from the form's toPayload over its contact modes, channels and both languages", () => {
    const base: Values = {
      type: 'complaint',
      message: '  The permit form rejects my plot number.  ',
      name: '',
      email: '',
      mobile: '',
      channel: '',
      consent: false,
    };
    const variants: Array<Partial<Values>> = [
      {},
      { name: 'Sara' },
      { email: 'sara@example.sa', channel: 'email', consent: true },
      { mobile: '05 0123 4567', channel: 'sms', consent: true },
      { mobile: '+966 (0) 50-123-4567', channel: 'phone', consent: true, name: 'سارة' },
      { email: 'محمد@مثال.السعودية', mobile: '٠٥٠١٢٣٤٥٦٧', consent: true },
      { type: 'suggestion', message: 'x'.repeat(2000) },
    ];
    for (const locale of locales) {
      for (const contactMode of ['optional', 'required', 'hidden'] as const) {
        const rules: Rules = { contact: contactMode, minLength: 10, maxLength: 2000, types: defaultTypes() };
        for (const variant of variants) {
          for (const service of [undefined, 'building-permits']) {
            const data = toPayload({ ...base, ...variant }, rules, service, locale);
            const sent = createEnvelope({
              kind: 'feedback',
              data,
              locale,
              privacyNotice: '2',
              doc: page('https://www.example.gov.sa/en/permits?x=1', locale),
            });
            assertValid('Submission', sent, `feedback ${contactMode} ${JSON.stringify(variant)} in ${locale}`);
          }
        }
      }
    }
  });
});

describe("envelopes built by the idea box's own code", () => {
  it("idea, from the form's toPayload over every default topic, contact modes and both languages", () => {
    const variants = [
      {},
      { name: 'Sara' },
      { email: 'sara@example.sa', channel: 'email', consent: true },
      { mobile: '05 0123 4567', channel: 'sms', consent: true },
      { title: 'x'.repeat(TITLE_MAX), description: 'y'.repeat(DESCRIPTION_MAX) },
    ];
    for (const locale of ['ar', 'en'] as const) {
      for (const topic of defaultTopics()) {
        for (const mode of ['optional', 'required', 'hidden'] as const) {
          for (const variant of variants) {
            const values = {
              ...emptyValues(),
              title: '  Evening hours  ',
              description: ' Open until 9 pm. ',
              topic: topic.code,
              ...variant,
            };
            const data = ideaPayload(values, defaultTopics(), mode, locale);
            const sent = createEnvelope({
              kind: 'idea',
              data,
              locale,
              privacyNotice: '1',
              doc: page('https://www.example.gov.sa/ar/ideas', locale),
            });
            assertValid('Submission', sent, `idea ${topic.code} ${mode} ${JSON.stringify(variant)} in ${locale}`);
          }
        }
      }
    }
  });
});

describe("envelopes built by the Lab's invitation's own code", () => {
  const topics = [
    { code: 'housing', label: { en: 'Housing', ar: 'الإسكان' } },
    { code: 'permits', label: 'Permits' },
  ];

  it("lab-signup, from the form's toPayload over sessions, topics, attendance, age bands, contacts and both languages", () => {
    const base = {
      ...emptyLabValues(),
      sessions: 'prototype',
      attendance: 'online',
      language: 'ar',
      name: '  سارة الحربي ',
      email: 'sara@example.sa',
      consent: true,
    };
    const variants = [
      {},
      { sessions: 'understanding\nprototype\nreadiness', topics: 'housing\npermits' },
      { attendance: 'online\nin-person', city: '  الرياض ' },
      { attendance: 'in-person', city: 'Jeddah', email: '', mobile: '٠٥٠ ١٢٣ ٤٥٦٧' },
      { email: 'محمد@مثال.السعودية', mobile: '+966 (0) 50-123-4567', language: 'en' },
      // A channel left in an old draft is never sent: the panel takes none.
      { channel: 'sms', ageBand: '' },
      ...AGE_BANDS.map((ageBand) => ({ ageBand })),
    ];
    for (const locale of ['ar', 'en'] as const) {
      for (const variant of variants) {
        const data = labPayload({ ...base, ...variant }, topics, locale);
        const sent = createEnvelope({
          kind: 'lab-signup',
          data,
          locale,
          privacyNotice: '3',
          doc: page('https://www.example.gov.sa/ar/e-participation', locale),
        });
        assertValid('Submission', sent, `lab-signup ${JSON.stringify(variant)} in ${locale}`);
      }
    }
  });

  it("lab-withdraw, from the leave form's payload with a code as people copy it and either contact detail", () => {
    for (const values of [
      { code: '7K3M-Q9XR-2D4F', email: 'sara@example.sa', mobile: '' },
      { code: ' 7k3m q9xr 2d4f ', email: '', mobile: '0501234567' },
      { code: '7K3MQ9XR2D4F', email: 'Sara@Example.sa', mobile: '+966501234567' },
    ]) {
      const sent = createEnvelope({
        kind: 'lab-withdraw',
        data: toLeavePayload(values),
        locale: 'ar',
        privacyNotice: '3',
        doc: page('https://www.example.gov.sa/ar/e-participation', 'ar'),
      });
      assertValid('Submission', sent, `lab-withdraw ${JSON.stringify(values)}`);
    }
  });
});

describe("what the collector serves, read by the elements' own parsers", () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp('sqlite');
    // The card resolves links against the page (document.baseURI); here, a page of the ministry's site.
    (globalThis as { document?: unknown }).document = { baseURI: 'https://www.example.gov.sa/ar/consultations' };
    await seedDemo(t.store, contract(), ['https://www.example.gov.sa/ar/e-participation']);
  });
  after(async () => {
    delete (globalThis as { document?: unknown }).document;
    await t.close();
  });

  it('every published idea, page by page, as the idea box reads it (nothing dropped as malformed)', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const response = await t.app.inject({
        url: `/ideas?sort=supported&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      });
      const body = response.json();
      assertValid('IdeaPage', body, 'GET /ideas');
      const parsed = parsePage(body);
      assert.ok(parsed, 'the idea box reads the page');
      assert.deepEqual(
        parsed.items.map((idea) => idea.id),
        body.items.map((idea: { id: string }) => idea.id),
      );
      for (const [n, idea] of parsed.items.entries()) {
        assert.equal(idea.supports, body.items[n].supports);
        assert.equal(idea.status, body.items[n].status);
        assert.equal(idea.topic?.code, body.items[n].topic?.code);
        assert.equal(idea.answer?.text, body.items[n].answer?.text);
      }
      seen.push(...parsed.items.map((idea) => idea.id));
      cursor = parsed.next;
    } while (cursor);
    assert.equal(seen.length, new Set(seen).size);
    assert.ok(seen.length >= 7, `${seen.length} ideas`);
  });

  it('each sample consultation as the card reads it: dates, type and link to Istitlaa, level, documents, participants, outcome', async () => {
    const types: Record<string, string> = {};
    for (const id of ['municipal-fees-regulation', 'shaded-walkways', 'building-permit-journey']) {
      const body = (await t.app.inject({ url: `/consultations/${id}` })).json();
      assertValid('Consultation', body, `GET /consultations/${id}`);
      const card = parseConsultation(body);
      assert.ok(card, `the card reads ${id}`);
      assert.equal(card.id, id);
      assert.equal(card.opensAt, Date.parse(body.opensAt));
      assert.equal(card.closesAt, Date.parse(body.closesAt));
      assert.equal(card.type, body.type);
      assert.equal(card.istitlaaUrl, body.istitlaaUrl);
      types[id] = `${card.type}${card.istitlaaUrl ? ` ${card.istitlaaUrl}` : ''}`;
      assert.equal(card.level, body.level);
      assert.equal(card.participants, body.participants);
      assert.equal(card.documents.length, body.documents?.length ?? 0);
      assert.deepEqual(card.outcome?.counts, body.outcome?.counts);
    }
    // Both types are served, and the legal one's link reaches the card.
    assert.deepEqual(types, {
      'municipal-fees-regulation': 'legal https://istitlaa.ncc.gov.sa/',
      'shaded-walkways': 'non-legal',
      'building-permit-journey': 'non-legal',
    });
  });
});

describe('what the element tests sent to the test collector (recorded during npm test)', () => {
  const file = process.env.EP_SENT_ENVELOPES ?? '.test-results/sent-envelopes.ndjson';

  it('every envelope validates', (t) => {
    if (!existsSync(file)) {
      t.skip(`${file} is missing: run the element tests first (npm test runs them before this)`);
      return;
    }
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { body: string; from?: string });
    assert.ok(lines.length > 0, `${file} is empty`);
    const byKind = new Map<string, number>();
    const invalid: string[] = [];
    for (const { body, from } of lines) {
      let value: any;
      try {
        value = JSON.parse(body);
      } catch {
        invalid.push(`not JSON (from ${from}): ${body.slice(0, 200)}`);
        continue;
      }
      byKind.set(value?.kind, (byKind.get(value?.kind) ?? 0) + 1);
      const checked = contract().checkSubmission(value);
      if (!checked.valid)
        invalid.push(`${JSON.stringify(checked.fieldErrors)} in ${body.slice(0, 300)} (from ${from})`);
    }
    t.diagnostic(`${lines.length} envelopes: ${[...byKind].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
    assert.deepEqual(invalid, []);
  });
});

describe("the spec's 422 examples are what the collector answers", () => {
  const t = suiteApp('sqlite');

  it('for an unknown kind and for a feedback message with no text and a bad address', async () => {
    const examples = resolve(doc.components.responses).Unprocessable.content['application/json'].examples;
    const unknown = await post(t.app, envelope('feedback', undefined, { kind: 'survey' }));
    assert.deepEqual(unknown.json(), examples['unknown-kind'].value);
    const feedback = await post(
      t.app,
      envelope('feedback', {
        type: { code: 'complaint', label: 'Complaint' },
        message: '',
        contact: { email: 'sara@', channel: 'email' },
        consent: true,
      }),
    );
    assert.deepEqual(feedback.json(), examples.feedback.value);
  });
});
