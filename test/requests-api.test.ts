import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../src/modules/mail/mailer.js';
import { createTestApi, type TestApi } from './support/api.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';
import { storeKinds } from './support/stores.js';

describe.each(storeKinds())('subject requests over HTTP on %s', (kind) => {
  let api: TestApi;
  let smtp: TestSmtp;
  const now = new Date('2026-03-20T05:00:00Z');

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await createTestApi(kind, {
      clock: () => now,
      mailer: createSmtpMailer({ url: smtp.url, from: 'privacy@nextbot.kz' }),
    });
    await api.call('POST', '/api/subjects', { body: { email: 'aigerim@example.kz' } });
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  it('privacy centre: a subject files a request, gets a code by e-mail and confirms it; staff carry it out', async () => {
    const filed = await api.call('POST', '/api/public/requests', {
      token: null,
      body: { type: 'access', contact: { email: 'Aigerim@Example.kz', name: 'Айгерим' } },
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ verification: 'code_sent' });
    const code = /код: (\d{6})/.exec((await smtp.waitFor(1)).text ?? '')![1]!;
    const wrong = await api.call('POST', `/api/public/requests/${filed.body.id}/verify`, {
      token: null,
      body: { code: code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('verification_failed');
    const ok = await api.call('POST', `/api/public/requests/${filed.body.id}/verify`, {
      token: null,
      body: { code },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('in_progress');

    const list = await api.call('GET', '/api/requests?open=true');
    expect(list.status).toBe(200);
    expect(list.body.requests).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain('aigerim');
    const executed = await api.call('POST', `/api/requests/${filed.body.id}/execute`, { body: {} });
    expect(executed.status).toBe(200);
    expect(executed.body.request.status).toBe('answered');
    const report = await api.call('GET', `/api/requests/${filed.body.id}/report`);
    expect(report.body).toMatchObject({ schema: 'amanat.access-report/1', noDataHeld: false });
    const history = await api.call('GET', `/api/requests/${filed.body.id}/history`);
    expect(history.body.history.map((h: { action: string }) => h.action)).toContain('request.answer');
  });

  it('the website key may file requests but not read or carry them out; bad input is named', async () => {
    const filed = await api.call('POST', '/api/requests', {
      token: api.websiteToken,
      body: { type: 'unclassified', channel: 'web', contact: { email: 'site@example.kz' }, text: 'Вопрос' },
    });
    expect(filed.status).toBe(201);
    expect((await api.call('GET', '/api/requests', { token: api.websiteToken })).status).toBe(403);
    expect(
      (
        await api.call('POST', `/api/requests/${filed.body.id}/execute`, {
          token: api.websiteToken,
          body: {},
        })
      ).status,
    ).toBe(403);
    const again = await api.call('POST', '/api/requests', {
      token: api.websiteToken,
      body: { type: 'unclassified', channel: 'web', contact: { email: 'site@example.kz' } },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: filed.body.id, duplicate: true, duplicates: 1 });
    const badType = await api.call('POST', '/api/public/requests', {
      token: null,
      body: { type: 'everything', contact: { email: 'a@example.kz' } },
    });
    expect(badType.status).toBe(422);
    expect(badType.body.error.issues[0].path).toBe('type');
    const notVerified = await api.call('POST', `/api/requests/${filed.body.id}/classify`, {
      body: { type: 'information' },
    });
    expect(notVerified.status).toBe(200);
    const execute = await api.call('POST', `/api/requests/${filed.body.id}/execute`, { body: {} });
    expect(execute.status).toBe(409);
    expect(execute.body.error.code).toBe('verification_required');
    const unknown = await api.call('GET', '/api/requests/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const openapi = await api.call('GET', '/api/openapi.json', { token: null });
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/api/requests', '/api/public/requests', '/api/requests/{requestId}/execute']),
    );
  });
});
