// The Content-Security-Policy as a browser enforces it: the web app's styles carrying the answer's nonce apply
// and a style without it is refused; the published policy page renders with its inline styles (allowed by
// their hashes) and no violation at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server.js';
import { CHROMIUM, chromiumAvailable } from '../support/browser.js';
import { createTestAmanat, type TestAmanat } from '../support/stores.js';
import { fakeBuild } from '../support/web.js';

declare global {
  interface Window {
    violations: string[];
  }
}

describe.skipIf(!chromiumAvailable)('CSP in a real browser', () => {
  let t: TestAmanat;
  let server: RunningServer;
  let browser: Browser;
  const root = mkdtempSync(join(tmpdir(), 'amanat-csp-'));

  beforeAll(async () => {
    fakeBuild(join(root, 'dist'));
    t = await createTestAmanat('pglite');
    server = await startServer(t.amanat, {
      port: 0,
      host: '127.0.0.1',
      bodyLimitBytes: 1 << 20,
      logRequests: false,
      webDir: join(root, 'dist'),
      log: () => {},
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function open(path: string, policy?: RegExp): Promise<Page> {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status()).toBe(200);
    // The header itself, as sent over the wire (a page without any policy would pass the checks below too).
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(policy ?? /style-src 'self' 'nonce-/);
    expect(csp).not.toContain('unsafe-inline');
    return page;
  }

  it('the web app: the nonce’s style applies, a style without it is refused', async () => {
    for (const [path, entry] of [
      ['/consents', 'centre'],
      ['/console/requests', 'console'],
    ] as const) {
      const page = await open(path);
      await page.waitForFunction(() => document.getElementById('root')?.textContent?.endsWith('ready'));
      expect(await page.textContent('#root')).toBe(`${entry} ready`);
      expect(await page.$eval('#root', (e) => getComputedStyle(e).color)).toBe('rgb(1, 2, 3)');
      expect(await page.$eval('body', (e) => getComputedStyle(e).backgroundColor)).not.toBe('rgb(9, 9, 9)');
      expect(await page.evaluate(() => window.violations)).toEqual(['style-src-elem inline']);
      await page.close();
    }
  });

  it('the published policy renders with its own styles and no violation', async () => {
    for (const lang of ['ru', 'kk', 'en']) {
      const page = await open(`/policy?lang=${lang}`, /style-src 'sha256-/);
      expect(await page.$eval('h1', (e) => getComputedStyle(e).textAlign)).toBe('center');
      expect(await page.evaluate(() => window.violations)).toEqual([]);
      await page.close();
    }
  });
});
