// Browser tests' server: the test Amanat's HTTP app listening on a loopback port, with the built web app (web/dist)
// in front of it for the pages the app does not answer itself (the app serves them once its web-serving routes
// exist; then this adds nothing). Pages get the per-response CSP nonce and the Content-Security-Policy of contract
// C5, so the tests run the pages under the policy production sends.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createHttpApp } from '../../src/http/app.js';
import type { TestApi } from '../support/api.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'web', 'dist');

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Builds web/dist when it is missing or older than the web app's sources. */
export function ensureWebBuilt(): void {
  const built = join(dist, 'index.html');
  const sources = Math.max(
    newest(join(root, 'web', 'src')),
    newest(join(root, 'web', 'index.html')),
    newest(join(root, 'web', 'vite.config.ts')),
    newest(join(root, 'web', 'vite.centre.config.ts')),
  );
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'pipe' });
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const csp = (nonce: string) =>
  "default-src 'self'; script-src 'self'; " +
  `style-src 'self' 'nonce-${nonce}'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; ` +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

function staticAnswer(path: string): Response | null {
  if (path.startsWith('/assets/')) {
    const file = join(dist, 'assets', path.slice('/assets/'.length).replace(/[^\w.-]/g, ''));
    if (!existsSync(file)) return null;
    return new Response(readFileSync(file), {
      headers: { 'content-type': types[extname(file)] ?? 'application/octet-stream' },
    });
  }
  const serverRoute =
    path.startsWith('/api/') ||
    path === '/policy' ||
    path.startsWith('/policy/') ||
    path.startsWith('/.well-known/');
  if (serverRoute) return null;
  const page = path === '/console' || path.startsWith('/console/') ? 'console.html' : 'index.html';
  const nonce = randomBytes(16).toString('base64');
  const html = readFileSync(join(dist, page), 'utf8').replaceAll('__CSP_NONCE__', nonce);
  return new Response(html, {
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp(nonce) },
  });
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(api: TestApi): Promise<WebServer> {
  // The same Amanat, served with a public limit that a whole test file's page loads from one loopback address stay
  // under (a person loads a few pages; the limits have their own tests).
  const app = createHttpApp(api.amanat, {
    bodyLimitBytes: 1024 * 1024,
    publicLimit: { burst: 1000, perMinute: 1000 },
  });
  const server = serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: async (request, env) => {
      const answer = await app.fetch(request, env);
      if (answer.status !== 404) return answer;
      return staticAnswer(new URL(request.url).pathname) ?? answer;
    },
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
