// The operator's side of cookie proofs: a visitor's proofs newest first, the log exported by the operator's
// local days as CSV or JSON, and a visitor linked to a subject with its audit entry in the same transaction.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './support/api.js';
import { storeKinds } from './support/stores.js';

describe.each(storeKinds())('cookie proofs for staff (%s)', (kind) => {
  let api: TestApi;
  // Asia/Almaty is UTC+5: 2026-03-09T20:00Z is already 10 March there.
  let now = new Date('2026-03-09T20:00:00Z');
  const visitor = randomUUID();
  const other = randomUUID();
  const ids: string[] = [];

  const proofAt = async (visitorId: string, method: string) => {
    const config = await (await api.app.request('/api/widget/config?lang=en')).json();
    const response = await api.app.request('/api/public/cookie-consents', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'user-agent': 'Agent "quoted", with comma' },
      body: JSON.stringify({
        visitorId,
        policyVersion: config.policyVersion,
        lang: 'en',
        textHash: config.textHash,
        choices: { necessary: true, analytics: method === 'accept_all', marketing: method === 'accept_all' },
        method,
        gpc: false,
        decidedAt: new Date(now.getTime() - 1000).toISOString(),
      }),
    });
    expect(response.status).toBe(202);
    return (await response.json()).id as string;
  };
  const staffGet = (path: string, token = api.adminToken) =>
    api.app.request(path, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    api = await createTestApi(kind, { clock: () => now });
    ids.push(await proofAt(visitor, 'reject_all')); // 10 March, local
    now = new Date('2026-03-11T06:00:00Z');
    ids.push(await proofAt(visitor, 'accept_all')); // 11 March
    now = new Date('2026-03-11T06:00:01Z');
    ids.push(await proofAt(other, 'reject_all')); // 11 March, a second later (the export is ordered by receipt)
    now = new Date('2026-03-12T19:30:00Z');
    ids.push(await proofAt(visitor, 'withdraw')); // 13 March, local (00:30)
  }, 120_000);
  afterAll(async () => api?.close());

  it("lists a visitor's proofs newest first, and only theirs", async () => {
    const response = await staffGet(`/api/cookie-consents?visitorId=${visitor}`);
    expect(response.status).toBe(200);
    const { proofs } = await response.json();
    expect(proofs.map((p: { id: string }) => p.id)).toEqual([ids[3], ids[1], ids[0]]);
    expect(proofs.map((p: { method: string }) => p.method)).toEqual(['withdraw', 'accept_all', 'reject_all']);
    expect(proofs[1].choices).toEqual({ necessary: true, analytics: true, marketing: true });
    expect((await staffGet('/api/cookie-consents?visitorId=not-a-uuid')).status).toBe(422);
  });

  it("exports the proofs received on the operator's local days as CSV", async () => {
    const response = await staffGet('/api/cookie-consents/export?from=2026-03-10&to=2026-03-11&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(
      'cookie-consents-2026-03-10-2026-03-11.csv',
    );
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,visitor_id,policy_version,lang,text_hash,choices,method,gpc,decided_at,received_at,user_agent,subject_id',
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([ids[0], ids[1], ids[2]]);
    expect(lines[1]).toContain(',analytics=0;marketing=0;necessary=1,');
    expect(lines[1]).toContain('"Agent ""quoted"", with comma"');
  });

  it('exports the same range as JSON, and an empty range as an empty list', async () => {
    const json = await staffGet('/api/cookie-consents/export?from=2026-03-11&to=2026-03-13&format=json');
    expect(json.status).toBe(200);
    const proofs = await json.json();
    expect(proofs.map((p: { id: string }) => p.id)).toEqual([ids[1], ids[2], ids[3]]);
    const empty = await staffGet('/api/cookie-consents/export?from=2026-01-01&to=2026-01-31&format=json');
    expect(await empty.json()).toEqual([]);
  });

  it('refuses a range that ends before it starts, and a day that does not exist', async () => {
    const backwards = await staffGet('/api/cookie-consents/export?from=2026-03-12&to=2026-03-10');
    expect(backwards.status).toBe(422);
    expect((await backwards.json()).error.issues[0].path).toBe('to');
    expect((await staffGet('/api/cookie-consents/export?from=2026-02-30&to=2026-03-10')).status).toBe(422);
  });

  it('links a visitor to a subject with an audit entry, and nothing else', async () => {
    const subject = await api.call('POST', '/api/subjects', {
      body: { email: 'visitor@example.kz' },
      token: api.websiteToken,
    });
    const subjectId = subject.body.id as string;
    const entries = async () =>
      api.stores.sql.query<{ subject_id: string; details: unknown; actor: string }>(
        `SELECT subject_id, details, actor FROM audit_log WHERE action = 'cookie_consent.link'`,
      );
    expect(await entries()).toEqual([]);

    const linked = await api.call('POST', '/api/cookie-consents/link', {
      body: { visitorId: visitor, subjectId },
      token: api.websiteToken,
    });
    expect(linked).toEqual({ status: 200, body: { linked: 3 } });
    const [entry] = await entries();
    expect(entry!.subject_id).toBe(subjectId);
    const details = typeof entry!.details === 'string' ? JSON.parse(entry!.details) : entry!.details;
    expect(details).toMatchObject({ proofs: 3 });
    expect(JSON.stringify(details)).not.toContain(visitor);
    const { proofs } = await (await staffGet(`/api/cookie-consents?visitorId=${visitor}`)).json();
    expect(proofs.every((p: { subjectId: string }) => p.subjectId === subjectId)).toBe(true);
    const others = (await (await staffGet(`/api/cookie-consents?visitorId=${other}`)).json()).proofs;
    expect(others[0].subjectId).toBeNull();
  });

  it('refuses to link an unknown visitor or an unknown subject, writing nothing', async () => {
    const before = await api.stores.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    const unknownVisitor = await api.call('POST', '/api/cookie-consents/link', {
      body: { visitorId: randomUUID(), subjectId: randomUUID() },
    });
    expect(unknownVisitor.status).toBe(404);
    expect(unknownVisitor.body.error.issues[0].path).toBe('subjectId');
    const subject = await api.call('POST', '/api/subjects', { body: { email: 'second@example.kz' } });
    const afterSubject = await api.stores.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log',
    );
    const noProofs = await api.call('POST', '/api/cookie-consents/link', {
      body: { visitorId: randomUUID(), subjectId: subject.body.id },
    });
    expect(noProofs.status).toBe(404);
    expect(noProofs.body.error.issues[0].path).toBe('visitorId');
    const after = await api.stores.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(after[0]!.n).toBe(afterSubject[0]!.n);
    expect(afterSubject[0]!.n).toBeGreaterThan(before[0]!.n);
    const bad = await api.call('POST', '/api/cookie-consents/link', {
      body: { visitorId: 'x', subjectId: 'y' },
    });
    expect(bad.status).toBe(422);
  });
});
