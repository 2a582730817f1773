// The nextbot.kz example site (examples/nextbot.kz/site) in a real browser against a real Amanat: a visitor signs
// up, subscribes to the newsletter and unsubscribes by the site's link, and Amanat's consent journal shows the
// grant and the withdrawal with the form's policy version and channel. Refused input shows Amanat's own error
// on the page and writes nothing. The cookie banner is not built here: its script tag fails and the site works.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '../../examples/nextbot.kz/site/app.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { CHROMIUM, chromiumAvailable } from '../support/browser.js';
import { tableCounts } from '../support/table-counts.js';

function listen(fetch: (request: Request) => Response | Promise<Response>) {
  return new Promise<{ server: Server; url: string }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server: server as Server, url: `http://127.0.0.1:${info.port}` }),
    ) as Server;
  });
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe.skipIf(!chromiumAvailable)('the example site wired to Amanat', () => {
  let api: TestApi;
  let amanat: { server: Server; url: string };
  let site: { server: Server; url: string };
  let siteStore: ReturnType<typeof createSite>['store'];
  let browser: Browser;
  let screenshots: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    api = await createTestApi('pglite');
    amanat = await listen(api.app.fetch);
    // The key the README tells the operator to create: the collecting scopes, no role, reads nothing.
    const created = createSite({ amanatUrl: amanat.url, apiKey: api.websiteToken, storeFile: null });
    siteStore = created.store;
    site = await listen(created.app.fetch);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    screenshots = join('test-results', 'example-site');
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (site) await close(site.server);
    if (amanat) await close(amanat.server);
    await api?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  async function subjectByEmail(email: string): Promise<string | null> {
    const found = await api.call('POST', '/api/subjects/lookup', { body: { kind: 'email', value: email } });
    if (found.status === 404) return null;
    expect(found.status).toBe(200);
    return found.body.id;
  }

  it('signs up, subscribes, unsubscribes by the link, and the journal shows both with the form version', async () => {
    const page = await newPage();
    await page.goto(`${site.url}/signup.html`);
    await page.getByLabel('ФИО').fill('Сапарова Айгерим Болатовна');
    await page.getByLabel('Электронная почта').fill('aigerim@example.kz');
    await page.getByLabel('Телефон (необязательно)').fill('+7 701 123 45 67');
    await page.getByLabel('Пароль (не короче 8 символов)').fill('correct horse battery');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page.waitForURL(`${site.url}/account.html`);
    await expect.poll(() => page.locator('[data-user-email]').textContent()).toBe('aigerim@example.kz');

    // The published mailing form, word for word, with its version.
    const form = await api.call('GET', '/api/consent-forms', { token: null });
    const mailing = form.body.forms.find((f: { formId: string }) => f.formId === 'mailing');
    const formText = await (await fetch(`${amanat.url}/api/consent-forms/mailing`)).text();
    await expect
      .poll(() => page.locator('[data-consent-form=mailing] [data-form-text]').textContent())
      .toBe(formText);
    expect(await page.locator('[data-form-meta]').textContent()).toContain(form.body.version);
    await page.getByLabel('Я прочитал(а) текст и согласен(на) получать рассылку').check();
    await page.getByRole('button', { name: 'Подписаться на рассылку' }).click();
    const unsubscribe = page.getByRole('link', { name: 'Отписаться от рассылки' });
    await unsubscribe.waitFor();
    expect(await page.getByRole('button', { name: 'Подписаться на рассылку' }).isVisible()).toBe(false);
    await page.screenshot({ path: join(screenshots, 'account.png'), fullPage: true });

    await unsubscribe.click();
    await page.waitForURL(/\/unsubscribe\.html\?t=/);
    await page.getByRole('button', { name: 'Отписаться' }).click();
    await expect.poll(() => page.locator('[data-result]').textContent()).toMatch(/Вы отписаны/);

    const subjectId = await subjectByEmail('aigerim@example.kz');
    expect(subjectId).not.toBeNull();
    const journal = await api.call('GET', `/api/subjects/${subjectId}/consents`);
    expect(journal.status).toBe(200);
    const consents = journal.body.consents.filter((c: { purposeId: string }) => c.purposeId === 'mailing');
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      kind: 'processing',
      status: 'withdrawn',
      channel: 'web',
      withdrawalChannel: 'web',
      policyVersion: form.body.version,
      formSha256: mailing.sha256,
      lang: 'ru',
    });
    expect(consents[0].withdrawnAt).not.toBeNull();
    const obligations = await api.call('GET', `/api/obligations?subject_id=${subjectId}`);
    expect(obligations.body.obligations.map((o: { purposeId: string }) => o.purposeId)).toContain('mailing');

    // The account is held under the site's offer; the password never left the site.
    const data = await api.call('GET', `/api/subjects/${subjectId}/data?purpose=user_site_access`);
    expect(data.status).toBe(200);
    const fields = Object.fromEntries(
      data.body.values.map((v: { field: string; value: unknown }) => [v.field, v.value]),
    );
    expect(fields.full_name).toBe('Сапарова Айгерим Болатовна');
    expect(fields.site_password).not.toContain('correct horse');
    expect(JSON.stringify(data.body)).not.toContain('correct horse battery');
    const user = siteStore.userByEmail('aigerim@example.kz');
    expect(user?.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(user?.subjectId).toBe(subjectId);
    expect(pageErrors).toEqual([]);
  });

  it("shows Amanat's refusal of a wrong phone on the webinar form and writes nothing", async () => {
    const page = await newPage();
    await page.goto(`${site.url}/webinar.html`);
    await expect.poll(() => page.locator('[data-form-meta]').textContent()).toContain('2025-01');
    const before = await tableCounts(api.stores);
    await page.getByLabel('ФИО').fill('Ким Виктор');
    await page.getByLabel('Электронная почта').fill('viktor@example.kz');
    await page.getByLabel('Телефон').fill('+7 12');
    await page.getByLabel('Я прочитал(а) текст и даю согласие').check();
    await page.getByRole('button', { name: 'Зарегистрироваться на вебинар' }).click();
    const result = page.locator('[data-result]');
    await expect.poll(() => result.textContent()).toContain('номер телефона в международном формате');
    expect(await result.getAttribute('role')).toBe('alert');
    expect(await page.getByLabel('Телефон').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(screenshots, 'webinar-refused.png'), fullPage: true });

    expect(await tableCounts(api.stores)).toEqual(before);
    expect(await subjectByEmail('viktor@example.kz')).toBeNull();
    expect(pageErrors).toEqual([]);
  });

  it('refuses a newsletter subscription without the consent ticked, and writes nothing', async () => {
    const page = await newPage();
    await page.goto(`${site.url}/newsletter.html`);
    await expect.poll(() => page.locator('[data-form-meta]').textContent()).toContain('2025-01');
    const before = await tableCounts(api.stores);
    await page.getByLabel('ФИО').fill('Ким Виктор');
    await page.getByLabel('Электронная почта').fill('viktor@example.kz');
    await page.getByRole('button', { name: 'Подписаться' }).click();
    await expect.poll(() => page.locator('[data-result]').textContent()).toContain('Отметьте согласие');
    expect(await tableCounts(api.stores)).toEqual(before);
  });

  it('says so when Amanat cannot be reached, and keeps nothing on the site', async () => {
    const closed = await listen(() => new Response('never'));
    await close(closed.server);
    const offline = createSite({ amanatUrl: closed.url, apiKey: api.websiteToken, storeFile: null });
    const answer = await offline.app.request('/site-api/support', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        fullName: 'Ким Виктор',
        email: 'viktor@example.kz',
        message: 'Не приходит код',
      }),
    });
    expect(answer.status).toBe(502);
    expect((await answer.json()).error).toMatchObject({ code: 'amanat_unavailable' });
    expect(offline.store.data.tickets).toEqual([]);
  });

  it('publishes a testimonial with a photo only under its publication consent', async () => {
    const page = await newPage();
    await page.goto(`${site.url}/testimonials.html`);
    await expect.poll(() => page.locator('[data-form-meta]').textContent()).toContain('2025-01');
    await page.getByLabel('Фамилия').fill('Сапарова');
    await page.getByLabel('Имя', { exact: true }).fill('Айгерим');
    await page.getByLabel('Электронная почта (не публикуется)').fill('aigerim@example.kz');
    await page.getByLabel('Отзыв').fill('Бот отвечает клиентам ночью.');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await page.getByLabel(/^Фото/).setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
    await page.getByLabel(/разрешаю опубликовать/).check();
    await page.getByRole('button', { name: 'Отправить отзыв' }).click();
    await expect
      .poll(() => page.locator('.testimonial figcaption').first().textContent())
      .toBe('Айгерим Сапарова');
    expect(await page.locator('.testimonial blockquote').first().textContent()).toBe(
      'Бот отвечает клиентам ночью.',
    );

    const published = await api.call('GET', '/api/public/testimonials', { token: null });
    expect(published.body.entries).toHaveLength(1);
    expect(Object.keys(published.body.entries[0].fields).sort()).toEqual(['first_name', 'photo', 'surname']);
    const subjectId = await subjectByEmail('aigerim@example.kz');
    const journal = await api.call('GET', `/api/subjects/${subjectId}/consents`);
    const publication = journal.body.consents.find((c: { kind: string }) => c.kind === 'publication');
    expect(publication).toMatchObject({ purposeId: 'testimonials', status: 'active', channel: 'web' });
    expect(pageErrors).toEqual([]);
  });
});
