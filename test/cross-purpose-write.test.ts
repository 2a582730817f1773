// A write on a consent is checked against the caller's purposes exactly as a read is: a staff member on the
// approved list whose role holds consents:write for the support purpose only can neither grant nor withdraw a
// mailing consent (403, the refusal logged, the consent unchanged); a caller holding every purpose can.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/app.js';
import type { Principal } from '../src/modules/access/principal.js';
import { Scopes } from '../src/modules/api-keys/api-key.service.js';
import { localDateOf } from '../src/modules/calendar/dates.js';
import { createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

const UA = 'Mozilla/5.0 (cross-purpose test)';
const LOCAL: Principal = {
  kind: 'local',
  keyId: 'local',
  name: 'test',
  actor: 'test',
  scopes: new Set(Scopes),
  purposes: 'all',
  fields: {},
  roleId: null,
};

describe.each(storeKinds())('a consent write outside the role’s purposes on %s', (kind) => {
  let t: TestAmanat;
  let app: ReturnType<typeof createHttpApp>;
  let subjectId: string;
  let mailing: string;
  let supportHeaders: Record<string, string>;
  let fullKey: string;

  beforeAll(async () => {
    t = await createTestAmanat(kind);
    app = createHttpApp(t.amanat, { bodyLimitBytes: 1 << 20 });
    const purposeOf = (n: number) => t.amanat.rules.purposes().find((p) => p.number === n)!.id;
    mailing = purposeOf(8);
    await t.amanat.access.saveRole(LOCAL, {
      id: 'support',
      name: 'Поддержка',
      purposes: [purposeOf(6)],
      actions: ['subjects:read', 'consents:read', 'consents:write'],
    });
    const password = 'пароль-для-проверки-2026';
    const support = await t.amanat.staff.add('test', { email: 'support@x.kz', fullName: 'S', password });
    await t.amanat.staff.add('test', { email: 'admin@x.kz', fullName: 'A', password, isAdmin: true });
    await t.amanat.staff.add('test', { email: 'head@x.kz', fullName: 'H', password, isHead: true });
    const principalOf = async (email: string) => {
      const s = await t.amanat.staff.signIn({ email, password, userAgent: UA });
      return t.amanat.access.staffPrincipal(s.session.staff, s.session);
    };
    const proposal = await t.amanat.access.propose(await principalOf('admin@x.kz'), {
      entries: [
        { staffId: support.id, roleId: 'support', grantedFrom: localDateOf(t.amanat.clock(), 'Asia/Almaty') },
      ],
    });
    await t.amanat.access.approve(await principalOf('head@x.kz'), proposal.id);
    const s = await t.amanat.staff.signIn({ email: 'support@x.kz', password, userAgent: UA });
    supportHeaders = {
      cookie: `amanat_session=${s.token}`,
      'x-csrf-token': s.csrfToken,
      'user-agent': UA,
      'content-type': 'application/json',
    };
    fullKey = (await t.amanat.apiKeys.create('test', 'full', [...Scopes])).token;
    subjectId = (await t.amanat.vault.ensureSubject('test', { email: 'cross@example.kz' })).subjectId;
  });
  afterAll(async () => t?.close());

  const grantBody = () => ({
    purpose: mailing,
    channel: 'web',
    text: 'Я согласен на получение рассылок',
    policy_version: '2025-01',
    subject_full_name: 'Сапарова Айгерим',
    third_party_transfer: false,
    cross_border_transfer: false,
    publication: false,
  });
  const post = (path: string, headers: Record<string, string>, body: unknown) =>
    app.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
  const consentStatus = async () =>
    (
      await t.stores.sql.query<{ status: string }>(
        'SELECT status FROM consents WHERE subject_id = $1 AND purpose_id = $2',
        [subjectId, mailing],
      )
    ).map((r) => r.status);

  it('refuses the grant and the withdrawal of a purpose the role does not hold, and logs the refusal', async () => {
    const refusals = async () =>
      Number(
        (
          await t.stores.sql.query<{ n: string }>(
            "SELECT count(*) AS n FROM audit_log WHERE action = 'access.refused'",
          )
        )[0]!.n,
      );
    const before = await refusals();
    const grant = await post(`/api/subjects/${subjectId}/consents`, supportHeaders, grantBody());
    expect(grant.status).toBe(403);
    expect(await consentStatus()).toEqual([]);

    const full = { authorization: `Bearer ${fullKey}`, 'content-type': 'application/json' };
    expect((await post(`/api/subjects/${subjectId}/consents`, full, grantBody())).status).toBe(201);

    const withdraw = await post(`/api/subjects/${subjectId}/consents/withdraw`, supportHeaders, {
      purpose: mailing,
      channel: 'web',
    });
    expect(withdraw.status).toBe(403);
    expect(((await withdraw.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(await consentStatus()).not.toContain('withdrawn');
    expect(await refusals()).toBeGreaterThanOrEqual(before + 2);

    // The same withdrawal by a caller holding every purpose goes through.
    const allowed = await post(`/api/subjects/${subjectId}/consents/withdraw`, full, {
      purpose: mailing,
      channel: 'web',
    });
    expect(allowed.status).toBe(200);
    expect(await consentStatus()).toContain('withdrawn');
  });
});
