#!/usr/bin/env node
// Builds what the server serves besides the API, when it is missing or older than any of its sources (the mtime
// check bin/amanat.js makes for the CLI bundle): the web app (Vite: web/ → web/dist) and the cookie widget
// (scripts/build-widget.ts → widget/dist). `npm start` runs it first; `npm run build` runs it with --all (every
// part, fresh or not). A part whose sources are absent is skipped; a build that cannot run (Vite is a
// development dependency: `npm install --omit=dev` has none) or fails is reported and the server starts anyway,
// serving the previous build or a page saying the web app is not built. Plain JavaScript: no loader to start.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The parts, with their sources, outputs and how each is built (relative to the package root). */
export function parts(root = packageRoot) {
  return [
    {
      name: 'web',
      title: 'веб-интерфейс / web app',
      entry: 'web/vite.config.ts',
      sources: ['web', 'clients/ts/src'],
      skip: ['web/dist'],
      outputs: ['web/dist/index.html', 'web/dist/console.html'],
      command: () => {
        let vite;
        try {
          vite = join(
            dirname(createRequire(join(root, 'package.json')).resolve('vite/package.json')),
            'bin',
            'vite.js',
          );
        } catch {
          return null;
        }
        // The console on React first (it empties web/dist), then the privacy centre on preact/compat beside it.
        return ['web/vite.config.ts', 'web/vite.centre.config.ts'].map((config) => [
          process.execPath,
          [vite, 'build', '--config', config, '--logLevel', 'warn'],
        ]);
      },
      missingTool:
        'Vite не установлен (npm install без --omit=dev) / Vite is not installed (a development dependency)',
    },
    {
      name: 'widget',
      title: 'cookie-виджет / cookie widget',
      entry: 'scripts/build-widget.ts',
      sources: ['widget', 'scripts/build-widget.ts'],
      skip: ['widget/dist'],
      outputs: ['widget/dist/widget.js', 'widget/dist/widget.css'],
      command: () => [[process.execPath, ['--import', 'tsx', 'scripts/build-widget.ts']]],
      missingTool: '',
    },
  ];
}

/** The newest modification time under the paths (folders walked; node_modules and the skipped ones left out). */
function newest(root, paths, skip) {
  let latest = 0;
  const walk = (path) => {
    if (skip.has(path) || basename(path) === 'node_modules') return;
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      latest = Math.max(latest, stat.mtimeMs);
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const path of paths) walk(join(root, path));
  return latest;
}

/** Why the part must be built ('missing', 'stale'), or null when its outputs are newer than every source. */
export function staleness(part, root = packageRoot) {
  let oldestOutput = Number.POSITIVE_INFINITY;
  for (const output of part.outputs) {
    try {
      oldestOutput = Math.min(oldestOutput, statSync(join(root, output)).mtimeMs);
    } catch {
      return 'missing';
    }
  }
  const skip = new Set(part.skip.map((p) => join(root, p)));
  return newest(root, part.sources, skip) > oldestOutput ? 'stale' : null;
}

/** Builds each part that needs it (every part with `all`); never throws: the server starts whatever happens. */
export function buildStale({ root = packageRoot, all = false, log = console.log, env = process.env } = {}) {
  const results = {};
  for (const part of parts(root)) {
    if (!existsSync(join(root, part.entry))) {
      results[part.name] = 'absent';
      log(`${part.title}: нет ${part.entry}, пропускаю / no ${part.entry}, skipped`);
      continue;
    }
    // The server is told to serve another folder: the package's own web/dist is not its business.
    if (
      part.name === 'web' &&
      env.AMANAT_WEB_DIR &&
      resolve(env.AMANAT_WEB_DIR) !== join(root, 'web', 'dist')
    ) {
      results[part.name] = 'elsewhere';
      continue;
    }
    const why = all ? 'requested' : staleness(part, root);
    if (!why) {
      results[part.name] = 'fresh';
      continue;
    }
    /** The commands that build the part, in order: [file, args][]. */
    const command = part.command();
    if (!command) {
      results[part.name] = 'no-tool';
      log(
        `${part.title}: ${part.missingTool}; не пересобран, сервер отдаёт прежнюю сборку, если она есть / not rebuilt`,
      );
      continue;
    }
    const reason =
      why === 'missing'
        ? 'сборки нет / not built'
        : why === 'stale'
          ? 'исходники новее / sources changed'
          : '';
    log(`${part.title}: собираю${reason ? ` (${reason})` : ''} / building…`);
    const started = Date.now();
    let run;
    for (const [file, args] of command) {
      run = spawnSync(file, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env });
      if (run.status !== 0) break;
    }
    if (run.status === 0) {
      results[part.name] = 'built';
      log(`${part.title}: собран за ${((Date.now() - started) / 1000).toFixed(1)} с / built`);
    } else {
      results[part.name] = 'failed';
      log(
        `${part.title}: сборка не удалась (${run.error?.message ?? `код ${run.status}`}); сервер запускается без неё / the build failed, starting without it`,
      );
    }
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const all = process.argv.includes('--all');
  if (!all && /^(false|0)$/.test(process.env.AMANAT_BUILD_ON_START ?? '')) process.exit(0);
  const results = buildStale({ all });
  // `npm run build` (--all) fails when a present part failed; `npm start` starts the server whatever happened.
  process.exit(all && Object.values(results).some((r) => r === 'failed' || r === 'no-tool') ? 1 : 0);
}
