// The web app served by the server: the privacy centre at / and at page paths, the console under
// /console, hashed assets cached for ever, a nonce per answer in the page and its Content-Security-Policy;
// a clear page before the app is built; and the security headers on every kind of HTML page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/app.js';
import { createTestAmanat, type TestAmanat } from './support/stores.js';
import { fakeBuild } from './support/web.js';

const STRICT = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
];

describe('the web app and the security headers', () => {
  let t: TestAmanat;
  let app: ReturnType<typeof createHttpApp>;
  let empty: ReturnType<typeof createHttpApp>;
  const root = mkdtempSync(join(tmpdir(), 'amanat-web-'));
  const built = join(root, 'dist');
  const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

  beforeAll(async () => {
    fakeBuild(built);
    t = await createTestAmanat('pglite');
    app = createHttpApp(t.amanat, { bodyLimitBytes: 1 << 20, webDir: built });
    empty = createHttpApp(t.amanat, { bodyLimitBytes: 1 << 20, webDir: join(root, 'not-built') });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = html, target = app) =>
    target.request(path, { headers });

  it('serves the privacy centre and the console with a fresh nonce in the page and the policy', async () => {
    const nonces = new Set<string>();
    for (const [path, entry] of [
      ['/', 'centre'],
      ['/requests/status', 'centre'],
      ['/requests/new/access', 'centre'],
      ['/console', 'console'],
      ['/console/requests/17', 'console'],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const text = await response.text();
      expect(text).toContain(`<title>${entry}</title>`);
      const nonce = /name="csp-nonce" content="([^"]+)"/.exec(text)![1]!;
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      nonces.add(nonce);
      const csp = response.headers.get('content-security-policy')!;
      for (const part of STRICT) expect(csp).toContain(part);
      expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(nonces.size).toBe(5);
  });

  it('hashed assets are cached for ever; a missing file or a path out of the folder is a 404', async () => {
    const asset = await get('/assets/centre-abc123.js', {});
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await asset.text()).toContain("'centre ready'");
    for (const path of [
      '/assets/missing.js',
      '/assets/%2e%2e/index.html',
      '/assets/..%2F..%2Fpackage.json',
    ]) {
      const missing = await get(path, {});
      expect(missing.status, path).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/json');
    }
    const icon = await get('/favicon.ico', {});
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
  });

  it('the API, the policy and other server paths never answer with the web app', async () => {
    for (const path of [
      '/api/nothing',
      '/policy/a/b',
      '/.well-known/nothing',
      '/widget.nothing',
      '/branding/x',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
    }
    // A client that does not ask for HTML gets the API's 404, naming the path.
    const api = await get('/somewhere', { accept: 'application/json' });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
    // A page path by POST is no page.
    expect((await app.request('/requests/status', { method: 'POST', headers: html })).status).toBe(404);
    expect((await get('/api/health')).headers.get('content-type')).toContain('application/json');
  });

  it('before the build: a 503 page in Russian and English saying what to run, under a strict policy', async () => {
    for (const path of ['/', '/console', '/consents']) {
      const response = await get(path, html, empty);
      expect(response.status, path).toBe(503);
      const text = await response.text();
      expect(text).toContain('Веб-интерфейс не собран');
      expect(text).toContain('The web app is not built');
      expect(text).toContain('npm run build');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
    }
  });

  it('the published policy and a consent form: their inline styles by hash, never unsafe-inline', async () => {
    const forms = (await (await get('/api/consent-forms', {})).json()) as { forms: { formId: string }[] };
    const formId = forms.forms[0]!.formId;
    for (const path of ['/policy', '/policy?lang=kk', `/api/consent-forms/${formId}?format=html`]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp, path).toMatch(/style-src 'sha256-[A-Za-z0-9+/]{43}='/);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    // The policy's table gives its column widths as style attributes: allowed by their hashes alone.
    const policy = await get('/policy');
    if ((await policy.text()).includes('<col style=')) {
      expect(policy.headers.get('content-security-policy')).toContain("'unsafe-hashes'");
    }
  });
});
