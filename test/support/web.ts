// The built web app (web/dist) in front of a test Amanat, for browser tests: /console and /console/* answer
// console.html, / and the centre's paths index.html, /assets/* the built files; each page gets a fresh CSP nonce and
// the Content-Security-Policy of contract C5, so a page that needs 'unsafe-inline' fails here as in production.
// Everything else goes to the real HTTP application. Builds web/dist first when a source is newer than it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Amanat } from '../../src/app/amanat.js';
import { createHttpApp } from '../../src/http/app.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'web', 'dist');

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build:web` when web/dist is missing or older than web/src or the generated client. */
export function buildWebIfStale(): void {
  const built = existsSync(join(dist, 'console.html')) ? statSync(join(dist, 'console.html')).mtimeMs : 0;
  const sources = Math.max(
    newestIn(join(root, 'web', 'src')),
    statSync(join(root, 'clients', 'ts', 'src', 'schema.d.ts')).mtimeMs,
  );
  if (built > sources) return;
  const result = spawnSync('npm', ['run', 'build:web'], {
    cwd: root,
    encoding: 'utf8',
    // Vitest sets NODE_ENV=test, which would give React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`npm run build:web failed:\n${result.stdout}\n${result.stderr}`);
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

function page(file: string): Response {
  const nonce = randomBytes(16).toString('base64');
  const html = readFileSync(join(dist, file), 'utf8').replaceAll('__CSP_NONCE__', nonce);
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data: blob:; ` +
        "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; " +
        "object-src 'none'",
    },
  });
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(amanat: Amanat): Promise<WebServer> {
  const app = createHttpApp(amanat, {
    bodyLimitBytes: 1 << 20,
    signInLimit: { burst: 1000, perMinute: 1000 },
  });
  const fetch = (request: Request, env: unknown): Response | Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (pathname === '/console' || pathname.startsWith('/console/')) return page('console.html');
    if (pathname.startsWith('/assets/')) {
      const file = join(dist, 'assets', pathname.slice('/assets/'.length));
      if (!file.startsWith(join(dist, 'assets')) || !existsSync(file))
        return new Response('', { status: 404 });
      const type = types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
      return new Response(readFileSync(file), { headers: { 'content-type': type } });
    }
    return app.fetch(request, env as never);
  };
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
