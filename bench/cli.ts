// CLI start: the same commands run through bin/amanat.js (the bundle of the sources) and through the tsx
// loader (what the launcher falls back to, and what it did before the bundle), interleaved in one run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromPackageRoot } from '../src/lib/paths.js';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 10);

const commands: { name: string; args: string[] }[] = [
  { name: '`amanat --version`', args: ['--version'] },
  {
    name: '`amanat register validate` (example register)',
    args: ['register', 'validate', fromPackageRoot('examples', 'nextbot.kz', 'register.yaml')],
  },
];

function timed(argv: string[], env: Record<string, string>): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, argv, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

export async function benchCliStart() {
  const dataDir = mkdtempSync(join(tmpdir(), 'amanat-bench-cli-'));
  const env = {
    DATA_DIR: dataDir,
    REGISTER_FILE: fromPackageRoot('examples', 'nextbot.kz', 'register.yaml'),
  };
  const bundled = [fromPackageRoot('bin', 'amanat.js')];
  const loader = ['--import', 'tsx', fromPackageRoot('src', 'cli', 'main.ts')];
  try {
    timed([...bundled, '--version'], env); // builds the bundle if it is stale; not counted
    const rows = commands.map(({ name, args }) => {
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Alternating order, so drift falls on both sides.
        if (i % 2 === 0) {
          a.push(timed([...bundled, ...args], env));
          b.push(timed([...loader, ...args], env));
        } else {
          b.push(timed([...loader, ...args], env));
          a.push(timed([...bundled, ...args], env));
        }
      }
      return { command: name, bundleMs: Math.round(median(a)), loaderMs: Math.round(median(b)) };
    });
    return { runs: RUNS, rows, runAt: new Date().toISOString() };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function cliStartTable(result: Awaited<ReturnType<typeof benchCliStart>>): string[] {
  return [
    `CLI start (${result.runs} runs each, alternating, medians; measured ${result.runAt}): the launcher runs a bundle`,
    'of the sources; the baseline runs the same sources through the tsx loader.',
    '',
    '| command | bundle ms | tsx loader ms | bundle / loader |',
    '|---|---|---|---|',
    ...result.rows.map(
      (r) =>
        `| ${r.command} | ${r.bundleMs} | ${r.loaderMs} | ${Math.round((r.bundleMs / r.loaderMs) * 100)} % |`,
    ),
    '',
  ];
}
