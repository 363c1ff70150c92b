/**
 * The console demo's feedback messages (server/console/demo-messages.ts) on SQLite and PostgreSQL: each is
 * what the feedback form may send, in both languages, each opens a case the triage lists, and seeding again
 * stores nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoMessages, seedDemoMessages } from '../console/demo-messages.js';
import { DIALECTS, auth, suiteApp, valid } from './helpers.js';

describe('the console demo messages', () => {
  it('are each what the feedback form may send, in both languages, some with contact details', () => {
    const messages = demoMessages();
    for (const { data } of messages) valid('FeedbackData', data);
    assert.deepEqual([...new Set(messages.map(({ lang }) => lang))].sort(), ['ar', 'en']);
    assert.ok(messages.some(({ data }) => 'contact' in data));
  });
});

for (const dialect of DIALECTS) {
  describe(`the console demo messages, seeded (${dialect})`, () => {
    const t = suiteApp(dialect);

    it('open a case each, listed newest first, once however often the demo starts', async () => {
      const count = demoMessages().length;
      assert.equal(await seedDemoMessages(t.store), count);
      assert.equal(await seedDemoMessages(t.store), 0);
      const response = await t.app.inject({ url: '/console/api/cases?limit=100', headers: auth });
      assert.equal(response.statusCode, 200, response.body);
      const cases = response.json().items as Array<{ page: string; text: string; locale: string; hasContact: boolean }>;
      const demo = cases.filter((item) => item.page.startsWith('https://www.example.gov.sa/'));
      assert.equal(demo.length, count);
      assert.deepEqual([...new Set(demo.map((item) => item.locale))].sort(), ['ar', 'en']);
      assert.equal(
        demo.filter((item) => item.hasContact).length,
        demoMessages().filter(({ data }) => 'contact' in data).length,
      );
      assert.deepEqual(
        demo.map((item) => item.text),
        demoMessages()
          .map(({ data }) => data.message)
          .reverse(),
      );
    });
  });
}
