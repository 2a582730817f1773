// A collection racing the sweep's destruction of its subject, on PostgreSQL: no value (and no identity) may be
// written for a subject whose destruction has committed. Session 1 is a raw connection doing what the sweep's
// batch does to a subject left with nothing (lock it, delete its values, mark it destroyed and delete its
// identities) and holding it uncommitted; session 2 collects through the service; then session 1 commits.
// PGlite is skipped: it is one connection, so a second session cannot interleave with the first.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { FieldType } from '../src/modules/register/register.schema.js';
import { eventually } from './support/eventually.js';
import { createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

const onPostgres = storeKinds().includes('postgres');

// The sweep's own statements for one subject (retention.sweep.ts: the batch's lock, then the destruction of a
// subject with no value, no live consent and no hold left).
const SWEEP_LOCK = `SELECT id FROM subjects WHERE id = ANY($1::uuid[]) AND status <> 'destroyed' ORDER BY id FOR UPDATE SKIP LOCKED`;
const SWEEP_DESTROY = `WITH emptied AS (
     UPDATE subjects s SET status = 'destroyed', destroyed_at = $2
     WHERE s.id = ANY($1::uuid[])
       AND NOT EXISTS (SELECT 1 FROM personal_values v WHERE v.subject_id = s.id)
       AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.subject_id = s.id AND c.status = 'active')
       AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.subject_id = s.id AND h.lifted_at IS NULL)
     RETURNING s.id),
   identities AS (DELETE FROM subject_identities i USING emptied WHERE i.subject_id = emptied.id)
   SELECT id FROM emptied`;

describe.skipIf(!onPostgres)('collection racing the destruction of its subject (PostgreSQL only)', () => {
  async function setUp() {
    const t = await createTestAmanat('postgres');
    const support = t.amanat.rules.purposes().find((p) => p.number === 6)!;
    const fieldOf = (type: FieldType) => support.fields.find((f) => t.amanat.rules.field(f)!.type === type)!;
    const input = (values: Record<string, unknown>) => ({
      purposes: [support.id],
      values,
      source: 'test:race',
      contractRef: 'offer-race',
    });
    const first = await t.amanat.vault.collectForIdentity(
      'test',
      { email: 'race@example.kz' },
      input({ [fieldOf('full_name')]: 'Сапарова Айгерим' }),
    );
    return { t, subjectId: first.subjectId, input, phone: fieldOf('phone') };
  }

  /** Session 1: the sweep's batch for this subject, left uncommitted. */
  async function destroyUncommitted(t: TestAmanat, subjectId: string): Promise<pg.Client> {
    const sweep = new pg.Client({ connectionString: t.urls!.data });
    await sweep.connect();
    await sweep.query('BEGIN');
    expect((await sweep.query(SWEEP_LOCK, [[subjectId]])).rows).toHaveLength(1);
    await sweep.query('DELETE FROM personal_values WHERE subject_id = $1', [subjectId]);
    expect((await sweep.query(SWEEP_DESTROY, [[subjectId], new Date()])).rows).toEqual([{ id: subjectId }]);
    return sweep;
  }

  /** Lets session 2 run until it has finished or waits on session 1's locks, then commits session 1. */
  async function commitWhileRacing<T>(t: TestAmanat, sweep: pg.Client, race: Promise<T>) {
    let settled = false;
    const outcome = race.then(
      (value) => ({ value, error: null }),
      (error: unknown) => ({ value: null, error }),
    );
    void outcome.then(() => {
      settled = true;
    });
    await eventually('the collection finished or waiting on the sweep', async () => {
      if (settled) return true;
      const waiting = await t.stores.sql.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return waiting.length > 0;
    });
    await sweep.query('COMMIT');
    return outcome;
  }

  /** What the invariant forbids: values or identities held for a destroyed subject. */
  async function leftOnDestroyed(t: TestAmanat) {
    const [row] = await t.stores.sql.query<{ values: number; identities: number }>(
      `SELECT (SELECT count(*)::int FROM personal_values v JOIN subjects s ON s.id = v.subject_id
                WHERE s.status = 'destroyed') AS values,
              (SELECT count(*)::int FROM subject_identities i JOIN subjects s ON s.id = i.subject_id
                WHERE s.status = 'destroyed') AS identities`,
    );
    return row;
  }

  it('a collection for the identity either is refused or creates a new subject, never writes to the destroyed one', async () => {
    const { t, subjectId, input, phone } = await setUp();
    const sweep = await destroyUncommitted(t, subjectId);
    try {
      const { value, error } = await commitWhileRacing(
        t,
        sweep,
        t.amanat.vault.collectForIdentity(
          'test',
          { email: 'race@example.kz' },
          input({ [phone]: '+77015550011' }),
        ),
      );
      if (error) expect(error).toMatchObject({ code: 'not_found' });
      else expect(value!.subjectId).not.toBe(subjectId);
      expect(await leftOnDestroyed(t)).toEqual({ values: 0, identities: 0 });
      expect((await t.amanat.verifyAudit()).ok).toBe(true);
    } finally {
      await sweep.end().catch(() => {});
      await t.close();
    }
  });

  it('a collection by the subject’s id is refused as not found', async () => {
    const { t, subjectId, input, phone } = await setUp();
    const sweep = await destroyUncommitted(t, subjectId);
    try {
      const { error } = await commitWhileRacing(
        t,
        sweep,
        t.amanat.vault.collect('test', subjectId, input({ [phone]: '+77015550011' })),
      );
      expect(error).toMatchObject({ code: 'not_found' });
      expect(await leftOnDestroyed(t)).toEqual({ values: 0, identities: 0 });
    } finally {
      await sweep.end().catch(() => {});
      await t.close();
    }
  });

  it('an identity added to the subject goes to a new subject or is refused, never to the destroyed one', async () => {
    const { t, subjectId } = await setUp();
    const sweep = await destroyUncommitted(t, subjectId);
    try {
      const { value, error } = await commitWhileRacing(
        t,
        sweep,
        t.amanat.vault.ensureSubject('test', { email: 'race@example.kz', phone: '+7 701 555 00 11' }),
      );
      if (error) expect(error).toMatchObject({ code: 'not_found' });
      else expect(value!.subjectId).not.toBe(subjectId);
      expect(await leftOnDestroyed(t)).toEqual({ values: 0, identities: 0 });
    } finally {
      await sweep.end().catch(() => {});
      await t.close();
    }
  });
});
