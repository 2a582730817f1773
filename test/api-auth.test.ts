import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/app.js';
import { createTestApi, type TestApi } from './support/api.js';
import { storeKinds } from './support/stores.js';

/** Routes open without a key, and what an empty request gets from each (the privacy centre validates first). */
const PUBLIC_ROUTES = new Map([
  ['GET /api/health', 200],
  ['GET /api/openapi.json', 200],
  ['POST /api/public/requests', 422],
  ['POST /api/public/requests/{requestId}/verify', 422],
  ['POST /api/public/requests/code', 422],
  ['POST /api/public/requests/status', 422],
  ['POST /api/public/requests/status/letter', 422],
  ['POST /api/public/requests/status/export', 422],
  // The privacy centre's subject: a code and its check are public; the session's routes answer 401 without it.
  ['POST /api/public/subject/code', 422],
  ['POST /api/public/subject/verify', 422],
  ['POST /api/public/subject/sign-out', 204],
  ['GET /api/public/testimonials', 200],
  // The cookie banner, called from any site: its configuration, proofs of choices, and the GPC statement.
  ['GET /api/widget/config', 200],
  ['POST /api/public/cookie-consents', 422],
  ['GET /.well-known/gpc.json', 200],
  // The operator's name, logo and colour for the web pages.
  ['GET /api/public/branding', 200],
  // The published policy versions are public documents.
  ['GET /api/public/policy/versions', 200],
  // The published consent forms are public texts; a form id that is no form is a 404.
  ['GET /api/consent-forms', 200],
  ['GET /api/consent-forms/{formId}', 404],
  ['POST /api/auth/sign-in', 422],
  ['POST /api/auth/password-reset', 422],
  ['POST /api/auth/password-reset/confirm', 422],
]);

describe.each(storeKinds())('API keys and scopes on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(kind);
  });
  afterAll(async () => api?.close());

  it('every documented route except health needs a key: a new route without a scope fails here', async () => {
    const doc = await api.call('GET', '/api/openapi.json', { token: null });
    expect(doc.status).toBe(200);
    const routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
    );
    expect(routes.length).toBeGreaterThan(10);
    for (const { method, path } of routes) {
      const concrete = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await api.call(method, concrete, { token: null, body: method === 'GET' ? undefined : {} });
      const expected = PUBLIC_ROUTES.get(`${method} ${path}`) ?? 401;
      expect({ route: `${method} ${path}`, status: res.status }).toEqual({
        route: `${method} ${path}`,
        status: expected,
      });
    }
  });

  it('the website backend key collects but cannot read data, consents or the audit log', async () => {
    const subject = await api.call('POST', '/api/subjects', {
      body: { email: 'scoped@example.kz' },
      token: api.websiteToken,
    });
    expect(subject.status).toBe(201);
    const id = subject.body.id;
    for (const [method, path] of [
      ['POST', '/api/audit/verify'],
      ['GET', `/api/subjects/${id}/data?purpose=${api.purposeId(6)}`],
      ['GET', `/api/subjects/${id}/consents`],
      ['GET', '/api/keys'],
    ] as const) {
      const res = await api.call(method, path, { token: api.websiteToken });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('the register answer names its file, never the server’s absolute path', async () => {
    const res = await api.call('GET', '/api/register');
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('register.yaml');
    expect(res.body.warnings.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toContain(api.amanat.rules.sourceFile);
  });

  it('malformed, unknown and revoked keys get 401 with a message saying which', async () => {
    const malformed = await api.call('GET', '/api/register', { token: 'not-a-key' });
    expect(malformed.status).toBe(401);
    expect(malformed.body.error.message).toContain('формат');
    const unknown = await api.call('GET', '/api/register', { token: `amk_aaaaaaaaaaaa_${'b'.repeat(43)}` });
    expect(unknown.status).toBe(401);
    const created = await api.call('POST', '/api/keys', {
      body: { name: 'short-lived', scopes: ['register:read'] },
    });
    expect((await api.call('GET', '/api/register', { token: created.body.token })).status).toBe(200);
    expect((await api.call('DELETE', `/api/keys/${created.body.id}`)).status).toBe(204);
    const revoked = await api.call('GET', '/api/register', { token: created.body.token });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toContain('отозван');
  });

  it('logs one line per request with method, path and status, and no personal data', async () => {
    const lines: string[] = [];
    const logged = createHttpApp(api.amanat, {
      bodyLimitBytes: 1 << 20,
      logRequest: (line) => lines.push(line),
    });
    const response = await logged.request('/api/subjects', {
      method: 'POST',
      headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'logged-person@example.kz' }),
    });
    expect(response.status).toBe(201);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^POST \/api\/subjects 201 \d+\.\dms$/);
    expect(lines.join('\n')).not.toContain('logged-person');
  });

  it('refuses a body over the limit with 413 and stores nothing', async () => {
    const res = await api.call('POST', '/api/subjects', {
      rawBody: JSON.stringify({ email: 'big@example.kz', pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    const lookup = await api.call('POST', '/api/subjects/lookup', {
      body: { kind: 'email', value: 'big@example.kz' },
    });
    expect(lookup.status).toBe(404);
  });

  it('refuses malformed JSON and unknown body fields with 422 naming the field', async () => {
    const bad = await api.call('POST', '/api/subjects', { rawBody: '{"email": ' });
    expect([400, 422]).toContain(bad.status);
    const extra = await api.call('POST', '/api/subjects', {
      body: { email: 'x@example.kz', password: 'secret' },
    });
    expect(extra.status).toBe(422);
    expect(JSON.stringify(extra.body.error.issues)).toContain('password');
  });
});
