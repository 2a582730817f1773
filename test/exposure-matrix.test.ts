// What each caller can read: the authorisation matrix (test/authorisation-matrix.test.ts) checks scopes; this
// one plants canary values (full name, e-mail, phone, IIN, IP address, user agent) in a subject's identities,
// values, consent evidence and request, then calls every route of the OpenAPI document as every kind of
// caller and asserts that no canary appears in an answer (JSON, error or PDF text) the caller's scopes and
// purposes do not allow. A canary the caller sent itself in the request is an echo, not a leak.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/app.js';
import { isValidIin } from '../src/lib/kz-identifiers.js';
import type { Principal } from '../src/modules/access/principal.js';
import { type Scope, Scopes, WEBSITE_BACKEND_SCOPES } from '../src/modules/api-keys/api-key.service.js';
import { listedKeys } from './support/listed-keys.js';
import { pdfText, pdftotextAvailable } from './support/pdf.js';
import { createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

const FULL_NAME = 'Канарейкина Зарема Птичкина';
const EMAIL = 'zarema.canary@canary-test.kz';
const PHONE = '+77017776655';
const IP = '198.51.100.77';
const UA = 'CanaryBrowser/9.9 (matrix)';
const IIN = (() => {
  for (let i = 0; i < 1000; i++) {
    const candidate = `9005154${String(i).padStart(5, '0')}`;
    if (isValidIin(candidate)) return candidate;
  }
  throw new Error('no valid IIN found');
})();
const CANARIES = { FULL_NAME, EMAIL, PHONE, IIN, IP, UA };
/** Audit actions that record a read of personal data. */
const READ_ACTIONS = [
  'data.read',
  'data.read_record',
  'data.export',
  'consent.read',
  'request.read',
  'disclosure.make',
];

interface Caller {
  name: string;
  scopes: Set<string>;
  /** 'all', or the purposes of the caller's role. */
  purposes: 'all' | Set<string>;
  headers: Record<string, string>;
}

describe.each(storeKinds())('no personal value reaches a caller not allowed it, on %s', (kind) => {
  let t: TestAmanat;
  let app: ReturnType<typeof createHttpApp>;
  let subjectId: string;
  let requestId: string;
  let recipientId: string;
  let support: string;
  let mailing: string;
  const callers: Caller[] = [];
  const LOCAL = 'c'.repeat(43);
  const STAFF_UA = 'MatrixStaff/1.0';

  const local: Principal = {
    kind: 'local',
    keyId: 'local',
    name: 'test',
    actor: 'test',
    scopes: new Set(Scopes),
    purposes: 'all',
    fields: {},
    roleId: null,
  };

  const grantMailing = () =>
    t.amanat.consents.grant('test', subjectId, {
      purpose: mailing,
      kind: 'processing',
      channel: 'web',
      policyVersion: '2025-01',
      subjectFullName: FULL_NAME,
      ip: IP,
      userAgent: UA,
      thirdPartyTransfer: false,
      crossBorderTransfer: false,
      publication: false,
    });

  beforeAll(async () => {
    t = await createTestAmanat(kind, { requestSettings: { intakeLimitPerDay: 100_000 } });
    app = createHttpApp(t.amanat, {
      bodyLimitBytes: 1 << 20,
      localAdminToken: LOCAL,
      publicLimit: { burst: 10_000, perMinute: 10_000 },
      publicCodeFailureLimit: { burst: 10_000, perMinute: 10_000 },
      signInLimit: { burst: 10_000, perMinute: 10_000 },
    });
    const purposeOf = (n: number) => t.amanat.rules.purposes().find((p) => p.number === n)!.id;
    support = purposeOf(6);
    mailing = purposeOf(8);

    // The canary subject: identities, values under a contract and under a consent, the consent's evidence.
    subjectId = (await t.amanat.vault.ensureSubject('test', { email: EMAIL, phone: PHONE, iin: IIN }))
      .subjectId;
    await grantMailing();
    await t.amanat.vault.collect('test', subjectId, {
      purposes: [support],
      values: { full_name: FULL_NAME, email: EMAIL, phone: PHONE },
      source: 'website:support-form',
      contractRef: 'offer-1',
    });
    await t.amanat.vault.collect('test', subjectId, {
      purposes: [mailing],
      values: { email: EMAIL, phone: PHONE },
      source: 'website:newsletter',
    });
    const analytics = t.amanat.rules.purposes().find((p) => p.number === 7)!.id;
    await t.amanat.vault.collect('test', subjectId, {
      purposes: [analytics],
      values: { ip_address: IP },
      source: 'website:analytics',
      legalBasis: 'legitimate_interest',
      retentionOptions: { [analytics]: 'months_14' },
    });
    recipientId = (
      await t.amanat.disclosures.saveRecipient('test', {
        name: 'ТОО «Курьер»',
        kind: 'processor',
        country: 'KZ',
        contractRef: 'Д-1/2026',
      })
    ).id;
    // A request of theirs, in their words, carried out (so its report and letter exist).
    const submitted = await t.amanat.requests.submit('test', {
      type: 'access',
      channel: 'email',
      contact: { email: EMAIL, name: FULL_NAME },
      text: `Прошу сообщить, какие данные обо мне хранятся. ${FULL_NAME}, ИИН ${IIN}, тел. ${PHONE}`,
    });
    requestId = submitted.request.id;
    // An open rectification of theirs: a second one from the same contact is linked to it, and its answer
    // must not hand the first one's words and values to whoever filed the second.
    await t.amanat.requests.submit('test', {
      type: 'rectification',
      channel: 'email',
      contact: { email: EMAIL, phone: PHONE, name: FULL_NAME },
      values: { full_name: FULL_NAME },
      text: `Исправьте ФИО на ${FULL_NAME}, ИИН ${IIN}`,
    });
    await t.amanat.requests.verifyManually('test', requestId, 'in_person');
    await t.amanat.requestExecution.execute('test', requestId, {});

    // Callers: keys with various scope sets, role keys, staff sessions, nobody. Keys reading personal data
    // are on the approved access list (their role snapshot), like the support person.
    await t.amanat.access.saveRole(local, {
      id: 'support',
      name: 'Поддержка',
      purposes: [support],
      actions: ['subjects:read', 'data:read', 'requests:read', 'consents:read', 'consents:write'],
    });
    await t.amanat.access.saveRole(local, {
      id: 'requests-desk',
      name: 'Обращения',
      purposes: [support],
      actions: ['requests:read', 'requests:write', 'retention:read', 'obligations:read'],
    });
    const password = 'пароль-для-канареек-2026';
    const staff = async (email: string, flags: { isAdmin?: boolean; isHead?: boolean } = {}) =>
      (await t.amanat.staff.add('test', { email, fullName: email, password, ...flags })).id;
    const supportId = await staff('support@canary.kz');
    await staff('admin@canary.kz', { isAdmin: true });
    await staff('head@canary.kz', { isHead: true });
    const signIn = (email: string) => t.amanat.staff.signIn({ email, password, userAgent: STAFF_UA });
    const writeScopes = Scopes.filter((s) => s.endsWith(':write') || s === 'requests:submit');
    const nonPersonal: Scope[] = [
      'obligations:read',
      'retention:read',
      'audit:read',
      'register:read',
      'disclosures:read',
    ];
    const { keys } = await listedKeys(
      t.amanat,
      [
        { name: 'full', scopes: [...Scopes] },
        { name: 'web', scopes: WEBSITE_BACKEND_SCOPES },
        { name: 'cw', scopes: ['consents:write'] },
        { name: 'rs', scopes: ['requests:submit'] },
        { name: 'writes', scopes: writeScopes },
        { name: 'np', scopes: nonPersonal },
        { name: 'crm', scopes: [], role: 'support' },
        { name: 'desk', scopes: [], role: 'requests-desk' },
      ],
      { extra: [{ staffId: supportId, roleId: 'support' }] },
    );
    const key = (name: string) => `Bearer ${keys[name]!.token}`;
    const add = (scopes: Scope[], purposes: 'all' | string[], name: string, authorization: string) =>
      callers.push({
        name,
        scopes: new Set(scopes),
        purposes: purposes === 'all' ? 'all' : new Set(purposes),
        headers: { authorization },
      });
    add([...Scopes], 'all', 'full API key', key('full'));
    add(WEBSITE_BACKEND_SCOPES, 'all', 'website backend key', key('web'));
    add(['consents:write'], 'all', 'consents:write only', key('cw'));
    add(['requests:submit'], 'all', 'requests:submit only', key('rs'));
    add(writeScopes, 'all', 'every write scope, no read', key('writes'));
    add(nonPersonal, 'all', 'reads without personal data', key('np'));
    const supportActions: Scope[] = [
      'subjects:read',
      'data:read',
      'requests:read',
      'consents:read',
      'consents:write',
    ];
    add(supportActions, [support], 'support role key', key('crm'));
    add(
      ['requests:read', 'requests:write', 'retention:read', 'obligations:read'],
      [support],
      'requests-desk role key',
      key('desk'),
    );
    add([...Scopes], 'all', 'local CLI', `Bearer ${LOCAL}`);
    callers.push({ name: 'no credentials', scopes: new Set(), purposes: new Set(), headers: {} });

    // Staff: one on the approved list with the support role (above), an administrator and a head who are not.
    const session = async (email: string) => {
      const s = await signIn(email);
      return { cookie: `amanat_session=${s.token}`, 'x-csrf-token': s.csrfToken, 'user-agent': STAFF_UA };
    };
    callers.push(
      {
        name: 'support staff (on the list)',
        scopes: new Set(['register:read', ...supportActions]),
        purposes: new Set([support]),
        headers: await session('support@canary.kz'),
      },
      {
        name: 'administrator (not on the list)',
        scopes: new Set(['register:read', 'staff:manage', 'keys:manage']),
        purposes: new Set(),
        headers: await session('admin@canary.kz'),
      },
      {
        name: 'head',
        scopes: new Set(['register:read']),
        purposes: new Set(),
        headers: await session('head@canary.kz'),
      },
    );
  });
  afterAll(async () => t?.close());

  const has = (c: Caller, scope: string) => c.scopes.has(scope);
  const holds = (c: Caller, purpose: string) => c.purposes === 'all' || c.purposes.has(purpose);

  /** The routes whose answers may carry the canary's values, and to whom. Every other answer must not. */
  function allowed(route: string, c: Caller): boolean {
    switch (route) {
      case 'GET /api/subjects/{subjectId}/data':
        return has(c, 'data:read') && holds(c, support);
      case 'GET /api/subjects/{subjectId}/record':
        return has(c, 'data:export') && (holds(c, support) || holds(c, mailing));
      case 'GET /api/subjects/{subjectId}/consents':
      case 'POST /api/subjects/{subjectId}/consents/withdraw':
        return has(c, 'consents:read') && holds(c, mailing);
      case 'POST /api/disclosures':
        // A disclosure hands the values over, through a caller holding the purpose (audited as a read).
        return has(c, 'disclosures:write') && holds(c, support);
      case 'GET /api/requests/{requestId}':
        // The request's own contact and words, for the person handling requests.
        return has(c, 'requests:read');
      case 'GET /api/requests/{requestId}/report':
      case 'GET /api/requests/{requestId}/letter':
        // Everything held, of every purpose: only for a caller who may read every purpose.
        return has(c, 'requests:read') && c.purposes === 'all';
      default:
        return false;
    }
  }

  /** Request bodies aimed at the canary subject and request; other routes get `{}`. */
  const bodies = (): Record<string, unknown> => ({
    'POST /api/subjects': { email: EMAIL },
    'POST /api/subjects/lookup': { kind: 'email', value: EMAIL },
    'POST /api/subjects/{subjectId}/data': {
      purposes: [support],
      values: { full_name: FULL_NAME },
      source: 'matrix',
      contract_ref: 'offer-1',
    },
    'POST /api/collect': {
      subject: { email: EMAIL },
      purposes: [support],
      values: { full_name: FULL_NAME },
      source: 'matrix',
      contract_ref: 'offer-1',
    },
    'POST /api/subjects/{subjectId}/consents': {
      purpose: mailing,
      channel: 'web',
      policy_version: '2025-01',
      subject_full_name: 'Другое Имя',
      third_party_transfer: false,
      cross_border_transfer: false,
      publication: false,
    },
    'POST /api/subjects/{subjectId}/consents/withdraw': { purpose: mailing, channel: 'web' },
    'POST /api/requests': {
      type: 'rectification',
      channel: 'email',
      contact: { email: EMAIL },
      values: { full_name: 'Иное Имя' },
    },
    'POST /api/public/requests': {
      type: 'rectification',
      contact: { email: EMAIL },
      values: { full_name: 'Иное Имя' },
    },
    'POST /api/requests/{requestId}/classify': { type: 'access' },
    'POST /api/requests/{requestId}/assign': { assignee: 'someone' },
    'POST /api/requests/{requestId}/verification/manual': { how: 'in_person' },
    'POST /api/requests/{requestId}/verification/code': { code: '123456' },
    'POST /api/public/requests/{requestId}/verify': { code: '123456' },
    'POST /api/public/requests/code': { email: EMAIL },
    'POST /api/requests/{requestId}/extend': { reason: 'нужно больше времени' },
    'POST /api/requests/{requestId}/refuse': { reason: 'основание для отказа' },
    'POST /api/disclosures': {
      subjectId: '{subjectId}',
      recipientId,
      purpose: support,
      fields: ['full_name', 'phone'],
      ground: 'contract_necessity',
      contractRef: 'offer-1',
    },
  });
  /** A withdrawal e-mailed from the canary's address (the address is all it shares with the canary). */
  let mails = 0;
  const withdrawalMail = () =>
    [
      `From: <${EMAIL}>`,
      'To: privacy@nextbot.kz',
      `Subject: ${t.amanat.rules.register.requests.withdrawal_email_subject ?? 'Отзыв согласия'}`,
      `Message-ID: <matrix-${++mails}@canary-test.kz>`,
      'Date: Mon, 2 Mar 2026 10:00:00 +0500',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Прошу прекратить рассылки.',
    ].join('\r\n');

  async function openRequest(): Promise<string> {
    const { request } = await t.amanat.requests.submit('test', {
      type: 'access',
      channel: 'email',
      contact: { email: EMAIL, name: FULL_NAME },
      text: `Что вы обо мне храните? ${FULL_NAME}`,
    });
    await t.amanat.requests.verifyManually('test', request.id, 'in_person').catch(() => undefined);
    return request.id;
  }
  const queries: Record<string, string> = { purpose: '', reason: 'проверка матрицы доступа' };

  it('every answer of every route carries only the canaries its caller may see', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { parameters?: { in: string; name: string; required?: boolean }[] }>
      >;
    };
    queries.purpose = support;
    const ids: Record<string, string> = { subjectId, requestId };
    const routes = Object.entries(doc.paths)
      .flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map(([m, op]) => ({ route: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path, op })),
      )
      // Reads first, then writes; signing out ends the sessions: last.
      .sort(
        (a, b) =>
          Number(a.path.endsWith('/sign-out')) - Number(b.path.endsWith('/sign-out')) ||
          Number(a.method !== 'GET') - Number(b.method !== 'GET'),
      );
    expect(routes.length).toBeGreaterThan(60);
    // Every API route of the application is in the document, so none escapes this check.
    const inDocument = new Set(routes.map((r) => r.route));
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    expect(served.filter((r) => !inDocument.has(r))).toEqual([]);
    const leaks: string[] = [];
    const unaudited: string[] = [];
    let checked = 0;
    for (const { route, method, path, op } of routes) {
      for (const caller of callers) {
        if (route === 'POST /api/subjects/{subjectId}/consents/withdraw') {
          // A live consent to withdraw, for every caller.
          await grantMailing().catch(() => undefined);
        }
        // An open, verified request of the canary for every action on a request (execute closes one).
        if (method === 'POST' && path.includes('/requests/{requestId}/')) ids.requestId = await openRequest();
        const url = new URL(
          path.replace(
            /\{([A-Za-z]+)\}/g,
            (_, name: string) => ids[name] ?? '00000000-0000-4000-8000-000000000000',
          ),
          'http://matrix.test',
        );
        for (const p of op.parameters ?? []) {
          if (p.in === 'query' && p.required) url.searchParams.set(p.name, queries[p.name] ?? 'x');
        }
        const sent =
          method === 'GET' || method === 'DELETE'
            ? undefined
            : JSON.stringify(bodies()[route] ?? {}).replaceAll('{subjectId}', subjectId);
        const [head] = await t.stores.sql.query<{ seq: string | null }>(
          'SELECT max(seq) AS seq FROM audit_log',
        );
        const mail = route === 'POST /api/mail/messages';
        const response = await app.request(url.pathname + url.search, {
          method,
          headers: { 'content-type': mail ? 'message/rfc822' : 'application/json', ...caller.headers },
          body: mail ? withdrawalMail() : sent,
        });
        const bytes = Buffer.from(await response.arrayBuffer());
        const isPdf = (response.headers.get('content-type') ?? '').includes('application/pdf');
        if (isPdf && !pdftotextAvailable) continue;
        const text = isPdf ? pdfText(bytes) : bytes.toString('utf8');
        checked += 1;
        const found = Object.entries(CANARIES)
          .filter(([, value]) => text.includes(value) && !(sent ?? '').includes(value))
          .map(([name]) => name);
        if (found.length === 0) continue;
        if (!allowed(route, caller)) {
          leaks.push(`${route} as ${caller.name} → ${response.status}: ${found.join(', ')}`);
          continue;
        }
        // An answer that carries values is a read, and the audit log says so.
        const actions = await t.stores.sql.query<{ action: string }>(
          'SELECT action FROM audit_log WHERE seq > $1',
          [head!.seq ?? 0],
        );
        if (!actions.some((a) => READ_ACTIONS.includes(a.action))) {
          unaudited.push(
            `${route} as ${caller.name}: ${actions.map((a) => a.action).join(', ') || 'nothing'}`,
          );
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(unaudited).toEqual([]);
    expect(checked).toBeGreaterThan(routes.length * callers.length * 0.9);
    // Every route of the document times every caller: over a minute on a loaded 2-core machine.
  }, 240_000);

  it('a withdrawal answers a write-only key with ids, status and the deadline; a reader gets the evidence, audited', async () => {
    const call = async (caller: string) => {
      await grantMailing().catch(() => undefined);
      const response = await app.request(`/api/subjects/${subjectId}/consents/withdraw`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...callers.find((c) => c.name === caller)!.headers },
        body: JSON.stringify({ purpose: mailing, channel: 'web' }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, any>;
    };
    const countReads = async () =>
      Number(
        (
          await t.stores.sql.query<{ n: string }>(
            `SELECT count(*) AS n FROM audit_log WHERE action = 'consent.read' AND subject_id = $1`,
            [subjectId],
          )
        )[0]!.n,
      );
    const before = await countReads();
    const writeOnly = await call('consents:write only');
    expect(writeOnly.consent).toMatchObject({ subjectId, purposeId: mailing, status: 'withdrawn' });
    expect(writeOnly.consent.evidence).toBeUndefined();
    // Open while marked values wait for destruction; fulfilled at once when they only lose the purpose (which of
    // the two depends on what the matrix test before left under the purpose).
    expect(writeOnly.obligation).toMatchObject({ kind: 'stop_processing' });
    expect(writeOnly.obligation.status === 'open' ? null : writeOnly.obligation.fulfilment).toEqual(
      writeOnly.obligation.status === 'open' ? null : expect.objectContaining({ how: 'purpose_released' }),
    );
    expect(writeOnly.obligation.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await countReads()).toBe(before);
    const reader = await call('full API key');
    expect(reader.consent.evidence).toMatchObject({ subjectFullName: FULL_NAME, ip: IP, userAgent: UA });
    expect(await countReads()).toBe(before + 1);
  });

  it('the check sees a canary where a caller is allowed it (the test can fail)', async () => {
    const full = callers.find((c) => c.name === 'full API key')!;
    const read = await app.request(`/api/subjects/${subjectId}/data?purpose=${support}`, {
      headers: full.headers,
    });
    expect(await read.text()).toContain(FULL_NAME);
    const consents = await app.request(`/api/subjects/${subjectId}/consents`, { headers: full.headers });
    const text = await consents.text();
    for (const canary of [FULL_NAME, IP, UA]) expect(text).toContain(canary);
    const disclosed = await app.request('/api/disclosures', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...full.headers },
      body: JSON.stringify({ ...(bodies()['POST /api/disclosures'] as object), subjectId }),
    });
    expect(disclosed.status).toBe(201);
    expect(await disclosed.text()).toContain(PHONE);
    // The e-mail the matrix sends is taken in (so the mail route's answer is really looked at).
    const mailed = await app.request('/api/mail/messages', {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', ...full.headers },
      body: withdrawalMail(),
    });
    expect(mailed.status).toBe(200);
    expect(((await mailed.json()) as { messageId?: string }).messageId).toBeDefined();
  });
});
