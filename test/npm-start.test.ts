// `npm start` as systemd, Docker or a terminal runs it: SIGTERM to the npm process stops the server (port and
// PGlite lock freed), and the data folder is the owner's alone.

import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLock } from '../src/db/lock.js';
import { fromPackageRoot } from '../src/lib/paths.js';
import { startServerProcess } from './support/processes.js';

function npmStart(env: Record<string, string>) {
  const child = spawn('npm', ['start'], {
    cwd: fromPackageRoot(),
    env: { ...process.env, PORT: '0', LOG_REQUESTS: 'false', JOBS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const url = new Promise<string>((resolve, reject) => {
    // A first start builds the web app (tens of seconds on a busy machine) before the server listens.
    const timer = setTimeout(() => reject(new Error(`npm start did not listen:\n${out}`)), 240_000);
    child.stdout!.on('data', () => {
      const match = /слушает (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${out}`));
    });
  });
  return { child, url, output: () => out };
}

function viteInstalled(): boolean {
  try {
    createRequire(fromPackageRoot('package.json')).resolve('vite/package.json');
    return true;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });
}

/** Every folder and file under dir (dir included) with its permission bits. */
function modesUnder(dir: string): { path: string; kind: 'folder' | 'file'; mode: number }[] {
  const self = { path: dir, kind: 'folder' as const, mode: lstatSync(dir).mode & 0o777 };
  return [
    self,
    ...readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return modesUnder(path);
      return [{ path, kind: 'file' as const, mode: lstatSync(path).mode & 0o777 }];
    }),
  ];
}

function notOwnerOnly(dir: string) {
  return modesUnder(dir)
    .filter((e) => e.mode !== (e.kind === 'folder' ? 0o700 : 0o600))
    .map((e) => `${e.path.slice(dir.length) || '/'} ${e.mode.toString(8)}`);
}

describe('npm start and SIGTERM', () => {
  const root = mkdtempSync(join(tmpdir(), 'amanat-npm-start-'));
  const dataDir = join(root, 'data');
  let leftover: number | undefined;

  afterAll(() => {
    // A server that outlived its npm (the defect this file tests) is stopped here, by the pid in its lock.
    if (leftover) {
      try {
        process.kill(leftover, 'SIGKILL');
      } catch {}
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('SIGTERM to the npm process frees the port and the PGlite lock; the folder is owner-only', async () => {
    // A data folder as an earlier version left it: 0755 folders, a 0644 file in a store folder.
    mkdirSync(join(dataDir, 'store'), { recursive: true });
    writeFileSync(join(dataDir, 'store', 'left-by-an-earlier-version'), 'x');
    chmodSync(join(dataDir, 'store', 'left-by-an-earlier-version'), 0o644);
    chmodSync(join(dataDir, 'store'), 0o755);
    chmodSync(dataDir, 0o755);

    const npm = npmStart({ DATA_DIR: dataDir });
    const started = Date.now();
    const url = await npm.url;
    console.log(`npm start listened after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    // The privacy centre and the console: built by npm start where the web app's sources and Vite are present
    // (the page, with a fresh nonce in it and its policy), else the page saying how to build them (503).
    const buildable = existsSync(fromPackageRoot('web', 'vite.config.ts')) && viteInstalled();
    for (const path of ['/', '/console']) {
      const page = await fetch(`${url}${path}`, { headers: { accept: 'text/html' } });
      const text = await page.text();
      expect(page.status, `${path}: ${text.slice(0, 300)}\n${npm.output()}`).toBe(buildable ? 200 : 503);
      expect(page.headers.get('content-type')).toContain('text/html');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      if (buildable) {
        const nonce = /name="csp-nonce" content="([^"]+)"/.exec(text)?.[1];
        expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
        expect(csp).toContain(`'nonce-${nonce}'`);
      } else {
        expect(text).toContain('npm run build');
      }
    }
    leftover = readLock(dataDir)?.pid;
    expect(leftover).toBeDefined();
    expect(notOwnerOnly(dataDir)).toEqual([]);

    npm.child.kill('SIGTERM');
    await exited(npm.child);
    // npm is gone; so must the server be: nothing answers on its port, and the lock's holder is gone.
    const after = await fetch(`${url}/api/health`).then(
      (r) => `answered ${r.status}`,
      () => 'refused',
    );
    expect(after).toBe('refused');
    expect(readLock(dataDir)).toBeNull();
    expect(npm.output()).toContain('SIGTERM: останавливаюсь');
    leftover = undefined;

    // The same folder opens again, and what the server wrote while it ran is owner-only too.
    const second = await startServerProcess({ DATA_DIR: dataDir, JOBS: 'false' });
    try {
      expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(notOwnerOnly(dataDir)).toEqual([]);
  }, 400_000);
});
