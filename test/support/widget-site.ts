// The operator's shop page for the cookie-banner browser tests, and the helpers the tests share. Host names
// under example.test map to 127.0.0.1 in the browser, so a cookie set for the parent domain can be checked to
// be deleted across subdomains.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM } from './browser.js';

export const listen = async (server: Server): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

export const launchChromium = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--host-resolver-rules=MAP *.example.test 127.0.0.1'],
  });

/** Paths of the gated resources among the site's hits. */
export const gated = (hits: string[]) =>
  hits.filter((h) => ['/ext.js', '/frame.html', '/pixel.png'].includes(h));

/** The operator's page: gated inline and external scripts, an iframe and an image, a settings link. */
function page(url: URL, amanat: string): string {
  const nonce = url.searchParams.has('csp') ? ' nonce="n0nce"' : '';
  const lang = url.searchParams.get('lang');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Магазин</title>
<script${nonce}>window.__ran=[];window.__csp=[];document.addEventListener('securitypolicyviolation',function(e){__csp.push(e.violatedDirective)});
window.addLater=function(cat){var s=document.createElement('script');s.type='text/plain';s.setAttribute('data-category',cat);s.text="__ran.push('late-"+cat+"')";document.body.appendChild(s)};</script>
<script src="${amanat}/widget.js" async${lang ? ` data-lang="${lang}"` : ''}></script>
<script type="text/plain" data-category="necessary"${nonce}>__ran.push('necessary')</script>
<script type="text/plain" data-category="analytics"${nonce}>
window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}
gtag('js',new Date());gtag('config','G-TEST');
document.cookie='_ga=GA1.1.42; path=/; domain=example.test';document.cookie='_ga_ABC=GS1.1; path=/';
__ran.push('analytics')</script>
<script type="text/plain" data-category="analytics" data-src="/ext.js"${nonce}></script>
<script type="text/plain" data-category="marketing"${nonce}>document.cookie='_gcl_au=1.1; path=/';__ran.push('marketing')</script>
<script type="text/plain" data-category="__proto__"${nonce}>__ran.push('proto')</script>
<script type="text/plain" data-category="constructor"${nonce}>__ran.push('constructor')</script>
</head><body><main><h1>Магазин</h1><p>Товары и услуги.</p>
${url.searchParams.has('noframe') ? '' : '<iframe data-src="/frame.html" data-category="marketing" data-vendor="YouTube" title="Видео"></iframe>'}
<img data-src="/pixel.png" data-category="marketing" alt="">
<p><button type="button" id="settings" data-amanat-settings>Настройки cookie</button></p></main>
<footer><a href="#" id="settings-link" data-amanat-settings></a></footer></body></html>`;
}

/** The operator's site on its own origin; `hits` collects every path asked for. */
export function operatorSite(amanatOrigin: () => string, hits: string[]) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const amanat = amanatOrigin();
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(url.pathname);
    if (url.pathname === '/') {
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
      if (url.searchParams.has('csp'))
        headers['content-security-policy'] =
          `default-src 'self'; script-src 'self' 'nonce-n0nce' ${amanat}; style-src 'self' ${amanat}; connect-src ${amanat}; img-src 'self'; frame-src 'self'`;
      res.writeHead(200, headers);
      res.end(page(url, amanat));
    } else if (url.pathname === '/ext.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end("__ran.push('analytics-ext')");
    } else if (url.pathname === '/frame.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>video</title><p>video</p>');
    } else if (url.pathname === '/pixel.png') {
      res.writeHead(200, { 'content-type': 'image/gif' });
      res.end(Buffer.from('R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==', 'base64'));
    } else {
      res.writeHead(404);
      res.end();
    }
  };
}

export const js = <T = any>(p: Page, expression: string): Promise<T> => p.evaluate(expression) as Promise<T>;
export const ran = (p: Page) => js<string[]>(p, 'window.__ran');
export const consentEntries = (p: Page) =>
  js<any[][]>(
    p,
    `(window.dataLayer||[]).map(function(a){return Array.prototype.slice.call(a)}).filter(function(a){return a[0]==='consent'})`,
  );
export const cookieNames = async (ctx: BrowserContext) => (await ctx.cookies()).map((c) => c.name).sort();
export const stored = async (ctx: BrowserContext) => {
  const c = (await ctx.cookies()).find((x) => x.name === 'amanat_consent');
  return c ? JSON.parse(decodeURIComponent(c.value)) : null;
};

export const button = (p: Page, scope: string, name: string) =>
  p.locator(scope).getByRole('button', { name, exact: true });
