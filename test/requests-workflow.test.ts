// The request workflow's pieces the CLI relies on: requests by number, one e-mail split into several requests,
// assignment to staff only, and an answer delivered outside Amanat, recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './support/api.js';
import { storeKinds } from './support/stores.js';

describe.each(storeKinds())('request workflow on %s', (kind) => {
  let api: TestApi;
  // 2026-03-20 (Friday) 10:00 in Almaty; 21–25 March are off.
  let now = new Date('2026-03-20T05:00:00Z');
  const raw =
    `From: Aigerim <aigerim@example.kz>\r\nTo: privacy@nextbot.kz\r\nSubject: Мои данные\r\n` +
    'Date: Fri, 20 Mar 2026 09:00:00 +0500\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n' +
    'Покажите мои данные, потом удалите их и больше не пишите.\r\n';
  const counts = async () => {
    const [row] = await api.stores.sql.query<{ requests: string | number; audit: string | number }>(
      `SELECT (SELECT count(*) FROM subject_requests) AS requests, (SELECT count(*) FROM audit_log) AS audit`,
    );
    return { requests: Number(row!.requests), audit: Number(row!.audit) };
  };

  beforeAll(async () => {
    api = await createTestApi(kind, { clock: () => now });
    await api.amanat.vault.ensureSubject('test', { email: 'aigerim@example.kz' });
    await api.amanat.staff.add('test', { email: 'dpo@nextbot.kz', fullName: 'Ответственный' });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('one e-mail becomes several requests, each with the same requester, words, receipt and kept message', async () => {
    // An open withdrawal from the same person already exists: the split links to it instead of doubling it.
    const { request: open } = await api.amanat.requests.submit('test', {
      type: 'consent_withdrawal',
      channel: 'web',
      contact: { email: 'aigerim@example.kz' },
    });
    const mail = await api.amanat.mailIntake.ingest(Buffer.from(raw));
    const number = mail.request!.number;

    const before = await counts();
    const twice = await api.call('POST', `/api/requests/${number}/classify`, {
      body: { type: 'access', also: [{ type: 'access' }] },
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.issues).toEqual([expect.objectContaining({ path: 'also' })]);
    expect(await counts()).toEqual(before);

    const classified = await api.call('POST', `/api/requests/${number}/classify`, {
      body: { type: 'access', also: [{ type: 'destruction' }, { type: 'consent_withdrawal' }] },
    });
    expect(classified.status, JSON.stringify(classified.body)).toBe(200);
    expect(classified.body).toMatchObject({ number, type: 'access', dueDate: '2026-03-30' });
    const [destruction, withdrawal] = classified.body.split;
    expect(destruction).toMatchObject({ type: 'destruction', duplicate: false, dueDate: '2026-03-26' });
    expect(withdrawal).toMatchObject({ number: open.number, duplicate: true });

    const full = await api.amanat.requests.get('staff', destruction.id);
    expect(full).toMatchObject({
      channel: 'email',
      status: 'received',
      inboundMessageId: mail.messageId,
      receivedAt: mail.request!.receivedAt,
      contact: { email: 'aigerim@example.kz', name: 'Aigerim' },
      details: { text: expect.stringContaining('удалите их') },
      subjectId: mail.request!.subjectId,
    });
    expect((await api.amanat.requests.list({ open: true })).find((r) => r.id === open.id)!.duplicates).toBe(
      1,
    );
    const history = await api.amanat.requests.history(destruction.id);
    expect(history[0]).toMatchObject({
      action: 'request.receive',
      details: { splitFrom: mail.request!.id, inboundMessageId: mail.messageId, type: 'destruction' },
    });
    expect(await api.amanat.verifyAudit()).toMatchObject({ ok: true });

    // Classified once: a second classification (with or without splits) is refused and writes nothing.
    const after = await counts();
    const again = await api.call('POST', `/api/requests/${number}/classify`, {
      body: { type: 'information', also: [{ type: 'blocking' }] },
    });
    expect(again.status).toBe(409);
    expect(await counts()).toEqual(after);
  });

  it('requests are named by number or id in the API; an unknown number is 404 naming it; a bad reference 422', async () => {
    const { request } = await api.amanat.requests.submit('test', {
      type: 'information',
      channel: 'paper',
      contact: { email: 'paper@example.kz' },
    });
    const byNumber = await api.call('GET', `/api/requests/${request.number}`);
    const byId = await api.call('GET', `/api/requests/${request.id}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.id).toBe(request.id);
    expect(byId.body.number).toBe(request.number);
    expect(await api.amanat.requests.resolveId(`№ ${request.number}`)).toBe(request.id);
    const unknown = await api.call('GET', '/api/requests/987654/history');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('№ 987654');
    const bad = await api.call('GET', '/api/requests/seventeen');
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe('requestId');
    // The privacy centre still takes only the id (numbers are easy to guess).
    const guessed = await api.call('POST', `/api/public/requests/${request.number}/verify`, {
      token: null,
      body: { code: '123456' },
    });
    expect(guessed.status).toBe(422);
  });

  it('a request is assigned to an active staff member by e-mail; anyone else is refused and nothing changes', async () => {
    const { request } = await api.amanat.requests.submit('test', {
      type: 'information',
      channel: 'paper',
      contact: { email: 'assign@example.kz' },
    });
    const before = await counts();
    const stranger = await api.call('POST', `/api/requests/${request.number}/assign`, {
      body: { assignee: 'someone@example.kz' },
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.issues[0].path).toBe('assignee');
    expect(await counts()).toEqual(before);
    const assigned = await api.call('POST', `/api/requests/${request.number}/assign`, {
      body: { assignee: ' DPO@NextBot.kz ' },
    });
    expect(assigned.body.assignee).toBe('dpo@nextbot.kz');
  });

  it('an answer sent by post is recorded with its date and channel, never before the request was answered', async () => {
    now = new Date('2026-03-27T05:00:00Z');
    const { request } = await api.amanat.requests.submit('test', {
      type: 'information',
      channel: 'paper',
      contact: { email: 'post@example.kz' },
    });
    const path = `/api/requests/${request.number}/delivery`;
    const early = await api.call('POST', path, { body: { channel: 'post' } });
    expect(early.status).toBe(409);
    await api.amanat.requests.verifyManually('staff', request.id, 'signed_letter', 'подпись сверена');
    await api.amanat.requestExecution.execute('staff', request.id);
    now = new Date('2026-03-30T05:00:00Z');
    const before = await counts();
    for (const [date, status] of [
      ['2026-03-31', 422],
      ['2026-03-26', 422],
      ['2026-02-30', 422],
    ] as const) {
      const refused = await api.call('POST', path, { body: { channel: 'post', date } });
      expect(refused.status, date).toBe(status);
      expect(refused.body.error.issues[0].path).toBe('date');
    }
    expect(await counts()).toEqual(before);
    const posted = await api.call('POST', path, {
      body: { channel: 'post', date: '2026-03-27', note: 'RR123456789KZ' },
    });
    expect(posted.status).toBe(200);
    const handed = await api.call('POST', path, { body: { channel: 'hand' } });
    expect(handed.body.outcome.deliveries).toEqual([
      { channel: 'post', on: '2026-03-27', by: 'api_key:admin', note: 'RR123456789KZ' },
      { channel: 'hand', on: '2026-03-30', by: 'api_key:admin' },
    ]);
    expect(handed.body.verification).toMatchObject({ how: 'signed_letter', note: 'подпись сверена' });
    const sent = (await api.amanat.requests.history(request.id)).filter(
      (h) => h.action === 'request.answer_sent',
    );
    expect(sent.map((h) => h.details)).toEqual([
      { request_id: request.id, channel: 'post', on: '2026-03-27' },
      { request_id: request.id, channel: 'hand', on: '2026-03-30' },
    ]);
  });
});
