/**
 * Migration 0007 on both databases, over consultations written before types: each gets a type, `legal`
 * when its `url` was its page on Istitlaa (where every draft regulation is consulted on), `non-legal`
 * otherwise, its content untouched. After it the collector serves the type, filters the administration's
 * list by it, keeps it when a change names none, and the database takes no other type.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildApp } from '../app.js';
import { DIALECTS, auth, contract, testConfig, valid } from './helpers.js';
import { oldDatabase } from './old-database.js';

const DAY = 24 * 60 * 60 * 1000;

/** Consultations as the collector wrote them at 0006, by id: their `url`, and the type 0007 must give them. */
const BEFORE: Array<[id: string, url: string | undefined, type: 'legal' | 'non-legal']> = [
  ['fees-regulation', 'https://istitlaa.ncc.gov.sa/en/municipal-fees', 'legal'],
  ['istitlaa-home', 'https://istitlaa.ncc.gov.sa', 'legal'],
  ['upper-case-host', 'https://Istitlaa.NCC.gov.sa/Ar/Drafts', 'legal'],
  ['plain-http', 'http://istitlaa.ncc.gov.sa/ar', 'legal'],
  ['elsewhere', 'https://www.example.gov.sa/consultations/walkways', 'non-legal'],
  ['look-alike', 'https://istitlaa.ncc.gov.sa.example.com/fees', 'non-legal'],
  ['istitlaa-in-path', 'https://www.example.gov.sa/https://istitlaa.ncc.gov.sa/', 'non-legal'],
  ['no-link', undefined, 'non-legal'],
];

for (const dialect of DIALECTS) {
  describe(`migration 0007 (consultation types) on ${dialect}`, () => {
    it('types every consultation, serves the type, filters the list by it, and keeps it through an untyped change', async () => {
      const db = await oldDatabase(dialect, 6, 'ep-types');
      const now = Date.now();
      const contents = new Map<string, string>();
      for (const [n, [id, url]] of BEFORE.entries()) {
        const content = JSON.stringify({
          title: { en: `Consultation ${id}`, ar: 'استشارة' },
          ...(url ? { url, platform: { en: 'Istitlaa', ar: 'استطلاع' } } : {}),
        });
        contents.set(id, content);
        // Each opens a day after the one before it: the list, latest opening first, is BEFORE reversed.
        await db.run(
          'INSERT INTO consultations (id, content, opens_at, closes_at, updated_at) VALUES (?, ?, ?, ?, ?)',
          [
            id,
            content,
            new Date(now - (30 - n) * DAY).toISOString(),
            new Date(now + 30 * DAY).toISOString(),
            new Date(now).toISOString(),
          ],
        );
      }

      const upgraded = await db.upgrade();
      const app = await buildApp({ config: testConfig(), store: upgraded.store, contract: contract() });
      try {
        const rows = await upgraded.sql('SELECT id, type, content FROM consultations');
        assert.deepEqual(
          Object.fromEntries(rows.map((row) => [row.id, row.type])),
          Object.fromEntries(BEFORE.map(([id, , type]) => [id, type])),
        );
        for (const row of rows)
          assert.equal(row.content, contents.get(row.id as string), `${String(row.id)} as written`);

        // The card reads the type; the old link stays where it was, as the full consultation's.
        const served = await app.inject({ url: '/consultations/fees-regulation' });
        assert.equal(served.statusCode, 200, served.body);
        valid('Consultation', served.json());
        assert.equal(served.json().type, 'legal');
        assert.equal(served.json().url, 'https://istitlaa.ncc.gov.sa/en/municipal-fees');
        assert.equal(served.json().istitlaaUrl, undefined);

        const listed = async (query: string): Promise<string[]> => {
          const response = await app.inject({ url: `/admin/consultations${query}`, headers: auth });
          assert.equal(response.statusCode, 200, response.body);
          for (const item of response.json()) valid('AdminConsultation', item);
          return response.json().map((item: { consultation: { id: string } }) => item.consultation.id);
        };
        const latestFirst = (type?: string): string[] =>
          BEFORE.filter(([, , of]) => !type || of === type)
            .map(([id]) => id)
            .reverse();
        assert.deepEqual(await listed('?type=legal'), latestFirst('legal'));
        assert.deepEqual(await listed('?type=non-legal'), latestFirst('non-legal'));
        assert.deepEqual(await listed(''), latestFirst());

        // A tool that knows no types changes a legal consultation: it stays legal.
        const changed = await app.inject({
          method: 'PUT',
          url: '/admin/consultations/upper-case-host',
          headers: { ...auth, 'content-type': 'application/json' },
          payload: JSON.stringify({
            title: 'Changed',
            opensAt: new Date(now - DAY).toISOString(),
            closesAt: new Date(now + DAY).toISOString(),
          }),
        });
        assert.equal(changed.statusCode, 200, changed.body);
        assert.equal(changed.json().type, 'legal');

        // The database itself takes no third type.
        await assert.rejects(upgraded.sql("UPDATE consultations SET type = 'regulatory' WHERE id = 'no-link'"));
        assert.deepEqual(await upgraded.sql("SELECT type FROM consultations WHERE id = 'no-link'"), [
          { type: 'non-legal' },
        ]);
      } finally {
        await app.close();
        await upgraded.drop();
      }
    });
  });
}
