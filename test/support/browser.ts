// The real server with the built web app (web/dist), for browser tests: builds web/dist first when a source is
// newer than it, then starts the server as `npm start` does (it serves /console and the CSP of contract C5).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Amanat } from '../../src/app/amanat.js';
import { type RunningServer, startServer } from '../../src/server.js';

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

/** The server on a free port of 127.0.0.1, web app from web/dist, sign-in limits out of the way. */
export function startWebServer(amanat: Amanat): Promise<RunningServer> {
  return startServer(amanat, {
    port: 0,
    host: '127.0.0.1',
    bodyLimitBytes: 1 << 20,
    logRequests: false,
    signInLimit: { burst: 1000, perMinute: 1000 },
    webDir: dist,
  });
}
