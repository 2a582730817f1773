// The authorisation matrix: every API route, tried with every kind of caller (no credentials, API keys,
// the local CLI token, staff sessions of each kind), held against the expected table below. A route that is
// not in the table fails the test, so a new route cannot ship without a rule. What the answers carry (no
// personal value a caller's scopes and purposes do not allow) is checked in test/exposure-matrix.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/app.js';
import { Scopes, WEBSITE_BACKEND_SCOPES } from '../src/modules/api-keys/api-key.service.js';
import { localDateOf } from '../src/modules/calendar/dates.js';
import { createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

/** `every-purpose`: requests:read and every purpose of the register (the access report and the letter). */
type Rule = 'public' | 'session' | 'head' | 'every-purpose' | (typeof Scopes)[number];

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
  'POST /api/access-list/:versionId/approve': 'head',
  'POST /api/access-list/:versionId/reject': 'head',
  // recipients, disclosures, publication
  'GET /api/recipients': 'disclosures:read',
  'POST /api/recipients': 'disclosures:write',
  'POST /api/disclosures': 'disclosures:write',
  'GET /api/disclosures': 'disclosures:read',
  'GET /api/public/testimonials': 'public',
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
    const fullKey = await t.amanat.apiKeys.create('test', 'full', [...Scopes]);
    const websiteKey = await t.amanat.apiKeys.create('test', 'website', WEBSITE_BACKEND_SCOPES);
    const support6 = t.amanat.rules.purposes().find((p) => p.number === 6)!.id;
    await t.amanat.access.saveRole(
      {
        kind: 'local',
        keyId: 'local',
        name: 'test',
        actor: 'test',
        scopes: new Set(Scopes),
        purposes: 'all',
        fields: {},
        roleId: null,
      },
      {
        id: 'support',
        name: 'Поддержка',
        purposes: [support6],
        actions: ['subjects:read', 'data:read', 'requests:read'],
      },
    );
    const roleKey = await t.amanat.apiKeys.create('test', 'crm', [], 'support');
    const password = 'пароль-для-матрицы-2026';
    const add = async (email: string, flags: { isAdmin?: boolean; isHead?: boolean } = {}) =>
      (await t.amanat.staff.add('test', { email, fullName: email, password, ...flags })).id;
    const supportId = await add('support@m.kz');
    const adminId = await add('admin@m.kz', { isAdmin: true });
    await add('head@m.kz', { isHead: true });
    await add('plain@m.kz');
    const session = async (email: string) => {
      const s = await t.amanat.staff.signIn({ email, password, userAgent: UA });
      return { cookie: `amanat_session=${s.token}`, 'x-csrf-token': s.csrfToken, 'user-agent': UA };
    };
    // The support person is on an approved list (proposed by the admin, approved by the head).
    const adminPrincipal = await (async () => {
      const s = await t.amanat.staff.signIn({ email: 'admin@m.kz', password, userAgent: UA });
      return t.amanat.access.staffPrincipal(s.session.staff, s.session);
    })();
    const today = localDateOf(t.amanat.clock(), 'Asia/Almaty');
    const proposal = await t.amanat.access.propose(adminPrincipal, {
      entries: [{ staffId: supportId, roleId: 'support', grantedFrom: today }],
    });
    const headLogin = await t.amanat.staff.signIn({ email: 'head@m.kz', password, userAgent: UA });
    await t.amanat.access.approve(
      await t.amanat.access.staffPrincipal(headLogin.session.staff, headLogin.session),
      proposal.id,
    );
    void adminId;

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
