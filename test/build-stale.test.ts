// `npm start` builds the web app and the widget when their build is missing or older than a source, skips a part
// whose sources are absent, and starts the server whatever the build does (Vite missing, a failed build).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildStale, parts, staleness } from '../scripts/build-stale.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'amanat-build-'));
  roots.push(root);
  writeFileSync(join(root, 'package.json'), '{"name":"x","type":"module"}');
  for (const [file, minutesAgo] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), 'x');
    const at = new Date(Date.UTC(2026, 2, 1, 12, 0) - minutesAgo * 60_000);
    utimesSync(join(root, file), at, at);
  }
  // Folders dated with the oldest file: only files decide.
  for (const folder of ['web', 'web/src', 'web/dist', 'clients', 'clients/ts', 'clients/ts/src']) {
    const at = new Date(Date.UTC(2026, 1, 1));
    try {
      utimesSync(join(root, folder), at, at);
    } catch {}
  }
  return root;
}

const web = (root: string) => parts(root).find((p) => p.name === 'web')!;

describe('build at start', () => {
  it('is fresh when the outputs are newer than every source, stale when a source changed, missing without them', () => {
    const fresh = tree({
      'web/vite.config.ts': 30,
      'web/src/main.tsx': 20,
      'clients/ts/src/schema.d.ts': 25,
      'web/dist/index.html': 10,
      'web/dist/console.html': 10,
    });
    expect(staleness(web(fresh), fresh)).toBeNull();

    const edited = tree({
      'web/vite.config.ts': 30,
      'web/src/main.tsx': 5,
      'web/dist/index.html': 10,
      'web/dist/console.html': 10,
    });
    expect(staleness(web(edited), edited)).toBe('stale');

    // The generated API client is a source of the web app too.
    const client = tree({
      'web/vite.config.ts': 30,
      'clients/ts/src/schema.d.ts': 1,
      'web/dist/index.html': 10,
      'web/dist/console.html': 10,
    });
    expect(staleness(web(client), client)).toBe('stale');

    const half = tree({ 'web/vite.config.ts': 30, 'web/dist/index.html': 10 });
    expect(staleness(web(half), half)).toBe('missing');
  });

  it('skips absent parts, says when Vite is missing or a build fails, and never throws', () => {
    const root = tree({ 'web/vite.config.ts': 30, 'scripts/build-widget.ts': 30 });
    const lines: string[] = [];
    // No node_modules here: neither Vite nor tsx can be found.
    const results = buildStale({ root, log: (line: string) => lines.push(line), env: {} });
    expect(results).toEqual({ web: 'no-tool', widget: 'failed' });
    expect(lines.join('\n')).toContain('Vite не установлен');
    expect(lines.join('\n')).toContain('сборка не удалась');

    const empty = tree({});
    expect(buildStale({ root: empty, log: () => {}, env: {} })).toEqual({ web: 'absent', widget: 'absent' });
    // Another folder served (AMANAT_WEB_DIR): the package's web/dist is left alone.
    expect(buildStale({ root, log: () => {}, env: { AMANAT_WEB_DIR: '/srv/web' } }).web).toBe('elsewhere');
  });
});
