// The cookie banner against its peers (`npm run bench:widget`): identical static pages with three categories
// (necessary, analytics, marketing) and two blocked inline scripts (analytics, marketing; each sets a window
// flag and a performance mark when it runs), one page per banner — Amanat's widget (its /widget.js from a real
// Amanat started here on the example register, its policy published), vanilla-cookieconsent and klaro (from
// node_modules, each with its documented blocking) — and the same page without any banner. The pages are
// served by a local HTTP server with gzip. Headless Debian chromium through playwright-core, a fresh browser
// context per run, the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate), BENCH_WIDGET_RUNS (≥ 10)
// interleaved rounds (A, B, C, D, A, B, C, D, …) after one warm-up round that is not counted.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { fromPackageRoot } from '../src/lib/paths.js';

// Fewer than 10 only to try a change; the report states the count.
const RUNS = Math.max(1, Number(process.env.BENCH_WIDGET_RUNS ?? 10));
const CPU_SLOWDOWN = 4;
/** After the banner is visible (or the no-banner page has loaded), the page gets this long before it is read. */
const SETTLE_MS = Number(process.env.BENCH_WIDGET_SETTLE_MS ?? 1000);
const WAIT_MS = 30_000;
const VIEWPORT = { width: 1280, height: 800 };
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const PAGES = fromPackageRoot('bench', 'widget-pages');
const CATEGORIES = ['analytics', 'marketing'] as const;

type BannerId = 'none' | 'amanat' | 'vanilla' | 'klaro';

interface Banner {
  id: BannerId;
  name: string;
  /** Tags put into the page's head. */
  head: string;
  /** The page's blocked script of a category, marked as this banner documents. */
  blocked: (category: string, body: string) => string;
  /** The permanent "cookie settings" control, as this banner documents it. */
  settings: string;
  /** A JS expression, evaluated in the page, giving the banner's visible box (an Element) or null. */
  probe: string | null;
  /** Playwright selector of the banner's "accept all" button. */
  accept: string | null;
}

