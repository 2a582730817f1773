// `amanat papers list|make` on an embedded store, as an operator would type them; the operator's templates
// folder (AMANAT_TEMPLATES_DIR) with a broken DOCX is refused naming the file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmanat } from '../src/app/amanat.js';
import { openStores } from '../src/db/database.js';
import { runCli } from './support/processes.js';
import { exampleRegister } from './support/stores.js';

describe('amanat papers (CLI)', { timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'amanat-papers-cli-'));
  const master = Buffer.alloc(32, 7);
  const env = { AMANAT_MASTER_KEY: master.toString('base64'), DATA_DIR: dataDir };

  beforeAll(async () => {
    const stores = await openStores({
      kind: 'pglite',
      dataStoreDir: join(dataDir, 'store'),
      keyStoreDir: join(dataDir, 'keystore'),
    });
    const amanat = await createAmanat({ stores, masterKey: master, registerFile: exampleRegister });
    await amanat.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('list names the papers; make writes the PDF to the file', () => {
    const list = runCli(['papers', 'list'], env);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain('order — Приказ о назначении ответственного');
    expect(list.stdout).toContain('access-list');
    const out = join(dataDir, 'order.kk.pdf');
    const made = runCli(['papers', 'make', 'order', '--format', 'pdf', '--lang', 'kk', '--out', out], env);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain(out);
    expect(readFileSync(out).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('an unknown paper and a broken template of the operator are refused with the reason', () => {
    const unknown = runCli(['papers', 'make', 'contract', '--out', join(dataDir, 'x.docx')], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('«contract»');
    expect(unknown.stderr).toContain('order, regulation, data-list, access-list');
    expect(existsSync(join(dataDir, 'x.docx'))).toBe(false);

    const templates = join(dataDir, 'templates');
    mkdirSync(join(templates, 'papers'), { recursive: true });
    writeFileSync(join(templates, 'papers', 'order.ru.docx'), 'not a zip');
    const broken = runCli(['papers', 'make', 'order', '--out', join(dataDir, 'y.docx')], {
      ...env,
      AMANAT_TEMPLATES_DIR: templates,
    });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('papers/order.ru.docx');
    expect(broken.stderr).toContain('не ZIP-архив');
    expect(existsSync(join(dataDir, 'y.docx'))).toBe(false);
  });
});
