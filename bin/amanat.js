#!/usr/bin/env node
// Launcher of the CLI. A clone needs no build step: the TypeScript sources are bundled on first use into
// .cache/cli/amanat.mjs (esbuild, our sources only, packages stay in node_modules) and the bundle is run while
// none of its sources changed since; a command then starts in about a third of the time the same command
// takes through the tsx loader, which resolves and transforms some 300 files one by one (BENCHMARKS.md, CLI
// start). Where the bundle cannot be built or written (a read-only install), the sources run through tsx.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Two levels below the root, like src/cli/main.ts, so src/lib/paths.ts finds the package root from the bundle.
const bundle = join(root, '.cache', 'cli', 'amanat.mjs');
const manifest = `${bundle}.json`;

/** The bundle, when it exists and none of the files it was built from changed (or vanished) since. */
function freshBundle() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(manifest, 'utf8'));
    statSync(bundle);
    for (const input of inputs) if (statSync(join(root, input)).mtimeMs >= builtAt) return null;
    return bundle;
  } catch {
    return null;
  }
}

async function buildBundle() {
  const { build } = await import('esbuild');
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  mkdirSync(dirname(bundle), { recursive: true });
  // Written under a temporary name and renamed: commands started at the same moment never read half a file.
  const temporary = `${bundle}.${process.pid}`;
  writeFileSync(temporary, result.outputFiles[0].contents);
  writeFileSync(
    `${temporary}.json`,
    JSON.stringify({ builtAt, inputs: Object.keys(result.metafile.inputs) }),
  );
  renameSync(temporary, bundle);
  renameSync(`${temporary}.json`, manifest);
  return bundle;
}

async function entry() {
  const fresh = freshBundle();
  if (fresh) return pathToFileURL(fresh).href;
  try {
    return pathToFileURL(await buildBundle()).href;
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return '../src/cli/main.ts';
  }
}

await import(await entry());