function log(message: string) {
  console.error(`[bench widget ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

const version = (pkg: string) =>
  (
    JSON.parse(readFileSync(fromPackageRoot('node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

export function peers(): Banner[] {
  return [
    {
      id: 'none',
      name: 'no banner (scripts not blocked)',
      head: '',
      blocked: (_category, body) => `<script>${body}</script>`,
      settings: '<span>Настройки cookie</span>',
      probe: null,
      accept: null,
    },
    {
      id: 'vanilla',
      name: `vanilla-cookieconsent ${version('vanilla-cookieconsent')}`,
      head:
        '<link rel="stylesheet" href="/vendor/cookieconsent.css">\n' +
        '<script defer src="/vendor/cookieconsent.umd.js"></script>\n' +
        '<script defer src="/vanilla-config.js"></script>',
      blocked: (category, body) => `<script type="text/plain" data-category="${category}">${body}</script>`,
      settings: '<button type="button" data-cc="show-preferencesModal">Настройки cookie</button>',
      probe: "document.querySelector('#cc-main .cm')",
      accept: '#cc-main .cm [data-role="all"]',
    },
    {
      id: 'klaro',
      name: `klaro ${version('klaro')}`,
      head:
        '<script defer src="/klaro-config.js"></script>\n' +
        '<script defer src="/vendor/klaro-no-translations.js"></script>',
      blocked: (category, body) =>
        `<script type="text/plain" data-type="text/javascript" data-name="${category}">${body}</script>`,
      settings: '<a href="#" onclick="return klaro.show();">Настройки cookie</a>',
      probe: "document.querySelector('#klaro .cookie-notice')",
      accept: '#klaro .cookie-notice .cm-btn-success',
    },
  ];
}

/** The files the peers' pages load, from their npm packages (the builds their documentation names). */
const VENDOR: Record<string, string> = {
  'cookieconsent.css': fromPackageRoot('node_modules', 'vanilla-cookieconsent', 'dist', 'cookieconsent.css'),
  'cookieconsent.umd.js': fromPackageRoot(
    'node_modules',
    'vanilla-cookieconsent',
    'dist',
    'cookieconsent.umd.js',
  ),
  'klaro-no-translations.js': fromPackageRoot('node_modules', 'klaro', 'dist', 'klaro-no-translations.js'),
};

function scriptBody(category: string) {
  return `window.__ran=window.__ran||{};window.__ran.${category}=performance.now();performance.mark('ran:${category}');`;
}

function pageFor(banner: Banner): string {
  let html = readFileSync(join(PAGES, 'page.html'), 'utf8')
    .replace('<!--BANNER-->', banner.head)
    .replace('<!--SETTINGS-->', banner.settings);
  for (const category of CATEGORIES) {
    html = html.replace(`<!--BLOCKED:${category}-->`, banner.blocked(category, scriptBody(category)));
  }
  return html;
}

/** The static site: every page and file gzipped when the browser asks for it, as a production server would. */
export async function startSite(banners: Banner[]): Promise<{ url: string; close: () => void }> {
  const files = new Map<string, { type: string; body: Buffer }>();
  for (const banner of banners) {
    files.set(`/${banner.id}.html`, { type: 'text/html; charset=utf-8', body: Buffer.from(pageFor(banner)) });
  }
  for (const [name, path] of Object.entries(VENDOR)) {
    const type = name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
    files.set(`/vendor/${name}`, { type, body: readFileSync(path) });
  }
  for (const name of ['vanilla-config.js', 'klaro-config.js']) {
    files.set(`/${name}`, { type: 'text/javascript; charset=utf-8', body: readFileSync(join(PAGES, name)) });
  }
  const gzipped = new Map([...files].map(([path, f]) => [path, gzipSync(f.body)]));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': file.type,
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(gzip ? gzipped.get(path) : file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

function amanatBanner(server: string): Banner {
  return {
    id: 'amanat',
    name: 'Amanat widget',
    head: `<script src="${server}/widget.js" async></script>`,
    blocked: (category, body) => `<script type="text/plain" data-category="${category}">${body}</script>`,
    settings: '<button type="button" data-amanat-settings>Настройки cookie</button>',
    // The bar (widget/src/ui.ts): its first button accepts all.
    probe: "document.querySelector('.amanat-bar')",
    accept: '.amanat-bar .amanat-bs > button:nth-child(1)',
  };
}

async function answers(server: string): Promise<string | null> {
  for (const path of ['/widget.js', '/widget.css', '/api/widget/config?lang=ru']) {
    const res = await fetch(`${server}${path}`).catch(() => null);
    if (res?.status !== 200) return `the Amanat server answers ${res?.status ?? 'nothing'} to GET ${path}`;
  }
  return null;
}

/**
 * A real Amanat on the example register, its policy published, the widget built; or, with BENCH_AMANAT_URL, an
 * Amanat already running there. Skipped (with the reason) while the widget or its routes are not in this checkout.
 */
async function startAmanat(): Promise<{ banner: Banner; close: () => Promise<void> } | { skipped: string }> {
  const external = process.env.BENCH_AMANAT_URL?.replace(/\/$/, '');
  if (external) {
    const problem = await answers(external);
    return problem ? { skipped: problem } : { banner: amanatBanner(external), close: async () => {} };
  }
  const buildScript = fromPackageRoot('scripts', 'build-widget.ts');
  if (!existsSync(buildScript)) {
    return { skipped: 'the widget is not in this checkout yet (no scripts/build-widget.ts)' };
  }
  const { buildWidget } = (await import(buildScript)) as { buildWidget: () => Promise<void> };
  await buildWidget();
  const { createAmanat } = await import('../src/app/amanat.js');
  const { openStores } = await import('../src/db/database.js');
  const { startServer } = await import('../src/server.js');
  const dir = mkdtempSync(join(os.tmpdir(), 'amanat-bench-widget-'));
  const stores = await openStores({
    kind: 'pglite',
    dataStoreDir: join(dir, 'store'),
    keyStoreDir: join(dir, 'keystore'),
    lockDir: dir,
  });
  const amanat = await createAmanat({
    stores,
    masterKey: randomBytes(32),
    registerFile: fromPackageRoot('examples', 'nextbot.kz', 'register.yaml'),
  });
  const published = await amanat.policies.publish('bench', {
    register: amanat.rules.register,
    profile: amanat.rules.profile,
  });
  if (published.status !== 'published') throw new Error(`publishing the example policy: ${published.status}`);
  const server = await startServer(amanat, {
    port: 0,
    host: '127.0.0.1',
    bodyLimitBytes: 1 << 20,
    logRequests: false,
    // Every run fetches the configuration and posts a proof from the same address.
    publicLimit: { burst: 100_000, perMinute: 100_000 },
    cookieProofLimit: { burst: 100_000, perMinute: 100_000 },
  });
  const close = async () => {
    await server.close();
    await amanat.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const problem = await answers(server.url);
  if (problem) {
    await close();
    return { skipped: problem };
  }
  return { banner: amanatBanner(server.url), close };
}

/** Installed before any of the page's scripts: layout shifts, LCP, the banner's first visible frame, the click. */
function initScript(probe: string | null): string {
  return `(() => {
  const b = window.__bench = { bannerAt: null, cls: 0, lcp: null, lcpElement: null, lcpInBanner: false, clickAt: null };
  const probe = ${probe ? `() => (${probe})` : 'null'};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) b.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    const e = entries[entries.length - 1];
    b.lcp = e.startTime;
    const el = e.element;
    b.lcpElement = el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') : null;
    const root = probe && probe();
    b.lcpInBanner = !!(root && el && (root === el || root.contains(el)));
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  window.addEventListener('click', (e) => { if (e.isTrusted && b.clickAt === null) b.clickAt = e.timeStamp; }, true);
  if (!probe) return;
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.top >= innerHeight) return false;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement || (n.getRootNode() && n.getRootNode().host)) {
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  let polling = false;
  const check = () => {
    if (b.bannerAt !== null) return;
    const el = probe();
    if (el && visible(el)) {
      b.bannerAt = performance.now();
      observer.disconnect();
      return;
    }
    // Present but not shown yet (a class or an opacity transition to come): look again each frame.
    if (el && !polling) {
      polling = true;
      const frame = () => { check(); if (b.bannerAt === null) requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;
}

interface RunResult {
  bannerVisibleMs: number | null;
  taskMs: number;
  scriptMs: number;
  lcpMs: number | null;
  lcpElement: string | null;
  lcpInBanner: boolean;
  cls: number;
  ranBeforeConsent: string[];
  acceptToScriptsMs: number | null;
  files: { url: string; bytes: number; gzipBytes: number; wireBytes: number }[];
}

async function runOnce(browser: Browser, site: string, banner: Banner): Promise<RunResult> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ru-RU' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await cdp.send('Performance.enable');
    await page.addInitScript({ content: initScript(banner.probe) });
    const pageUrl = `${site}/${banner.id}.html`;
    let counting = true;
    const files: Promise<RunResult['files'][number] | null>[] = [];
    page.on('response', (response) => {
      const url = response.url();
      if (!counting || url === pageUrl || url.endsWith('/favicon.ico')) return;
      if (response.request().method() !== 'GET') return;
      files.push(
        (async () => {
          const body = await response.body().catch(() => null);
          if (!body) return null;
          const sizes = await response.request().sizes();
          return {
            url: url.replace(site, '').replace(/^http:\/\/127\.0\.0\.1:\d+/, '<amanat>'),
            bytes: body.length,
            gzipBytes: gzipSync(body, { level: 9 }).length,
            wireBytes: sizes.responseBodySize + sizes.responseHeadersSize,
          };
        })(),
      );
    });
    await page.goto(pageUrl, { waitUntil: 'load', timeout: WAIT_MS });
    if (banner.probe) {
      await page.waitForFunction('window.__bench.bannerAt !== null', null, { timeout: WAIT_MS });
    }
    await page.waitForTimeout(SETTLE_MS);
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    const before = (await page.evaluate('({ ...window.__bench, ran: Object.keys(window.__ran || {}) })')) as {
      bannerAt: number | null;
      cls: number;
      lcp: number | null;
      lcpElement: string | null;
      lcpInBanner: boolean;
      ran: string[];
    };
    counting = false;
    let acceptToScriptsMs: number | null = null;
    if (banner.accept) {
      await page.click(banner.accept, { timeout: WAIT_MS });
      await page.waitForFunction('window.__ran && window.__ran.analytics && window.__ran.marketing', null, {
        timeout: WAIT_MS,
      });
      acceptToScriptsMs = (await page.evaluate(
        'Math.max(window.__ran.analytics, window.__ran.marketing) - window.__bench.clickAt',
      )) as number;
    }
    return {
      bannerVisibleMs: before.bannerAt,
      taskMs: metric('TaskDuration'),
      scriptMs: metric('ScriptDuration'),
      lcpMs: before.lcp,
      lcpElement: before.lcpElement,
      lcpInBanner: before.lcpInBanner,
      cls: before.cls,
      ranBeforeConsent: banner.id === 'none' ? [] : before.ran,
      acceptToScriptsMs,
      files: (await Promise.all(files)).filter((f) => f !== null),
    };
  } finally {
    await context.close();
  }
}

function quantile(values: number[], q: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  if (q === 0.5) {
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const stat = (values: (number | null)[]) => {
  const xs = values.filter((v): v is number => v !== null);
  return { median: quantile(xs, 0.5), p90: quantile(xs, 0.9) };
};

export interface WidgetBannerResult {
  id: BannerId;
  name: string;
  runs: number;
  gzipBytes: number;
  wireBytes: number;
  files: RunResult['files'];
  bannerVisibleMs: { median: number | null; p90: number | null };
  taskMs: { median: number | null; p90: number | null };
  scriptMs: { median: number | null; p90: number | null };
  taskAboveNoneMs: number | null;
  lcpMs: { median: number | null; p90: number | null };
  lcpElements: string[];
  lcpInBannerRuns: number;
  cls: { median: number | null; max: number };
  acceptToScriptsMs: { median: number | null; p90: number | null };
  runsWithScriptsBeforeConsent: number;
}

export interface WidgetBenchResult {
  runs: number;
  cpuSlowdown: number;
  settleMs: number;
  viewport: { width: number; height: number };
  chromium: string;
  skipped: { id: BannerId; reason: string }[];
  banners: WidgetBannerResult[];
  runAt: string;
}

export async function benchWidget(): Promise<WidgetBenchResult> {
  const banners = peers();
  const skipped: WidgetBenchResult['skipped'] = [];
  const amanat = await startAmanat();
  if ('skipped' in amanat) {
    skipped.push({ id: 'amanat', reason: amanat.skipped });
    log(`Amanat skipped: ${amanat.skipped}`);
  } else {
    banners.splice(1, 0, amanat.banner);
  }
  const site = await startSite(banners);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const runs = new Map<BannerId, RunResult[]>(banners.map((b) => [b.id, []]));
    for (let round = 0; round <= RUNS; round++) {
      for (const banner of banners) {
        const result = await runOnce(browser, site.url, banner);
        if (round > 0) runs.get(banner.id)!.push(result); // round 0 warms the browser and the servers up
      }
      log(`round ${round}/${RUNS}${round === 0 ? ' (warm-up, not counted)' : ''}`);
    }
    const noneTask = stat(runs.get('none')!.map((r) => r.taskMs)).median;
    return {
      runs: RUNS,
      cpuSlowdown: CPU_SLOWDOWN,
      settleMs: SETTLE_MS,
      viewport: VIEWPORT,
      chromium: `Chromium ${browser.version()}`,
      skipped,
      banners: banners.map((banner) => {
        const rs = runs.get(banner.id)!;
        const files = rs[0]!.files;
        const taskMs = stat(rs.map((r) => r.taskMs));
        return {
          id: banner.id,
          name: banner.name,
          runs: rs.length,
          gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
          wireBytes: files.reduce((n, f) => n + f.wireBytes, 0),
          files,
          bannerVisibleMs: stat(rs.map((r) => r.bannerVisibleMs)),
          taskMs,
          scriptMs: stat(rs.map((r) => r.scriptMs)),
          taskAboveNoneMs: taskMs.median !== null && noneTask !== null ? taskMs.median - noneTask : null,
          lcpMs: stat(rs.map((r) => r.lcpMs)),
          lcpElements: [...new Set(rs.map((r) => r.lcpElement ?? 'none'))],
          lcpInBannerRuns: rs.filter((r) => r.lcpInBanner).length,
          cls: { median: stat(rs.map((r) => r.cls)).median, max: Math.max(...rs.map((r) => r.cls)) },
          acceptToScriptsMs: stat(rs.map((r) => r.acceptToScriptsMs)),
          runsWithScriptsBeforeConsent: rs.filter((r) => r.ranBeforeConsent.length > 0).length,
        };
      }),
      runAt: new Date().toISOString(),
    };
  } finally {
    await browser.close();
    site.close();
    if (!('skipped' in amanat)) await amanat.close();
  }
}

const ms = (v: number | null) => (v === null ? '—' : String(Math.round(v)));
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export function widgetTable(result: WidgetBenchResult): string[] {
  const amanat = result.banners.find((b) => b.id === 'amanat');
  const peerList = result.banners.filter((b) => b.id !== 'amanat' && b.id !== 'none');
  const beatsPeers = (pick: (b: WidgetBannerResult) => number | null) => {
    const own = amanat && pick(amanat);
    return own != null && peerList.every((p) => (pick(p) ?? Number.POSITIVE_INFINITY) > own);
  };
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  return [
    `The cookie banner (\`npm run bench:widget\`, bench/widget.ts; measured ${result.runAt}): ${result.chromium}`,
    `headless, CPU slowed ${result.cpuSlowdown}x, ${result.viewport.width}×${result.viewport.height}, a fresh context per run, ` +
      `${result.runs} interleaved rounds after one warm-up round; medians (p90).`,
    '',
    '| banner | JS+CSS+config, kB gzip -9 (on the wire) | banner visible ms | main-thread task ms | above no banner ms | LCP ms | CLS median (max) | accept → both scripts ran ms | runs with a script before consent |',
    '|---|---|---|---|---|---|---|---|---|',
    ...result.banners.map(
      (b) =>
        `| ${b.name} | ${b.id === 'none' ? '—' : `${kb(b.gzipBytes)} (${kb(b.wireBytes)})`} | ` +
        `${b.id === 'none' ? '—' : `${ms(b.bannerVisibleMs.median)} (${ms(b.bannerVisibleMs.p90)})`} | ` +
        `${ms(b.taskMs.median)} (${ms(b.taskMs.p90)}) | ${b.id === 'none' ? '—' : ms(b.taskAboveNoneMs)} | ` +
        `${ms(b.lcpMs.median)} (${ms(b.lcpMs.p90)})${b.lcpInBannerRuns ? `, the banner in ${b.lcpInBannerRuns} runs` : ''} | ` +
        `${(b.cls.median ?? 0).toFixed(3)} (${b.cls.max.toFixed(3)}) | ` +
        `${b.id === 'none' ? '—' : `${ms(b.acceptToScriptsMs.median)} (${ms(b.acceptToScriptsMs.p90)})`} | ` +
        `${b.id === 'none' ? '— (not blocked)' : `${b.runsWithScriptsBeforeConsent} of ${b.runs}`} |`,
    ),
    '',
    ...(result.skipped.length
      ? result.skipped.map((s) => `Not measured: ${s.id} — ${s.reason}.`)
      : [
          '| Amanat target | result |',
          '|---|---|',
          `| JS + CSS + one language < 6 kB gzip | ${amanat ? `${kb(amanat.gzipBytes)} kB, ${verdict(amanat.gzipBytes < 6144)}` : '—'} |`,
          `| banner visible sooner than every peer (median) | ${verdict(beatsPeers((b) => b.bannerVisibleMs.median))} |`,
          `| less main-thread time than every peer (median) | ${verdict(beatsPeers((b) => b.taskMs.median))} |`,
          `| no blocked script before consent | ${verdict(amanat?.runsWithScriptsBeforeConsent === 0)} |`,
          `| CLS 0 | ${verdict(amanat?.cls.max === 0)} |`,
        ]),
    '',
  ];
}
