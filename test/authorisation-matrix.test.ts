// The authorisation matrix: every API route, tried with every kind of caller (no credentials, API keys,
// the local CLI token, staff sessions of each kind), held against the expected table below. A route that is
// not in the table fails the test, so a new route cannot ship without a rule. What the answers carry (no
// personal value a caller's scopes and purposes do not allow) is checked in test/exposure-matrix.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/app.js';
import {
  Scopes,
  UNLISTED_KEY_SCOPES,
  WEBSITE_BACKEND_SCOPES,
} from '../src/modules/api-keys/api-key.service.js';
import { localDateOf } from '../src/modules/calendar/dates.js';
import { approveList, LOCAL_PRINCIPAL, listedKeys } from './support/listed-keys.js';
import { createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

/**
 * `every-purpose`: requests:read and every purpose of the register (the access report and the letter).
 * `subject`: a data subject's privacy-centre session (its own cookie, from a code): no staff or key passes.
 */
type Rule = 'public' | 'session' | 'head' | 'every-purpose' | 'subject' | (typeof Scopes)[number];

/** What each route requires. Keys are Hono paths (`:param`). */
const expectedRules: Record<string, Rule> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/register': 'register:read',
  // vault
  'POST /api/subjects': 'subjects:write',
  'POST /api/subjects/lookup': 'subjects:read',
  'GET /api/subjects/:subjectId': 'subjects:read',
  'POST /api/subjects/:subjectId/data': 'data:write',
  'GET /api/subjects/:subjectId/data': 'data:read',
  'GET /api/subjects/:subjectId/record': 'data:export',
  'POST /api/collect': 'data:write',
  // consents and obligations
  'POST /api/subjects/:subjectId/consents': 'consents:write',
  'POST /api/subjects/:subjectId/consents/withdraw': 'consents:write',
  'GET /api/subjects/:subjectId/consents': 'consents:read',
  'GET /api/obligations': 'obligations:read',
  'POST /api/obligations/:obligationId/close': 'obligations:write',
  // subject requests
  'POST /api/requests': 'requests:submit',
  'GET /api/requests': 'requests:read',
  'GET /api/requests/digest': 'requests:read',
  'GET /api/requests/:requestId': 'requests:read',
  'GET /api/requests/:requestId/history': 'requests:read',
  'GET /api/requests/:requestId/report': 'every-purpose',
  'GET /api/requests/:requestId/letter': 'every-purpose',
  'POST /api/requests/:requestId/classify': 'requests:write',
  'POST /api/requests/:requestId/assign': 'requests:write',
  'POST /api/requests/:requestId/verification/email': 'requests:write',
  'POST /api/requests/:requestId/verification/manual': 'requests:write',
  'POST /api/requests/:requestId/verification/code': 'requests:write',
  'POST /api/requests/:requestId/extend': 'requests:write',
  'POST /api/requests/:requestId/execute': 'requests:write',
  'POST /api/requests/:requestId/refuse': 'requests:write',
  'POST /api/requests/:requestId/send-answer': 'requests:write',
  'POST /api/requests/:requestId/delivery': 'requests:write',
  'POST /api/public/requests': 'public',
  'POST /api/public/requests/:requestId/verify': 'public',
  'POST /api/public/requests/code': 'public',
  'POST /api/public/requests/status': 'public',
  'POST /api/public/requests/status/letter': 'public',
  'POST /api/public/requests/status/export': 'public',
  // the privacy centre's verified subjects
  'POST /api/public/subject/code': 'public',
  'POST /api/public/subject/verify': 'public',
  'GET /api/public/subject/consents': 'subject',
  'POST /api/public/subject/consents/withdraw': 'subject',
  'POST /api/public/subject/sign-out': 'public',
  'POST /api/mail/messages': 'requests:submit',
  'POST /api/mail/poll': 'requests:write',
  // retention
  'GET /api/retention/plan': 'retention:read',
  'POST /api/retention/run': 'retention:write',
  'GET /api/retention/runs': 'retention:read',
  'POST /api/subjects/:subjectId/retention-events': 'retention:write',
  'POST /api/subjects/:subjectId/activity': 'retention:write',
  'POST /api/retention/liquidation': 'retention:write',
  'POST /api/subjects/:subjectId/legal-holds': 'retention:write',
  'GET /api/legal-holds': 'retention:read',
  'POST /api/legal-holds/:holdId/lift': 'retention:write',
  'GET /api/retention/acts': 'retention:read',
  'POST /api/retention/acts/paper': 'retention:write',
  'GET /api/retention/acts/:actId': 'retention:read',
  'GET /api/retention/acts/:actId/pdf': 'retention:read',
  'GET /api/retention/acts/:actId/log': 'retention:read',
  // audit and keys
  'POST /api/audit/verify': 'audit:read',
  'POST /api/keys': 'keys:manage',
  'GET /api/keys': 'keys:manage',
  'DELETE /api/keys/:keyId': 'keys:manage',
  // console sign-in and staff
  'POST /api/auth/sign-in': 'public',
  'POST /api/auth/password-reset': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  'GET /api/auth/me': 'session',
  'POST /api/auth/totp/setup': 'session',
  'POST /api/auth/totp/confirm': 'session',
  'POST /api/auth/sign-out': 'session',
  'GET /api/staff': 'staff:manage',
  'POST /api/staff': 'staff:manage',
  'GET /api/staff/:staffId': 'staff:manage',
  // roles and the approved access list
  'GET /api/roles': 'staff:manage',
  'PUT /api/roles/:roleId': 'staff:manage',
  'POST /api/roles/load': 'staff:manage',
  'GET /api/access-list': 'staff:manage',
  'POST /api/access-list/proposals': 'staff:manage',
  'GET /api/access-list/:versionId': 'staff:manage',
  'GET /api/access-list/:versionId/pdf': 'staff:manage',
  // the operator's internal papers (the access list's paper also needs staff:manage: its own test)
  'GET /api/papers': 'register:read',
  'GET /api/papers/:paper': 'register:read',
  'POST /api/access-list/:versionId/approve': 'head',
  'POST /api/access-list/:versionId/reject': 'head',
  // recipients, disclosures, publication
  'GET /api/recipients': 'disclosures:read',
  'POST /api/recipients': 'disclosures:write',
  'POST /api/disclosures': 'disclosures:write',
  'GET /api/disclosures': 'disclosures:read',
  'GET /api/public/testimonials': 'public',
  // consent forms: public texts
  'GET /api/consent-forms': 'public',
  'GET /api/consent-forms/:formId': 'public',
  // what changed between policy versions, and the consents to renew
  'GET /api/policy/diff': 'register:read',
  'GET /api/policy/renewals': 'consents:read',
  'GET /api/policy/renewals/:purposeId/consents': 'consents:read',
  // published policy versions
  'GET /api/policy/versions': 'register:read',
  'GET /api/policy/versions/:id': 'register:read',
  'POST /api/policy/publish': 'register:edit',
  // the console's front page (counts and machinery only) and the web pages' branding
  'GET /api/stats': 'register:read',
  'GET /api/system/status': 'register:read',
  'GET /api/public/policy/versions': 'public',
  'GET /api/public/branding': 'public',
  // the cookie banner: the widget's configuration and proofs are public, the proofs' log is the consents'
  'GET /api/widget/config': 'public',
  'POST /api/public/cookie-consents': 'public',
  'GET /api/cookie-consents': 'consents:read',
  'GET /api/cookie-consents/export': 'consents:read',
  'POST /api/cookie-consents/link': 'consents:write',
};

