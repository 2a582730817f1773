// appendWith writes a business insert and its audit entries in one statement, or nothing: the insert is
// conditioned by appendWith itself on the audit head having moved, so no caller can write rows unaudited.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStores, storeKinds, type TestStores } from '../../../test/support/stores.js';
import { type AuditEntryInput, createAuditService } from './audit.service.js';

describe.each(storeKinds())('audit appendWith on %s', (kind) => {
  let t: TestStores;
  const auditKey = randomBytes(32);
  const clock = () => new Date('2025-03-01T09:00:00Z');
  const audit = createAuditService({ auditKey, clock });
  const entry = (n: number): AuditEntryInput => ({ actor: 'test', action: 'audit.verify', details: { n } });
  const probe = (n: number) => ({
    insert: { into: 'append_with_probe', columns: ['n'], rows: 'VALUES ($1::int)' },
    params: [n],
  });
  const counts = async () => {
    const [row] = await t.stores.sql.query<{ rows: string | number; entries: string | number }>(
      `SELECT (SELECT count(*) FROM append_with_probe) AS rows, (SELECT count(*) FROM audit_log) AS entries`,
    );
    return { rows: Number(row!.rows), entries: Number(row!.entries) };
  };

  beforeAll(async () => {
    t = await openTestStores(kind);
    await t.stores.sql.query('CREATE TABLE append_with_probe (n int NOT NULL)');
    // An append in a transaction reads the head under its lock: from then on this service knows it.
    await t.stores.transaction((tx) => audit.append(tx, [entry(0)]));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes the rows and their entries together when the guard holds and the head is known', async () => {
    const before = await counts();
    expect(await audit.appendWith(t.stores.sql, [entry(1)], { guard: '$1::int > 0', ...probe(1) })).toBe(
      'written',
    );
    expect(await counts()).toEqual({ rows: before.rows + 1, entries: before.entries + 1 });
    expect(await audit.verify(t.stores.sql)).toMatchObject({ ok: true });
  });

  it('writes neither rows nor entries when the guard fails', async () => {
    const before = await counts();
    expect(await audit.appendWith(t.stores.sql, [entry(2)], { guard: '$1::int < 0', ...probe(2) })).toBe(
      'guard_failed',
    );
    expect(await counts()).toEqual(before);
    expect(await audit.verify(t.stores.sql)).toMatchObject({ ok: true, entries: before.entries });
  });

  it('writes nothing when another writer moved the head, and the next append chains after that writer', async () => {
    // The head is known again after the failed guard only through an append that reads it under its lock.
    await t.stores.transaction((tx) => audit.append(tx, [entry(3)]));
    const other = createAuditService({ auditKey, clock });
    await t.stores.transaction((tx) => other.append(tx, [entry(4)]));
    const before = await counts();
    expect(await audit.appendWith(t.stores.sql, [entry(5)], { guard: 'true', ...probe(5) })).toBe(
      'head_unknown',
    );
    expect(await counts()).toEqual(before);
    await t.stores.transaction((tx) => audit.append(tx, [entry(6)]));
    expect(await audit.verify(t.stores.sql)).toMatchObject({ ok: true, entries: before.entries + 1 });
  });

  it('refuses a table or column that is not a plain name', async () => {
    await expect(
      audit.appendWith(t.stores.sql, [entry(7)], {
        guard: 'true',
        insert: { into: 'append_with_probe; DROP TABLE audit_log', columns: ['n'], rows: 'VALUES (1)' },
        params: [],
      }),
    ).rejects.toThrow(/plain table or column name/);
  });
});
