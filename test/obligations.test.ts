// Obligations to stop processing are fulfilled by the effect that completes them (the purpose released from the
// values, or the data destroyed under an act) in that effect's transaction, or closed by a person with evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './support/api.js';
import { grantConsent, storeKinds } from './support/stores.js';

describe.each(storeKinds())('obligations on %s', (kind) => {
  let api: TestApi;
  let now = new Date('2026-04-01T05:00:00Z');
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };

  async function subscribed(email: string, alsoSupport = false): Promise<string> {
    const mailing = api.purposeId(8);
    const subject = (await api.amanat.vault.ensureSubject('test', { email })).subjectId;
    await grantConsent(api.amanat, subject, mailing);
    await api.amanat.vault.collect('test', subject, {
      purposes: alsoSupport ? [mailing, api.purposeId(6)] : [mailing],
      values: { email },
      source: 'website:newsletter',
      ...(alsoSupport ? { contractRef: 'offer-2026-17' } : {}),
    });
    return subject;
  }

  const withdraw = (subject: string) =>
    api.call('POST', `/api/subjects/${subject}/consents/withdraw`, {
      body: { purpose: api.purposeId(8), channel: 'email' },
    });

  const obligationsOf = async (subject: string) =>
    (await api.call('GET', `/api/obligations?subject_id=${subject}`)).body.obligations;

  const fulfilEntries = async (subject: string) =>
    api.stores.sql.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'obligation.fulfil' AND subject_id = $1 ORDER BY seq`,
      [subject],
    );

  beforeAll(async () => {
    api = await createTestApi(kind, { clock: () => now });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('the sweep that destroys the withdrawn data fulfils the obligation, recording the act, in its commit', async () => {
    const subject = await subscribed('reader@example.kz');
    const withdrawn = await withdraw(subject);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.obligation.status).toBe('open');
    expect((await obligationsOf(subject))[0]).toMatchObject({ status: 'open', fulfilment: null });

    later(60);
    const result = await api.amanat.retentionSweeper.run({ trigger: 'cli' });
    const act = result.acts.find((a) => a.kind === 'sweep');
    expect(act).toBeDefined();
    const [obligation] = await obligationsOf(subject);
    expect(obligation).toMatchObject({
      status: 'fulfilled',
      destructionActId: act!.id,
      fulfilment: { how: 'data_destroyed', by: 'system:retention', actId: act!.id },
    });
    expect(obligation.fulfilledAt).toBe(now.toISOString());
    expect((await fulfilEntries(subject)).map((e) => e.details)).toEqual([
      { obligationId: obligation.id, how: 'data_destroyed', destructionActId: act!.id },
    ]);
    // The act is filled from the entries carrying its id: the obligation's entry does not change it.
    const stored = await api.amanat.destructionActs.get(act!.id);
    expect(stored.act!.subjects.count).toBe(1);
    expect((await api.call('POST', '/api/audit/verify')).body.ok).toBe(true);
  });

  it('a withdrawal that only releases the purpose (the value serves a contract too) fulfils it at once', async () => {
    const subject = await subscribed('client@example.kz', true);
    const withdrawn = await withdraw(subject);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.releasedFields).toEqual(['email']);
    expect(withdrawn.body.obligation.status).toBe('fulfilled');
    const [obligation] = await obligationsOf(subject);
    expect(obligation).toMatchObject({
      status: 'fulfilled',
      destructionActId: null,
      fulfilment: { how: 'purpose_released', by: 'api_key:admin' },
    });
    expect(await fulfilEntries(subject)).toHaveLength(1);
  });

  it('a person closes an open obligation with evidence; twice is 409, an unknown id 404, no evidence 422', async () => {
    const subject = await subscribed('mailing-service@example.kz');
    await withdraw(subject);
    const [open] = await obligationsOf(subject);
    const path = `/api/obligations/${open.id}/close`;

    const short = await api.call('POST', path, { body: { evidence: 'done' } });
    expect(short.status).toBe(422);
    expect(JSON.stringify(short.body.error)).toContain('evidence');
    expect((await obligationsOf(subject))[0].status).toBe('open');

    const closed = await api.call('POST', path, { body: { evidence: 'mailing service unsubscribed' } });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      id: open.id,
      status: 'fulfilled',
      fulfilment: { how: 'closed', evidence: 'mailing service unsubscribed' },
      destructionActId: null,
    });
    expect((await fulfilEntries(subject)).map((e) => e.details)).toEqual([
      { obligationId: open.id, how: 'closed', evidenceLength: 28 },
    ]);

    const twice = await api.call('POST', path, { body: { evidence: 'mailing service unsubscribed' } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('obligation_fulfilled');

    const unknown = await api.call('POST', '/api/obligations/00000000-0000-4000-8000-000000000000/close', {
      body: { evidence: 'mailing service unsubscribed' },
    });
    expect(unknown.status).toBe(404);
    const garbage = await api.call('POST', '/api/obligations/not-an-id/close', {
      body: { evidence: 'mailing service unsubscribed' },
    });
    expect(garbage.status).toBe(404);

    // The later destruction of the data leaves the person's closing as it was.
    later(60);
    await api.amanat.retentionSweeper.run({ trigger: 'cli' });
    expect((await obligationsOf(subject))[0].fulfilment.how).toBe('closed');
    expect(await fulfilEntries(subject)).toHaveLength(1);
  });

  it('the sweep fulfils an open obligation whose effect came before obligations were fulfilled with it', async () => {
    // As an earlier version left it: the withdrawal's data gone, the obligation still open.
    const subject = (await api.amanat.vault.ensureSubject('test', { email: 'old@example.kz' })).subjectId;
    const id = '6f1d2c3b-0000-4000-8000-000000000001';
    await api.stores.sql.query(
      `INSERT INTO obligations (id, subject_id, kind, purpose_id, consent_id, status, created_at, due_date, due_at, deadline)
       VALUES ($1, $2, 'stop_processing', $3, NULL, 'open', $4, '2026-04-15', $4, $5::jsonb)`,
      [
        id,
        subject,
        api.purposeId(8),
        now,
        JSON.stringify({ amount: 10, unit: 'working_days', source: 'register', rule: 'consent_withdrawal' }),
      ],
    );
    later(60);
    await api.amanat.retentionSweeper.run({ trigger: 'cli' });
    expect((await obligationsOf(subject))[0]).toMatchObject({
      id,
      status: 'fulfilled',
      fulfilment: { how: 'purpose_released', by: 'system:retention' },
    });
    expect((await fulfilEntries(subject)).map((e) => e.details)).toEqual([
      { obligationId: id, how: 'purpose_released' },
    ]);
    expect((await api.call('POST', '/api/audit/verify')).body.ok).toBe(true);
  });

  it('a key without obligations:write cannot close one', async () => {
    const subject = await subscribed('nokey@example.kz');
    await withdraw(subject);
    const [open] = await obligationsOf(subject);
    const refused = await api.call('POST', `/api/obligations/${open.id}/close`, {
      body: { evidence: 'mailing service unsubscribed' },
      token: api.websiteToken,
    });
    expect(refused.status).toBe(403);
    expect((await obligationsOf(subject))[0].status).toBe('open');
  });
});
