/**
 * Personal data does not outlive its erasure (docs/privacy.md, server/README.md): what the database still holds
 * after the sweep, an erasure by reference and a Lab withdrawal, checked against what is promised.
 *
 * - The body hash kept to recognise a repeat (submissions.body_hash) covers the whole envelope as it arrived,
 *   contact details included: it goes with them, or the row alone would confirm a guess at them (and recover a
 *   Saudi mobile among 10^8). A withdrawal's covers neither its code nor its contact detail.
 * - SQLite overwrites what it deletes (`secure_delete`), so erased details are not left in the file's free pages
 *   nor in a backup taken after the erasure.
 * - "Everything held" about a reference lists its case and notes, and a panel member's row.
 */
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { withdrawalCode } from '../lab/withdrawal-codes.js';
import { sweep } from '../privacy/sweep.js';
import { hashOfRow, type StoredEnvelopeRow } from '../store/body-hashes.js';
import { backupSqlite } from '../store/sqlite-backup.js';
import { auth, DIALECTS, envelope, openTestApp, post, suiteApp, type TestApp } from './helpers.js';

const DAY = 86_400_000;
const later = (days: number): Date => new Date(Date.now() + days * DAY);

type Row = StoredEnvelopeRow & { body_hash: string; reference: string; contact_erased_at: string | null };

async function rowOf(t: TestApp, reference: string): Promise<Row> {
  const p = t.store.dialect === 'postgres' ? '$1' : '?';
  const [row] = await t.sql<Row>(
    `SELECT seq, id, kind, page_url, page_title, page_lang, locale, submitted_at, privacy_notice, data, body_hash, reference, contact_erased_at FROM submissions WHERE reference = ${p}`,
    [reference],
  );
  assert.ok(row, `no row for ${reference}`);
  return row;
}

const dataOfRow = (row: Row): Record<string, unknown> =>
  typeof row.data === 'string'
    ? (JSON.parse(row.data) as Record<string, unknown>)
    : (row.data as Record<string, unknown>);

/** Whether the stored row's body hash confirms `data` (what an attacker with the database would try). */
const confirms = (row: Row, data: Record<string, unknown>): boolean => hashOfRow({ ...row, data })[0] === row.body_hash;

