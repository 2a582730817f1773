// The internal papers over HTTP and from the service, on a real store: the list, DOCX and PDF with the right
// media type and file name, the approved access list from the access module, and clear errors for a paper,
// format or language that does not exist, and for an access list nobody has approved yet.
import { spawnSync } from 'node:child_process';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_MEDIA_TYPE } from '../src/modules/papers/papers.docx.js';
import { createTestApi, type TestApi } from './support/api.js';
import { pdftotextAvailable } from './support/pdf.js';
import { createTestAmanat, storeKinds } from './support/stores.js';

const docxText = (bytes: Buffer) =>
  new PizZip(bytes)
    .file('word/document.xml')!
    .asText()
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');

const pdfRaw = (pdf: Buffer) =>
  spawnSync('pdftotext', ['-enc', 'UTF-8', '-raw', '-', '-'], { input: pdf })
    .stdout.toString('utf8')
    .replace(/\s+/g, ' ');

describe.each(storeKinds())('papers on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(kind);
  });
  afterAll(async () => api?.close());

  const get = async (path: string) => {
    const response = await api.app.request(path, { headers: { authorization: `Bearer ${api.adminToken}` } });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  it('lists the four papers with their formats and languages', async () => {
    const { status, body } = await api.call('GET', '/api/papers');
    expect(status).toBe(200);
    expect(body.papers.map((p: { id: string }) => p.id)).toEqual([
      'order',
      'regulation',
      'data-list',
      'access-list',
    ]);
    expect(body.papers[0].formats).toEqual(['docx', 'pdf']);
    expect(body.papers[0].replacedTemplates).toEqual([]);
  });

  it('the order in Kazakh as DOCX: media type, file name, operator and BIN/IIN', async () => {
    const { response, bytes } = await get('/api/papers/order?format=docx&lang=kk');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX_MEDIA_TYPE);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="order.kk.docx"');
    const text = docxText(bytes);
    expect(text).toContain('ЖК Бекишев Берик Серикович');
    expect(text).toContain('941203351343');
    expect(text).toContain('БҰЙРЫҚ');
  });

  it('the data list as PDF by default language (ru)', async () => {
    const { response, bytes } = await get('/api/papers/data-list?format=pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="data-list.ru.pdf"');
    expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
    if (pdftotextAvailable) expect(pdfRaw(bytes)).toContain('Перечень персональных данных');
  });

  it('the access list paper is the approved version, with the people and systems on it', async () => {
    const { response, bytes } = await get('/api/papers/access-list');
    expect(response.status).toBe(200);
    const text = docxText(bytes);
    expect(text).toContain('941203351343');
    // The test API's admin key is on the approved list; the head approved it.
    expect(text).toContain('admin');
    expect(text).toContain('list-head@keys.test');
    const pdf = await get('/api/papers/access-list?format=pdf&lang=kk');
    expect(pdf.response.status).toBe(200);
    if (pdftotextAvailable) expect(pdfRaw(pdf.bytes)).toContain('admin');
  });

  it('an unknown paper, format or language is refused naming the field', async () => {
    for (const [path, field] of [
      ['/api/papers/contract', 'paper'],
      ['/api/papers/order?format=odt', 'format'],
      ['/api/papers/order?lang=de', 'lang'],
    ] as const) {
      const { status, body } = await api.call('GET', path);
      expect(status).toBe(422);
      expect(JSON.stringify(body.error.issues)).toContain(field);
    }
  });

  it('without credentials: 401', async () => {
    const response = await api.app.request('/api/papers/order');
    expect(response.status).toBe(401);
  });
});

describe.each(storeKinds())('papers without an approved access list on %s', (kind) => {
  it('the access list paper is not_found and says why; the other papers render', async () => {
    const test = await createTestAmanat(kind);
    try {
      await expect(test.amanat.papers.make('access-list', 'docx', 'ru')).rejects.toMatchObject({
        code: 'not_found',
        message: expect.stringContaining('ещё не утверждён'),
      });
      const order = await test.amanat.papers.make('order', 'pdf', 'ru');
      expect(order.mediaType).toBe('application/pdf');
      await expect(test.amanat.papers.make('order', 'rtf', 'ru')).rejects.toMatchObject({
        code: 'validation_failed',
      });
    } finally {
      await test.close();
    }
  });
});
