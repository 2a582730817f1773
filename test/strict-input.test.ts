// Input that used to be accepted silently is refused with 422 naming the field, and nothing is written: impossible
// or absurd dates (a consent given in 2999 or in year 1, an activity on 30 February that JavaScript rolls over to
// 2 March) and a field named __proto__ (which an object assignment drops). Every /api answer says Cache-Control:
// no-store, so decrypted personal data never sits in a browser's or a proxy's cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './support/api.js';
import { storeKinds } from './support/stores.js';

describe.each(storeKinds())('strict input and no-store answers on %s', (kind) => {
  let api: TestApi;
  let subjectId: string;

  beforeAll(async () => {
    api = await createTestApi(kind, { clock: () => new Date('2026-03-20T05:00:00Z') });
    const subject = await api.call('POST', '/api/subjects', { body: { email: 'dates@example.kz' } });
    subjectId = subject.body.id;
  });
  afterAll(async () => {
    await api?.close();
  });

  const grant = (givenAt: string) =>
    api.call('POST', `/api/subjects/${subjectId}/consents`, {
      body: {
        purpose: api.purposeId(8),
        channel: 'web',
        policy_version: '2025-01',
        subject_full_name: 'Сапарова Айгерим',
        third_party_transfer: false,
        cross_border_transfer: false,
        publication: false,
        given_at: givenAt,
      },
    });

  const auditCount = async () =>
    Number((await api.amanat.stores.sql.query<{ n: string }>('SELECT count(*) AS n FROM audit_log'))[0]!.n);

  it('refuses a consent given in 2999, in year 1 or on a day that does not exist', async () => {
    const before = await auditCount();
    for (const givenAt of ['2999-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '2026-02-30T10:00:00+05:00']) {
      const res = await grant(givenAt);
      expect(res.status, givenAt).toBe(422);
      expect(res.body.error.issues[0].path, givenAt).toBe('given_at');
    }
    expect(await auditCount()).toBe(before);
    const consents = await api.call('GET', `/api/subjects/${subjectId}/consents`);
    expect(consents.body.consents).toEqual([]);
    // A real past moment is still accepted.
    expect((await grant('2026-03-19T10:00:00+05:00')).status).toBe(201);
  });

  it('refuses an activity on 30 February instead of storing 2 March', async () => {
    const before = await auditCount();
    const res = await api.call('POST', `/api/subjects/${subjectId}/activity`, { body: { at: '2026-02-30' } });
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toBe('at');
    const [row] = await api.amanat.stores.sql.query<{ last_activity_at: Date | null }>(
      'SELECT last_activity_at FROM subjects WHERE id = $1',
      [subjectId],
    );
    expect(row!.last_activity_at).toBeNull();
    expect(await auditCount()).toBe(before);
    // The service refuses it too, for callers other than the HTTP API (the CLI).
    await expect(
      api.amanat.retention.recordActivity('test', subjectId, '2026-02-30T10:00:00+05:00'),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(() => api.amanat.retention.planInstant('2026-02-30T10:00:00Z')).toThrow(/2026-02-30/);
    const future = await api.call('POST', `/api/subjects/${subjectId}/activity`, {
      body: { at: '2999-01-01' },
    });
    expect(future.status).toBe(422);
  });

  it('refuses a value named __proto__ (or constructor, prototype) instead of dropping it', async () => {
    const before = await auditCount();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const res = await api.call('POST', `/api/subjects/${subjectId}/data`, {
        rawBody: `{"purposes":["${api.purposeId(6)}"],"source":"form","contract_ref":"offer-1","values":{"full_name":"Айгерим","${key}":{"x":1}}}`,
      });
      expect(res.status, key).toBe(422);
      expect(res.body.error.issues[0].path, key).toBe(`values.${key}`);
    }
    expect(await auditCount()).toBe(before);
    const held = await api.amanat.stores.sql.query('SELECT 1 FROM personal_values WHERE subject_id = $1', [
      subjectId,
    ]);
    expect(held).toEqual([]);
  });

  it('marks every API answer no-store: decrypted records, errors and public answers alike', async () => {
    await api.call('POST', `/api/subjects/${subjectId}/data`, {
      body: {
        purposes: [api.purposeId(6)],
        values: { full_name: 'Сапарова Айгерим' },
        source: 'form',
        contract_ref: 'offer-1',
      },
    });
    const headers = { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json' };
    const answers = [
      await api.app.request(`/api/subjects/${subjectId}/data?purpose=${api.purposeId(6)}`, { headers }),
      await api.app.request(
        `/api/subjects/${subjectId}/record?reason=${encodeURIComponent('проверка ответа')}`,
        {
          headers,
        },
      ),
      await api.app.request(`/api/subjects/${subjectId}/consents`, { headers }),
      await api.app.request('/api/subjects/00000000-0000-4000-8000-000000000000/consents', { headers }),
      await api.app.request('/api/register'),
      await api.app.request('/api/public/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'access', contact: { email: 'nostore@example.kz' } }),
      }),
    ];
    const read = answers[0]!;
    expect(read.status).toBe(200);
    expect(await read.text()).toContain('Сапарова Айгерим');
    expect(answers[1]!.status).toBe(200);
    for (const answer of answers) {
      expect(answer.headers.get('cache-control'), answer.url).toBe('no-store');
    }
  });
});
