// The privacy centre in a real browser (Debian's chromium through playwright-core), against a test Amanat listening
// on a loopback port with a test SMTP server: a subject files an access request, confirms the e-mailed code and
// follows the status link; staff answer it through the API; the status page shows it answered and the answer
// downloads. A subject signs in with a code, withdraws a consent and the obligation with its deadline is there for
// staff. Unknown contacts get the same answers. axe-core finds no serious or critical violation on any page;
// screenshots at 375 and 1440 px go to test-results/.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/modules/mail/mailer.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { CHROMIUM, chromiumAvailable } from '../support/browser.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { grantConsent, type StoreKind, storeKinds } from '../support/stores.js';
import { startWebServer, type WebServer } from './web-server.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = new URL('../../test-results/', import.meta.url).pathname;

describe.skipIf(!chromiumAvailable).each(storeKinds())(
  'the privacy centre in a browser on %s',
  (kind: StoreKind) => {
    let api: TestApi;
    let smtp: TestSmtp;
    let web: WebServer;
    let browser: Browser;
    const errors: string[] = [];

    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      smtp = await startTestSmtp();
      api = await createTestApi(kind, {
        mailer: createSmtpMailer({ url: smtp.url, from: 'privacy@nextbot.kz' }),
      });
      web = await startWebServer(api);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    });
    afterAll(async () => {
      await browser?.close();
      await web?.close();
      await api?.close();
      await smtp?.close();
    });

    async function open(path: string, width = 1440): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        locale: 'ru-RU',
        acceptDownloads: true,
      });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${path}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
      await page.goto(`${web.url}${path}`);
      return { context, page };
    }

    async function axe(page: Page): Promise<string[]> {
      // Evaluated through DevTools, not as a <script>: the page's CSP (no inline scripts) stays on.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const injected = window as unknown as {
          axe: { run: (...args: unknown[]) => Promise<{ violations: unknown }> };
        };
        const result = await injected.axe.run(document, { resultTypes: ['violations'] });
        return (
          result.violations as Array<{ id: string; impact: string; nodes: { target: string[] }[] }>
        ).map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
      });
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 3).join(', ')}`);
    }

    async function shoot(page: Page, name: string): Promise<void> {
      for (const width of [375, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `${shots}centre-${name}-${width}.png`, fullPage: true });
      }
    }

    const codeIn = (text: string | undefined) => /\b(\d{6})\b/.exec(text ?? '')?.[1];

    it('every page renders in Russian, Kazakh and English under the CSP, is labelled and has no serious axe violation', async () => {
      const pages = [
        '/',
        '/policy-versions',
        '/requests/new/access',
        '/requests/new/rectification',
        '/requests/status',
        '/consents',
      ];
      for (const path of pages) {
        const { context, page } = await open(path);
        await page.locator('h1').first().waitFor();
        expect(await axe(page), path).toEqual([]);
        await shoot(page, path === '/' ? 'home' : path.slice(1).replaceAll('/', '-'));
        await context.close();
      }
      for (const [lang, title] of [
        ['kk', 'Құпиялылық орталығы'],
        ['en', 'Privacy centre'],
      ] as const) {
        const { context, page } = await open(`/?lang=${lang}`);
        await expect.poll(() => page.locator('h1').first().textContent()).toContain(title);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await axe(page)).toEqual([]);
        await context.close();
      }
      // The home page names the policy in force and links to its page and PDF on the server.
      const { context, page } = await open('/');
      const read = page.getByRole('link', { name: 'Читать политику' });
      expect(await read.getAttribute('href')).toBe('/policy?lang=ru');
      const pdf = await context.request.get(`${web.url}/policy?lang=ru&format=pdf`);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      // Every request type has its card, reachable by the keyboard.
      await expect.poll(() => page.getByRole('link', { name: /^Подать запрос:/ }).count()).toBe(7);
      // Mantine's styles applied under the CSP (their <style> elements carry the response's nonce).
      const background = await read.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).not.toBe('rgba(0, 0, 0, 0)');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Перейти к содержанию');
      await context.close();
      // A status link with a wrong token says so (the API's 404), and nothing else.
      const wrong = await open('/requests/status#not-a-token');
      await wrong.page.getByText('Ссылка недействительна').waitFor();
      await wrong.context.close();
      // The only console errors are the answers the pages expect: 401 for "not signed in" on /consents, 404 for
      // the wrong status token.
      expect(errors.filter((e) => !/status of (401|404)/.test(e))).toEqual([]);
    });

    it('bad input is named next to its field and files nothing', async () => {
      const before = (await api.call('GET', '/api/requests')).body.requests.length;
      const { context, page } = await open('/requests/new/rectification', 375);
      await page.getByRole('button', { name: 'Отправить запрос' }).click();
      await expect.poll(() => page.getByText('Укажите адрес электронной почты').isVisible()).toBe(true);
      await expect.poll(() => page.getByText('Опишите, пожалуйста, ваш запрос.').isVisible()).toBe(true);
      await page.getByLabel('Электронная почта').fill('not-an-address');
      await page.getByRole('button', { name: 'Отправить запрос' }).click();
      await expect.poll(() => page.getByText('Укажите адрес электронной почты').isVisible()).toBe(true);
      expect(await page.getByLabel('Электронная почта').evaluate((el) => el === document.activeElement)).toBe(
        true,
      );
      expect((await api.call('GET', '/api/requests')).body.requests.length).toBe(before);
      await context.close();
    });

    it('an unknown e-mail and a known one get the same screens when filing a request', async () => {
      await api.call('POST', '/api/subjects', { body: { email: 'known@example.kz' } });
      const screens: string[] = [];
      for (const email of ['known@example.kz', 'nobody@example.kz']) {
        const { context, page } = await open('/requests/new/information');
        await page.getByLabel('Электронная почта').fill(email);
        await page.getByRole('button', { name: 'Отправить запрос' }).click();
        await page.getByLabel('Код из письма').waitFor();
        screens.push((await page.locator('main').textContent())!.replace(email, '<email>'));
        await context.close();
      }
      expect(screens[0]).toBe(screens[1]);
    });

    it('a subject files an access request, confirms the code, follows the status link and downloads the answer', async () => {
      const mails = smtp.messages.length;
      const { context, page } = await open('/', 375);
      await page.getByRole('link', { name: 'Подать запрос: Доступ к моим данным' }).click();
      await page.getByLabel('Электронная почта').fill('aigerim@example.kz');
      await page.getByLabel('Имя (необязательно)').fill('Айгерим');
      await page.getByRole('button', { name: 'Отправить запрос' }).click();
      await page.getByLabel('Код из письма').waitFor();
      expect(page.url()).not.toContain('aigerim');
      const code = codeIn((await smtp.waitFor(mails + 1)).text)!;
      // A wrong code first: the API's message shows and the subject may try again.
      await page.getByLabel('Код из письма').fill(code === '000000' ? '111111' : '000000');
      await page.getByRole('button', { name: 'Подтвердить' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByLabel('Код из письма').fill(code);
      await page.getByRole('button', { name: 'Подтвердить' }).click();
      await page.getByText(/Запрос № \d+ подтверждён/).waitFor();
      // The deadline in working days, as the server counts it, shows at once.
      await page.getByText(/Срок ответа: .* — остал/).waitFor();
      expect(await axe(page)).toEqual([]);
      await shoot(page, 'request-verified');
      await page.getByRole('link', { name: 'Открыть страницу статуса' }).click();
      await page.getByText('В работе').first().waitFor();
      expect(new URL(page.url()).pathname).toBe('/requests/status');
      await expect.poll(() => page.getByText(/Срок ответа: .* — остал/).isVisible()).toBe(true);
      expect(await axe(page)).toEqual([]);
      await shoot(page, 'status-in-progress');

      const [request] = (await api.call('GET', '/api/requests?open=true')).body.requests.filter(
        (r: { type: string }) => r.type === 'access',
      );
      const executed = await api.call('POST', `/api/requests/${request.id}/execute`, { body: {} });
      expect(executed.body.request.status).toBe('answered');

      await page.reload();
      await page.getByText('Ответ дан').first().waitFor();
      const [letter] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Скачать ответ (PDF)' }).click(),
      ]);
      const pdf = readFileSync((await letter.path())!);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const [data] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Скачать мои данные (JSON)' }).click(),
      ]);
      const exported = JSON.parse(readFileSync((await data.path())!, 'utf8'));
      expect(exported).toBeTypeOf('object');
      expect(await axe(page)).toEqual([]);
      await shoot(page, 'status-answered');
      await context.close();
    });

    it('a subject signs in with a code, withdraws a consent with one confirmation, and staff see the obligation', async () => {
      const subject = await api.call('POST', '/api/subjects', { body: { email: 'consents@example.kz' } });
      const purpose = api.purposeId(7);
      await grantConsent(api.amanat, subject.body.id, purpose);

      // The same screens for an address the operator does not hold.
      const screens: string[] = [];
      for (const email of ['consents@example.kz', 'stranger@example.kz']) {
        const { context, page } = await open('/consents');
        await page.getByLabel('Электронная почта').fill(email);
        await page.getByRole('button', { name: 'Получить код' }).click();
        await page.getByLabel('Код из письма').waitFor();
        screens.push((await page.locator('main').textContent())!);
        await context.close();
      }
      expect(screens[0]).toBe(screens[1]);

      const toSubject = () =>
        smtp.messages.filter((m) => m.to && JSON.stringify(m.to).includes('consents@example.kz'));
      await expect.poll(() => toSubject().length).toBe(1);
      const { context, page } = await open('/consents', 375);
      await page.getByLabel('Электронная почта').fill('consents@example.kz');
      await page.getByRole('button', { name: 'Получить код' }).click();
      // The second code voids the first: the one to type is in the latest letter.
      await expect.poll(() => toSubject().length).toBe(2);
      await page.getByLabel('Код из письма').fill(codeIn(toSubject()[1]!.text)!);
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.getByRole('button', { name: 'Отозвать согласие' }).first().waitFor();
      expect(await axe(page)).toEqual([]);
      await shoot(page, 'consents');
      // Nothing personal in the address or the browser's storage.
      expect(page.url()).not.toContain('consents@');
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
      expect(stored).not.toContain('@');

      await page.getByRole('button', { name: 'Отозвать согласие' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Отозвать согласие?' });
      await dialog.waitFor();
      // Checked once its opening transition is over (half-faded colours are not what a reader sees).
      const faded = () =>
        page.evaluate(() =>
          Array.from(document.querySelectorAll('[role="dialog"], .mantine-Modal-overlay')).some(
            (el) => getComputedStyle(el).opacity !== '1',
          ),
        );
      await expect.poll(faded).toBe(false);
      expect(await axe(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Отозвать согласие' }).click();
      const done = page.getByText(/отозвано\. Оператор прекратит обработку не позднее/);
      await done.waitFor().catch(async (error: Error) => {
        throw new Error(`${error.message}\nThe page showed: ${await page.locator('main').textContent()}`);
      });

      const obligations = (await api.call('GET', `/api/obligations?subject_id=${subject.body.id}`)).body
        .obligations;
      const obligation = obligations.find((o: { purposeId: string }) => o.purposeId === purpose);
      // (Fulfilled at once when nothing is held for the purpose; its due date is the deadline all the same.)
      expect(obligation).toMatchObject({ kind: 'stop_processing' });
      const [y, m, d] = (obligation.dueDate as string).split('-').map(Number);
      const shown = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'medium' }).format(
        new Date(Date.UTC(y!, m! - 1, d!, 12)),
      );
      expect(await done.textContent()).toContain(shown);

      await page.getByRole('button', { name: 'Выйти' }).click();
      await page.getByRole('button', { name: 'Получить код' }).waitFor();
      await context.close();
    });
  },
);
