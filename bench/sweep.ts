// The retention sweep at scale: BENCH_SWEEP_SUBJECTS subjects (default 100,000) with BENCH_SWEEP_VALUES values each
// (default 10), all expired (purpose 7, 14-month rule, collected 2025-01-10), destroyed by one sweep with its
// act and audit entries. Baseline in the same run: the same rows, loaded the same way, deleted by plain
// `DELETE FROM personal_values WHERE id = ANY($1)` in chunks of the sweep's batch size.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createAmanat } from '../src/app/amanat.js';
import { openStores, type Stores } from '../src/db/database.js';
import { deriveKey, hmacSha256, newDataKey, seal } from '../src/lib/crypto.js';
import { openKeyring } from '../src/modules/vault/master-keyring.js';

const SWEEP_SUBJECTS = Number(process.env.BENCH_SWEEP_SUBJECTS ?? 100_000);
const VALUES_PER_SUBJECT = Number(process.env.BENCH_SWEEP_VALUES ?? 10);
const BATCH_SUBJECTS = 500;
const FIELDS = ['visit_statistics', 'ip_address', 'analytics_cookies'];

function log(message: string) {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function load(stores: Stores, masterKey: Buffer, purposeId: string) {
  // Derived from the store's derivation root (master-keyring.ts), as the running services do.
  const { root } = await openKeyring({ stores, masterKey, clock: () => new Date() });
  const identityKey = deriveKey(root, 'identity-lookup');
  const collectedAt = new Date('2025-01-10T06:00:00Z');
  const due = new Date('2026-03-10T19:00:00Z');
  const basis = JSON.stringify([
    { purpose: purposeId, type: 'legitimate_interest', reference: 'bench', retentionOption: 'months_14' },
  ]);
  const chunk = 2000;
  for (let start = 0; start < SWEEP_SUBJECTS; start += chunk) {
    const n = Math.min(chunk, SWEEP_SUBJECTS - start);
    const ids: string[] = [];
    const hashes: Buffer[] = [];
    const identities: Buffer[] = [];
    const wrapped: Buffer[] = [];
    const valueIds: string[] = [];
    const valueSubjects: string[] = [];
    const valueFields: string[] = [];
    const ciphertexts: Buffer[] = [];
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const key = newDataKey();
      const email = `expired-${start + i}@example.kz`;
      ids.push(id);
      hashes.push(hmacSha256(identityKey, `email:${email}`));
      identities.push(seal(key, Buffer.from(email), `identity:${id}:email`));
      wrapped.push(seal(masterKey, key, `subject-key:${id}`));
      for (let v = 0; v < VALUES_PER_SUBJECT; v++) {
        const field = FIELDS[v % FIELDS.length]!;
        valueIds.push(randomUUID());
        valueSubjects.push(id);
        valueFields.push(field);
        ciphertexts.push(seal(key, Buffer.from(JSON.stringify(`203.0.113.${v}`)), `value:${id}:${field}`));
      }
    }
    await stores.keySql.query(
      `INSERT INTO amanat_keys.subject_keys (subject_id, wrapped_key, created_at)
       SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::timestamptz[])`,
      [ids, wrapped, ids.map(() => collectedAt)],
    );
    await stores.sql.query(
      `INSERT INTO subjects (id, status, created_at) SELECT unnest($1::uuid[]), 'active', $2`,
      [ids, collectedAt],
    );
    await stores.sql.query(
      `INSERT INTO subject_identities (id, subject_id, kind, lookup_hash, ciphertext, created_at)
       SELECT gen_random_uuid(), s, 'email', h, c, $4 FROM unnest($1::uuid[], $2::bytea[], $3::bytea[]) AS t(s, h, c)`,
      [ids, hashes, identities, collectedAt],
    );
    await stores.sql.query(
      `INSERT INTO personal_values (id, subject_id, field_id, ciphertext, purposes, legal_bases, source, collected_at,
         updated_at, next_retention_at, retain_until)
       SELECT v, s, f, c, ARRAY[$4], $5::jsonb, 'bench:analytics', $6, $6, $7, $7
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $8::bytea[]) AS t(v, s, f, c)`,
      [valueIds, valueSubjects, valueFields, purposeId, basis, collectedAt, due, ciphertexts],
    );
    if ((start / chunk) % 10 === 0) log(`  loaded ${start + n}/${SWEEP_SUBJECTS} subjects`);
  }
  await stores.sql.query('VACUUM ANALYZE');
  await stores.sql.query('CHECKPOINT');
  await stores.keySql.query('VACUUM ANALYZE');
}

/** The rows were scheduled as collection would have under this register: the sweep need not reschedule them. */
async function markScheduleCurrent(stores: Stores, fingerprint: string) {
  await stores.sql.query('UPDATE operator_state SET retention_fingerprint = $1 WHERE id = 1', [fingerprint]);
}

