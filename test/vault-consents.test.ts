import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldType } from '../src/modules/register/register.schema.js';
import { createTestApi, grantBody, type TestApi } from './support/api.js';
import { eventually } from './support/eventually.js';
import { storeKinds } from './support/stores.js';

describe.each(storeKinds())('vault and consent journal on %s', (kind) => {
  let api: TestApi;
  // Receipt instant fixed for deadline arithmetic: 2026-03-20 10:00 in Almaty (UTC+5).
  const now = new Date('2026-03-20T05:00:00Z');

  const fieldOf = (purposeNumber: number, predicate: (type: FieldType, sensitivity: string[]) => boolean) => {
    const purpose = api.amanat.rules.purpose(api.purposeId(purposeNumber));
    const id = purpose.fields.find((f) => {
      const field = api.amanat.rules.field(f)!;
      return predicate(field.type, field.sensitivity);
    });
    if (!id) throw new Error(`purpose ${purposeNumber} has no such field`);
    return id;
  };
  const newSubject = async (email: string) => {
    const res = await api.call('POST', '/api/subjects', { body: { email } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    api = await createTestApi(kind, { clock: () => now });
  });
  afterAll(async () => api?.close());

  it('creates a subject once and finds it again by any identifier, normalised', async () => {
    const first = await api.call('POST', '/api/subjects', {
      body: { email: 'Aigerim@Example.KZ', phone: '8 (701) 123-45-67' },
    });
    expect(first.status).toBe(201);
    const again = await api.call('POST', '/api/subjects', { body: { email: 'aigerim@example.kz' } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const byPhone = await api.call('POST', '/api/subjects/lookup', {
      body: { kind: 'phone', value: '+77011234567' },
    });
    expect(byPhone.status).toBe(200);
    expect(byPhone.body.id).toBe(first.body.id);
    const missing = await api.call('POST', '/api/subjects/lookup', {
      body: { kind: 'email', value: 'nobody@example.kz' },
    });
    expect(missing.status).toBe(404);
  });

  it('refuses identities that belong to two different subjects', async () => {
    await newSubject('one@example.kz');
    await api.call('POST', '/api/subjects', { body: { phone: '+77020000001' } });
    const res = await api.call('POST', '/api/subjects', {
      body: { email: 'one@example.kz', phone: '+77020000001' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('identity_conflict');
  });

  it('refuses a wrong IIN checksum, an invalid e-mail and an invalid phone, naming each field', async () => {
    const res = await api.call('POST', '/api/subjects', {
      body: { iin: '941203351344', email: 'not-an-email', phone: '12' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'email',
      'iin',
      'phone',
    ]);
    expect(JSON.stringify(res.body)).not.toContain('941203351344');
  });

  it('collects data for a purpose and reads it back only for that purpose', async () => {
    const subject = await newSubject('support@example.kz');
    const support = api.purposeId(6);
    const phone = fieldOf(6, (t) => t === 'phone');
    const name = fieldOf(6, (t) => t === 'full_name');
    const res = await api.call('POST', `/api/subjects/${subject}/data`, {
      body: {
        purposes: [support],
        values: { [phone]: '+7 701 555 00 11', [name]: 'Сапарова Айгерим' },
        source: 'website:support-form',
        contract_ref: 'offer-2025',
      },
    });
    expect(res.status).toBe(201);
    expect(JSON.stringify(res.body)).not.toContain('Сапарова');
    expect(res.body.values[0].legalBases[0]).toMatchObject({
      purpose: support,
      type: 'contract',
      contractRef: 'offer-2025',
    });

    const read = await api.call('GET', `/api/subjects/${subject}/data?purpose=${support}`);
    expect(read.status).toBe(200);
    const byField = Object.fromEntries(
      read.body.values.map((v: { field: string; value: unknown }) => [v.field, v.value]),
    );
    expect(byField).toEqual({ [phone]: '+77015550011', [name]: 'Сапарова Айгерим' });
    // The same subject named in upper case: the same values (the id is part of each ciphertext's AAD).
    const upper = await api.call('GET', `/api/subjects/${subject.toUpperCase()}/data?purpose=${support}`);
    expect(upper.status).toBe(200);
    expect(upper.body.values.map((v: { value: unknown }) => v.value).sort()).toEqual(
      ['+77015550011', 'Сапарова Айгерим'].sort(),
    );

    const other = await api.call('GET', `/api/subjects/${subject}/data?purpose=${api.purposeId(1)}`);
    expect(other.body.values).toEqual([]);
  });

  it('refuses a field the purpose does not list, naming the field and the purpose, and stores nothing', async () => {
    const subject = await newSubject('minimal@example.kz');
    const support = api.purposeId(6);
    const passport = fieldOf(2, (_t, s) => s.includes('identity_document'));
    const phone = fieldOf(6, (t) => t === 'phone');
    const res = await api.call('POST', `/api/subjects/${subject}/data`, {
      body: {
        purposes: [support],
        values: { [phone]: '+77015550011', [passport]: 'N1234567' },
        source: 'test',
        contract_ref: 'c-1',
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('field_not_allowed_for_purpose');
    expect(res.body.error.message).toContain(passport);
    expect(res.body.error.message).toContain(support);
    const read = await api.call('GET', `/api/subjects/${subject}/data?purpose=${support}`);
    expect(read.body.values).toEqual([]);
  });

  it('refuses unknown purposes and fields with clear errors', async () => {
    const subject = await newSubject('unknown@example.kz');
    const a = await api.call('POST', `/api/subjects/${subject}/data`, {
      body: { purposes: ['no_such_purpose'], values: { x: '1' }, source: 'test' },
    });
    expect(a.status).toBe(422);
    expect(a.body.error.code).toBe('unknown_purpose');
    const b = await api.call('POST', `/api/subjects/${subject}/data`, {
      body: {
        purposes: [api.purposeId(6)],
        values: { fingerprint_template: 'x' },
        source: 'test',
        contract_ref: 'c',
      },
    });
    expect(b.status).toBe(422);
    expect(b.body.error.issues[0].path).toBe('values.fingerprint_template');
    const c = await api.call('POST', '/api/subjects/00000000-0000-4000-8000-000000000000/data', {
      body: {
        purposes: [api.purposeId(6)],
        values: { [fieldOf(6, (t) => t === 'phone')]: '+77015550011' },
        source: 'test',
        contract_ref: 'c',
      },
    });
    expect(c.status).toBe(404);
  });

  it('needs a contract reference for a contract basis, and a live consent for a consent basis', async () => {
    const subject = await newSubject('bases@example.kz');
    const noContract = await api.call('POST', `/api/subjects/${subject}/data`, {
      body: {
        purposes: [api.purposeId(6)],
        values: { [fieldOf(6, (t) => t === 'phone')]: '+77015550011' },
        source: 'test',
      },
    });
    expect(noContract.status).toBe(422);
    expect(noContract.body.error.code).toBe('contract_reference_required');

    const mailing = api.purposeId(8);
    const email = fieldOf(8, (t) => t === 'email');
    const noConsent = await api.call('POST', `/api/subjects/${subject}/data`, {
      body: { purposes: [mailing], values: { [email]: 'bases@example.kz' }, source: 'test' },
    });
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.error.code).toBe('consent_required');
  });

  it('records a consent with proof, refuses a duplicate, and lists the journal', async () => {
    const subject = await newSubject('consent@example.kz');
    const mailing = api.purposeId(8);
    const granted = await api.call('POST', `/api/subjects/${subject}/consents`, { body: grantBody(mailing) });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      purposeId: mailing,
      status: 'active',
      channel: 'web',
      policyVersion: '2025-01',
    });
    // A write answers with ids and status; the evidence is read back through the journal.
    expect(granted.body.evidence).toBeUndefined();
    expect(granted.body.textSha256).toMatch(/^[0-9a-f]{64}$/);
    const dup = await api.call('POST', `/api/subjects/${subject}/consents`, { body: grantBody(mailing) });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('consent_already_granted');
    const list = await api.call('GET', `/api/subjects/${subject}/consents`);
    expect(list.body.consents).toHaveLength(1);
    expect(list.body.consents[0].evidence).toEqual({
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 test',
      subjectFullName: 'Сапарова Айгерим',
    });
  });

  it('checks the KZ consent contents and refuses consent to cross-border transfer the register forbids', async () => {
    const subject = await newSubject('contents@example.kz');
    const mailing = api.purposeId(8);
    const { subject_full_name: _n, third_party_transfer: _t, ...incomplete } = grantBody(mailing);
    const res = await api.call('POST', `/api/subjects/${subject}/consents`, { body: incomplete });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('consent_content_incomplete');
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'subject_full_name',
      'third_party_transfer',
    ]);
    const abroad = await api.call('POST', `/api/subjects/${subject}/consents`, {
      body: grantBody(mailing, { cross_border_transfer: true }),
    });
    expect(abroad.status).toBe(422);
    expect(abroad.body.error.issues[0].path).toBe('cross_border_transfer');
    const notConsentPurpose = await api.call('POST', `/api/subjects/${subject}/consents`, {
      body: grantBody(api.purposeId(1)),
    });
    expect(notConsentPurpose.status).toBe(422);
  });

  it('withdrawal: obligation due in 10 KZ working days across Nauryz, data held only under it marked', async () => {
    const subject = await newSubject('withdraw@example.kz');
    const mailing = api.purposeId(8);
    const email = fieldOf(8, (t) => t === 'email');
    expect(
      (await api.call('POST', `/api/subjects/${subject}/consents`, { body: grantBody(mailing) })).status,
    ).toBe(201);
    const collected = await api.call('POST', `/api/subjects/${subject}/data`, {
      body: { purposes: [mailing], values: { [email]: 'withdraw@example.kz' }, source: 'website:newsletter' },
    });
    expect(collected.status).toBe(201);
    expect(collected.body.values[0].legalBases[0].type).toBe('consent');

    const res = await api.call('POST', `/api/subjects/${subject}/consents/withdraw`, {
      body: { purpose: mailing, channel: 'email', received_at: '2026-03-20T05:00:00Z' },
    });
    expect(res.status).toBe(200);
    // 2026-03-20 (Fri) + 10 working days: 21–25 March are off (weekend, Nauryz, two carried-over days).
    expect(res.body.obligation).toMatchObject({
      kind: 'stop_processing',
      dueDate: '2026-04-08',
      status: 'open',
    });
    expect(res.body.obligation.deadline).toMatchObject({
      amount: 10,
      unit: 'working_days',
      source: 'register',
      // The policy's clause, never the register's path on the server.
      rule: expect.stringContaining('п. 3.4.1'),
    });
    expect(JSON.stringify(res.body)).not.toContain(api.amanat.rules.sourceFile);
    expect(res.body.markedForDestruction).toEqual([email]);

    const obligations = await api.call('GET', `/api/obligations?status=open&subject_id=${subject}`);
    expect(obligations.body.obligations).toHaveLength(1);
    const read = await api.call('GET', `/api/subjects/${subject}/data?purpose=${mailing}`);
    expect(read.body.values).toEqual([]);
    const again = await api.call('POST', `/api/subjects/${subject}/consents/withdraw`, {
      body: { purpose: mailing, channel: 'email' },
    });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('consent_not_found');
    // Processing under the withdrawn consent is no longer possible.
    const after = await api.call('POST', `/api/subjects/${subject}/data`, {
      body: { purposes: [mailing], values: { [email]: 'withdraw@example.kz' }, source: 'website:newsletter' },
    });
    expect(after.body.error.code).toBe('consent_required');
  });

  it('publication consent: only the permitted fields, per-field restrictions kept', async () => {
    const subject = await newSubject('review@example.kz');
    const publication = api.amanat.rules.register.publication!;
    const fields = publication.fields.map((f) => ({ field: f.field, restrictions: [] }));
    const ok = await api.call('POST', `/api/subjects/${subject}/consents`, {
      body: grantBody(publication.purpose, {
        kind: 'publication',
        publication_fields: fields,
        publication: true,
      }),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.publicationFields).toEqual(fields);
    const bad = await api.call('POST', `/api/subjects/${subject}/consents`, {
      body: grantBody(publication.purpose, { kind: 'publication', publication_fields: [{ field: 'email' }] }),
    });
    expect(bad.status).toBe(422);
  });

  it('every change and read above is in an intact audit chain that holds no values', async () => {
    const verdict = await api.call('POST', '/api/audit/verify');
    expect(verdict.body).toMatchObject({ ok: true });
    expect(verdict.body.entries).toBeGreaterThan(10);
    const rows = await api.stores.sql.query<{ action: string; details: unknown }>(
      'SELECT action, details FROM audit_log',
    );
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'subject.create',
      'data.create',
      'data.read',
      'consent.grant',
      'consent.withdraw',
      'obligation.create',
    ]) {
      expect(actions).toContain(a);
    }
    const all = JSON.stringify(rows);
    for (const value of ['Сапарова', '77015550011', 'aigerim@example.kz', '203.0.113.7'])
      expect(all).not.toContain(value);
  });
});

describe.each(storeKinds())('grants written together (group commit) on %s', (kind) => {
  it('concurrent grants each get their own answer; good ones are stored with their audit entries', async () => {
    const api = await createTestApi(kind);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        ids.push((await api.amanat.vault.ensureSubject('test', { email: `batch${i}@example.kz` })).subjectId);
      }
      const grant = (subjectId: string) => api.amanat.consents.grant('test', subjectId, mailingGrant(api));
      await grant(ids[11]!); // already live before the burst
      const targets = [...ids.slice(0, 10), ids[0]!, ids[11]!, '00000000-0000-4000-8000-000000000000'];
      const outcomes = await Promise.allSettled(targets.map(grant));
      const codes = outcomes.map((o) =>
        o.status === 'fulfilled' ? 'ok' : (o.reason as { code: string }).code,
      );
      expect(codes.slice(0, 10)).toEqual(Array(10).fill('ok'));
      // The second grant for subject 0 in the same burst, the one already live, the unknown subject.
      expect(codes.slice(10)).toEqual(['consent_already_granted', 'consent_already_granted', 'not_found']);
      const [row] = await api.stores.sql.query<{ n: string | number }>(
        `SELECT count(*) AS n FROM consents WHERE status = 'active'`,
      );
      expect(Number(row!.n)).toBe(11);
      const grants = await api.stores.sql.query(`SELECT 1 FROM audit_log WHERE action = 'consent.grant'`);
      expect(grants).toHaveLength(11);
      expect(await api.amanat.verifyAudit()).toMatchObject({ ok: true });
    } finally {
      await api.close();
    }
  });

  it('a clean burst and a burst whose only fault is a live consent elsewhere both answer item by item', async () => {
    const api = await createTestApi(kind);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) {
        ids.push((await api.amanat.vault.ensureSubject('test', { email: `burst${i}@example.kz` })).subjectId);
      }
      const grant = (subjectId: string) => api.amanat.consents.grant('test', subjectId, mailingGrant(api));
      const codeOf = (o: PromiseSettledResult<unknown>) =>
        o.status === 'fulfilled' ? 'ok' : (o.reason as { code: string }).code;
      // No duplicates, every subject known: the whole burst is one write.
      expect((await Promise.allSettled(ids.slice(0, 4).map(grant))).map(codeOf)).toEqual(Array(4).fill('ok'));
      // Distinct keys inside the burst, but two of them are live already: only those two are refused.
      const second = await Promise.allSettled([ids[4]!, ids[0]!, ids[5]!, ids[1]!].map(grant));
      expect(second.map(codeOf)).toEqual(['ok', 'consent_already_granted', 'ok', 'consent_already_granted']);
      // A destroyed subject inside an otherwise clean burst is refused alone.
      await api.stores.sql.query(`UPDATE subjects SET status = 'destroyed' WHERE id = $1`, [ids[6]]);
      const third = await Promise.allSettled([ids[6]!, ids[7]!].map(grant));
      expect(third.map(codeOf)).toEqual(['not_found', 'ok']);
      const rows = await api.stores.sql.query<{ subject_id: string }>(
        `SELECT subject_id FROM consents WHERE status = 'active' ORDER BY subject_id`,
      );
      expect(rows.map((r) => r.subject_id)).toEqual([0, 1, 2, 3, 4, 5, 7].map((i) => ids[i]).sort());
      const logged = await api.stores.sql.query(`SELECT 1 FROM audit_log WHERE action = 'consent.grant'`);
      expect(logged).toHaveLength(7);
      expect(await api.amanat.verifyAudit()).toMatchObject({ ok: true });
    } finally {
      await api.close();
    }
  });
});