async function send(t: TestApp, body: Record<string, unknown>, client?: string): Promise<Record<string, string>> {
  const response = client
    ? await t.app.inject({
        method: 'POST',
        url: '/submissions',
        remoteAddress: client,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      })
    : await post(t.app, body);
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

for (const dialect of DIALECTS) {
  describe(`erased contact details leave nothing behind (${dialect})`, () => {
    const t = suiteApp(dialect);

    it('the retention sweep erases a feedback mobile, and nothing left in the row recovers it (its body hash goes too)', async () => {
      const mobile = '+966501234567';
      const sent = envelope('feedback', {
        type: { code: 'complaint', label: 'Complaint' },
        message: 'The permit form rejects my plot number.',
        contact: { mobile, channel: 'sms' },
        consent: true,
      });
      const { reference } = await send(t, sent);
      await sweep(t.store, t.config.retention, later(181));
      const row = await rowOf(t, reference);
      assert.ok(row.contact_erased_at, 'the sweep did erase the contact details');
      const kept = dataOfRow(row);
      assert.equal(kept.contact, undefined);

      // A real search runs 10^8 numbers (+9665XXXXXXXX: seconds of SHA-256); a slice of them shows it.
      let recovered: string | undefined;
      for (let n = 1_234_000; n < 1_235_000 && !recovered; n++) {
        const candidate = `+96650${String(n).padStart(7, '0')}`;
        if (confirms(row, { ...kept, contact: { mobile: candidate, channel: 'sms' } })) recovered = candidate;
      }
      assert.equal(recovered, undefined, `the erased mobile ${String(recovered)} is recovered from body_hash`);
    });

    it('an erasure of contact details by reference leaves nothing that confirms the name and email', async () => {
      const contact = { name: 'سارة القحطاني', email: 'sara.audit@example.sa', channel: 'email' };
      const sent = envelope('idea', { ...(envelope('idea').data as object), contact, consent: true });
      const { reference } = await send(t, sent);
      const erased = await t.app.inject({
        method: 'DELETE',
        url: `/admin/references/${reference}/contact`,
        headers: auth,
      });
      assert.equal(erased.statusCode, 200, erased.body);
      const row = await rowOf(t, reference);
      assert.equal(dataOfRow(row).contact, undefined);
      assert.equal(
        confirms(row, { ...dataOfRow(row), contact }),
        false,
        'body_hash still confirms the erased contact details',
      );
    });

    it("a Lab withdrawal erases the sign-up's contact details, and nothing left confirms them", async () => {
      const contact = { name: 'نورة العتيبي', email: 'noura.audit@example.sa', mobile: '+966509876543' };
      const signup = await send(t, envelope('lab-signup', { ...(envelope('lab-signup').data as object), contact }));
      await send(
        t,
        envelope('lab-withdraw', { code: signup.withdrawalCode!, contact: { mobile: contact.mobile } }),
        '10.9.0.1',
      );
      const row = await rowOf(t, signup.reference!);
      assert.equal(dataOfRow(row).contact, undefined, 'the withdrawal erased them');
      assert.equal(confirms(row, { ...dataOfRow(row), contact }), false, 'body_hash still confirms them');
    });

    it('a lab-withdraw row keeps neither the code nor the contact detail, not even in its hash', async () => {
      const mobile = '+966551112233';
      const signup = await send(
        t,
        envelope('lab-signup', { ...(envelope('lab-signup').data as object), contact: { name: 'خالد', mobile } }),
      );
      const withdrawal = await send(
        t,
        envelope('lab-withdraw', { code: signup.withdrawalCode!, contact: { mobile } }),
        '10.9.0.2',
      );
      const row = await rowOf(t, withdrawal.reference!);
      assert.deepEqual(dataOfRow(row), {}, 'data is empty, as documented');

      // Everything needed is in the same database: the panel key and every sign-up's id.
      const [key] = await t.sql<{ key: string }>("SELECT key FROM collector_keys WHERE name = 'lab-panel'");
      const secret = Buffer.from(key!.key, 'hex');
      const signups = await t.sql<{ id: string; reference: string }>(
        "SELECT id, reference FROM submissions WHERE kind = 'lab-signup'",
      );
      let found: string | undefined;
      for (const { id, reference } of signups) {
        const code = withdrawalCode(secret, id);
        for (let n = 1_112_000; n < 1_112_500 && !found; n++) {
          const candidate = `+96655${String(n).padStart(7, '0')}`;
          if (confirms(row, { code, contact: { mobile: candidate } })) found = `${reference} ${candidate}`;
        }
      }
      assert.equal(found, undefined, `the withdrawal's body_hash names the sign-up and contact: ${String(found)}`);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`everything held about a reference (${dialect})`, () => {
    const t = suiteApp(dialect);
    const p = (n: number): string => (dialect === 'postgres' ? `$${n}` : '?');

    it('"everything held" about a feedback includes its case and the notes written about the person', async () => {
      const sent = envelope('feedback', {
        type: { code: 'complaint', label: 'Complaint' },
        message: 'The permit form rejects my plot number.',
        contact: { name: 'سارة', email: 'sara.access@example.sa' },
        consent: true,
      });
      const { reference } = await send(t, sent);
      await t.sql(
        `INSERT INTO case_notes (submission_id, text, at, written_by) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}) RETURNING id`,
        [sent.id, 'Called Ms Sara on her mobile; she will send the plot deed.', new Date().toISOString(), 'moderator'],
      );
      const held = await t.app.inject({ url: `/admin/references/${reference}`, headers: auth });
      assert.equal(held.statusCode, 200, held.body);
      const tables = Object.keys(held.json().related as object);
      assert.ok(
        tables.includes('cases') && tables.includes('case_notes'),
        `the access export lists only: [${tables.join(', ')}]`,
      );
    });

    it('"everything held" about a Lab sign-up includes its panel row (keyed hashes of the email and mobile, city)', async () => {
      const { reference } = await send(t, envelope('lab-signup'));
      const held = await t.app.inject({ url: `/admin/references/${reference}`, headers: auth });
      assert.equal(held.statusCode, 200, held.body);
      const tables = Object.keys(held.json().related as object);
      assert.ok(tables.includes('lab_panel'), `the access export lists only: [${tables.join(', ')}]`);
    });
  });
}

describe('SQLite overwrites erased contact details in its file and so in its backups', () => {
  it('after a Lab withdrawal and the sweep, the email is neither in the database file nor in a backup taken after', async () => {
    const t = await openTestApp('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'ep-erasure-'));
    try {
      const email = 'unique.person.7q3x@example.sa';
      // Others on the same pages of the file, before and after (an erasure rarely empties a page).
      const others = async (from: number) => {
        for (let i = from; i < from + 5; i++)
          await send(
            t,
            envelope('lab-signup', {
              ...(envelope('lab-signup').data as object),
              contact: { name: `Other ${i}`, email: `other${i}@example.org` },
            }),
          );
      };
      await others(0);
      const signup = await send(
        t,
        envelope('lab-signup', {
          ...(envelope('lab-signup').data as object),
          contact: { name: 'Audit Person', email },
        }),
      );
      const holds = (file: string, text: string): boolean => existsSync(file) && readFileSync(file).includes(text);
      await t.sql('PRAGMA wal_checkpoint(TRUNCATE)');
      assert.ok(holds(t.file!, email), 'the check can see an address held in the file');
      await others(5);
      await send(t, envelope('lab-withdraw', { code: signup.withdrawalCode!, contact: { email } }), '10.9.0.3');
      const feedback = await send(
        t,
        envelope('feedback', {
          type: { code: 'complaint', label: 'Complaint' },
          message: 'm',
          contact: { email: 'feedback.person.9z2k@example.sa' },
          consent: true,
        }),
      );
      await sweep(t.store, t.config.retention, later(181));
      assert.equal(
        (await t.sql<{ n: number }>("SELECT count(*) AS n FROM submissions WHERE data LIKE '%@example.sa%'"))[0]!.n,
        0,
        'no row holds either address any more',
      );
      assert.ok(feedback.reference);
      await t.sql('PRAGMA wal_checkpoint(TRUNCATE)');
      const backup = join(dir, 'after-erasure.sqlite');
      await backupSqlite(t.file!, backup);

      const where = [t.file!, `${t.file!}-wal`, backup].flatMap((file) =>
        [email, 'feedback.person.9z2k@example.sa']
          .filter((text) => holds(file, text))
          .map((text) => `${file}: ${text}`),
      );
      assert.deepEqual(where, [], `erased addresses still readable in: ${where.join(', ')}`);
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
