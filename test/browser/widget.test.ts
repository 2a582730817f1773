// The cookie banner in a real browser (Debian chromium through playwright-core). Two origins, as on a real site:
// a stand-in Amanat server (the built widget, a config JSON shaped as GET /api/widget/config, the proof route) and
// the operator's shop page carrying gated scripts, an iframe and an image. Host names under example.test map to
// 127.0.0.1 so that a cookie set for the parent domain can be checked to be deleted across subdomains.
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { widgetDist, widgetSizes } from '../../scripts/build-widget.js';
import { chromiumAvailable } from '../support/browser.js';
import {
  button,
  consentEntries,
  cookieNames,
  gated,
  js,
  launchChromium,
  listen,
  operatorSite,
  ran,
  stored,
} from '../support/widget-site.js';

const require = createRequire(import.meta.url);
const fixtureText = readFileSync(new URL('../fixtures/widget-config.ru.json', import.meta.url), 'utf8');
const SHOTS = join(process.cwd(), 'test-results');

interface Proof {
  contentType: string | undefined;
  body: any;
}

const state = {
  config: {} as any,
  configDown: false,
  proofDown: false,
  proofs: [] as Proof[],
  configLangs: [] as string[],
  siteHits: [] as string[],
};

let browser: Browser;
let amanat: Server;
let site: Server;
let AMANAT = '';
let SITE = '';
const contexts: BrowserContext[] = [];

function amanatServer(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  res.setHeader('access-control-allow-origin', '*');
  if (url.pathname === '/widget.js' || url.pathname === '/widget.css') {
    const js = url.pathname.endsWith('.js');
    res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/css' });
    res.end(readFileSync(join(widgetDist, url.pathname.slice(1))));
  } else if (url.pathname === '/api/widget/config') {
    state.configLangs.push(url.searchParams.get('lang') ?? '');
    if (state.configDown) {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"code":"policy_not_published"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(state.config));
  } else if (url.pathname === '/api/public/cookie-consents' && req.method === 'POST') {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (state.proofDown) {
        res.writeHead(503);
        res.end();
        return;
      }
      state.proofs.push({ contentType: req.headers['content-type'], body: JSON.parse(body) });
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(`{"id":"p${state.proofs.length}"}`);
    });
  } else {
    res.writeHead(404);
    res.end();
  }
}

const gatedHits = () => gated(state.siteHits);

async function newContext(options: { gpc?: boolean; width?: number; dark?: boolean } = {}) {
  const ctx = await browser.newContext({
    viewport: { width: options.width ?? 1000, height: 700 },
    colorScheme: options.dark ? 'dark' : 'light',
  });
  if (options.gpc)
    await ctx.addInitScript('Object.defineProperty(navigator,"globalPrivacyControl",{value:true})');
  contexts.push(ctx);
  return ctx;
}

