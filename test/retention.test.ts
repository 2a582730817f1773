import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmanat } from '../src/app/amanat.js';
import { openStores } from '../src/db/database.js';
import { open } from '../src/lib/crypto.js';
import { isDomainError } from '../src/lib/errors.js';
import { valueAad } from '../src/modules/vault/vault.service.js';
import { pdfText, pdftotextAvailable } from './support/pdf.js';
import {
  createTestAmanat,
  exampleRegister,
  grantConsent,
  storeKinds,
  type TestAmanat,
} from './support/stores.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

describe.each(storeKinds())('retention and destruction on %s', (kind) => {
  let t: TestAmanat;
  let now = new Date('2025-01-10T06:00:00Z');
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const purposeNo = (n: number) => t.amanat.rules.purposes().find((p) => p.number === n)!.id;
  const grantMailing = (subjectId: string) => grantConsent(t.amanat, subjectId, purposeNo(8));
  const valuesOf = async (subjectId: string) =>
    (
      await t.stores.sql.query<{ field_id: string; purposes: string[] }>(
        'SELECT field_id, purposes FROM personal_values WHERE subject_id = $1 ORDER BY field_id',
        [subjectId],
      )
    ).map((r) => `${r.field_id}:${r.purposes.join('+')}`);
  const keyCount = async (subjectId: string) =>
    (await t.stores.keySql.query('SELECT 1 FROM amanat_keys.subject_keys WHERE subject_id = $1', [subjectId]))
      .length;

  let analytics: string;
  let analyticsLong: string;

  beforeAll(async () => {
    t = await createTestAmanat(kind, { clock: () => now });
    at('2025-01-10T06:00:00Z');
    analytics = (await t.amanat.vault.ensureSubject('test', { email: 'visitor@example.kz' })).subjectId;
    await t.amanat.vault.collect('test', analytics, {
      purposes: [purposeNo(7)],
      values: { ip_address: '203.0.113.10' },
      source: 'website:analytics',
      retentionOptions: { [purposeNo(7)]: 'months_14' },
    });
    analyticsLong = (await t.amanat.vault.ensureSubject('test', { email: 'long@example.kz' })).subjectId;
    await t.amanat.vault.collect('test', analyticsLong, {
      purposes: [purposeNo(7)],
      values: { ip_address: '203.0.113.11' },
      source: 'website:analytics',
      retentionOptions: { [purposeNo(7)]: 'months_24' },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a retention option the purpose does not have, and one for a purpose whose period needs no choice', async () => {
    const subject = (await t.amanat.vault.ensureSubject('test', { email: 'opt@example.kz' })).subjectId;
    const bad = t.amanat.vault.collect('test', subject, {
      purposes: [purposeNo(7)],
      values: { ip_address: '203.0.113.12' },
      source: 'website:analytics',
      retentionOptions: { [purposeNo(7)]: 'months_99' },
    });
    await expect(bad).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ path: `retention_options.${purposeNo(7)}`, message: expect.stringContaining('months_14') }],
    });
    expect(await valuesOf(subject)).toEqual([]);
  });

  it('a purpose-7 value held under its 14-month rule, collected 2025-01-10, survives a sweep on 2026-03-09 and is gone after one on 2026-03-11', async () => {
    at('2026-03-09T10:00:00Z');
    const before = await t.amanat.retentionSweeper.run({ trigger: 'cli' });
    expect(before.valuesDestroyed + before.valuesAnonymised).toBe(0);
    expect(await valuesOf(analytics)).toEqual([`ip_address:${purposeNo(7)}`]);

    const plan = await t.amanat.retention.plan(new Date('2026-03-11T10:00:00Z'));
    expect(plan.items).toEqual([
      {
        purpose: purposeNo(7),
        field: 'ip_address',
        outcome: 'anonymise',
        reason: 'retention_expired',
        values: 1,
      },
    ]);
    expect(plan.subjectsEmptied).toBe(1);
    expect(await valuesOf(analytics)).toEqual([`ip_address:${purposeNo(7)}`]); // the plan changed nothing

    at('2026-03-11T10:00:00Z');
    const after = await t.amanat.retentionSweeper.run({ trigger: 'cli' });
    // Purpose 7 anonymises (on_retention_end: anonymise): the value is gone, a count without a person stays.
    expect(after.valuesAnonymised).toBe(1);
    expect(after.subjectsDestroyed).toBe(1);
    expect(await valuesOf(analytics)).toEqual([]);
    expect(await valuesOf(analyticsLong)).toEqual([`ip_address:${purposeNo(7)}`]); // 24 months: not yet
    const [aggregate] = await t.stores.sql.query<{ values: string | number }>(
      `SELECT "values" FROM anonymous_aggregates WHERE purpose_id = $1 AND field_id = 'ip_address' AND period = '2025-01'`,
      [purposeNo(7)],
    );
    expect(Number(aggregate!.values)).toBe(2 - 1);
    // The subject had nothing left: identities removed, key deleted from the key store, not found again.
    expect(await keyCount(analytics)).toBe(0);
    expect(await keyCount(analyticsLong)).toBe(1);
    expect(await t.amanat.vault.lookup('test', 'email', 'visitor@example.kz')).toBeNull();
    expect(await codeOf(t.amanat.vault.readForPurpose('test', analytics, purposeNo(7)))).toBe('not_found');
    // The chain keeps the fact (who, which fields, which purpose, why) and still verifies.
    const [entry] = await t.stores.sql.query<{ field_ids: string[]; details: Record<string, unknown> }>(
      `SELECT field_ids, details FROM audit_log WHERE action = 'data.anonymise' AND subject_id = $1`,
      [analytics],
    );
    expect(entry!.field_ids).toEqual(['ip_address']);
    expect(entry!.details).toMatchObject({ reason: 'retention_expired', purposes: [purposeNo(7)] });
    expect(JSON.stringify(entry)).not.toContain('203.0.113.10');
    expect((await t.amanat.verifyAudit()).ok).toBe(true);

    const act = after.acts.find((a) => a.kind === 'sweep')!;
    const stored = await t.amanat.destructionActs.get(act.id);
    expect(stored.status).toBe('completed');
    expect(stored.act!.dataCategories).toEqual([{ id: 'ip_address', label: expect.any(String), values: 1 }]);
    expect(stored.act!.subjects.count).toBe(1);
    const log = await t.amanat.destructionActs.log(act.id);
    expect(log.lines.map((l) => l.subjectId)).toEqual([analytics]);
  });

  it('a withdrawal of purpose 8 consent leads to destruction within 10 KZ working days, with an act', async () => {
    at('2026-04-01T05:00:00Z');
    const subject = (await t.amanat.vault.ensureSubject('test', { email: 'reader@example.kz' })).subjectId;
    await grantMailing(subject);
    await t.amanat.vault.collect('test', subject, {
      purposes: [purposeNo(8)],
      values: { email: 'reader@example.kz' },
      source: 'website:newsletter',
    });
    const withdrawal = await t.amanat.consents.withdraw('test', subject, {
      purpose: purposeNo(8),
      kind: 'processing',
      channel: 'email',
    });
    expect(withdrawal.obligation.dueDate).toBe('2026-04-15'); // 10 working days of the policy
    at('2026-04-02T01:00:00Z'); // the next night's sweep
    const result = await t.amanat.retentionSweeper.run({ trigger: 'schedule' });
    expect(result.valuesDestroyed).toBe(1);
    expect(now.getTime()).toBeLessThanOrEqual(withdrawal.obligation.dueAt.getTime());
    expect(await valuesOf(subject)).toEqual([]);
    expect(await keyCount(subject)).toBe(0);
    const act = await t.amanat.destructionActs.get(result.acts.find((a) => a.kind === 'sweep')!.id);
    expect(act.act!.reasons).toEqual([
      { code: 'consent_withdrawn', text: 'отзыв согласия субъекта', values: 1 },
    ]);
    if (pdftotextAvailable) {
      const text = pdfText((await t.amanat.destructionActs.pdf(act.id)).pdf);
      for (const expected of [
        `Акт № ${act.number}`,
        t.amanat.rules.register.operator.bin_iin,
        'Адрес электронной почты',
        'отзыв согласия субъекта',
        '02.04.2026',
        '(подпись)',
        'Выписка из журнала событий',
        subject,
      ]) {
        expect(text).toContain(expected);
      }
    }
  });

  it('a legal hold stops destruction until it is lifted; a hold on an unknown subject is refused', async () => {
    at('2026-04-03T05:00:00Z');
    const subject = (await t.amanat.vault.ensureSubject('test', { email: 'disputed@example.kz' })).subjectId;
    await grantMailing(subject);
    await t.amanat.vault.collect('test', subject, {
      purposes: [purposeNo(8)],
      values: { email: 'disputed@example.kz' },
      source: 'website:newsletter',
    });
    expect(
      await codeOf(
        t.amanat.retention.placeHold('test', '00000000-0000-4000-8000-000000000000', { reason: 'суд' }),
      ),
    ).toBe('not_found');
    expect(await codeOf(t.amanat.retention.placeHold('test', subject, { reason: ' ' }))).toBe(
      'validation_failed',
    );
    expect(
      await codeOf(t.amanat.retention.placeHold('test', subject, { reason: 'суд', fields: ['nope'] })),
    ).toBe('unknown_field');
    const hold = await t.amanat.retention.placeHold('test', subject, {
      reason: 'Запрос суда № 2-123/2026',
    });
    await t.amanat.consents.withdraw('test', subject, {
      purpose: purposeNo(8),
      kind: 'processing',
      channel: 'web',
    });
    at('2026-04-04T05:00:00Z');
    const plan = await t.amanat.retention.plan(now);
    expect(plan.held).toEqual({ values: 1, subjects: 1 });
    const held = await t.amanat.retentionSweeper.run({ trigger: 'cli' });
    expect(held.valuesDestroyed).toBe(0);
    expect(await valuesOf(subject)).toEqual([`email:${purposeNo(8)}`]);
    expect(await keyCount(subject)).toBe(1);

    await t.amanat.retention.liftHold('test', hold.id, 'Решение суда вступило в силу');
    at('2026-04-05T05:00:00Z');
    const lifted = await t.amanat.retentionSweeper.run({ trigger: 'cli' });
    expect(lifted.valuesDestroyed).toBe(1);
    expect(await valuesOf(subject)).toEqual([]);
  });

  it('a value kept for two purposes survives the end of one, and goes with the last', async () => {
    at('2026-04-06T05:00:00Z');
    const subject = (await t.amanat.vault.ensureSubject('test', { email: 'client@example.kz' })).subjectId;
    await grantMailing(subject);
    // One value, two purposes: support (contract period) and mailing (until the consent is withdrawn).
    await t.amanat.vault.collect('test', subject, {
      purposes: [purposeNo(6), purposeNo(8)],
      values: { email: 'client@example.kz' },
      source: 'website:support-form',
      contractRef: 'offer-2026',
    });
    await t.amanat.retention.recordEvent('test', subject, {
      kind: 'contract_end',
      contractRef: 'offer-2026',
      occurredAt: '2026-04-06',
    });
    at('2026-04-07T05:00:00Z');
    const first = await t.amanat.retentionSweeper.run({ trigger: 'cli' });
    expect(first.valuesReleased).toBe(1);
    expect(await valuesOf(subject)).toEqual([`email:${purposeNo(8)}`]);
    const key = await t.amanat.keyStore.getSubjectKey(subject);
    const [row] = await t.stores.sql.query<{ ciphertext: Uint8Array }>(
      'SELECT ciphertext FROM personal_values WHERE subject_id = $1',
      [subject],
    );
    expect(JSON.parse(open(key, row!.ciphertext, valueAad(subject, 'email')).toString())).toBe(
      'client@example.kz',
    );

    await t.amanat.consents.withdraw('test', subject, {
      purpose: purposeNo(8),
      kind: 'processing',
      channel: 'web',
    });
    at('2026-04-08T05:00:00Z');
    const second = await t.amanat.retentionSweeper.run({ trigger: 'cli' });
    expect(second.valuesDestroyed).toBe(1);
    expect(await valuesOf(subject)).toEqual([]);
  });

  it('a destruction request is completed by the engine and answered with its act', async () => {
    at('2026-04-09T05:00:00Z');
    const email = 'leaver@example.kz';
    const subject = (await t.amanat.vault.ensureSubject('test', { email })).subjectId;
    await t.amanat.vault.collect('test', subject, {
      purposes: [purposeNo(6)],
      values: { full_name: 'Уходящий Клиент', phone: '+77011234599' },
      source: 'website:support-form',
      contractRef: 'offer-2026',
    });
    const { request } = await t.amanat.requests.submit('test', {
      type: 'destruction',
      channel: 'api',
      contact: { email },
    });
    await t.amanat.requests.verifyManually('test', request.id, 'in_person');
    const executed = await t.amanat.requestExecution.execute('test', request.id);
    expect(executed.request.status).toBe('in_progress');
    expect(await t.amanat.retention.plan(now)).toMatchObject({ requests: 1 });

    const result = await t.amanat.retentionSweeper.run({ trigger: 'requests', onlyRequests: true });
    expect(result.requestsAnswered).toEqual([request.id]);
    expect(await valuesOf(subject)).toEqual([]);
    const answered = await t.amanat.requests.get('test', request.id);
    expect(answered.status).toBe('answered');
    expect(answered.outcome?.destruction).toMatchObject({ actNumber: expect.any(Number) });
    const act = await t.amanat.destructionActs.get(answered.outcome!.destruction!.actId);
    expect(act.kind).toBe('request');
    expect(act.act!.subjects.ids).toEqual([subject]);
    expect(act.act!.request?.number).toBe(request.number);

    // The act completed but the answer lost (as if written by an older run): the next run answers with the same
    // act, reading it inside its transaction (a read beside it would wait forever on PGlite's one connection).
    await t.stores.sql.query(
      `UPDATE subject_requests SET status = 'in_progress', closed_at = NULL,
         outcome = (outcome - 'destruction') || '{"pendingDestruction": {"fields": []}}'::jsonb WHERE id = $1`,
      [request.id],
    );
    const again = await t.amanat.retentionSweeper.run({ trigger: 'requests', onlyRequests: true });
    expect(again.requestsAnswered).toEqual([request.id]);
    expect(again.acts).toEqual([
      expect.objectContaining({ id: act.id, number: act.number, kind: 'request' }),
    ]);
    expect((await t.amanat.requests.get('test', request.id)).status).toBe('answered');
    if (pdftotextAvailable) {
      const letter = pdfText((await t.amanat.requestExecution.letter('test', request.id)).pdf);
      expect(letter).toContain(`№ ${act.number}`);
      const actText = pdfText((await t.amanat.destructionActs.pdf(act.id)).pdf);
      expect(actText).toContain('уничтожение по обращению субъекта');
      expect(actText).toContain(`Обращение № ${request.number}`);
    }
  });

  it('paper destruction is recorded by hand with the same act; bad paper records are refused', async () => {
    const bad = await codeOf(
      t.amanat.destructionActs.recordPaper('staff:aigerim', {
        date: '2026-13-01',
        media: '',
        pages: 0,
        reason: '',
        fields: ['nope'],
        performedBy: [],
      }),
    );
    expect(bad).toBe('validation_failed');
    const act = await t.amanat.destructionActs.recordPaper('staff:aigerim', {
      date: '2026-04-09',
      media: 'Анкеты соискателей 2023 года',
      pages: 14,
      reason: 'Истёк срок хранения кадрового резерва',
      fields: ['full_name', 'phone'],
      informationSystems: ['paper_archive'],
      performedBy: [{ name: 'Сапарова А. Б.', position: 'офис-менеджер' }],
    });
    expect(act.kind).toBe('paper');
    expect(act.paper).toEqual({ media: 'Анкеты соискателей 2023 года', pages: 14 });
    expect(act.reasons[0]!.text).toBe('Истёк срок хранения кадрового резерва');
    const listed = await t.amanat.destructionActs.list({ kind: 'paper' });
    expect(listed.map((a) => a.id)).toContain(act.id);
  });

  it('a run while another holds the lock, and a clock set backwards, are refused and destroy nothing', async () => {
    const lock = await t.stores.tryLock('retention-sweep');
    expect(lock).not.toBeNull();
    try {
      expect(await codeOf(t.amanat.retentionSweeper.run({ trigger: 'cli' }))).toBe('retention_busy');
    } finally {
      await lock!.release();
    }
    at('2026-12-01T05:00:00Z'); // analyticsLong's 24 months run out on 2027-01-10
    await t.amanat.retentionSweeper.run({ trigger: 'cli' });
    at('2026-11-30T05:00:00Z'); // set back below the last sweep
    expect(await codeOf(t.amanat.retentionSweeper.run({ trigger: 'cli' }))).toBe('clock_backwards');
    expect(await valuesOf(analyticsLong)).toEqual([`ip_address:${purposeNo(7)}`]);
    const [last] = await t.stores.sql.query<{ status: string }>(
      'SELECT status FROM retention_runs ORDER BY started_at DESC LIMIT 1',
    );
    expect(last!.status).toBe('completed'); // the refused run left no trace of work
  });

  it('a copy of the data store from before a sweep, opened with the key store after it, cannot read the destroyed subject', async () => {
    at('2027-03-02T05:00:00Z');
    const gone = (await t.amanat.vault.ensureSubject('test', { email: 'gone@example.kz' })).subjectId;
    const kept = (await t.amanat.vault.ensureSubject('test', { email: 'kept@example.kz' })).subjectId;
    for (const subject of [gone, kept]) {
      await grantMailing(subject);
      await t.amanat.vault.collect('test', subject, {
        purposes: [purposeNo(8)],
        values: { phone: '+77015550000' },
        source: 'website:newsletter',
      });
    }
    const [old] = await t.stores.sql.query<{ ciphertext: Uint8Array }>(
      'SELECT ciphertext FROM personal_values WHERE subject_id = $1',
      [gone],
    );
    const dataBefore = t.stores.dump ? (await t.stores.dump()).data : null;
    await t.amanat.consents.withdraw('test', gone, {
      purpose: purposeNo(8),
      kind: 'processing',
      channel: 'web',
    });
    at('2027-03-03T05:00:00Z');
    await t.amanat.retentionSweeper.run({ trigger: 'cli' });
    // The plaintext is nowhere in the data store, and the key is gone from the key store.
    const [found] = await t.stores.sql.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM personal_values WHERE subject_id = $1`,
      [gone],
    );
    expect(Number(found!.n)).toBe(0);
    expect(await keyCount(gone)).toBe(0);
    expect(await keyCount(kept)).toBe(1);
    // The old ciphertext has no key left to open it: the key store's rows are all there is.
    const keysAfter = await t.stores.keySql.query<{ subject_id: string }>(
      'SELECT subject_id FROM amanat_keys.subject_keys',
    );
    expect(keysAfter.map((k) => k.subject_id)).not.toContain(gone);
    expect(old!.ciphertext.length).toBeGreaterThan(0);

    if (dataBefore && t.stores.dump) {
      // PGlite: open the old data store with today's key store, as a restore of a data backup would.
      const keysAfterDump = (await t.stores.dump()).keys;
      const restored = await openStores({ kind: 'pglite', dataDump: dataBefore, keyDump: keysAfterDump });
      try {
        const copy = await createAmanat({
          stores: restored,
          masterKey: t.masterKey,
          registerFile: exampleRegister,
          clock: () => now,
        });
        expect(await codeOf(copy.vault.readForPurpose('test', gone, purposeNo(8)))).toBe('not_found');
        const values = await copy.vault.readForPurpose('test', kept, purposeNo(8));
        expect(values.map((v) => v.value)).toEqual(['+77015550000']);
      } finally {
        await restored.close();
      }
    }
  });
  it('a withdrawal request is carried out by the engine and answered with its act', async () => {
    at('2027-03-04T05:00:00Z');
    const email = 'unsubscribe@example.kz';
    const subject = (await t.amanat.vault.ensureSubject('test', { email })).subjectId;
    await grantMailing(subject);
    await t.amanat.vault.collect('test', subject, {
      purposes: [purposeNo(8)],
      values: { email },
      source: 'website:newsletter',
    });
    const { request } = await t.amanat.requests.submit('test', {
      type: 'consent_withdrawal',
      channel: 'api',
      contact: { email },
    });
    await t.amanat.requests.verifyManually('test', request.id, 'known_contact');
    expect((await t.amanat.requestExecution.execute('test', request.id)).request.status).toBe('in_progress');
    const result = await t.amanat.retentionSweeper.run({ trigger: 'requests', onlyRequests: true });
    expect(result.requestsAnswered).toEqual([request.id]);
    const answered = await t.amanat.requests.get('test', request.id);
    expect(answered.status).toBe('answered');
    expect(answered.outcome).toMatchObject({
      summary: 'consent_withdrawn',
      destruction: { fields: ['email'] },
    });
    expect(await valuesOf(subject)).toEqual([]);
  });

  it("a sweep's act counts what its audit entries say: destroyed and anonymised values, reasons, purposes, systems", async () => {
    at('2027-03-05T05:00:00Z');
    const visitor = (await t.amanat.vault.ensureSubject('test', { email: 'visitor-2027@example.kz' }))
      .subjectId;
    await t.amanat.vault.collect('test', visitor, {
      purposes: [purposeNo(7)],
      values: { ip_address: '203.0.113.77', visit_statistics: { pages: 3 } },
      source: 'website:analytics',
      retentionOptions: { [purposeNo(7)]: 'months_14' },
    });
    const reader = (await t.amanat.vault.ensureSubject('test', { email: 'reader-2027@example.kz' }))
      .subjectId;
    await grantMailing(reader);
    await t.amanat.vault.collect('test', reader, {
      purposes: [purposeNo(8)],
      values: { email: 'reader-2027@example.kz' },
      source: 'website:newsletter',
    });
    at('2027-03-09T05:00:00Z');
    await t.amanat.consents.withdraw('test', reader, {
      purpose: purposeNo(8),
      kind: 'processing',
      channel: 'web',
    });
    // Both are due by now: the withdrawn e-mail within 10 working days, the analytics values after 14 months.
    at('2028-05-10T05:00:00Z');
    const result = await t.amanat.retentionSweeper.run({ trigger: 'cli' });
    const sweepAct = result.acts.find((a) => a.kind === 'sweep')!;
    expect(result.valuesAnonymised).toBeGreaterThanOrEqual(2);
    expect(result.valuesDestroyed).toBeGreaterThanOrEqual(1);
    const { act } = await t.amanat.destructionActs.get(sweepAct.id);
    const chain = await t.amanat.destructionActs.tallyFromChain(t.stores.sql, sweepAct.id);
    expect(act!.dataCategories.map((c) => [c.id, c.values])).toEqual(
      [...chain.counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    // Counted by the database from the entries themselves, independently of both tallies.
    const counted = await t.stores.sql.query<{ field: string; n: string }>(
      `SELECT c.key AS field, sum(c.value::bigint) AS n
       FROM audit_log a, jsonb_each_text(a.details -> 'counts') c
       WHERE a.details ->> 'act_id' = $1 AND a.action IN ('data.destroy', 'data.anonymise')
       GROUP BY c.key ORDER BY c.key`,
      [sweepAct.id],
    );
    expect(act!.dataCategories.map((c) => [c.id, c.values])).toEqual(
      counted.map((c) => [c.field, Number(c.n)]),
    );
    expect(act!.dataCategories.map((c) => c.id)).toEqual(
      expect.arrayContaining(['email', 'ip_address', 'visit_statistics']),
    );
    expect(act!.reasons.map((r) => [r.code, r.values]).sort()).toEqual(
      [...chain.reasons.values()].map((r) => [r.reason, r.values]).sort(),
    );
    expect(act!.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['consent_withdrawn', 'retention_expired']),
    );
    expect(act!.purposes.map((p) => p.id)).toEqual([...chain.purposes].sort());
    expect(act!.informationSystems.map((s) => s.id)).toEqual([...chain.systems].sort());
    expect(act!.method).toContain('обезличивание');
    expect(act!.method).toContain('удаление записей');
    expect(await valuesOf(visitor)).toEqual([]);
    expect(await valuesOf(reader)).toEqual([]);
  });

  it('acts are kept three years, then deleted by a sweep with a record in the chain', async () => {
    const before = await t.amanat.destructionActs.list();
    const oldest = before.at(-1)!;
    expect(oldest.retainUntil!.getTime()).toBeGreaterThan(oldest.completedAt!.getTime());
    at(new Date(oldest.retainUntil!.getTime() - 60_000).toISOString());
    expect((await t.amanat.retentionSweeper.run({ trigger: 'cli' })).actsExpired).toBe(0);
    at(new Date(oldest.retainUntil!.getTime() + 60_000).toISOString());
    const result = await t.amanat.retentionSweeper.run({ trigger: 'cli' });
    expect(result.actsExpired).toBeGreaterThanOrEqual(1);
    expect((await t.amanat.destructionActs.list()).map((a) => a.id)).not.toContain(oldest.id);
    const [entry] = await t.stores.sql.query<{ details: { acts: { id: string }[] } }>(
      `SELECT details FROM audit_log WHERE action = 'retention.act_expired' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry!.details.acts.map((a) => a.id)).toContain(oldest.id);
    expect((await t.amanat.verifyAudit()).ok).toBe(true);
  });
});

