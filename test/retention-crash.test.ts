// kill -9 in the middle of a sweep: no subject is left half-destroyed, and the next run finishes the work once;
// the acts' numbers have no gap.
// Two instances on one PostgreSQL sweeping at the same moment: one does the work, nothing is done twice.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAmanat } from '../src/app/amanat.js';
import { openStores, type Stores } from '../src/db/database.js';
import { fromPackageRoot } from '../src/lib/paths.js';
import { runCli } from './support/processes.js';
import {
  createSecondInstance,
  createTestAmanat,
  exampleRegister,
  openTestStores,
  storeKinds,
} from './support/stores.js';

const SUBJECTS = 1200;
const BATCH = 50;
const MASTER = Buffer.alloc(32, 9);

/** Subjects with two purpose-7 values each, collected 2025-01-10 under the 14-month rule: all due today. */
async function seed(stores: Stores, count: number, masterKey: Buffer = MASTER): Promise<void> {
  const collectedAt = new Date('2025-01-10T06:00:00Z');
  const amanat = await createAmanat({
    stores,
    masterKey,
    registerFile: exampleRegister,
    clock: () => collectedAt,
  });
  const ux = amanat.rules.purposes().find((p) => p.number === 7)!.id;
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, (_, j) =>
        amanat.vault.collectForIdentity(
          'seed',
          { email: `swept-${i + j}@example.kz` },
          {
            purposes: [ux],
            values: { ip_address: `198.51.100.${(i + j) % 250}`, visit_statistics: { visits: i + j } },
            source: 'website:analytics',
            retentionOptions: { [ux]: 'months_14' },
          },
        ),
      ),
    );
  }
}

