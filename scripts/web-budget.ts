// The privacy centre's first-load JS, gzipped: every script web/dist/index.html loads (its module entry and the
// chunks it preloads) and the static imports they pull in, each counted once. Dynamic imports (lazy routes) are
// not first load. The budget is 80 kB (1 kB = 1000 bytes, as Vite counts); the exit code is 1 over it.
// Run after `npm run build:web`: `npx tsx scripts/web-budget.ts [--json]`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CENTRE_BUDGET_BYTES = 80_000;
const dist = fileURLToPath(new URL('../web/dist/', import.meta.url));

export interface WebBudget {
  files: Array<{ file: string; bytes: number; gzip: number }>;
  bytes: number;
  gzip: number;
  budget: number;
}

/** The scripts a page loads first: its <script src> and <link rel=modulepreload>, then their static imports. */
export function firstLoad(page = 'index.html'): WebBudget {
  const html = readFileSync(join(dist, page), 'utf8');
  const queue = [
    ...html.matchAll(/<script[^>]*\ssrc="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const seen = new Set<string>();
  const files: WebBudget['files'] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file));
    files.push({ file, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length });
    // Static imports between chunks: `import{…}from"./x.js"` and bare `import"./x.js"` (not `import(`).
    for (const m of code.toString('utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      queue.push(join(file.slice(0, file.lastIndexOf('/') + 1), m[1]!));
    }
  }
  const sum = (key: 'bytes' | 'gzip') => files.reduce((total, f) => total + f[key], 0);
  return { files, bytes: sum('bytes'), gzip: sum('gzip'), budget: CENTRE_BUDGET_BYTES };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(join(dist, 'index.html'))) {
    console.error('web/dist/index.html is missing: run `npm run build:web` first.');
    process.exit(2);
  }
  const result = firstLoad();
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    for (const f of result.files) console.log(`${f.file}  ${kb(f.bytes)}  gzip ${kb(f.gzip)}`);
    console.log(
      `privacy centre first load: ${kb(result.bytes)} of JS, ${kb(result.gzip)} gzipped ` +
        `(budget ${kb(result.budget)}: ${result.gzip <= result.budget ? 'within' : 'OVER'})`,
    );
  }
  process.exit(result.gzip <= result.budget ? 0 : 1);
}
