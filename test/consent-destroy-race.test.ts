// A grant racing the sweep's destruction of its subject, on PostgreSQL: the sweep's
// `UPDATE subjects SET status = 'destroyed'` holds the subject's row while the grant runs. The consent's foreign
// key takes only a KEY SHARE lock, which that update does not block, so a guard that reads the status without a
// lock of its own sees the old 'active' row and writes an active consent on a subject whose key is about to go.
// The grant must wait for the destruction and then be refused. PGlite is one connection: no two sessions.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Amanat } from '../src/app/amanat.js';
import { eventually } from './support/eventually.js';
import {
  createSecondInstance,
  createTestAmanat,
  grantConsent,
  storeKinds,
  type TestAmanat,
} from './support/stores.js';

const onPostgres = storeKinds().includes('postgres');
if (!onPostgres) {
  console.info('consent-destroy-race: skipped, it needs two sessions (PGlite is a single connection)');
}

describe.skipIf(!onPostgres)('a grant racing the destruction of its subject on PostgreSQL', () => {
  let t: TestAmanat;
  let second: Amanat;
  let mailing: string;

  beforeAll(async () => {
    t = await createTestAmanat('postgres');
    second = await createSecondInstance(t);
    mailing = t.amanat.rules.purposes().find((p) => p.number === 8)!.id;
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  async function raceDestruction(grantWith: Amanat, email: string) {
    const subject = (await t.amanat.vault.ensureSubject('test', { email })).subjectId;
    // Warm the granting instance's subject-key cache: the race is about the consent write, not the key read.
    await grantWith.vault.subjectKey(subject);
    const sweep = new pg.Client({ connectionString: t.urls!.data });
    await sweep.connect();
    try {
      await sweep.query('BEGIN');
      // The sweep's destruction statement (retention.sweep.ts), for this one subject, not yet committed.
      await sweep.query(
        `UPDATE subjects s SET status = 'destroyed', destroyed_at = now()
         WHERE s.id = $1
           AND NOT EXISTS (SELECT 1 FROM personal_values v WHERE v.subject_id = s.id)
           AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.subject_id = s.id AND c.status = 'active')`,
        [subject],
      );
      let settled = false;
      const outcome = grantConsent(grantWith, subject, mailing).then(
        () => 'written',
        (error) => error,
      );
      void outcome.finally(() => {
        settled = true;
      });
      // Either the grant waits for the destruction's row lock, or (unlocked) it has already finished.
      await eventually('the grant waiting on the subject row, or done', async () => {
        if (settled) return true;
        const waiting = await t.stores.sql.query(
          `SELECT 1 FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1`,
          [(sweep as unknown as { processID: number }).processID],
        );
        return waiting.length > 0;
      });
      await sweep.query('COMMIT');
      const error = await outcome;
      expect(error).toMatchObject({ code: 'not_found' });
      const live = await t.stores.sql.query(
        `SELECT 1 FROM consents WHERE subject_id = $1 AND status = 'active'`,
        [subject],
      );
      expect(live).toEqual([]);
      expect((await t.amanat.verifyAudit()).ok).toBe(true);
    } finally {
      await sweep.end().catch(() => {});
    }
  }

  it('the one-statement path (audit head known) waits for the destruction and refuses the grant', async () => {
    // A grant first, so this instance knows the audit head and takes the one-statement path.
    const warm = (await t.amanat.vault.ensureSubject('test', { email: 'warm@example.kz' })).subjectId;
    await grantConsent(t.amanat, warm, mailing);
    await raceDestruction(t.amanat, 'race-one@example.kz');
  });

  it('the per-item transaction (another instance, head unknown) waits and refuses the grant', async () => {
    await raceDestruction(second, 'race-two@example.kz');
  });
});
