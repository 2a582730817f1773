// `amanat retention plan|run|acts|act` on an embedded store, as an operator would type them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmanat } from '../src/app/amanat.js';
import { openStores } from '../src/db/database.js';
import { pdfText, pdftotextAvailable } from './support/pdf.js';
import { runCli } from './support/processes.js';
import { exampleRegister } from './support/stores.js';

// Each CLI call opens the embedded store in a process of its own (5–7 s on a busy 2-core machine).
describe('amanat retention (CLI)', { timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'amanat-retention-cli-'));
  const master = Buffer.alloc(32, 5);
  const env = { AMANAT_MASTER_KEY: master.toString('base64'), DATA_DIR: dataDir };

  beforeAll(async () => {
    const stores = await openStores({
      kind: 'pglite',
      dataStoreDir: join(dataDir, 'store'),
      keyStoreDir: join(dataDir, 'keystore'),
    });
    const amanat = await createAmanat({
      stores,
      masterKey: master,
      registerFile: exampleRegister,
      clock: () => new Date('2025-01-10T06:00:00Z'),
    });
    const ux = amanat.rules.purposes().find((p) => p.number === 7)!.id;
    await amanat.vault.collectForIdentity(
      'test',
      { email: 'cli@example.kz' },
      {
        purposes: [ux],
        values: { ip_address: '203.0.113.40' },
        source: 'website:analytics',
        retentionOptions: { [ux]: 'months_14' },
      },
    );
    await amanat.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('plan --at names what would go by that day and changes nothing; a bad date is refused', () => {
    const before = runCli(['retention', 'plan', '--at', '2026-03-09', '--json'], env);
    expect(before.status, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({ values: 0, items: [] });
    const after = runCli(['retention', 'plan', '--at', '2026-03-11', '--json'], env);
    expect(JSON.parse(after.stdout)).toMatchObject({
      values: 1,
      subjectsEmptied: 1,
      items: [{ field: 'ip_address', outcome: 'anonymise', values: 1 }],
    });
    const table = runCli(['retention', 'plan', '--at', '2026-03-11'], env);
    expect(table.stdout).toContain('обезличить');
    const bad = runCli(['retention', 'plan', '--at', '11.03.2026'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--at');
  });

  it('run destroys what is due now and lists its act; act --pdf writes the PDF', () => {
    const run = runCli(['retention', 'run'], env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('обезличено: 1');
    const acts = JSON.parse(runCli(['retention', 'acts', '--json'], env).stdout) as {
      id: string;
      number: number;
      kind: string;
    }[];
    expect(acts.map((a) => a.kind)).toEqual(['sweep']);
    // An act is named by the number printed on it, as well as by its id; anything else is refused, naming it.
    const byNumber = runCli(['retention', 'act', String(acts[0]!.number)], env);
    expect(byNumber.stderr).toBe('');
    expect(JSON.parse(byNumber.stdout)).toMatchObject({ id: acts[0]!.id, number: acts[0]!.number });
    const bad = runCli(['retention', 'act', 'first'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('ожидается номер акта или его id');
    const file = join(dataDir, 'akt.pdf');
    const pdf = runCli(['retention', 'act', acts[0]!.id, '--pdf', file], env);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');
    // The act in Kazakh (--lang kk); an unknown language is refused, naming the option and the choices.
    const kkFile = join(dataDir, 'akt-kk.pdf');
    const kk = runCli(['retention', 'act', acts[0]!.id, '--pdf', kkFile, '--lang', 'kk'], env);
    expect(kk.status, kk.stderr).toBe(0);
    if (pdftotextAvailable) {
      expect(pdfText(readFileSync(kkFile))).toContain(
        `Дербес деректерді жою туралы № ${acts[0]!.number} акт`,
      );
      expect(pdfText(readFileSync(file))).toContain(`Акт № ${acts[0]!.number} об уничтожении`);
    }
    const en = runCli(['retention', 'act', acts[0]!.id, '--pdf', kkFile, '--lang', 'en'], env);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('--lang');
    expect(en.stderr).toContain('ru, kk');
    const again = runCli(['retention', 'plan', '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ values: 0 });
  });
});