describe.each(storeKinds())('grants in two halves at once on %s', (kind) => {
  // On PostgreSQL a burst of eight or more goes out as two statements, the second chained after the first on
  // one ordered connection; on PGlite as one. The answers must not depend on it.
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(kind);
  });
  afterAll(async () => api?.close());

  const subjects = async (prefix: string, n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++)
      ids.push(
        (await api.amanat.vault.ensureSubject('test', { email: `${prefix}${i}@example.kz` })).subjectId,
      );
    return ids;
  };
  const grant = (subjectId: string) => api.amanat.consents.grant('test', subjectId, mailingGrant(api));
  const codesOf = (outcomes: PromiseSettledResult<unknown>[]) =>
    outcomes.map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as { code: string }).code));

  it('a fault in the first half and a duplicate across the halves are answered alone; the rest is written', async () => {
    const ids = await subjects('halves', 16);
    await grant(ids[2]!); // live before the burst: the first half cannot be written in one statement
    const burst = [...ids, ids[9]!]; // the last repeats one of the second half
    const codes = codesOf(await Promise.allSettled(burst.map(grant)));
    expect(codes).toEqual(burst.map((_, i) => (i === 2 || i === 16 ? 'consent_already_granted' : 'ok')));
    const rows = await api.stores.sql.query<{ subject_id: string }>(
      `SELECT subject_id FROM consents WHERE status = 'active' AND subject_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows.map((r) => r.subject_id).sort()).toEqual([...ids].sort());
    const logged = await api.stores.sql.query(
      `SELECT 1 FROM audit_log WHERE action = 'consent.grant' AND subject_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(logged).toHaveLength(16);
    expect(await api.amanat.verifyAudit()).toMatchObject({ ok: true });
  });

  it.runIf(kind === 'postgres')('the ordered connection, cut by the server, is opened again', async () => {
    const ids = await subjects('cut', 12);
    expect(codesOf(await Promise.allSettled(ids.slice(0, 8).map(grant)))).toEqual(Array(8).fill('ok'));
    const [cut] = await api.stores.sql.query<{ n: string | number }>(
      // Only this file's database: another test file may hold an ordered connection of its own at this moment.
      `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
       WHERE application_name = 'amanat-ordered' AND datname = current_database()`,
    );
    expect(Number(cut!.n)).toBe(1);
    // A grant sent before the client has seen the cut may fail with it; none is written half, and the next open
    // a new connection.
    let next = 8;
    await eventually('a grant on a new ordered connection', async () => {
      const [outcome] = await Promise.allSettled([grant(ids[next]!)]);
      if (outcome!.status === 'fulfilled') next += 1;
      return outcome!.status === 'fulfilled';
    });
    expect(codesOf(await Promise.allSettled(ids.slice(next).map(grant)))).toEqual(
      Array(12 - next).fill('ok'),
    );
    expect(await api.amanat.verifyAudit()).toMatchObject({ ok: true });
  });
});

const mailingGrant = (api: TestApi) => ({
  purpose: api.purposeId(8),
  kind: 'processing' as const,
  channel: 'web' as const,
  policyVersion: '2025-01',
  subjectFullName: 'Тест Тестов',
  thirdPartyTransfer: false,
  crossBorderTransfer: false,
  publication: false,
});
