// One store, one master key: a second key refuses to start (server and CLI), a missing key is never replaced by
// a new one over an existing store, an older store is marked only by its own key, and `keys rotate-master`
// re-wraps every subject key — continued after kill -9 — with lookups and the audit chain unchanged.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAmanat } from '../src/app/amanat.js';
import { openStores, type Stores } from '../src/db/database.js';
import { deriveKey, newDataKey, seal } from '../src/lib/crypto.js';
import { fromPackageRoot } from '../src/lib/paths.js';
import { createAuditService } from '../src/modules/audit/audit.service.js';
import { openKeyring } from '../src/modules/vault/master-keyring.js';
import { createMasterKeyRotation } from '../src/modules/vault/master-rotation.js';
import { runCli, startServerProcess } from './support/processes.js';
import { exampleRegister, openTestStores, storeKinds, type TestStores } from './support/stores.js';

const clock = () => new Date('2025-01-10T06:00:00Z');

/** A store that outlives its connections: a PGlite folder, or this test's PostgreSQL databases. */
interface Place {
  env: Record<string, string>;
  dataDir: string;
  open(): Promise<Stores>;
  cleanup(): Promise<void>;
}

async function place(kind: 'pglite' | 'postgres'): Promise<Place> {
  const dataDir = mkdtempSync(join(tmpdir(), 'amanat-master-key-'));
  if (kind === 'pglite') {
    return {
      env: { DATA_DIR: dataDir },
      dataDir,
      open: () =>
        openStores({
          kind: 'pglite',
          dataStoreDir: join(dataDir, 'store'),
          keyStoreDir: join(dataDir, 'keystore'),
          lockDir: dataDir,
        }),
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const test: TestStores = await openTestStores('postgres');
  const urls = test.urls!;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: urls.data, KEYSTORE_DATABASE_URL: urls.keys },
    dataDir,
    open: () => openStores({ kind: 'postgres', dataUrl: urls.data, keyStoreUrl: urls.keys, poolSize: 2 }),
    cleanup: async () => {
      await test.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const b64 = (key: Buffer) => key.toString('base64');

async function counts(stores: Stores) {
  const [keys] = await stores.keySql.query<{ subjects: number; masters: number }>(
    `SELECT (SELECT count(*) FROM amanat_keys.subject_keys)::int AS subjects,
            (SELECT count(*) FROM amanat_keys.master_keys)::int AS masters`,
  );
  const [data] = await stores.sql.query<{ entries: number }>(
    'SELECT count(*)::int AS entries FROM audit_log',
  );
  return { ...keys!, ...data! };
}

describe.each(storeKinds())('master key (%s)', (kind) => {
  const places: Place[] = [];
  afterAll(async () => {
    for (const p of places) await p.cleanup();
  });

  it('a second instance with another master key, or with none over an existing store, refuses to start; so does the CLI', async () => {
    const p = await place(kind);
    places.push(p);
    const keyA = randomBytes(32);
    let stores = await p.open();
    const first = await createAmanat({ stores, masterKey: keyA, registerFile: exampleRegister, clock });
    const ux = first.rules.purposes().find((q) => q.number === 7)!.id;
    await first.vault.collectForIdentity(
      'test',
      { email: 'first@example.kz' },
      {
        purposes: [ux],
        values: { ip_address: '203.0.113.7' },
        source: 'test',
        retentionOptions: { [ux]: 'months_14' },
      },
    );
    await first.close();

    // Through the boot function: refused, and nothing written.
    stores = await p.open();
    const before = await counts(stores);
    await expect(
      createAmanat({ stores, masterKey: randomBytes(32), registerFile: exampleRegister, clock }),
    ).rejects.toMatchObject({ code: 'master_key_mismatch' });
    expect(await counts(stores)).toEqual(before);
    await stores.close();

    // A real server process with another key exits, saying what to do.
    const other = await startServerProcess({ ...p.env, AMANAT_MASTER_KEY: b64(randomBytes(32)) }).then(
      () => null,
      (error: { exitCode?: number; output?: string }) => error,
    );
    expect(other?.exitCode).toBe(1);
    expect(other?.output).toContain('Мастер-ключ не совпадает');
    expect(other?.output).toContain('AMANAT_MASTER_KEY или MASTER_KEY_FILE');

    // No key at all (another DATA_DIR, say): no new key is created over a store that holds data.
    const none = await startServerProcess(p.env).then(
      () => null,
      (error: { exitCode?: number; output?: string }) => error,
    );
    expect(none?.exitCode).toBe(1);
    expect(none?.output).toContain('новый ключ не создан');
    expect(existsSync(join(p.dataDir, 'master.key'))).toBe(false);

    // The CLI opening the store itself refuses a wrong key and works with the right one.
    const wrong = runCli(['audit', 'verify'], { ...p.env, AMANAT_MASTER_KEY: b64(randomBytes(32)) });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('Мастер-ключ не совпадает');
    const right = runCli(['audit', 'verify'], { ...p.env, AMANAT_MASTER_KEY: b64(keyA) });
    expect(right.status, right.stderr).toBe(0);
    expect(right.stdout).toContain('Цепочка аудита цела');

    stores = await p.open();
    expect(await counts(stores)).toEqual(before);
    await stores.close();
  }, 300_000);

  it('a store from before the key check is marked on first start only by the key it was written with', async () => {
    const t = await openTestStores(kind);
    try {
      const keyA = randomBytes(32);
      const keyB = randomBytes(32);
      // Written the old way: the audit chain MACed under a key derived from the master key itself.
      await createAuditService({ auditKey: deriveKey(keyA, 'audit-chain'), clock }).appendAlone(t.stores, [
        { actor: 'test', action: 'api_key.create', details: {} },
      ]);
      await expect(openKeyring({ stores: t.stores, masterKey: keyB, clock })).rejects.toMatchObject({
        code: 'master_key_mismatch',
        message: expect.stringContaining('журнал аудита'),
      });
      // A subject key wrapped directly by the master key.
      const id = randomUUID();
      await t.stores.keySql.query(
        'INSERT INTO amanat_keys.subject_keys (subject_id, wrapped_key, created_at) VALUES ($1, $2, $3)',
        [id, seal(keyA, newDataKey(), `subject-key:${id}`), clock()],
      );
      await expect(openKeyring({ stores: t.stores, masterKey: keyB, clock })).rejects.toMatchObject({
        code: 'master_key_mismatch',
        message: expect.stringContaining('ключи субъектов'),
      });
      expect((await counts(t.stores)).masters).toBe(0);
      // Its own key marks it, and the derived keys stay what they were (the root is that key).
      const ring = await openKeyring({ stores: t.stores, masterKey: keyA, clock });
      expect(ring.generation).toBe(1);
      expect(ring.root.equals(keyA)).toBe(true);
      const amanat = await createAmanat({
        stores: t.stores,
        masterKey: keyA,
        registerFile: exampleRegister,
        clock,
      });
      expect(await amanat.verifyAudit()).toMatchObject({ ok: true, entries: 1 });
      await expect(
        createAmanat({ stores: t.stores, masterKey: keyB, registerFile: exampleRegister, clock }),
      ).rejects.toMatchObject({ code: 'master_key_mismatch' });
    } finally {
      await t.close();
    }
  }, 120_000);

  it('an instance left running with the old key can neither add a subject under it nor read a re-wrapped key', async () => {
    const t = await openTestStores(kind);
    try {
      const keyA = randomBytes(32);
      // No key cache, so every read goes to the key store.
      const old = await createAmanat({
        stores: t.stores,
        masterKey: keyA,
        registerFile: exampleRegister,
        clock,
        keyCacheEntries: 0,
      });
      const ux = old.rules.purposes().find((q) => q.number === 7)!.id;
      const collect = (email: string) =>
        old.vault.collectForIdentity(
          'test',
          { email },
          {
            purposes: [ux],
            values: { ip_address: '203.0.113.9' },
            source: 'test',
            retentionOptions: { [ux]: 'months_14' },
          },
        );
      const before = await collect('before@example.kz');
      const keyB = randomBytes(32);
      const result = await createMasterKeyRotation({ stores: t.stores, clock }).rotate({
        currentKey: keyA,
        newKey: keyB,
        actor: 'test',
      });
      expect(result).toMatchObject({ from: 1, to: 2, rewrapped: 1, alreadyComplete: false });

      await expect(collect('late@example.kz')).rejects.toMatchObject({
        code: 'master_key_rotation_in_progress',
      });
      await expect(old.vault.readForPurpose('test', before.subjectId, ux)).rejects.toMatchObject({
        code: 'master_key_rotation_in_progress',
      });
      const [late] = await t.stores.keySql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM amanat_keys.subject_keys WHERE master_generation <> 2',
      );
      expect(late!.n).toBe(0);
      const restarted = await createAmanat({
        stores: t.stores,
        masterKey: keyB,
        registerFile: exampleRegister,
        clock,
      });
      expect(
        (await restarted.vault.readForPurpose('test', before.subjectId, ux)).map((v) => v.value),
      ).toEqual(['203.0.113.9']);
      expect(await restarted.verifyAudit()).toMatchObject({ ok: true });
    } finally {
      await t.close();
    }
  }, 120_000);

  it('rotate-master killed half way is continued by the next run; every subject decrypts, lookups and the chain hold', async () => {
    const p = await place(kind);
    places.push(p);
    const keyA = randomBytes(32);
    const subjects = 200;
    let stores = await p.open();
    let amanat = await createAmanat({ stores, masterKey: keyA, registerFile: exampleRegister, clock });
    const ux = amanat.rules.purposes().find((q) => q.number === 7)!.id;
    const ids: string[] = [];
    for (let i = 0; i < subjects; i++) {
      const r = await amanat.vault.collectForIdentity(
        'test',
        { email: `s${i}@example.kz` },
        {
          purposes: [ux],
          values: { ip_address: `203.0.113.${i % 250}` },
          source: 'test',
          retentionOptions: { [ux]: 'months_14' },
        },
      );
      ids.push(r.subjectId);
    }
    await amanat.close();

    const newKeyFile = join(p.dataDir, 'new-master.key');
    const env = { ...p.env, AMANAT_MASTER_KEY: b64(keyA) };
    // Node with the TypeScript loader, one process: SIGKILL reaches the process that does the work.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fromPackageRoot('src', 'cli', 'main.ts'),
        'keys',
        'rotate-master',
        '--generate-new-key',
        newKeyFile,
        '--batch',
        '1',
      ],
      { cwd: fromPackageRoot(), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stderr!.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      let killed = false;
      child.stdout!.on('data', (d) => {
        out += d;
        // The first committed batch: kill -9 there, with most keys still under the old master key.
        if (!killed && out.includes('прогресс — перешифровано')) {
          killed = true;
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`rotate-master ended before it was killed:\n${out}`)));
    });
    await exited;
    expect(statSync(newKeyFile).mode & 0o777).toBe(0o600);
    const keyB = Buffer.from(readFileSync(newKeyFile, 'utf8').trim(), 'base64');
    expect(out).not.toContain(b64(keyB));

    // Half way: keys under both masters, the rotation recorded; neither key starts an instance meanwhile.
    stores = await p.open();
    const split = await stores.keySql.query<{ master_generation: number; n: number }>(
      'SELECT master_generation, count(*)::int AS n FROM amanat_keys.subject_keys GROUP BY 1 ORDER BY 1',
    );
    expect(split.map((r) => r.master_generation)).toEqual([1, 2]);
    for (const key of [keyA, keyB]) {
      await expect(
        createAmanat({ stores, masterKey: key, registerFile: exampleRegister, clock }),
      ).rejects.toMatchObject({ code: 'master_key_rotation_in_progress' });
    }
    await stores.close();

    const resumed = runCli(['keys', 'rotate-master', '--new-key-file', newKeyFile, '--batch', '50'], env);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('продолжение прерванной смены');
    expect(resumed.stdout).toContain('Мастер-ключ сменён: поколение 1 → 2');
    expect(resumed.stdout).not.toContain(b64(keyB));

    stores = await p.open();
    await expect(
      createAmanat({ stores, masterKey: keyA, registerFile: exampleRegister, clock }),
    ).rejects.toMatchObject({ code: 'master_key_mismatch', message: expect.stringContaining('заменён') });
    amanat = await createAmanat({ stores, masterKey: keyB, registerFile: exampleRegister, clock });
    for (let i = 0; i < subjects; i++) {
      const values = await amanat.vault.readForPurpose('test', ids[i]!, ux);
      expect(values.map((v) => v.value)).toEqual([`203.0.113.${i % 250}`]);
      expect(await amanat.vault.lookup('test', 'email', `s${i}@example.kz`)).toBe(ids[i]);
    }
    const fresh = await amanat.vault.collectForIdentity(
      'test',
      { email: 'after@example.kz' },
      {
        purposes: [ux],
        values: { ip_address: '198.51.100.1' },
        source: 'test',
        retentionOptions: { [ux]: 'months_14' },
      },
    );
    expect((await amanat.vault.readForPurpose('test', fresh.subjectId, ux)).map((v) => v.value)).toEqual([
      '198.51.100.1',
    ]);
    expect(await amanat.verifyAudit()).toMatchObject({ ok: true });
    const rotationEntries = await stores.sql.query<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM audit_log WHERE action LIKE 'master_key.%' ORDER BY seq`,
    );
    expect(rotationEntries).toEqual([
      {
        action: 'master_key.rotation_start',
        details: { from_generation: 1, to_generation: 2, subject_keys: subjects },
      },
      { action: 'master_key.rotation_complete', details: expect.objectContaining({ to_generation: 2 }) },
    ]);
    await amanat.close();

    // Run once more: it says the rotation is complete and adds nothing.
    const again = runCli(['keys', 'rotate-master', '--new-key-file', newKeyFile], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('уже завершена');
    stores = await p.open();
    const [{ n } = { n: 0 }] = await stores.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'master_key.%'`,
    );
    expect(n).toBe(2);
    await stores.close();
  }, 300_000);
});
