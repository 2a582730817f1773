// The cookie banner against the real Amanat server: the widget files, the config built from the published
// version of the example register (nextbot.kz) and the proof route, listening on one origin, while the
// operator's shop page is served from another. Proofs are read back from the store.
import { createServer, type Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { widgetDist, widgetSizes } from '../../scripts/build-widget.js';
import { createHttpApp } from '../../src/http/app.js';
import { chromiumAvailable } from '../support/browser.js';
import { createTestAmanat, type TestAmanat } from '../support/stores.js';
import {
  button,
  cookieNames,
  gated,
  js,
  launchChromium,
  listen,
  operatorSite,
  ran,
  stored,
} from '../support/widget-site.js';

let t: TestAmanat;
let browser: Browser;
let amanat: Server;
let site: Server;
let AMANAT = '';
let SITE = '';
const hits: string[] = [];
const contexts: BrowserContext[] = [];
/** While set, the proof route answers 503 as a server that is down would (the rest keeps working). */
let proofsDown = false;

const proofs = async (visitorId: string) =>
  t.stores.sql.query<{ method: string; choices: Record<string, boolean>; lang: string; gpc: boolean }>(
    'SELECT method, choices, lang, gpc FROM cookie_consents WHERE visitor_id = $1 ORDER BY decided_at',
    [visitorId],
  );

async function visit(ctx: BrowserContext, query = '') {
  const p = await ctx.newPage();
  await p.goto(`${SITE}/${query}`);
  await p.locator('.amanat-bar').waitFor();
  return p;
}

async function newContext(gpc = false) {
  const ctx = await browser.newContext();
  if (gpc) await ctx.addInitScript('Object.defineProperty(navigator,"globalPrivacyControl",{value:true})');
  contexts.push(ctx);
  return ctx;
}

beforeAll(async () => {
  t = await createTestAmanat('pglite');
  let app: ReturnType<typeof createHttpApp> | undefined;
  amanat = createAdaptorServer({
    fetch: (request: Request) =>
      proofsDown && new URL(request.url).pathname === '/api/public/cookie-consents'
        ? new Response(null, { status: 503, headers: { 'access-control-allow-origin': '*' } })
        : app!.fetch(request),
  }) as Server;
  AMANAT = `http://amanat.example.test:${await listen(amanat)}`;
  app = createHttpApp(t.amanat, { bodyLimitBytes: 1 << 20, publicUrl: AMANAT, widgetDir: widgetDist });
  site = createServer(operatorSite(() => AMANAT, hits));
  SITE = `http://www.shop.example.test:${await listen(site)}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  amanat?.close();
  site?.close();
  await t?.close();
});

afterEach(async () => {
  for (const ctx of contexts.splice(0)) await ctx.close();
  hits.length = 0;
  proofsDown = false;
});

/** Proofs are written in batches: give the writer time on a loaded machine. */
const POLL = { timeout: 15_000 };

describe.skipIf(!chromiumAvailable)('cookie banner with the Amanat server', () => {
  it('the widget and one language of the real config stay under 6 kB gzipped, in each language', async () => {
    for (const lang of ['ru', 'kk', 'en']) {
      const response = await fetch(`http://127.0.0.1:${new URL(AMANAT).port}/api/widget/config?lang=${lang}`);
      expect(response.status).toBe(200);
      const sizes = widgetSizes(await response.text());
      expect(sizes.total, `${lang}: ${JSON.stringify(sizes)}`).toBeLessThan(6144);
    }
  });

  it('blocks until a choice, then the proof is accepted and kept with the published text hash', async () => {
    const ctx = await newContext();
    const p = await visit(ctx);
    expect(await p.locator('.amanat-bar strong').textContent()).toBeTruthy();
    expect(await ran(p)).toEqual(['necessary']);
    expect(gated(hits)).toEqual([]);
    await button(p, '.amanat-bar', 'Настроить').click();
    await p.getByRole('dialog').getByRole('checkbox', { name: 'Аналитические' }).check();
    await button(p, 'dialog', 'Сохранить выбор').click();
    await p.waitForFunction("window.__ran.indexOf('analytics-ext') >= 0");
    expect(await ran(p)).not.toContain('marketing');
    const visitorId = (await stored(ctx)).v;
    await expect.poll(async () => (await proofs(visitorId)).length, POLL).toBe(1);
    expect((await proofs(visitorId))[0]).toMatchObject({
      method: 'custom',
      lang: 'ru',
      gpc: false,
      choices: { necessary: true, analytics: true, marketing: false },
    });
    // the next page asks nothing and runs analytics at once
    const next = await ctx.newPage();
    await next.goto(`${SITE}/`);
    await next.waitForFunction("window.__ran.indexOf('analytics') >= 0");
    expect(await next.locator('.amanat-bar').count()).toBe(0);
  });

  it('withdrawing analytics deletes its cookies and is kept as a withdrawal', async () => {
    const ctx = await newContext();
    const p = await visit(ctx);
    await button(p, '.amanat-bar', 'Принять все').click();
    await p.waitForFunction("window.__ran.indexOf('analytics') >= 0");
    expect(await cookieNames(ctx)).toEqual(['_ga', '_ga_ABC', '_gcl_au', 'amanat_consent']);
    await p.locator('#settings').click();
    await p.getByRole('dialog').getByRole('checkbox', { name: 'Аналитические' }).uncheck();
    await button(p, 'dialog', 'Сохранить выбор').click();
    expect(await cookieNames(ctx)).toEqual(['_gcl_au', 'amanat_consent']);
    const visitorId = (await stored(ctx)).v;
    await expect
      .poll(async () => (await proofs(visitorId)).map((r) => r.method))
      .toEqual(['accept_all', 'withdraw']);
  });

  it('in Kazakh, with GPC: the Kazakh texts, marketing refused, the proof accepted', async () => {
    const ctx = await newContext(true);
    const p = await visit(ctx, '?lang=kk');
    expect(await js<string>(p, 'document.querySelector(".amanat-bar").lang')).toBe('kk');
    await p.locator('.amanat-bar .amanat-btn').first().click();
    await p.waitForFunction("window.__ran.indexOf('analytics') >= 0");
    expect(await ran(p)).not.toContain('marketing');
    const visitorId = (await stored(ctx)).v;
    await expect.poll(async () => (await proofs(visitorId)).length, POLL).toBe(1);
    expect((await proofs(visitorId))[0]).toMatchObject({
      method: 'gpc',
      lang: 'kk',
      gpc: true,
      choices: { necessary: true, analytics: true, marketing: false },
    });
  });

  it('a proof refused while the server was down reaches it from the next page', async () => {
    proofsDown = true;
    const ctx = await newContext();
    const p = await visit(ctx);
    await button(p, '.amanat-bar', 'Отклонить все').click();
    await p.waitForFunction('JSON.parse(localStorage.getItem("amanat_proofs")||"[]").length === 1');
    const visitorId = (await stored(ctx)).v;
    expect(await proofs(visitorId)).toEqual([]);
    proofsDown = false;
    const next = await ctx.newPage();
    await next.goto(`${SITE}/`);
    await expect
      .poll(async () => (await proofs(visitorId)).map((r) => r.method), POLL)
      .toEqual(['reject_all']);
    await next.waitForFunction('localStorage.getItem("amanat_proofs") === "[]"');
  });
});
