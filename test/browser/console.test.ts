// The console in a real browser (chromium through playwright-core) against a test Amanat serving the built web app:
// sign-in with TOTP, a request due today verified and answered with its PDF letter read back; the head approves an
// access list; a support person sees purpose 6 and no passport data; screenshots at 375 and 1440 px and axe-core
// on the main pages. The sign-in and answer flow runs on PostgreSQL too.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../../src/lib/totp.js';
import { localDateOf } from '../../src/modules/calendar/dates.js';
import type { RunningServer } from '../../src/server.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { CHROMIUM, chromiumAvailable, startWebServer } from '../support/browser.js';
import { approveList } from '../support/listed-keys.js';
import { pdfText, pdftotextAvailable } from '../support/pdf.js';
import { storeKinds } from '../support/stores.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD = 'консоль-пароль-2026';
const SHOTS = 'test-results';

interface Person {
  id: string;
  email: string;
  secret?: string;
}

describe.skipIf(!chromiumAvailable).each(storeKinds())('the console in chromium on %s', (kind) => {
  let api: TestApi;
  let web: RunningServer;
  let browser: Browser;
  let now = new Date();
  const people: Record<string, Person> = {};
  let customer: string;
  let requestId: string;
  let requestNumber: number;
  const contexts: BrowserContext[] = [];
  const cspErrors: string[] = [];

  const tick = () => {
    now = new Date(now.getTime() + 60_000);
  };

  async function newPage(width = 1440): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      acceptDownloads: true,
      locale: 'ru-RU',
      timezoneId: 'Asia/Almaty',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        cspErrors.push(`${page.url()}: ${message.text().slice(0, 80)}`);
    });
    return page;
  }

  async function signIn(page: Page, who: Person): Promise<void> {
    await page.goto(`${web.url}/console`);
    await page.getByLabel('E-mail').fill(who.email);
    await page.getByLabel(/^Пароль/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    if (who.secret) {
      tick();
      const code = page.getByLabel('Код из приложения-аутентификатора');
      await code.waitFor();
      await code.fill(totpCode(who.secret, totpStep(now)));
      await page.getByRole('button', { name: 'Войти' }).click();
    }
    await page.getByRole('button', { name: 'Выйти' }).waitFor();
  }

  async function axe(page: Page): Promise<string[]> {
    // Through the DevTools protocol: the page's own CSP (rightly) refuses an injected <script>.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(async () => {
      const run = await (
        window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }
      ).axe.run();
      return run.violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
    });
    return result
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    api = await createTestApi(kind, { clock: () => now });
    const { amanat } = api;
    const p = (n: number) => api.purposeId(n);
    const everyPurpose = amanat.rules.purposes().map((x) => x.id);
    const roles = [
      {
        id: 'dpo',
        body: {
          name: 'Ответственный за организацию обработки',
          purposes: everyPurpose,
          actions: [
            'subjects:read',
            'data:read',
            'consents:read',
            'obligations:read',
            'requests:read',
            'requests:write',
            'requests:submit',
            'retention:read',
            'audit:read',
            'disclosures:read',
          ],
        },
      },
      {
        id: 'support',
        body: { name: 'Поддержка', purposes: [p(6)], actions: ['subjects:read', 'data:read'] },
      },
    ];
    for (const role of roles) {
      const saved = await api.call('PUT', `/api/roles/${role.id}`, { body: role.body });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    }
    const add = async (
      key: string,
      fullName: string,
      flags: { isHead?: boolean; isAdmin?: boolean },
      totp: boolean,
    ) => {
      const email = `${key}@nextbot.kz`;
      const staff = await amanat.staff.add('test', { email, fullName, password: PASSWORD, ...flags });
      const person: Person = { id: staff.id, email };
      if (totp) {
        const setup = await amanat.staff.totpSetup(staff.id);
        tick();
        await amanat.staff.totpConfirm(staff.id, totpCode(setup.secret, totpStep(now)));
        person.secret = setup.secret;
      }
      people[key] = person;
    };
    await add('dpo', 'Сапарова Айгерим Маратовна', { isAdmin: true }, true);
    // GET /api/access-list needs staff:manage: a head who is not also an administrator cannot list the versions.
    await add('head', 'Бекишев Берик Серикович', { isHead: true, isAdmin: true }, true);
    await add('support', 'Омарова Дина Маратовна', {}, false);
    await approveList(amanat, [api.adminEntry, { staffId: people.dpo!.id, roleId: 'dpo' }]);

    customer = (await amanat.vault.ensureSubject('test', { email: 'client@example.kz' })).subjectId;
    await amanat.vault.collect('test', customer, {
      purposes: [p(6)],
      values: { full_name: 'Клиентова Анна', phone: '+77011234567', email: 'client@example.kz' },
      source: 'website:support-form',
      contractRef: 'offer-2026',
    });
    await amanat.vault.collect('test', customer, {
      purposes: [p(2)],
      values: { identity_document: 'N12345678, выдан МВД РК 01.02.2020' },
      source: 'contract:2026-17',
      contractRef: 'contract-2026-17',
      retentionOptions: { [p(2)]: 'years_5' },
    });
    const filed = await api.call('POST', '/api/requests', {
      body: {
        type: 'access',
        channel: 'email',
        contact: { email: 'client@example.kz', name: 'Клиентова Анна' },
        subject_id: customer,
      },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    requestId = filed.body.id;
    requestNumber = filed.body.number;
    // The morning of the due day in the operator's time zone: the request is due today.
    now = new Date(`${filed.body.dueDate}T03:00:00Z`);

    web = await startWebServer(amanat);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await web?.close();
    await api?.close();
  });

  it('signs in with TOTP, sees the request due today, verifies and answers it, and downloads the letter', async () => {
    const page = await newPage();
    await page.goto(`${web.url}/console`);
    await page.getByLabel('E-mail').fill(people.dpo!.email);
    await page.getByLabel(/^Пароль/).fill('не тот пароль');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Неверный e-mail или пароль');
    await signIn(page, people.dpo!);

    const dueToday = page.getByRole('region', { name: /Срок сегодня/ });
    const link = dueToday.getByRole('link', { name: `№ ${requestNumber}` });
    await link.waitFor();
    expect(await dueToday.textContent()).toContain('Срок сегодня');
    await link.click();
    await page.getByRole('heading', { name: new RegExp(`Обращение № ${requestNumber}`) }).waitFor();
    expect(await page.locator('main').textContent()).toContain('не подтверждена');

    await page.getByRole('button', { name: 'Личность подтверждена' }).click();
    const execute = page.getByRole('button', { name: 'Исполнить и ответить' });
    await execute.waitFor();
    await page
      .getByLabel('Текст ответа (необязательно)')
      .fill('Сведения о ваших данных — в приложении к письму.');
    await execute.click();
    await page.getByRole('button', { name: 'Скачать письмо (PDF)' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('дан ответ');
    const history = await page.getByRole('region', { name: 'История' }).textContent();
    expect(history).toContain('Дан ответ');
    expect(history).toContain('Сапарова Айгерим Маратовна');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать письмо (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`request-${requestNumber}.pdf`);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (pdftotextAvailable) {
      const text = pdfText(pdf);
      expect(text).toContain(`Ответ на обращение № ${requestNumber}`);
      expect(text).toContain('Бекишев');
    }
    // The server agrees: the request is answered.
    const after = await api.call('GET', `/api/requests/${requestId}`);
    expect(after.body.status).toBe('answered');
    expect(cspErrors).toEqual([]);
  });

  it.runIf(kind === 'pglite')(
    'the head approves a proposed access list; then support reads purpose 6 and never sees passport data',
    async () => {
      const today = localDateOf(now, 'Asia/Almaty');
      // The administrator proposes (a staff session: the API refuses a key here); the head approves in the browser.
      tick();
      const signedIn = await api.amanat.staff.signIn({
        email: people.dpo!.email,
        password: PASSWORD,
        totp: totpCode(people.dpo!.secret!, totpStep(now)),
        userAgent: 'ConsoleTest/1.0',
      });
      const proposer = await api.amanat.access.staffPrincipal(signedIn.session.staff, signedIn.session);
      const proposal = await api.amanat.access.propose(proposer, {
        entries: [
          { keyId: api.adminEntry.keyId, roleId: api.adminEntry.roleId, grantedFrom: today },
          { staffId: people.dpo!.id, roleId: 'dpo', grantedFrom: today },
          { staffId: people.support!.id, roleId: 'support', grantedFrom: today },
        ],
        note: 'Омарова принята в поддержку',
      });

      const support = await newPage(375);
      await signIn(support, people.support!);
      await support.goto(`${web.url}/console/subjects/${customer}`);
      await support.getByRole('heading', { name: 'Карточка субъекта' }).waitFor();
      await support.getByText('Ваша роль в утверждённом перечне не даёт доступа').waitFor();

      const head = await newPage();
      await signIn(head, people.head!);
      await head.goto(`${web.url}/console/access-list`);
      const approve = head.getByRole('button', { name: 'Утвердить' });
      await approve.click();
      await head.getByText('утверждён', { exact: true }).first().waitFor();
      await expect.poll(() => approve.count()).toBe(0);
      const list = await api.call('GET', '/api/access-list');
      expect(list.body.current).toBe(proposal.id);

      await support.reload();
      const section = support.getByRole('region', { name: /^6\./ });
      await section.getByText('client@example.kz').waitFor();
      const page = (await support.locator('main').textContent()) ?? '';
      expect(page).toContain('Клиентова Анна');
      expect(page).not.toContain('N12345678');
      expect(await support.getByRole('region', { name: /^2\./ }).count()).toBe(0);
      // The API alone decides: asked directly, passport data is refused to support too.
      const direct = await support.evaluate(
        async ([subject, purpose]) =>
          (await fetch(`/api/subjects/${subject}/data?purpose=${purpose}`)).status,
        [customer, api.purposeId(2)],
      );
      expect(direct).toBe(403);
      await support.screenshot({ path: join(SHOTS, 'console-subject-support-375.png'), fullPage: true });
    },
  );

  it.runIf(kind === 'pglite')(
    'files a rectification from the subject page: without a contact the API names the field and nothing is filed',
    async () => {
      const page = await newPage(375);
      await signIn(page, people.dpo!);
      await page.goto(`${web.url}/console/subjects/${customer}`);
      await page.getByRole('button', { name: 'Исправить данные' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /^Поле/ }).click();
      await page.getByRole('option', { name: 'Номер контактного телефона' }).click();
      await dialog.getByLabel(/^Новое значение/).fill('+77017654321');
      const before = (await api.call('GET', '/api/requests')).body.requests.length;
      await dialog.getByRole('button', { name: 'Зарегистрировать обращение' }).click();
      await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('contact');
      expect((await api.call('GET', '/api/requests')).body.requests.length).toBe(before);

      await dialog.getByLabel('E-mail заявителя').fill('client@example.kz');
      await dialog.getByRole('button', { name: 'Зарегистрировать обращение' }).click();
      await page.getByRole('heading', { name: /Обращение № \d+ · изменение данных/ }).waitFor();
      const filed = (await api.call('GET', '/api/requests')).body.requests as {
        type: string;
        subjectId: string;
      }[];
      expect(filed.length).toBe(before + 1);
      expect(filed.filter((r) => r.type === 'rectification' && r.subjectId === customer)).toHaveLength(1);

      expect(cspErrors).toEqual([]);
      // The page speaks Kazakh on request.
      await page.locator('label', { hasText: /^KK$/ }).click();
      await page.getByRole('heading', { name: /№ \d+ өтініш/ }).waitFor();
    },
  );

  it.runIf(kind === 'pglite')(
    'a person without a second factor enrols an authenticator app; the next sign-in asks for its code',
    async () => {
      const page = await newPage();
      await signIn(page, people.support!);
      await page.goto(`${web.url}/console/staff`);
      const card = page.getByRole('region', { name: 'Ваш второй фактор (TOTP)' });
      await card.getByText('не включён').waitFor();
      await card.getByRole('button', { name: 'Подключить приложение-аутентификатор' }).click();
      const secret = ((await card.locator('pre').textContent()) ?? '').trim();
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      await card.getByLabel('Код из приложения-аутентификатора').fill('000000');
      await card.getByRole('button', { name: 'Подтвердить' }).click();
      await card.getByRole('alert').waitFor();
      tick();
      await card.getByLabel('Код из приложения-аутентификатора').fill(totpCode(secret, totpStep(now)));
      await card.getByRole('button', { name: 'Подтвердить' }).click();
      await card.getByText('включён', { exact: true }).waitFor();
      people.support!.secret = secret;
      const again = await newPage(375);
      await signIn(again, people.support!);
      expect(cspErrors).toEqual([]);
    },
  );

  it.runIf(kind === 'pglite')(
    'the main pages at 375 and 1440 px: screenshots, no serious or critical axe violation, no CSP refusal',
    async () => {
      const pages = [
        ['today', '/console'],
        ['requests', '/console/requests'],
        ['request', `/console/requests/${requestId}`],
        ['subjects', '/console/subjects'],
        ['subject', `/console/subjects/${customer}`],
        ['register', '/console/register'],
        ['policy', '/console/policy'],
        ['consents', '/console/consents'],
        ['retention', '/console/retention'],
        ['access-list', '/console/access-list'],
        ['staff', '/console/staff'],
        ['audit', '/console/audit'],
      ] as const;
      const violations: Record<string, string[]> = {};
      for (const width of [375, 1440]) {
        const page = await newPage(width);
        await signIn(page, people.dpo!);
        for (const [name, path] of pages) {
          await page.goto(`${web.url}${path}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await expect.poll(() => page.getByLabel('Загрузка…').count()).toBe(0);
          await page.screenshot({ path: join(SHOTS, `console-${name}-${width}.png`), fullPage: true });
          const found = await axe(page);
          if (found.length > 0) violations[`${name} @${width}`] = found;
        }
        if (width === 375) {
          // The navigation sits behind the burger on a phone and opens from the keyboard.
          await page.goto(`${web.url}/console`);
          const burger = page.getByRole('button', { name: 'Меню' });
          await burger.focus();
          await page.keyboard.press('Enter');
          await page
            .getByRole('navigation', { name: 'Меню' })
            .getByRole('link', { name: 'Обращения' })
            .click();
          await page.getByRole('heading', { name: 'Обращения', level: 1 }).waitFor();
        }
      }
      expect(violations).toEqual({});
      expect(cspErrors).toEqual([]);
    },
  );
});
