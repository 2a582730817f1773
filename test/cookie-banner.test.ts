// The cookie banner's public side: the widget's configuration from the published version, proofs of choices
// (JSON or text/plain, checked against that version), the GPC declaration, the widget's files and CORS.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/app.js';
import type { WidgetConfig } from '../src/modules/cookies/cookie.config.js';
import type { Register } from '../src/modules/register/register.schema.js';
import { createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

const ORIGIN = 'https://nextbot.kz';

describe.each(storeKinds())('cookie banner (%s)', (kind) => {
  let t: TestAmanat;
  let app: ReturnType<typeof createHttpApp>;
  let widgetDir: string;

  beforeAll(async () => {
    t = await createTestAmanat(kind, { publish: false });
    widgetDir = mkdtempSync(join(tmpdir(), 'amanat-widget-'));
    app = createHttpApp(t.amanat, {
      bodyLimitBytes: 1 << 20,
      widgetDir,
      publicUrl: 'https://amanat.example',
      trustProxyHeader: 'x-forwarded-for',
      cookieProofLimit: { burst: 5, perMinute: 5 },
    });
  }, 120_000);
  afterAll(async () => {
    rmSync(widgetDir, { recursive: true, force: true });
    await t?.close();
  });

  const proofCount = async () =>
    Number((await t.stores.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM cookie_consents'))[0]!.n);
  // Each test of proofs comes from its own address, so the flood test alone meets the limit.
  let address = 0;
  const nextAddress = () => `198.51.100.${++address}`;
  const config = (lang = 'ru', headers: Record<string, string> = {}) =>
    app.request(`/api/widget/config?lang=${lang}`, { headers: { origin: ORIGIN, ...headers } });
  const prove = (body: unknown, contentType = 'application/json', from = nextAddress()) =>
    app.request('/api/public/cookie-consents', {
      method: 'POST',
      headers: {
        'content-type': contentType,
        origin: ORIGIN,
        'user-agent': 'Mozilla/5.0 (banner test)',
        'x-forwarded-for': from,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers 503 policy_not_published before any version is published', async () => {
    const response = await config();
    expect(response.status).toBe(503);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((await response.json()).error.code).toBe('policy_not_published');
  });

  it('serves the published version’s categories, not the live register’s', async () => {
    const published = structuredClone(t.amanat.rules.register) as Register;
    published.cookies!.categories[1]!.name = {
      ru: 'Статистика (опубликовано)',
      kk: 'Статистика',
      en: 'Statistics',
    };
    await t.amanat.policies.publish('test', { register: published, profile: t.amanat.rules.profile });
    expect(t.amanat.rules.register.cookies!.categories[1]!.name.ru).toBe('Аналитические');

    const response = await config('ru');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const body = await response.json();
    expect(body.policyVersion).toBe('2025-01');
    expect(body.policyUrl).toBe('https://amanat.example/policy?lang=ru');
    expect(body.proofUrl).toBe('https://amanat.example/api/public/cookie-consents');
    expect(body.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.categories.map((c: { id: string }) => c.id)).toEqual(['necessary', 'analytics', 'marketing']);
    expect(body.categories[1].name).toBe('Статистика (опубликовано)');
    expect(body.categories[2]).toMatchObject({
      gpc: true,
      consentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'],
    });
    const ga = body.categories[1].cookies.find((c: { name?: string }) => c.name === '_ga');
    expect(ga).toMatchObject({ provider: 'Google Analytics', lifetime: '24 мес.', lifetimeDays: 730 });
    expect(body.categories[1].cookies.some((c: { pattern?: string }) => c.pattern === '^_ga_.+$')).toBe(true);
    expect(body.texts.acceptAll).toBe('Принять все');

    const kk = await (await config('kk')).json();
    expect(kk.texts.acceptAll).toBe('Барлығын қабылдау');
    expect(kk.textHash).not.toBe(body.textHash);
  });

  it('answers 304 to the ETag it sent, and 422 to an unknown language', async () => {
    const first = await config('en');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await config('en', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await config('de')).status).toBe(422);
  });

  it('answers a CORS preflight for proofs without counting it', async () => {
    const response = await app.request('/api/public/cookie-consents', {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  async function validProof(lang: 'ru' | 'kk' | 'en' = 'ru') {
    const cfg = await (await config(lang)).json();
    return {
      visitorId: randomUUID(),
      policyVersion: cfg.policyVersion as string,
      lang,
      textHash: cfg.textHash as string,
      choices: { necessary: true, analytics: true, marketing: false },
      method: 'custom',
      gpc: false,
      decidedAt: new Date(Date.now() - 60_000).toISOString(),
    };
  }

  it('accepts a proof sent by sendBeacon as text/plain and keeps it with the User-Agent', async () => {
    const proof = await validProof('kk');
    const response = await prove(JSON.stringify(proof), 'text/plain;charset=UTF-8');
    expect(response.status).toBe(202);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const { id } = await response.json();
    const [stored] = await t.amanat.cookieConsents.byVisitor(proof.visitorId);
    expect(stored).toMatchObject({
      id,
      lang: 'kk',
      choices: { necessary: true, analytics: true, marketing: false },
      method: 'custom',
      userAgent: 'Mozilla/5.0 (banner test)',
      subjectId: null,
    });
  });

  it('accepts a proof as application/json', async () => {
    const response = await prove(await validProof());
    expect(response.status).toBe(202);
  });

  const refusals: [string, (p: Awaited<ReturnType<typeof validProof>>) => unknown, number, string, string][] =
    [
      [
        'an unknown policy version',
        (p) => ({ ...p, policyVersion: '1999-01' }),
        422,
        'policy_version_unknown',
        'policyVersion',
      ],
      [
        'a text hash of other texts',
        (p) => ({ ...p, textHash: 'b'.repeat(64) }),
        422,
        'cookie_text_mismatch',
        'textHash',
      ],
      [
        'an unknown category',
        (p) => ({ ...p, choices: { ...p.choices, ads: true } }),
        422,
        'validation_failed',
        'choices.ads',
      ],
      [
        'a missing category',
        (p) => ({ ...p, choices: { necessary: true, analytics: false } }),
        422,
        'validation_failed',
        'choices.marketing',
      ],
      [
        'a refused necessary category',
        (p) => ({ ...p, choices: { ...p.choices, necessary: false } }),
        422,
        'validation_failed',
        'choices.necessary',
      ],
      [
        'a visitor id that is not a UUID v4',
        (p) => ({ ...p, visitorId: 'visitor-1' }),
        422,
        'validation_failed',
        'visitorId',
      ],
      [
        'a choice dated in the future',
        (p) => ({ ...p, decidedAt: new Date(Date.now() + 3_600_000).toISOString() }),
        422,
        'validation_failed',
        'decidedAt',
      ],
      [
        'a choice older than 30 days',
        (p) => ({ ...p, decidedAt: new Date(Date.now() - 31 * 86_400_000).toISOString() }),
        422,
        'validation_failed',
        'decidedAt',
      ],
      ['an unknown method', (p) => ({ ...p, method: 'maybe' }), 422, 'validation_failed', 'method'],
      ['an extra field', (p) => ({ ...p, ip: '203.0.113.1' }), 422, 'validation_failed', 'json'],
    ];

  it.each(refusals)(
    'refuses %s, naming the field, and writes nothing',
    async (_name, change, status, code, path) => {
      const before = await proofCount();
      const response = await prove(change(await validProof()), 'text/plain');
      expect(response.status).toBe(status);
      const body = await response.json();
      expect(body.error.code).toBe(code);
      expect(body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(await proofCount()).toBe(before);
    },
  );

  it('refuses a body that is not JSON (400), sent as another type (415), or too large (413)', async () => {
    expect((await prove('{not json', 'text/plain')).status).toBe(400);
    expect((await prove(await validProof(), 'application/x-www-form-urlencoded')).status).toBe(415);
    const big = { ...(await validProof()), padding: 'x'.repeat(20_000) };
    expect((await prove(big, 'text/plain')).status).toBe(413);
  });

  it('limits proofs per address: a flood gets 429 with Retry-After, another address still passes', async () => {
    const from = '203.0.113.250';
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await prove(await validProof(), 'text/plain', from)).status);
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const limited = await prove(await validProof(), 'text/plain', from);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('access-control-allow-origin')).toBe('*');
    expect((await prove(await validProof(), 'text/plain', '203.0.113.251')).status).toBe(202);
  });

  it('keeps accepting proofs of an older published version after a new one', async () => {
    const old = await validProof();
    const next = structuredClone(t.amanat.rules.register) as Register;
    next.policy.version = '2026-12';
    next.cookies!.categories.pop();
    await t.amanat.policies.publish('test', { register: next, profile: t.amanat.rules.profile });
    const latest = await (await config('ru')).json();
    expect(latest.policyVersion).toBe('2026-12');
    expect(latest.categories.map((c: { id: string }) => c.id)).toEqual(['necessary', 'analytics']);
    expect((await prove(old, 'text/plain')).status).toBe(202);
    const stale = { ...old, policyVersion: '2026-12' };
    expect((await prove(stale, 'text/plain')).status).toBe(422);
  });

  it('declares GPC support at /.well-known/gpc.json', async () => {
    const response = await app.request('/.well-known/gpc.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = await response.json();
    expect(body.gpc).toBe(true);
    expect(body.lastUpdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers 503 for widget.js and widget.css until the widget is built, then serves them', async () => {
    const missing = await app.request('/widget.js');
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain('npm run build:widget');
    expect((await app.request('/widget.css')).status).toBe(503);

    writeFileSync(join(widgetDir, 'widget.js'), '(()=>{window.amanat={}})();');
    writeFileSync(join(widgetDir, 'widget.css'), '.amanat{color:red}');
    const js = await app.request('/widget.js', { headers: { origin: ORIGIN } });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(js.headers.get('cache-control')).toBe('public, max-age=300');
    expect(js.headers.get('access-control-allow-origin')).toBe('*');
    expect(await js.text()).toBe('(()=>{window.amanat={}})();');
    const css = await app.request('/widget.css');
    expect(css.headers.get('content-type')).toContain('text/css');

    // A browser that takes gzip gets it (the widget is on every page of the site); the bytes unzip to the file.
    const zipped = await app.request('/widget.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(
      '(()=>{window.amanat={}})();',
    );
    const config = await app.request('/api/widget/config?lang=ru', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(config.headers.get('content-encoding')).toBe('gzip');
    const analytics = (
      JSON.parse(gunzipSync(Buffer.from(await config.arrayBuffer())).toString()) as WidgetConfig
    ).categories.find((c) => c.id === 'analytics')!;
    // A pattern is shown as a reader knows it.
    expect(analytics.cookies.find((k) => k.pattern === '^_ga_.+$')?.label).toBe('_ga_*');
  });

  it('reads a version published before categories had names and cookies (labels, necessary)', async () => {
    const legacy = structuredClone(t.amanat.rules.register) as unknown as Record<string, any>;
    legacy.policy.version = 'legacy-1';
    legacy.cookies.categories = [
      { id: 'necessary', labels: { ru: 'Необходимые' }, necessary: true, purposes: [] },
      { id: 'analytics', labels: { ru: 'Аналитические' }, necessary: false, purposes: ['ux_analytics'] },
    ];
    // cross-module write: a row as an older release published it (the policies module never writes this shape now)
    await t.stores.sql.query(
      `INSERT INTO policy_versions (id, published_at, published_on, register_sha256, register, published_by)
       VALUES ('legacy-1', '2020-01-01T00:00:00Z', '2020-01-01', 'x', $1::jsonb, 'test')`,
      [JSON.stringify(legacy)],
    );
    const content = await t.amanat.widgetConfigs.of('legacy-1', 'en');
    expect(content!.categories).toEqual([
      expect.objectContaining({
        id: 'necessary',
        required: true,
        name: 'Необходимые',
        cookies: [],
        gpc: false,
      }),
      expect.objectContaining({ id: 'analytics', required: false, name: 'Аналитические', consentMode: [] }),
    ]);
  });
});