/** Every subject is either whole (two values, identity) or gone (no value, no identity, status destroyed). */
async function halfDestroyed(stores: Stores): Promise<number> {
  const [row] = await stores.sql.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM subjects s
     WHERE NOT (
       (s.status = 'active' AND (SELECT count(*) FROM personal_values v WHERE v.subject_id = s.id) = 2
          AND EXISTS (SELECT 1 FROM subject_identities i WHERE i.subject_id = s.id))
       OR (s.status = 'destroyed' AND NOT EXISTS (SELECT 1 FROM personal_values v WHERE v.subject_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM subject_identities i WHERE i.subject_id = s.id)))`,
  );
  return Number(row!.n);
}

async function counts(stores: Stores): Promise<Record<string, number>> {
  const [row] = await stores.sql.query<Record<string, string | number>>(
    `SELECT (SELECT count(*) FROM subjects WHERE status = 'destroyed') AS destroyed,
            (SELECT count(*) FROM personal_values) AS values_left,
            (SELECT count(*) FROM audit_log WHERE action = 'data.anonymise') AS anonymise_entries,
            (SELECT count(DISTINCT subject_id) FROM audit_log WHERE action = 'data.anonymise') AS anonymised_subjects,
            (SELECT coalesce(sum("values"), 0) FROM anonymous_aggregates) AS aggregated,
            (SELECT count(*) FROM destruction_acts WHERE status = 'open') AS open_acts`,
  );
  const [keys] = await stores.keySql.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM amanat_keys.subject_keys',
  );
  return {
    ...Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])),
    keys: Number(keys!.n),
  };
}

describe.each(storeKinds())('kill -9 during a retention sweep, %s', (kind) => {
  it('leaves every subject whole or gone; the next run completes, once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'amanat-sweep-crash-'));
    const test = kind === 'postgres' ? await openTestStores('postgres') : null;
    const env: Record<string, string> = {
      AMANAT_MASTER_KEY: MASTER.toString('base64'),
      DATA_DIR: dataDir,
      RETENTION_BATCH_SUBJECTS: String(BATCH),
      ...(test ? { DATABASE_URL: test.urls!.data, KEYSTORE_DATABASE_URL: test.urls!.keys } : {}),
    };
    const openPglite = () =>
      openStores({
        kind: 'pglite',
        dataStoreDir: join(dataDir, 'store'),
        keyStoreDir: join(dataDir, 'keystore'),
      });
    let stores: Stores | undefined;
    try {
      stores = test ? test.stores : await openPglite();
      await seed(stores, SUBJECTS);
      if (!test) await stores.close();

      // Killed once a few batches have committed; the kill lands wherever the sweep then is.
      const child = spawn(process.execPath, [fromPackageRoot('bin', 'amanat.js'), 'retention', 'run'], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let out = '';
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_, signal) => resolve(signal)),
      );
      child.stderr.on('data', (d) => {
        out += d;
      });
      child.stdout.on('data', (d) => {
        out += d;
        if ((out.match(/прогресс — due/g) ?? []).length >= 3 && child.exitCode === null) {
          process.kill(-child.pid!, 'SIGKILL');
        }
      });
      expect(await exited, out).toBe('SIGKILL');

      stores = test ? test.stores : await openPglite();
      const middle = await counts(stores);
      expect(await halfDestroyed(stores)).toBe(0);
      expect(middle.destroyed).toBeGreaterThan(0);
      expect(middle.destroyed).toBeLessThan(SUBJECTS);
      if (!test) await stores.close();

      const second = runCli(['retention', 'run'], env);
      expect(second.status, second.stdout + second.stderr).toBe(0);
      stores = test ? test.stores : await openPglite();
      expect(await halfDestroyed(stores)).toBe(0);
      // Everything exactly once: one audit entry per subject, the anonymised counts equal the values, no key left.
      expect(await counts(stores)).toEqual({
        destroyed: SUBJECTS,
        values_left: 0,
        anonymise_entries: SUBJECTS,
        anonymised_subjects: SUBJECTS,
        aggregated: SUBJECTS * 2,
        open_acts: 0,
        keys: 0,
      });
      // The interrupted sweep's act was completed by the next run; together the acts cover every value once.
      const acts = await stores.sql.query<{ data: { dataCategories: { values: number }[] } }>(
        `SELECT data FROM destruction_acts WHERE kind = 'sweep' AND status = 'completed'`,
      );
      expect(acts.length).toBe(2);
      const covered = acts.flatMap((a) => a.data.dataCategories).reduce((sum, c) => sum + c.values, 0);
      expect(covered).toBe(SUBJECTS * 2);
      // The acts an inspector reads are numbered without gaps: the killed sweep's batches gave no number away.
      const numbers = await stores.sql.query<{ number: string | number }>(
        'SELECT number FROM destruction_acts ORDER BY number',
      );
      expect(numbers.map((n) => Number(n.number))).toEqual([1, 2]);
      const [runs] = await stores.sql.query<{ failed: string | number }>(
        `SELECT count(*) FILTER (WHERE status = 'failed' AND error = 'interrupted') AS failed FROM retention_runs`,
      );
      expect(Number(runs!.failed)).toBe(1);
      if (!test) await stores.close();
      stores = undefined;
      const verify = runCli(['audit', 'verify'], env);
      expect(verify.status, verify.stderr).toBe(0);
    } finally {
      if (!test) await stores?.close();
      rmSync(dataDir, { recursive: true, force: true });
      await test?.close();
    }
  }, 240_000);
});

describe.skipIf(!storeKinds().includes('postgres'))('two instances sweeping one PostgreSQL', () => {
  it('one does the work, the other is told the lock is held; nothing is destroyed twice or skipped', async () => {
    const first = await createTestAmanat('postgres', { clock: () => new Date('2026-11-24T00:00:00Z') });
    try {
      await seed(first.stores, 300, first.masterKey);
      const second = await createSecondInstance(first, {
        retentionBatchSubjects: 20,
        clock: () => new Date('2026-11-24T00:00:00Z'),
      });
      try {
        const results = await Promise.allSettled([
          first.amanat.retentionSweeper.run({ trigger: 'schedule' }),
          second.retentionSweeper.run({ trigger: 'schedule' }),
        ]);
        const done = results.filter((r) => r.status === 'fulfilled');
        const refused = results.filter((r) => r.status === 'rejected');
        for (const r of refused) expect((r as PromiseRejectedResult).reason.code).toBe('retention_busy');
        expect(done.length).toBeGreaterThanOrEqual(1);
        const anonymised = done.reduce(
          (sum, r) =>
            sum + (r as PromiseFulfilledResult<{ valuesAnonymised: number }>).value.valuesAnonymised,
          0,
        );
        expect(anonymised).toBe(600);
        // A later run by either finds nothing left.
        const again = await second.retentionSweeper.run({ trigger: 'schedule' });
        expect(again.valuesAnonymised + again.valuesDestroyed).toBe(0);
        expect(await counts(first.stores)).toMatchObject({
          destroyed: 300,
          values_left: 0,
          anonymise_entries: 300,
          anonymised_subjects: 300,
          aggregated: 600,
          keys: 0,
        });
        expect((await first.amanat.verifyAudit()).ok).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  }, 120_000);
});
