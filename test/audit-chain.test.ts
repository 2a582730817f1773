import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecondInstance, createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

describe.each(storeKinds())('audit chain on %s', (kind) => {
  let t: TestAmanat;

  beforeEach(async () => {
    t = await createTestAmanat(kind, { publish: false });
    // Ten entries from real service calls.
    for (let i = 0; i < 5; i++) {
      const { subjectId } = await t.amanat.vault.ensureSubject('test', { email: `chain${i}@example.kz` });
      await t.amanat.vault.getSubject('test', subjectId);
    }
  });
  afterEach(async () => t?.close());

  it('an untouched chain verifies', async () => {
    expect(await t.amanat.verifyAudit()).toEqual({ ok: true, entries: 10, headSeq: 10 });
  });

  it.each([
    ['actor', `UPDATE audit_log SET actor = 'someone-else' WHERE seq = 4`],
    ['action', `UPDATE audit_log SET action = 'data.read' WHERE seq = 4`],
    ['details', `UPDATE audit_log SET details = '{"identities":["phone"]}' WHERE seq = 4`],
    ['time', `UPDATE audit_log SET at = at + interval '1 second' WHERE seq = 4`],
    ['subject', `UPDATE audit_log SET subject_id = NULL WHERE seq = 4`],
    ['hash', `UPDATE audit_log SET hash = decode(repeat('ab', 32), 'hex') WHERE seq = 4`],
  ])('editing the %s of entry 4 by hand fails verification at entry 4', async (_what, sql) => {
    await t.stores.sql.query(sql);
    const verdict = await t.amanat.verifyAudit();
    expect(verdict).toMatchObject({ ok: false, seq: 4 });
  });

  it('a large append (sent as one JSON document) chains like a small one; an edit inside it is named', async () => {
    const entries = Array.from({ length: 120 }, (_, i) => ({
      actor: 'test',
      action: 'data.destroy' as const,
      subjectId: null,
      purposeId: i % 2 ? 'p_support' : null,
      fieldIds: i % 3 ? ['email', 'phone'] : [],
      details: { n: i, counts: { email: i }, note: 'кириллица "в кавычках"' },
    }));
    await t.stores.transaction((tx) => t.amanat.audit.append(tx, entries));
    expect(await t.amanat.verifyAudit()).toEqual({ ok: true, entries: 130, headSeq: 130 });
    const [stored] = await t.stores.sql.query<{ field_ids: string[]; details: { note: string } }>(
      'SELECT field_ids, details FROM audit_log WHERE seq = 12',
    );
    expect(stored).toEqual({ field_ids: ['email', 'phone'], details: expect.objectContaining({ n: 1 }) });
    expect(stored!.details.note).toBe('кириллица "в кавычках"');
    await t.stores.sql.query(`UPDATE audit_log SET field_ids = ARRAY['email'] WHERE seq = 75`);
    expect(await t.amanat.verifyAudit()).toMatchObject({ ok: false, seq: 75 });
  });

  it('an entry naming its subject in upper case verifies: the chain MACs the id as the database returns it', async () => {
    const { subjectId } = await t.amanat.vault.ensureSubject('test', { email: 'upper@example.kz' });
    await t.amanat.audit.appendAlone(t.stores, [
      { actor: 'test', action: 'subject.read', subjectId: subjectId.toUpperCase() },
    ]);
    expect(await t.amanat.verifyAudit()).toEqual({ ok: true, entries: 12, headSeq: 12 });
  });

  it('removing an entry is named', async () => {
    await t.stores.sql.query('DELETE FROM audit_log WHERE seq = 6');
    expect(await t.amanat.verifyAudit()).toMatchObject({ ok: false, seq: 6, problem: 'removed' });
  });

  it('swapping two entries is detected at the first of them', async () => {
    await t.stores.sql.query('UPDATE audit_log SET seq = -3 WHERE seq = 3');
    await t.stores.sql.query('UPDATE audit_log SET seq = 3 WHERE seq = 5');
    await t.stores.sql.query('UPDATE audit_log SET seq = 5 WHERE seq = -3');
    expect(await t.amanat.verifyAudit()).toMatchObject({ ok: false, seq: 3 });
  });

  it('cutting off the tail is detected through the chain head', async () => {
    await t.stores.sql.query('DELETE FROM audit_log WHERE seq > 8');
    expect(await t.amanat.verifyAudit()).toMatchObject({ ok: false, seq: 9, problem: 'truncated' });
  });

  it('a forged entry with a recomputed plain SHA-256 is still refused: the chain is keyed', async () => {
    await t.stores.sql.query(
      `UPDATE audit_log SET actor = 'x', hash = sha256(prev_hash || convert_to(actor, 'UTF8')) WHERE seq = 2`,
    );
    expect(await t.amanat.verifyAudit()).toMatchObject({ ok: false, seq: 2 });
  });
});

describe.skipIf(!storeKinds().includes('postgres'))('two instances on one PostgreSQL', () => {
  it('interleaved and concurrent appends from two instances keep one valid chain', async () => {
    // The policy version published at setup is the chain's first entry (consents cite its forms).
    const first = await createTestAmanat('postgres');
    const second = await createSecondInstance(first);
    try {
      for (let i = 0; i < 6; i++) {
        const instance = i % 2 === 0 ? first.amanat : second;
        await instance.vault.ensureSubject('test', { email: `turns${i}@example.kz` });
      }
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 === 0 ? first.amanat : second).vault.ensureSubject('test', { email: `race${i}@example.kz` }),
        ),
      );
      expect(await first.amanat.verifyAudit()).toEqual({ ok: true, entries: 37, headSeq: 37 });

      // Both instances grant the same consents at once, each through its own batched one-statement path:
      // every subject ends with exactly one live consent and the chain stays whole.
      const subjects = await first.stores.sql.query<{ id: string }>(`SELECT id FROM subjects ORDER BY id`);
      const purpose = first.amanat.rules.register.purposes.find((p) =>
        p.legal_bases.some((b) => b.type === 'consent'),
      )!.id;
      const grant = (instance: typeof second, subjectId: string) =>
        instance.consents.grant('test', subjectId, {
          purpose,
          kind: 'processing',
          channel: 'api',
          policyVersion: '2025-01',
          subjectFullName: 'Тест Тестов',
          thirdPartyTransfer: false,
          crossBorderTransfer: false,
          publication: false,
        });
      const outcomes = await Promise.allSettled(
        subjects.flatMap((s) => [grant(first.amanat, s.id), grant(second, s.id)]),
      );
      const granted = outcomes.filter((o) => o.status === 'fulfilled');
      expect(granted).toHaveLength(subjects.length);
      for (const o of outcomes) {
        if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'consent_already_granted' });
      }
      expect(await second.verifyAudit()).toEqual({ ok: true, entries: 73, headSeq: 73 });

      // A lookup appends on its own: one statement while the head is where this instance left it. Taking turns
      // and racing, each instance finds the head moved by the other and takes a transaction with the lock instead.
      const lookup = (i: number, email: string) =>
        (i % 2 === 0 ? first.amanat : second).vault.lookup('test', 'email', email);
      for (let i = 0; i < 4; i++) expect(await lookup(i, `turns${i}@example.kz`)).not.toBeNull();
      await Promise.all(Array.from({ length: 20 }, (_, i) => lookup(i, `race${i}@example.kz`)));
      expect(await first.amanat.verifyAudit()).toEqual({ ok: true, entries: 97, headSeq: 97 });
      const [lookups] = await first.stores.sql.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'subject.lookup'`,
      );
      expect(Number(lookups!.n)).toBe(24);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
