// bin/amanat.js runs the CLI from a bundle of the sources and builds it again when a source it was built
// from changes, so a command never runs code older than the sources beside it.
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../src/lib/paths.js';
import { runCli } from './support/processes.js';

const manifestFile = fromPackageRoot('.cache', 'cli', 'amanat.mjs.json');
const manifest = () =>
  JSON.parse(readFileSync(manifestFile, 'utf8')) as { builtAt: number; inputs: string[] };

describe('the CLI launcher', () => {
  it('runs from a bundle of the sources and rebuilds it when one of them changes', () => {
    const first = runCli(['--version']);
    expect(first.status).toBe(0);
    expect(first.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const before = manifest();
    expect(before.inputs).toContain('src/cli/main.ts');
    expect(before.inputs).toContain('src/lib/paths.ts');

    // A source edited after the build (its mtime moved past the build's start) makes the bundle stale.
    const source = fromPackageRoot('src', 'lib', 'paths.ts');
    const { atime } = statSync(source);
    const later = new Date(Math.max(Date.now(), before.builtAt) + 2_000);
    utimesSync(source, atime, later);
    const second = runCli(['--version']);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(manifest().builtAt).toBeGreaterThan(before.builtAt);
  });
});