type Outcome = 'pass' | 'unauthenticated' | 'forbidden';

interface Caller {
  name: string;
  kind: 'none' | 'key' | 'local' | 'staff';
  isHead?: boolean;
  /** Whether the caller may touch every purpose's data (keys without a role, the local CLI). */
  allPurposes?: boolean;
  scopes: Set<string>;
  headers: Record<string, string>;
}

function expected(caller: Caller, rule: Rule): Outcome {
  if (rule === 'public') return 'pass';
  // No caller of the matrix holds a subject session: staff sessions and keys do not open the subject's routes.
  if (rule === 'subject') return 'unauthenticated';
  if (caller.kind === 'none') return 'unauthenticated';
  if (rule === 'session') return caller.kind === 'staff' ? 'pass' : 'forbidden';
  if (rule === 'head') return caller.kind === 'staff' && caller.isHead ? 'pass' : 'forbidden';
  if (rule === 'every-purpose')
    return caller.scopes.has('requests:read') && caller.allPurposes ? 'pass' : 'forbidden';
  return caller.scopes.has(rule) ? 'pass' : 'forbidden';
}

/** The API routes of an app, one line per method and path. */
function routesOf(app: { routes: { method: string; path: string }[] }): string[] {
  return [
    ...new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path}`),
    ),
  ].sort();
}

const withoutRule = (routes: string[]) => routes.filter((r) => !(r in expectedRules));

describe.each(storeKinds())('authorisation matrix on %s', (kind) => {
  let t: TestAmanat;
  let app: ReturnType<typeof createHttpApp>;
  const callers: Caller[] = [];
  const UA = 'MatrixTest/1.0';
  const LOCAL = 'l'.repeat(43);

  beforeAll(async () => {
    t = await createTestAmanat(kind);
    app = createHttpApp(t.amanat, {
      bodyLimitBytes: 1 << 20,
      localAdminToken: LOCAL,
      publicLimit: { burst: 10_000, perMinute: 10_000 },
      publicCodeFailureLimit: { burst: 10_000, perMinute: 10_000 },
      signInLimit: { burst: 10_000, perMinute: 10_000 },
    });
    const websiteKey = await t.amanat.apiKeys.create('test', 'website', WEBSITE_BACKEND_SCOPES);
    const support6 = t.amanat.rules.purposes().find((p) => p.number === 6)!.id;
    await t.amanat.access.saveRole(LOCAL_PRINCIPAL, {
      id: 'support',
      name: 'Поддержка',
      purposes: [support6],
      actions: ['subjects:read', 'data:read', 'requests:read'],
    });
    const password = 'пароль-для-матрицы-2026';
    const add = async (email: string, flags: { isAdmin?: boolean; isHead?: boolean } = {}) =>
      (await t.amanat.staff.add('test', { email, fullName: email, password, ...flags })).id;
    const supportId = await add('support@m.kz');
    await add('admin@m.kz', { isAdmin: true });
    await add('head@m.kz', { isHead: true });
    await add('plain@m.kz');
    const session = async (email: string) => {
      const s = await t.amanat.staff.signIn({ email, password, userAgent: UA });
      return { cookie: `amanat_session=${s.token}`, 'x-csrf-token': s.csrfToken, 'user-agent': UA };
    };
    // The support person, the full key (every purpose) and the CRM key (the support role) are on the
    // approved list (proposed by an administrator, approved by the head).
    const { keys } = await listedKeys(
      t.amanat,
      [
        { name: 'full', scopes: [...Scopes] },
        { name: 'crm', scopes: [], role: 'support' },
      ],
      { extra: [{ staffId: supportId, roleId: 'support' }] },
    );
    const fullKey = keys.full!;
    const roleKey = keys.crm!;

    callers.push(
      { name: 'no credentials', kind: 'none', scopes: new Set(), headers: {} },
      {
        name: 'full API key',
        allPurposes: true,
        kind: 'key',
        scopes: new Set(Scopes),
        headers: { authorization: `Bearer ${fullKey.token}` },
      },
      {
        name: 'website backend key',
        allPurposes: true,
        kind: 'key',
        scopes: new Set(WEBSITE_BACKEND_SCOPES),
        headers: { authorization: `Bearer ${websiteKey.token}` },
      },
      {
        name: 'key with the support role',
        kind: 'key',
        scopes: new Set(['subjects:read', 'data:read', 'requests:read']),
        headers: { authorization: `Bearer ${roleKey.token}` },
      },
      {
        name: 'local CLI',
        allPurposes: true,
        kind: 'local',
        scopes: new Set(Scopes),
        headers: { authorization: `Bearer ${LOCAL}` },
      },
      {
        name: 'support (on the approved list)',
        kind: 'staff',
        scopes: new Set(['register:read', 'subjects:read', 'data:read', 'requests:read']),
        headers: await session('support@m.kz'),
      },
      {
        name: 'administrator (not on the list)',
        kind: 'staff',
        scopes: new Set(['register:read', 'staff:manage', 'keys:manage']),
        headers: await session('admin@m.kz'),
      },
      {
        name: 'head',
        kind: 'staff',
        isHead: true,
        scopes: new Set(['register:read']),
        headers: await session('head@m.kz'),
      },
      {
        name: 'staff not on the list',
        kind: 'staff',
        scopes: new Set(['register:read']),
        headers: await session('plain@m.kz'),
      },
    );
  });
  afterAll(async () => t?.close());

  it('every route has a rule, and every rule a route', () => {
    const routes = routesOf(app);
    expect(withoutRule(routes)).toEqual([]);
    expect(Object.keys(expectedRules).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('a route added without a rule is caught', () => {
    const extended = createHttpApp(t.amanat, { bodyLimitBytes: 1 << 20 });
    extended.get('/api/new-report', (c) => c.json({ secret: true }));
    expect(withoutRule(routesOf(extended))).toEqual(['GET /api/new-report']);
  });

  it('each caller gets exactly what the table says on every route', async () => {
    const dummy = '00000000-0000-4000-8000-000000000000';
    // Signing out ends the caller's session: last.
    const routes = routesOf(app).sort(
      (a, b) => Number(a.endsWith('/sign-out')) - Number(b.endsWith('/sign-out')),
    );
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace(/:[A-Za-z]+/g, dummy);
      for (const caller of callers) {
        const response = await app.request(url, {
          method,
          headers: { 'content-type': 'application/json', ...caller.headers },
          body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
        });
        const observed: Outcome =
          response.status === 401 ? 'unauthenticated' : response.status === 403 ? 'forbidden' : 'pass';
        const want = expected(caller, expectedRules[route]!);
        checked += 1;
        if (observed !== want) {
          mismatches.push(
            `${route} as ${caller.name}: expected ${want}, got ${response.status} ${(await response.text()).slice(0, 200)}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(routes.length * callers.length);
  });

  it('refusals of signed-in staff are in the audit log', async () => {
    const [refused] = await t.stores.sql.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'access.refused' AND actor LIKE 'staff:%'`,
    );
    expect(Number(refused!.n)).toBeGreaterThan(10);
  });
});

// Issue: keys and staff administration bypassed the list. Personal-data rights come only from an approved
// list entry, for people and systems alike; each path below was an escalation and must be refused.
describe.each(storeKinds())('escalation paths around the access list on %s', (kind) => {
  let t: TestAmanat;
  let app: ReturnType<typeof createHttpApp>;
  const UA = 'EscalationTest/1.0';
  const LOCAL = 'e'.repeat(43);
  const dummy = '00000000-0000-4000-8000-000000000000';
  let adminSession: Record<string, string>;
  let keysOnly: string;
  let staffOnly: string;
  let support6: string;
  let passport2: string;
  let everyEntry: { keyId: string; roleId: string };

  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const keyNamed = async (name: string) =>
    (await t.stores.sql.query('SELECT id FROM api_keys WHERE name = $1', [name])).length;
  const readData = (token: string, purpose: string) =>
    call('GET', `/api/subjects/${dummy}/data?purpose=${purpose}`, bearer(token));

  beforeAll(async () => {
    t = await createTestAmanat(kind);
    app = createHttpApp(t.amanat, {
      bodyLimitBytes: 1 << 20,
      localAdminToken: LOCAL,
      publicLimit: { burst: 10_000, perMinute: 10_000 },
      signInLimit: { burst: 10_000, perMinute: 10_000 },
    });
    support6 = t.amanat.rules.purposes().find((p) => p.number === 6)!.id;
    passport2 = t.amanat.rules.purposes().find((p) => p.number === 2)!.id;
    await t.amanat.access.saveRole(LOCAL_PRINCIPAL, {
      id: 'support',
      name: 'Поддержка',
      purposes: [support6],
      actions: ['subjects:read', 'data:read'],
    });
    const password = 'пароль-эскалации-2026';
    await t.amanat.staff.add('test', { email: 'admin@esc.kz', fullName: 'Админ', password, isAdmin: true });
    const s = await t.amanat.staff.signIn({ email: 'admin@esc.kz', password, userAgent: UA });
    adminSession = { cookie: `amanat_session=${s.token}`, 'x-csrf-token': s.csrfToken, 'user-agent': UA };
    keysOnly = (await t.amanat.apiKeys.create('test', 'keys-admin', ['keys:manage'])).token;
    staffOnly = (await t.amanat.apiKeys.create('test', 'staff-admin', ['staff:manage'])).token;
    // A key reading every purpose, on the approved list: approving other versions keeps it there.
    const { entries } = await listedKeys(t.amanat, [{ name: 'every', scopes: ['data:read', 'data:export'] }]);
    everyEntry = entries[0] as { keyId: string; roleId: string };
  });
  afterAll(async () => t?.close());

  it('an administrator not on the list cannot mint a key that reads personal data', async () => {
    const scoped = await call('POST', '/api/keys', adminSession, {
      name: 'x',
      scopes: ['data:read', 'data:export'],
    });
    expect(scoped.status).toBe(422);
    expect(scoped.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['scopes.0', 'scopes.1']);
    expect(await keyNamed('x')).toBe(0);
    // A key made with a role is only a name for the list: it reads nothing until the head approves it.
    const roled = await call('POST', '/api/keys', adminSession, { name: 'y', role: everyEntry.roleId });
    expect(roled.status).toBe(201);
    const record = await call(
      'GET',
      `/api/subjects/${dummy}/record?reason=${encodeURIComponent('проверка эскалации прав')}`,
      bearer(roled.body.token),
    );
    expect(record.status).toBe(403);
    expect((await readData(roled.body.token, support6)).status).toBe(403);
  });

  it('a keys:manage key grants no scope it does not hold, and no personal-data scope at all', async () => {
    const read = await call('POST', '/api/keys', bearer(keysOnly), { name: 'k1', scopes: ['data:read'] });
    expect(read.status).toBe(422);
    expect(read.body.error.issues[0].path).toBe('scopes.0');
    const more = await call('POST', '/api/keys', bearer(keysOnly), {
      name: 'k2',
      scopes: ['keys:manage', 'staff:manage'],
    });
    expect(more.status).toBe(403);
    expect(more.body.error.issues).toEqual([
      { path: 'scopes.1', message: 'staff:manage not held by the caller' },
    ]);
    expect((await keyNamed('k1')) + (await keyNamed('k2'))).toBe(0);
  });

  it('only the head or the server’s command line makes an administrator', async () => {
    const outsider = { email: 'outsider@elsewhere.example', fullName: 'Посторонний', isAdmin: true };
    const byKey = await call('POST', '/api/staff', bearer(staffOnly), outsider);
    expect(byKey.status).toBe(403);
    expect(byKey.body.error.issues[0].path).toBe('isAdmin');
    const byAdmin = await call('POST', '/api/staff', adminSession, outsider);
    expect(byAdmin.status).toBe(403);
    const staffRows = () =>
      t.stores.sql.query('SELECT id FROM staff_accounts WHERE email = $1', [outsider.email]);
    expect(await staffRows()).toEqual([]);
    // Without isAdmin the person is created, with no rights; the server's command line may make an administrator.
    const plain = await call('POST', '/api/staff', bearer(staffOnly), { ...outsider, isAdmin: false });
    expect(plain.status).toBe(201);
    const byCli = await call('POST', '/api/staff', bearer(LOCAL), {
      ...outsider,
      email: 'second@nextbot.kz',
    });
    expect(byCli.status).toBe(201);
  });

  it('a key holds the role snapshot the head approved: later edits of the role do not reach it', async () => {
    const crm = await t.amanat.apiKeys.create('test', 'crm', [], 'support');
    await approveList(t.amanat, [everyEntry, { keyId: crm.id, roleId: 'support' }]);
    // The key is first used after the edit (a verified key is remembered for a few seconds).
    const edit = await call('PUT', '/api/roles/support', bearer(LOCAL), {
      name: 'Поддержка',
      purposes: [support6, passport2],
      actions: ['subjects:read', 'data:read', 'data:export'],
    });
    expect(edit.status).toBe(200);
    expect((await readData(crm.token, support6)).status).toBe(404);
    expect((await readData(crm.token, passport2)).status).toBe(403);
    const principal = await t.amanat.apiKeys.authenticate(crm.token);
    expect(principal.purposes).toEqual(new Set([support6]));
    expect(principal.scopes.has('data:export')).toBe(false);
  });

  it('a key’s rights start with the head’s approval and end with the version that drops it', async () => {
    const desk = await t.amanat.apiKeys.create('test', 'desk', [], 'support');
    expect((await readData(desk.token, support6)).status).toBe(403);
    const version = await approveList(t.amanat, [everyEntry, { keyId: desk.id, roleId: 'support' }]);
    expect((await readData(desk.token, support6)).status).toBe(404);
    // The approved document names the key as a system, with its role and purposes.
    const doc = await t.amanat.access.document(version);
    expect(doc.entries.find((e) => e.keyId === desk.id)).toMatchObject({
      kind: 'system',
      fullName: 'desk',
      role: { id: 'support' },
      purposes: expect.arrayContaining([expect.objectContaining({ id: support6 })]),
    });
    await approveList(t.amanat, [everyEntry]);
    expect((await readData(desk.token, support6)).status).toBe(403);
  });
});

// Issue point 5: a write on a consent is checked against the caller's purposes exactly as a read is: a staff
// member on the approved list whose role holds consents:write for the support purpose only can neither grant
// nor withdraw a mailing consent (403, the refusal logged, the consent unchanged); a caller holding every
// purpose can.
describe.each(storeKinds())('a consent write outside the role’s purposes on %s', (kind) => {
  const UA = 'CrossPurposeTest/1.0';
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
    await t.amanat.access.saveRole(LOCAL_PRINCIPAL, {
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
    // Every scope a key holds without the list; such a key is limited to no purpose.
    fullKey = (await t.amanat.apiKeys.create('test', 'full', [...UNLISTED_KEY_SCOPES])).token;
    subjectId = (await t.amanat.vault.ensureSubject('test', { email: 'cross@example.kz' })).subjectId;
  });
  afterAll(async () => t?.close());

  const grantBody = () => ({
    purpose: mailing,
    channel: 'web',
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