describe.each(storeKinds())('a "depending on" period left unchosen at collection, on %s', (kind) => {
  it('takes the longest option until one is chosen: purpose 7 (14 or 24 months) ends 24 months after collection, not never', async () => {
    const t = await createTestAmanat(kind, { clock: () => new Date('2025-01-10T06:00:00Z') });
    try {
      const purpose7 = t.amanat.rules.purposes().find((p) => p.number === 7)!.id;
      const { subjectId } = await t.amanat.vault.ensureSubject('test', { email: 'nochoice@example.kz' });
      await t.amanat.vault.collect('test', subjectId, {
        purposes: [purpose7],
        values: { ip_address: '203.0.113.20' },
        source: 'website:analytics',
      });
      const [row] = await t.stores.sql.query<{ next_retention_at: Date | null; retain_until: Date | null }>(
        'SELECT next_retention_at, retain_until FROM personal_values WHERE subject_id = $1',
        [subjectId],
      );
      // 24 months from 10 Jan 2025 run through 10 Jan 2027: held until 11 Jan 2027 00:00 in Almaty (UTC+5).
      expect(row!.next_retention_at?.toISOString()).toBe('2027-01-10T19:00:00.000Z');
      expect(row!.retain_until?.toISOString()).toBe('2027-01-10T19:00:00.000Z');
    } finally {
      await t.close();
    }
  });
});
