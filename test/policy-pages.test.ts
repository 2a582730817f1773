// The published policy over HTTP: the public pages (/policy, /policy/{version}, the register's policy.url) with
// their languages, caching headers and refusals, and the API over versions and publishing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './support/api.js';
import { pdfText, pdftotextAvailable } from './support/pdf.js';
import { storeKinds } from './support/stores.js';

describe.each(storeKinds())('the published policy over HTTP on %s', (kind) => {
  let api: TestApi;
  const get = (path: string, headers: Record<string, string> = {}) => api.app.request(path, { headers });

  beforeAll(async () => {
    api = await createTestApi(kind, { clock: () => new Date('2026-02-01T06:00:00Z'), publish: false });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers 404 naming that nothing is published yet, then publishes through the API (and then says unchanged)', async () => {
    const before = await get('/policy');
    expect(before.status).toBe(404);
    expect((await before.json()).error.message).toContain('не опубликована');

    const refused = await api.call('POST', '/api/policy/publish', { token: api.websiteToken });
    expect(refused.status).toBe(403);

    const first = await api.call('POST', '/api/policy/publish');
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('published');
    expect(first.body.version.id).toBe('2025-01');
    // The policy (HTML, PDF) and five consent forms (text, HTML), in three languages.
    expect(first.body.version.documents).toHaveLength(36);
    const again = await api.call('POST', '/api/policy/publish');
    expect(again.body.status).toBe('unchanged');
  });

  it('serves /policy in ru, kk and en with the right language, ETag and Cache-Control', async () => {
    for (const lang of ['ru', 'kk', 'en']) {
      const response = await get(lang === 'ru' ? '/policy' : `/policy?lang=${lang}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('content-language')).toBe(lang);
      expect(response.headers.get('cache-control')).toContain('must-revalidate');
      const html = await response.text();
      expect(html).toContain(`lang="${lang}"`);
      const etag = response.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      expect((await get(`/policy?lang=${lang}`, { 'if-none-match': etag })).status).toBe(304);
    }
    const versioned = await get('/policy/2025-01?lang=kk');
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('cache-control')).toContain('immutable');
    expect(await versioned.text()).toContain('Бекишев');
    expect((await get('/policy?at=2026-02-01')).status).toBe(200);
  });

  it('refuses an unknown version (404 naming it and the known ones), a bad lang, at or format (400 naming it)', async () => {
    const unknown = await get('/policy/1999-01');
    expect(unknown.status).toBe(404);
    const body = (await unknown.json()).error;
    expect(body.message).toContain('1999-01');
    expect(body.message).toContain('2025-01');
    expect(body.issues[0].path).toBe('version');
    for (const [query, field] of [
      ['lang=de', 'lang'],
      ['at=2026-02-30', 'at'],
      ['at=yesterday', 'at'],
      ['format=docx', 'format'],
    ]) {
      const response = await get(`/policy?${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.issues[0].path).toBe(field);
    }
    const early = await get('/policy?at=2025-12-31');
    expect(early.status).toBe(404);
    expect((await early.json()).error.issues[0].path).toBe('at');
  });

  it("serves the PDF at the register's policy.url path, with Kazakh letters in ?lang=kk", async () => {
    const response = await get('/privacy_KZ.pdf?lang=kk');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('privacy_KZ.pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    if (pdftotextAvailable) expect(pdfText(pdf)).toMatch(/[әғқңөұүһі]/);
    const ru = await get('/policy/2025-01?format=pdf');
    expect(ru.headers.get('content-type')).toBe('application/pdf');
  });

  it('lists versions and shows one with its documents through the API', async () => {
    const list = await api.call('GET', '/api/policy/versions');
    expect(list.status).toBe(200);
    expect(list.body.versions.map((v: { id: string }) => v.id)).toEqual(['2025-01']);
    const one = await api.call('GET', '/api/policy/versions/2025-01');
    expect(one.status).toBe(200);
    const pdf = one.body.documents.find(
      (d: { name: string; lang: string }) => d.name === 'policy.pdf' && d.lang === 'kk',
    );
    expect(pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
    const served = Buffer.from(await (await get(pdf.url)).arrayBuffer());
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(served).digest('hex')).toBe(pdf.sha256);
    const missing = await api.call('GET', '/api/policy/versions/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('nope');
    expect((await api.call('GET', '/api/policy/versions', { token: null })).status).toBe(401);
    // The privacy centre lists the same published editions without a key: they are public documents.
    const open = await api.call('GET', '/api/public/policy/versions', { token: null });
    expect(open.status).toBe(200);
    expect(open.body).toEqual(list.body);
  });
});
