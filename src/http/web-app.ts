// The web app built into web/dist (AMANAT_WEB_DIR): the privacy centre (index.html) at / and at every page
// path the server does not answer itself, the console (console.html) at /console and below, the hashed
// assets under /assets with immutable caching. Each HTML answer gets a fresh nonce in place of __CSP_NONCE__
// and the Content-Security-Policy naming it. Before the app is built, a page in Russian and English says how.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from './auth.js';

const NONCE_MARK = /__CSP_NONCE__/g;

/** The web app's policy: its own files only; styles also by this answer's nonce (Mantine's style tags). */
export function webAppCsp(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Paths the server answers itself: never the privacy centre's page, even for a browser. */
const SERVER_PATHS = /^\/(api|policy|\.well-known|branding|assets)(\/|$)|^\/widget\./;

const NOT_BUILT = `<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Amanat: веб-интерфейс не собран / the web app is not built</title></head>
<body>
<main>
<h1>Веб-интерфейс не собран</h1>
<p>Центр конфиденциальности и консоль ещё не собраны на этом сервере. Администратору: выполните
<code>npm install</code> (со средствами разработки: сборке нужен Vite), затем <code>npm run build</code>,
и перезапустите сервер; <code>npm start</code> собирает их сам, когда Vite установлен.
API работает: <a href="/api/health">/api/health</a>, политика: <a href="/policy">/policy</a>.</p>
<h1 lang="en">The web app is not built</h1>
<p lang="en">The privacy centre and the console are not built on this server. Administrator: run
<code>npm install</code> (with the development dependencies: the build needs Vite), then
<code>npm run build</code>, and restart the server; <code>npm start</code> builds them itself when Vite is
installed. The API works: <a href="/api/health">/api/health</a>, the policy: <a href="/policy">/policy</a>.</p>
</main>
</body>
</html>
`;

export function mountWebApp(app: OpenAPIHono<AppEnv>, dir: string) {
  const root = resolve(dir);
  const pages = new Map<string, { mtimeMs: number; text: string }>();

  /** The page's text, read again only when the build changed it. */
  function page(name: string): string | null {
    const file = join(root, name);
    try {
      const { mtimeMs } = statSync(file);
      const known = pages.get(name);
      if (known && known.mtimeMs === mtimeMs) return known.text;
      const text = readFileSync(file, 'utf8');
      pages.set(name, { mtimeMs, text });
      return text;
    } catch {
      return null;
    }
  }

  function html(c: Context, name: 'index.html' | 'console.html'): Response {
    const text = page(name);
    if (text === null) {
      return c.body(NOT_BUILT, 503, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'retry-after': '60',
      });
    }
    const nonce = randomBytes(16).toString('base64');
    return c.body(text.replace(NONCE_MARK, nonce), 200, {
      'content-type': 'text/html; charset=utf-8',
      // The nonce is this answer's alone: the page is never reused from a cache.
      'cache-control': 'no-store',
      'content-security-policy': webAppCsp(nonce),
    });
  }

  /** A built file under the folder, or null (no file, a folder, a path leaving the folder). */
  function file(relative: string): { bytes: Buffer; type: string } | null {
    const path = resolve(root, `.${relative}`);
    if (!path.startsWith(root + sep)) return null;
    const type = TYPES[extname(path).toLowerCase()];
    if (!type) return null;
    try {
      if (!statSync(path).isFile()) return null;
      return { bytes: readFileSync(path), type };
    } catch {
      return null;
    }
  }

  app.get('/', (c) => html(c, 'index.html'));
  app.get('/console', (c) => html(c, 'console.html'));
  app.get('/console/*', (c) => html(c, 'console.html'));
  app.get('/assets/*', (c) => {
    const found = file(c.req.path);
    if (!found) return c.notFound();
    // File names carry their content's hash: a changed file is a new name.
    return c.body(new Uint8Array(found.bytes), 200, {
      'content-type': found.type,
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  /**
   * For a path no route answers: a browser asking for a page gets the privacy centre (its router reads the
   * path); a file at the top of the build (favicon.ico, robots.txt) is served as it is. Else null.
   */
  return function fallback(c: Context): Response | null {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return null;
    const path = c.req.path;
    if (SERVER_PATHS.test(path)) return null;
    if (/^\/[^/]+$/.test(path) && !path.endsWith('.html')) {
      const found = file(path);
      if (found) {
        return c.body(new Uint8Array(found.bytes), 200, {
          'content-type': found.type,
          'cache-control': 'public, max-age=300',
        });
      }
    }
    if (!(c.req.header('accept') ?? '').includes('text/html')) return null;
    return html(c, 'index.html');
  };
}