/** Opens the shop and waits until the widget has applied the config (its bar shown or, returning, no bar). */
async function visit(ctx: BrowserContext, query = '', expect: 'bar' | 'ran' = 'bar'): Promise<Page> {
  const p = await ctx.newPage();
  await p.goto(`${SITE}/${query}`);
  if (expect === 'bar') await p.locator('.amanat-bar').waitFor();
  else
    await p.waitForFunction(
      "window.__ran.indexOf('analytics') >= 0 || window.__ran.indexOf('necessary') >= 0",
    );
  return p;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  amanat = createServer(amanatServer);
  site = createServer(operatorSite(() => AMANAT, state.siteHits));
  AMANAT = `http://amanat.example.test:${await listen(amanat)}`;
  SITE = `http://www.shop.example.test:${await listen(site)}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  amanat?.close();
  site?.close();
});

beforeEach(() => {
  state.config = JSON.parse(fixtureText);
  state.config.proofUrl = `${AMANAT}/api/public/cookie-consents`;
  state.config.policyUrl = `${AMANAT}/policy?lang=ru`;
  state.configDown = false;
  state.proofDown = false;
  state.proofs = [];
  state.configLangs = [];
  state.siteHits.length = 0;
});

afterEach(async () => {
  for (const ctx of contexts.splice(0)) await ctx.close();
});

/** Proofs are written in batches: give the writer time on a loaded machine. */
const POLL = { timeout: 15_000 };

describe.skipIf(!chromiumAvailable)('cookie banner widget', () => {
  it('fits the budget: JS + CSS + one language config under 6 kB gzipped', () => {
    const sizes = widgetSizes(JSON.stringify(state.config));
    expect(sizes.total).toBeLessThan(6144);
  });

  it('runs nothing gated before a choice, stores nothing, and sets Consent Mode default first', async () => {
    const ctx = await newContext();
    const p = await visit(ctx);
    expect(await ran(p)).toEqual(['necessary']);
    expect(gatedHits()).toEqual([]);
    expect(await stored(ctx)).toBeNull();
    expect(state.proofs).toEqual([]);
    const consent = await consentEntries(p);
    expect(consent[0]).toEqual([
      'consent',
      'default',
      {
        ad_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
        analytics_storage: 'denied',
        wait_for_update: 500,
      },
    ]);
    // accept and reject look alike; the iframe waits behind a placeholder naming vendor and category
    const accept = button(p, '.amanat-bar', 'Принять все');
    const reject = button(p, '.amanat-bar', 'Отклонить все');
    expect(await accept.getAttribute('class')).toBe(await reject.getAttribute('class'));
    const [a, r] = [await accept.boundingBox(), await reject.boundingBox()];
    expect(Math.abs(a!.height - r!.height)).toBeLessThan(1);
    expect(await p.locator('.amanat-ph p').textContent()).toBe(
      'Этот контент загружает YouTube и требует согласия на «Маркетинг».',
    );
    expect(await p.locator('iframe').getAttribute('src')).toBeNull();
    expect(state.configLangs).toEqual(['ru']);
    // an empty settings link gets the register's words, and opens the preferences
    expect(await p.locator('#settings-link').textContent()).toBe('Настройки cookie');
    await p.locator('#settings-link').click();
    expect(await p.getByRole('dialog').getByRole('heading').textContent()).toBe('Настройки cookie');
    await p.screenshot({ path: join(SHOTS, 'widget-bar.png') });
  });

  it('reject all leaves every optional script blocked, on this page and the next', async () => {
    const ctx = await newContext();
    const p = await visit(ctx);
    await button(p, '.amanat-bar', 'Отклонить все').click();
    expect(await p.locator('.amanat-bar').count()).toBe(0);
    expect(await ran(p)).toEqual(['necessary']);
    expect((await stored(ctx)).c).toEqual({ necessary: true, analytics: false, marketing: false });
    await expect.poll(() => state.proofs.length, POLL).toBe(1);
    const proof = state.proofs[0]!;
    expect(proof.contentType).toBe('text/plain');
    expect(proof.body).toMatchObject({
      policyVersion: '2026-11-01.1',
      lang: 'ru',
      textHash: state.config.textHash,
      choices: { necessary: true, analytics: false, marketing: false },
      method: 'reject_all',
      gpc: false,
    });
    expect(proof.body.visitorId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const next = await visit(ctx, '', 'ran');
    expect(await next.locator('.amanat-bar').count()).toBe(0);
    expect(await ran(next)).toEqual(['necessary']);
    await next.evaluate('addLater("analytics")');
    expect(await ran(next)).toEqual(['necessary']);
    expect(gatedHits()).toEqual([]);
  });

  it('analytics only runs only analytics, later-added elements and onConsent callbacks included', async () => {
    const ctx = await newContext();
    const p = await visit(ctx);
    await p.evaluate(
      'window.__cb = []; amanat.onConsent("analytics", function () { __cb.push("analytics") });' +
        'amanat.onConsent("marketing", function () { __cb.push("marketing") }); amanat.show()',
    );
    const dialog = p.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Аналитика' }).check();
    expect(await js<string[]>(p, 'window.__cb')).toEqual([]);
    await button(p, 'dialog', 'Сохранить выбор').click();
    expect(await js<string[]>(p, 'window.__cb')).toEqual(['analytics']);
    await p.waitForFunction("window.__ran.indexOf('analytics-ext') >= 0");
    expect((await ran(p)).sort()).toEqual(['analytics', 'analytics-ext', 'necessary']);
    await p.evaluate('addLater("analytics"); addLater("marketing")');
    await p.waitForFunction("window.__ran.indexOf('late-analytics') >= 0");
    expect(await ran(p)).not.toContain('late-marketing');
    expect(await p.locator('iframe').getAttribute('src')).toBeNull();
    expect(state.siteHits).not.toContain('/pixel.png');
    const consent = await consentEntries(p);
    expect(consent.at(-1)![2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' });
    // Consent Mode default precedes every gtag call of the released script
    const order = await js<string[]>(
      p,
      'window.dataLayer.map(function(a){return a[0] === "consent" ? a[0] + ":" + a[1] : String(a[0])})',
    );
    expect(order[0]).toBe('consent:default');
    expect(order.indexOf('js')).toBeGreaterThan(order.indexOf('consent:update'));
    await expect.poll(() => state.proofs.map((x) => x.body.method), POLL).toEqual(['custom']);
  });

  it('a returning visitor gets no bar, their scripts run and Consent Mode is updated at load', async () => {
    const ctx = await newContext();
    const first = await visit(ctx);
    await button(first, '.amanat-bar', 'Принять все').click();
    await first.close();
    const p = await visit(ctx, '', 'ran');
    expect(await p.locator('.amanat-bar').count()).toBe(0);
    expect(await ran(p)).toEqual(expect.arrayContaining(['necessary', 'analytics', 'marketing']));
    expect(await p.locator('iframe').getAttribute('src')).toBe('/frame.html');
    expect(await p.locator('img').getAttribute('src')).toBe('/pixel.png');
    expect(await p.locator('.amanat-ph').count()).toBe(0);
    const consent = await consentEntries(p);
    expect(consent.map((c) => c[1])).toEqual(['default', 'update']);
    expect(consent[1]![2]).toMatchObject({ ad_storage: 'granted', analytics_storage: 'granted' });
    expect(await ran(p)).not.toContain('proto');
    expect(await ran(p)).not.toContain('constructor');
    const api = await js<any>(p, 'window.amanat.get()');
    expect(api.policyVersion).toBe('2026-11-01.1');
    expect(api.choices).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(
      await js<boolean>(
        p,
        'new Promise(function(r){window.amanat.onConsent("analytics",function(){r(true)})})',
      ),
    ).toBe(true);
  });

  it('withdrawal deletes the category cookies across parent domains and sends the Consent Mode update', async () => {
    const ctx = await newContext();
    const p = await visit(ctx);
    await button(p, '.amanat-bar', 'Принять все').click();
    await p.waitForFunction("window.__ran.indexOf('analytics') >= 0");
    expect(await cookieNames(ctx)).toEqual(['_ga', '_ga_ABC', '_gcl_au', 'amanat_consent']);
    expect((await ctx.cookies()).find((c) => c.name === '_ga')!.domain).toBe('.example.test');
    await p.locator('#settings').click();
    await p.getByRole('dialog').getByRole('checkbox', { name: 'Аналитика' }).uncheck();
    await button(p, 'dialog', 'Сохранить выбор').click();
    expect(await cookieNames(ctx)).toEqual(['_gcl_au', 'amanat_consent']);
    const consent = await consentEntries(p);
    expect(consent.at(-1)).toEqual([
      'consent',
      'update',
      expect.objectContaining({ analytics_storage: 'denied', ad_storage: 'granted' }),
    ]);
    await expect.poll(() => state.proofs.map((x) => x.body.method), POLL).toEqual(['accept_all', 'withdraw']);
    expect(state.proofs[1]!.body.choices).toEqual({ necessary: true, analytics: false, marketing: true });
  });

  it('GPC refuses marketing even on "accept all"; an explicit tick then wins', async () => {
    const ctx = await newContext({ gpc: true });
    const p = await visit(ctx);
    await button(p, '.amanat-bar', 'Принять все').click();
    await p.waitForFunction("window.__ran.indexOf('analytics') >= 0");
    expect(await ran(p)).not.toContain('marketing');
    expect(await p.locator('iframe').getAttribute('src')).toBeNull();
    await expect.poll(() => state.proofs.length, POLL).toBe(1);
    expect(state.proofs[0]!.body).toMatchObject({
      method: 'gpc',
      gpc: true,
      choices: { necessary: true, analytics: true, marketing: false },
    });
    await p.locator('#settings').click();
    await p.getByRole('dialog').getByRole('checkbox', { name: 'Маркетинг' }).check();
    await button(p, 'dialog', 'Сохранить выбор').click();
    expect(await ran(p)).toContain('marketing');
    await expect.poll(() => state.proofs.length, POLL).toBe(2);
    expect(state.proofs[1]!.body).toMatchObject({
      method: 'custom',
      gpc: true,
      choices: { marketing: true },
    });
  });

  it('the dialog traps focus, closes on Escape and gives focus back', async () => {
    const ctx = await newContext();
    const p = await visit(ctx);
    await p.locator('#settings').focus();
    await p.keyboard.press('Enter');
    const dialog = p.locator('dialog[aria-modal="true"]');
    await dialog.waitFor();
    const inDialog = () => js<boolean>(p, '!!document.activeElement.closest("dialog")');
    const focusables = await dialog.locator('button, input:not([disabled]), a[href]').count();
    const seen = new Set<number>();
    for (let i = 0; i < focusables * 2 + 1; i++) {
      await p.keyboard.press('Tab');
      expect(await inDialog()).toBe(true);
      seen.add(
        await js<number>(
          p,
          'Array.prototype.indexOf.call(document.querySelectorAll("dialog button, dialog input"), document.activeElement)',
        ),
      );
    }
    expect(seen.size).toBe(focusables);
    await p.keyboard.press('Shift+Tab');
    expect(await inDialog()).toBe(true);
    await p.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await js<string>(p, 'document.activeElement.id')).toBe('settings');
    // closing without a choice stores nothing and the bar still asks
    expect(await stored(ctx)).toBeNull();
    expect(await p.locator('.amanat-bar').count()).toBe(1);
  });

  for (const dark of [false, true])
    it(`axe-core finds no serious or critical violation (${dark ? 'dark' : 'light'} theme)`, async () => {
      const ctx = await newContext({ dark });
      const p = await visit(ctx);
      await p.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const check = async () => {
        const result = await js<any>(
          p,
          "axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] })",
        );
        return result.violations
          .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
          .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
      };
      expect(await check()).toEqual([]);
      await button(p, '.amanat-bar', 'Настроить').click();
      await p.getByRole('dialog').waitFor();
      expect(await check()).toEqual([]);
      await p.screenshot({ path: join(SHOTS, `widget-dialog-${dark ? 'dark' : 'light'}.png`) });
    });

  it('showing the bar shifts no layout', async () => {
    const ctx = await newContext();
    const p = await visit(ctx, '?noframe=1');
    const shifts = await js<number>(
      p,
      `new Promise(function (resolve) {
        new PerformanceObserver(function (list) {
          resolve(list.getEntries().reduce(function (sum, e) { return sum + e.value; }, 0));
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(function () { resolve(0); }, 0);
      })`,
    );
    expect(shifts).toBe(0);
  });

  it('is usable at 320 px: no horizontal scroll, every button inside the screen', async () => {
    const ctx = await newContext({ width: 320 });
    const p = await visit(ctx);
    expect(await js<number>(p, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    for (const b of await p.locator('.amanat-bar button').all()) {
      const box = (await b.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
    }
    await p.screenshot({ path: join(SHOTS, 'widget-320.png') });
  });

  it('a new policy version or a new category asks again and blocks until answered', async () => {
    const ctx = await newContext();
    const first = await visit(ctx);
    await button(first, '.amanat-bar', 'Принять все').click();
    state.config.policyVersion = '2026-12-01.1';
    const p = await visit(ctx);
    expect(await ran(p)).toEqual(['necessary']);
    await button(p, '.amanat-bar', 'Принять все').click();
    expect((await stored(ctx)).p).toBe('2026-12-01.1');
    state.config.categories.push({ ...state.config.categories[1], id: 'functional', name: 'Функциональные' });
    const again = await visit(ctx);
    expect(await ran(again)).toEqual(['necessary']);
    // the old answer is kept in the cookie until the visitor answers: nothing new is stored as refused
    expect((await stored(ctx)).c).toEqual({ necessary: true, analytics: true, marketing: true });
  });

  it('the iframe placeholder loads once, or opens the dialog with its category ticked while the bar asks', async () => {
    const ctx = await newContext();
    const p = await visit(ctx);
    await button(p, '.amanat-ph', 'Загрузить один раз').click();
    expect(await p.locator('iframe').getAttribute('src')).toBe('/frame.html');
    expect(await p.locator('.amanat-ph').count()).toBe(0);
    expect(await ran(p)).not.toContain('marketing');
    expect(await stored(ctx)).toBeNull();
    const again = await visit(ctx);
    await button(again, '.amanat-ph', 'Разрешить категорию').click();
    const dialog = again.getByRole('dialog');
    expect(await dialog.getByRole('checkbox', { name: 'Маркетинг' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Аналитика' }).isChecked()).toBe(false);
    await button(again, 'dialog', 'Сохранить выбор').click();
    expect(await again.locator('iframe').getAttribute('src')).toBe('/frame.html');
    expect(await ran(again)).toContain('marketing');
    expect((await stored(ctx)).c).toEqual({ necessary: true, analytics: false, marketing: true });
  });

  it('a corrupted consent cookie asks again', async () => {
    for (const value of ['%7Bnot-json', encodeURIComponent('{"v":"x","p":1,"c":{"analytics":"yes"}}')]) {
      const ctx = await newContext();
      await ctx.addCookies([{ name: 'amanat_consent', value, url: SITE }]);
      const p = await visit(ctx);
      expect(await ran(p)).toEqual(['necessary']);
    }
  });

  it('hostile config text is shown as text, never parsed as HTML', async () => {
    const evil = `<img src=x onerror="__ran.push('xss')">`;
    state.config.texts.title = evil;
    state.config.texts.placeholder = `${evil} {vendor} $& {category}`;
    state.config.categories[2].name = evil;
    const ctx = await newContext();
    const p = await visit(ctx);
    expect(await p.locator('.amanat-bar strong').textContent()).toBe(evil);
    expect(await p.locator('.amanat-ph p').textContent()).toBe(`${evil} YouTube $& ${evil}`);
    await button(p, '.amanat-bar', 'Настроить').click();
    expect(await p.locator('.amanat img').count()).toBe(0);
    expect(await ran(p)).toEqual(['necessary']);
  });

  it('server down: everything stays blocked; a proof that failed is sent from the next page', async () => {
    state.configDown = true;
    const down = await newContext();
    const p = await down.newPage();
    const config = p.waitForResponse((r) => r.url().includes('/api/widget/config'));
    await p.goto(`${SITE}/`);
    await config;
    await p.evaluate('new Promise(function(r){setTimeout(r,0)})');
    expect(await ran(p)).toEqual([]);
    expect(await p.locator('.amanat-bar').count()).toBe(0);

    state.configDown = false;
    state.proofDown = true;
    const ctx = await newContext();
    const first = await visit(ctx);
    await button(first, '.amanat-bar', 'Принять все').click();
    await first.waitForFunction('JSON.parse(localStorage.getItem("amanat_proofs")||"[]").length === 1');
    expect(state.proofs).toEqual([]);
    state.proofDown = false;
    const next = await visit(ctx, '', 'ran');
    await expect.poll(() => state.proofs.length, POLL).toBe(1);
    expect(state.proofs[0]!.body.method).toBe('accept_all');
    await next.waitForFunction('localStorage.getItem("amanat_proofs") === "[]"');
  });

  it('with the server down a returning visitor keeps their stored choice', async () => {
    const ctx = await newContext();
    const first = await visit(ctx);
    await button(first, '.amanat-bar', 'Отклонить все').click();
    await first.locator('#settings').click();
    await first.getByRole('dialog').getByRole('checkbox', { name: 'Аналитика' }).check();
    await button(first, 'dialog', 'Сохранить выбор').click();
    state.configDown = true;
    const p = await visit(ctx, '', 'ran');
    expect(await ran(p)).toContain('analytics');
    expect(await ran(p)).not.toContain('marketing');
  });

  it('works under a strict CSP (nonce on the gated scripts, the stylesheet as a file)', async () => {
    const ctx = await newContext();
    const p = await visit(ctx, '?csp=1');
    expect(await js<string>(p, 'getComputedStyle(document.querySelector(".amanat-bar")).position')).toBe(
      'fixed',
    );
    await button(p, '.amanat-bar', 'Принять все').click();
    // a function, not a string: the page's CSP forbids the eval a string predicate needs
    await p.waitForFunction(() => (globalThis as any).__ran.includes('analytics-ext'));
    expect(await ran(p)).toEqual(expect.arrayContaining(['necessary', 'analytics', 'marketing']));
    expect(await js<string[]>(p, 'window.__csp')).toEqual([]);
  });

  it('takes the language from data-lang', async () => {
    const ctx = await newContext();
    await visit(ctx, '?lang=kk');
    expect(state.configLangs).toEqual(['kk']);
  });
});