async function empty(stores: Stores) {
  await stores.sql.query('TRUNCATE personal_values, subject_identities, subjects CASCADE');
  await stores.keySql.query('TRUNCATE amanat_keys.subject_keys');
}

export async function benchSweep(kind: 'pglite' | 'postgres', pgUrl: string) {
  const dir = mkdtempSync(join(os.tmpdir(), 'amanat-bench-sweep-'));
  const dbName = `amanat_bench_sweep_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  let stores: Stores;
  if (kind === 'pglite') {
    stores = await openStores({
      kind: 'pglite',
      dataStoreDir: join(dir, 'store'),
      keyStoreDir: join(dir, 'keystore'),
      lockDir: dir,
    });
  } else {
    await admin(`CREATE DATABASE ${dbName}`);
    await admin(`CREATE DATABASE ${dbName}_keys`);
    const url = (name: string) => {
      const u = new URL(pgUrl);
      u.pathname = `/${name}`;
      return u.toString();
    };
    stores = await openStores({
      kind: 'postgres',
      dataUrl: url(dbName),
      keyStoreUrl: url(`${dbName}_keys`),
      poolSize: 10,
    });
  }
  const masterKey = newDataKey();
  try {
    const amanat = await createAmanat({
      stores,
      masterKey,
      registerFile: join(import.meta.dirname, '..', 'examples', 'nextbot.kz', 'register.yaml'),
      retentionBatchSubjects: BATCH_SUBJECTS,
    });
    const purposeId = amanat.rules.purposes().find((p) => p.number === 7)!.id;
    const values = SWEEP_SUBJECTS * VALUES_PER_SUBJECT;

    log(`${kind}: sweep baseline — loading ${SWEEP_SUBJECTS} subjects × ${VALUES_PER_SUBJECT} values`);
    await load(stores, masterKey, purposeId);
    const ids = (
      await stores.sql.query<{ id: string }>('SELECT id FROM personal_values ORDER BY subject_id, id')
    ).map((r) => r.id);
    const chunk = BATCH_SUBJECTS * VALUES_PER_SUBJECT;
    log(`${kind}: baseline DELETE … WHERE id = ANY($1) of ${ids.length} rows, ${chunk} per statement`);
    const baselineStarted = performance.now();
    for (let i = 0; i < ids.length; i += chunk) {
      await stores.sql.query('DELETE FROM personal_values WHERE id = ANY($1::uuid[])', [
        ids.slice(i, i + chunk),
      ]);
    }
    const baselineSeconds = (performance.now() - baselineStarted) / 1000;
    ids.length = 0;
    await empty(stores);

    log(`${kind}: sweep — loading the same rows again`);
    await load(stores, masterKey, purposeId);
    await markScheduleCurrent(stores, amanat.retention.fingerprint);
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sample = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 100);
    const rssSamples: number[] = [];
    let batches = 0;
    log(`${kind}: sweeping`);
    const started = performance.now();
    const result = await amanat.retentionSweeper.run({
      trigger: 'cli',
      onProgress: (p) => {
        if (p.phase !== 'due') return;
        batches += 1;
        const rss = process.memoryUsage().rss;
        rssPeak = Math.max(rssPeak, rss);
        if (batches % 20 === 0) {
          rssSamples.push(Math.round(rss / 2 ** 20));
          log(`  ${batches} batches, RSS ${Math.round(rss / 2 ** 20)} MiB`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sample);
    const [audit] = await stores.sql.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log WHERE action IN ('data.anonymise', 'data.destroy', 'subject.destroy')`,
    );
    const [keys] = await stores.keySql.query<{ n: string }>(
      'SELECT count(*) AS n FROM amanat_keys.subject_keys',
    );
    const [left] = await stores.sql.query<{ n: string }>('SELECT count(*) AS n FROM personal_values');
    await amanat.close();
    const sweepRate = (result.valuesDestroyed + result.valuesAnonymised) / seconds;
    const baselineRate = values / baselineSeconds;
    return {
      subjects: SWEEP_SUBJECTS,
      values,
      batchSubjects: BATCH_SUBJECTS,
      baseline: { seconds: baselineSeconds, valuesPerSecond: baselineRate },
      sweep: {
        seconds,
        valuesPerSecond: sweepRate,
        valuesDestroyed: result.valuesDestroyed,
        valuesAnonymised: result.valuesAnonymised,
        subjectsDestroyed: result.subjectsDestroyed,
        acts: result.acts.length,
        auditEntries: Number(audit!.n),
        keysLeft: Number(keys!.n),
        valuesLeft: Number(left!.n),
      },
      ratioToBaseline: sweepRate / baselineRate,
      memory: {
        rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
        rssPeakMiB: Math.round(rssPeak / 2 ** 20),
        rssEvery20BatchesMiB: rssSamples,
      },
    };
  } finally {
    await stores.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    if (kind === 'postgres') {
      await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin(`DROP DATABASE IF EXISTS ${dbName}_keys WITH (FORCE)`);
    }
  }
}
