// `npm start` on a fresh store publishes the loaded register as the first policy version and serves /policy;
// `amanat policy` then works through the running server, and directly on the store once it stops.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type StartedServer, startServerProcess } from './support/processes.js';

// Each command is a process of its own (tsx): on a busy machine a few seconds each.
describe('amanat policy and the first version at start (CLI)', { timeout: 400_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'amanat-policy-cli-'));
  const env = { AMANAT_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'), DATA_DIR: dataDir, JOBS: 'false' };
  let server: StartedServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes at start, then publish/versions/show through the server and directly', async () => {
    server = await startServerProcess(env);
    // The first version is published once the server listens (rendering takes seconds on a busy machine).
    const deadline = Date.now() + 120_000;
    while (!server.output().includes('Опубликована первая редакция политики «2025-01»')) {
      if (Date.now() > deadline) throw new Error(`no first policy version:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const page = await fetch(`${server.url}/policy?lang=kk`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('lang="kk"');

    const again = runCli(['policy', 'publish'], env);
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('Реестр не изменился с редакции «2025-01»');

    const versions = runCli(['policy', 'versions'], env);
    expect(versions.stdout).toMatch(/^2025-01 {2}\d{4}-\d{2}-\d{2} {2}[0-9a-f]{64}$/m);

    const out = join(dataDir, 'policy-kk.pdf');
    const shown = runCli(
      ['policy', 'show', '--at', '2200-01-01', '--lang', 'kk', '--format', 'pdf', '--out', out],
      env,
    );
    expect(shown.stdout).toContain('Записано / Written');
    expect(readFileSync(out).subarray(0, 4).toString()).toBe('%PDF');

    const unknown = runCli(['policy', 'show', '--version', 'nope'], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('nope');
    expect(unknown.stderr).toContain('2025-01');

    expect(await server.stop()).toBe(0);
    server = undefined;
    const direct = runCli(['policy', 'show', '--version', '2025-01', '--json'], env);
    expect(direct.status).toBe(0);
    const version = JSON.parse(direct.stdout) as { id: string; documents: { sha256: string }[] };
    expect(version.id).toBe('2025-01');
    // The policy (HTML, PDF) and five consent forms (text, HTML), in three languages.
    expect(version.documents).toHaveLength(36);
  });
});
