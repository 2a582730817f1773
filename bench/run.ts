// npm run bench: HTTP benchmarks on loopback with autocannon, on PGlite and (when reachable) PostgreSQL.
// Each store gets a baseline measured in the same run: a bare route doing one INSERT.
// Scale with BENCH_SUBJECTS (default 100000) and BENCH_LOOKUP_ROWS (default 1000000).
// BENCH_PARTS=core,sweep (default both): the HTTP part, and the retention sweep (bench/sweep.ts).
// BENCH_PARTS=grants: only the collection and the grant rounds, printed and not written (to try a change).
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import pg from 'pg';
import { type Amanat, createAmanat } from '../src/app/amanat.js';
import { openStores, type Stores } from '../src/db/database.js';
import { deriveKey, hmacSha256, newDataKey, seal } from '../src/lib/crypto.js';
import { fromPackageRoot } from '../src/lib/paths.js';
import { Scopes } from '../src/modules/api-keys/api-key.service.js';
import { withdrawalSubjectLines } from '../src/modules/register/register.schema.js';
import { openKeyring } from '../src/modules/vault/master-keyring.js';
import { startServer } from '../src/server.js';
import { benchSweep } from './sweep.js';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const LOOKUP_ROWS = Number(process.env.BENCH_LOOKUP_ROWS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PARTS = (process.env.BENCH_PARTS ?? 'core,sweep').split(',');
const IMAP_MESSAGES = Number(process.env.BENCH_IMAP_MESSAGES ?? 1000);
const PG_URL = process.env.AMANAT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REGISTER = fromPackageRoot('examples', 'nextbot.kz', 'register.yaml');
const RESULTS = fromPackageRoot('bench', 'results');

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  seconds: number;
}

function summarize(r: autocannon.Result): Measured {
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    seconds: r.duration,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Medians field by field over the rounds; counts are summed. */
function medianOf(runs: Measured[]): Measured {
  const sum = (pick: (m: Measured) => number) => runs.reduce((n, m) => n + pick(m), 0);
  return {
    rps: median(runs.map((m) => m.rps)),
    p50: median(runs.map((m) => m.p50)),
    p99: median(runs.map((m) => m.p99)),
    requests: sum((m) => m.requests),
    non2xx: sum((m) => m.non2xx),
    errors: sum((m) => m.errors),
    seconds: sum((m) => m.seconds),
  };
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function log(message: string) {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function postgresReachable(): Promise<boolean> {
  try {
    await adminQuery('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** The baseline: the same process and store, one INSERT per request, nothing else. */
async function startBaseline(stores: Stores) {
  await stores.sql.query(
    'CREATE TABLE IF NOT EXISTS bench_baseline (id uuid PRIMARY KEY, payload text, at timestamptz)',
  );
  const app = new Hono();
  app.post('/insert', async (c) => {
    const body = await c.req.json<{ payload: string }>();
    await stores.sql.query('INSERT INTO bench_baseline (id, payload, at) VALUES ($1, $2, now())', [
      randomUUID(),
      body.payload,
    ]);
    return c.json({ ok: true }, 201);
  });
  return new Promise<{ url: string; close: () => void }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

/** Bulk rows for the lookup: extra subjects with an e-mail identity and encrypted values, straight in SQL. */
async function topUp(stores: Stores, masterKey: Buffer, subjectsNow: number, valuesNow: number) {
  // Derived from the store's derivation root (master-keyring.ts), as the running services do.
  const { root } = await openKeyring({ stores, masterKey, clock: () => new Date() });
  const identityKey = deriveKey(root, 'identity-lookup');
  const extraSubjects = Math.max(0, LOOKUP_ROWS - subjectsNow);
  const valuesPerExtra =
    extraSubjects > 0 ? Math.ceil(Math.max(0, LOOKUP_ROWS - valuesNow) / extraSubjects) : 0;
  const batch = 5000;
  for (let start = 0; start < extraSubjects; start += batch) {
    const n = Math.min(batch, extraSubjects - start);
    const ids: string[] = [];
    const hashes: Buffer[] = [];
    const sealed: Buffer[] = [];
    const valueSubjects: string[] = [];
    const valueIds: string[] = [];
    const valueCipher: Buffer[] = [];
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const email = `synthetic-${start + i}@example.kz`;
      const key = newDataKey();
      ids.push(id);
      hashes.push(hmacSha256(identityKey, `email:${email}`));
      sealed.push(seal(key, Buffer.from(email), `identity:${id}:email`));
      for (let v = 0; v < valuesPerExtra; v++) {
        valueSubjects.push(id);
        valueIds.push(randomUUID());
        valueCipher.push(seal(key, Buffer.from(JSON.stringify(`value-${v}`)), `value:${id}:email`));
      }
    }
    await stores.sql.query(
      'INSERT INTO subjects (id, status, created_at) SELECT unnest($1::uuid[]), $2, now()',
      [ids, 'active'],
    );
    await stores.sql.query(
      `INSERT INTO subject_identities (id, subject_id, kind, lookup_hash, ciphertext, created_at)
       SELECT gen_random_uuid(), s, 'email', h, c, now() FROM unnest($1::uuid[], $2::bytea[], $3::bytea[]) AS t(s, h, c)`,
      [ids, hashes, sealed],
    );
    if (valueIds.length) {
      await stores.sql.query(
        `INSERT INTO personal_values (id, subject_id, field_id, ciphertext, purposes, legal_bases, source, collected_at, updated_at)
         SELECT v, s, 'email', c, ARRAY['bench'], '[]'::jsonb, 'bench:synthetic', now(), now()
         FROM unnest($1::uuid[], $2::uuid[], $3::bytea[]) AS t(v, s, c)`,
        [valueIds, valueSubjects, valueCipher],
      );
    }
    if ((start / batch) % 20 === 0) log(`  top-up ${start + n}/${extraSubjects} subjects`);
  }
  // Settle after the bulk load, so the timed runs measure the steady state and not the load's aftermath: the
  // first run at full scale saw p99 of 5 ms (lookup) and 51 ms (report) on PostgreSQL against p50 of 1 and 6 ms,
  // with autovacuum and the checkpoint of 1.2 million new rows running beside it.
  await stores.sql.query('VACUUM ANALYZE');
  await stores.sql.query('CHECKPOINT');
}

async function benchStore(kind: 'pglite' | 'postgres') {
  const dir = mkdtempSync(join(os.tmpdir(), 'amanat-bench-'));
  const dbName = `amanat_bench_${Date.now()}`;
  let stores: Stores;
  if (kind === 'pglite') {
    stores = await openStores({
      kind: 'pglite',
      dataStoreDir: join(dir, 'store'),
      keyStoreDir: join(dir, 'keystore'),
      lockDir: dir,
    });
  } else {
    await adminQuery(`CREATE DATABASE ${dbName}`);
    const url = new URL(PG_URL);
    url.pathname = `/${dbName}`;
    stores = await openStores({
      kind: 'postgres',
      dataUrl: url.toString(),
      keyStoreUrl: url.toString(),
      poolSize: 10,
    });
  }
  const masterKey = randomBytes(32);
  const amanat: Amanat = await createAmanat({ stores, masterKey, registerFile: REGISTER });
  const server = await startServer(amanat, {
    port: 0,
    host: '127.0.0.1',
    bodyLimitBytes: 1 << 20,
    logRequests: false,
  });
  const baseline = await startBaseline(stores);
  const key = await amanat.apiKeys.create('bench', 'bench', [...Scopes]);
  const headers = { authorization: `Bearer ${key.token}`, 'content-type': 'application/json' };
  const purposeOf = (n: number) => amanat.rules.purposes().find((p) => p.number === n)!;
  const support = purposeOf(6);
  const fieldOfType = (type: string) => support.fields.find((f) => amanat.rules.field(f)!.type === type)!;
  // A subject holds one live consent per purpose: the grants go round the subjects once per consent purpose.
  const consentPurposes = amanat.rules
    .purposes()
    .filter((p) => p.legal_bases.some((b) => b.type === 'consent'));
  const results: Record<string, unknown> = { store: kind };

  try {
    log(`${kind}: collecting data for ${SUBJECTS} subjects through POST /api/collect`);
    let n = 0;
    const collectStarted = performance.now();
    const collect = summarize(
      await run({
        url: server.url,
        connections: CONNECTIONS,
        amount: SUBJECTS,
        timeout: 60,
        requests: [
          {
            method: 'POST',
            path: '/api/collect',
            headers,
            setupRequest: (req) => {
              const i = n++;
              return {
                ...req,
                body: JSON.stringify({
                  subject: { email: `bench-${i}@example.kz` },
                  purposes: [support.id],
                  values: {
                    [fieldOfType('full_name')]: `Субъект Бенчмарков ${i}`,
                    [fieldOfType('phone')]: `+7701${String(1_000_000 + i).slice(-7)}`,
                    [fieldOfType('email')]: `bench-${i}@example.kz`,
                  },
                  source: 'bench:collect',
                  contract_ref: `offer-${i}`,
                }),
              };
            },
          },
        ],
      }),
    );
    results.collection = {
      ...collect,
      wallSeconds: (performance.now() - collectStarted) / 1000,
      subjects: SUBJECTS,
    };

    const subjectIds = (
      await stores.sql.query<{ id: string }>('SELECT id FROM subjects ORDER BY created_at')
    ).map((r) => r.id);
    const baselineRun = () =>
      run({
        url: `${baseline.url}/insert`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payload: 'consent-sized payload '.repeat(10) }),
        connections: CONNECTIONS,
        duration: ROUND_SECONDS,
      });
    let g = 0;
    const grantRun = () =>
      run({
        url: server.url,
        connections: CONNECTIONS,
        duration: ROUND_SECONDS,
        requests: [
          {
            method: 'POST',
            headers,
            setupRequest: (req) => {
              const i = g++;
              const subject = subjectIds[i % subjectIds.length];
              const purpose = consentPurposes[Math.floor(i / subjectIds.length) % consentPurposes.length]!;
              return {
                ...req,
                path: `/api/subjects/${subject}/consents`,
                body: JSON.stringify({
                  purpose: purpose.id,
                  channel: 'web',
                  text: `Я даю согласие ИП Бекишев Б. С. на обработку моих данных для цели «${purpose.title.ru}».`,
                  policy_version: amanat.rules.register.policy.version,
                  subject_full_name: 'Субъект Бенчмарков',
                  ip: '203.0.113.7',
                  user_agent: 'autocannon',
                  third_party_transfer: false,
                  cross_border_transfer: false,
                  publication: false,
                }),
              };
            },
          },
        ],
      });
    // Baseline and grants in alternating rounds (A B, B A, …) right next to each other, so that the machine's
    // drift over minutes lands on both sides of the ratio; the report takes medians over the rounds.
    log(
      `${kind}: bare INSERT baseline and consent grants, ${ROUNDS} rounds of ${ROUND_SECONDS}s each × ${CONNECTIONS} connections over ${subjectIds.length} subjects`,
    );
    const rounds: { baseline: Measured; grants: Measured; ratio: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let base: Measured;
      let grants: Measured;
      if (round % 2 === 0) {
        base = summarize(await baselineRun());
        grants = summarize(await grantRun());
      } else {
        grants = summarize(await grantRun());
        base = summarize(await baselineRun());
      }
      // Only answered grants count: a refusal (a duplicate, were the subjects to run out) is cheaper than a grant.
      const granted = grants.requests > 0 ? grants.rps * (1 - grants.non2xx / grants.requests) : 0;
      rounds.push({ baseline: base, grants, ratio: granted / base.rps });
      log(
        `  round ${round + 1}: baseline ${fmt(base.rps)} req/s, grants ${fmt(grants.rps)} req/s (${grants.non2xx} non-2xx) = ${fmt((granted / base.rps) * 100)} %`,
      );
    }
    results.baseline = medianOf(rounds.map((r) => r.baseline));
    results.consentGrants = {
      ...medianOf(rounds.map((r) => r.grants)),
      ratioToBaseline: median(rounds.map((r) => r.ratio)),
      rounds: rounds.map((r) => ({ baselineRps: r.baseline.rps, grantsRps: r.grants.rps, ratio: r.ratio })),
    };

    if (PARTS.includes('grants')) return results;

    const [counts] = await stores.sql.query<{ subjects: string; values: string }>(
      'SELECT (SELECT count(*) FROM subjects) AS subjects, (SELECT count(*) FROM personal_values) AS values',
    );
    log(`${kind}: topping up to ${LOOKUP_ROWS} subjects / values for the lookup`);
    await topUp(stores, masterKey, Number(counts!.subjects), Number(counts!.values));
    const [after] = await stores.sql.query<{ subjects: string; values: string; identities: string }>(
      `SELECT (SELECT count(*) FROM subjects) AS subjects, (SELECT count(*) FROM personal_values) AS values,
              (SELECT count(*) FROM subject_identities) AS identities`,
    );
    log(`${kind}: lookup by e-mail among ${after!.values} values / ${after!.identities} identities`);
    const lookupRun = (connections: number) => {
      let l = 0;
      return run({
        url: server.url,
        connections,
        duration: DURATION,
        requests: [
          {
            method: 'POST',
            path: '/api/subjects/lookup',
            headers,
            setupRequest: (req) => {
              const i = (l++ * 7919) % SUBJECTS;
              return { ...req, body: JSON.stringify({ kind: 'email', value: `bench-${i}@example.kz` }) };
            },
          },
        ],
      });
    };
    results.lookup = {
      single: summarize(await lookupRun(1)),
      concurrent: summarize(await lookupRun(CONNECTIONS)),
      rows: {
        subjects: Number(after!.subjects),
        values: Number(after!.values),
        identities: Number(after!.identities),
      },
    };

    log(
      `${kind}: access report and PDF letter for one subject with 50 values among ${after!.subjects} subjects`,
    );
    results.requests = await benchRequests(amanat, server.url, headers);
    results.imap = await benchImap(amanat, kind);
  } finally {
    baseline.close();
    await server.close();
    await amanat.close();
    rmSync(dir, { recursive: true, force: true });
    if (kind === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
  return results;
}

/** One subject holding 50 values across the register's purposes, with an answered access request. */
async function benchRequests(amanat: Amanat, url: string, headers: Record<string, string>) {
  const { subjectId } = await amanat.vault.ensureSubject('bench', { email: 'report-subject@example.kz' });
  const key = await amanat.keyStore.getSubjectKey(subjectId);
  const rows: { field: string; purpose: string }[] = [];
  while (rows.length < 50) {
    for (const p of amanat.rules.purposes()) {
      for (const field of p.fields) if (rows.length < 50) rows.push({ field, purpose: p.id });
    }
  }
  for (const [i, row] of rows.entries()) {
    const purpose = amanat.rules.purpose(row.purpose);
    await amanat.stores.sql.query(
      `INSERT INTO personal_values (id, subject_id, field_id, ciphertext, purposes, legal_bases, source, collected_at, updated_at)
       VALUES ($1, $2, $3, $4, ARRAY[$5], $6::jsonb, 'bench:report', now(), now())`,
      [
        randomUUID(),
        subjectId,
        row.field,
        seal(
          key,
          Buffer.from(JSON.stringify(`Значение ${i} поля ${row.field}`)),
          `value:${subjectId}:${row.field}`,
        ),
        row.purpose,
        JSON.stringify([
          {
            purpose: row.purpose,
            type: purpose.legal_bases[0]!.type,
            reference: purpose.legal_bases[0]!.reference,
          },
        ]),
      ],
    );
  }
  const { request } = await amanat.requests.submit('bench', {
    type: 'access',
    channel: 'api',
    contact: { email: 'report-subject@example.kz', name: 'Субъект Отчётов' },
    subjectId,
  });
  await amanat.requests.verifyManually('bench', request.id, 'in_person');
  const { report } = await amanat.requestExecution.execute('bench', request.id);
  const values = report!.purposes.reduce((n, p) => n + p.values.length, 0);
  const timed = (path: string) =>
    run({ url, connections: 1, duration: DURATION, requests: [{ method: 'GET', path, headers }] });
  return {
    values,
    report: summarize(await timed(`/api/requests/${request.id}/report`)),
    letter: summarize(await timed(`/api/requests/${request.id}/letter`)),
  };
}

/** 1,000 e-mails through a real IMAP server (Debian's dovecot), against reading the same mails without intake. */
async function benchImap(amanat: Amanat, kind: string) {
  const { dovecotAvailable, startTestImap } = await import('../test/support/dovecot.js');
  if (!dovecotAvailable) return { skipped: 'dovecot is not installed (apt-get install dovecot-imapd)' };
  const { createImapPoller, parseImapUrl } = await import('../src/modules/mail/imap-poller.js');
  const imap = await startTestImap();
  try {
    const subjectLine = withdrawalSubjectLines(amanat.rules.register.requests)[0]?.line ?? 'Вопрос';
    const messages = Array.from({ length: IMAP_MESSAGES }, (_, i) => {
      const subject = i % 2 === 0 ? subjectLine : `Вопрос о моих данных ${i}`;
      return Buffer.from(
        `From: =?utf-8?B?${Buffer.from(`Отправитель ${i}`).toString('base64')}?= <sender-${kind}-${i}@example.kz>\r\n` +
          `To: privacy@nextbot.kz\r\nSubject: =?utf-8?B?${Buffer.from(subject).toString('base64')}?=\r\n` +
          `Date: ${new Date().toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n` +
          `${'Прошу прекратить обработку моих персональных данных. '.repeat(10)}\r\n`,
      );
    });
    await imap.deliver(...messages);
    const client = await imap.connect();
    // Baseline: the same messages fetched one by one over IMAP, with no intake.
    await client.mailboxOpen('INBOX', { readOnly: true });
    const fetchStarted = performance.now();
    const uids = (await client.search({ all: true }, { uid: true })) || [];
    for (const uid of uids) await client.fetchOne(String(uid), { source: true, uid: true }, { uid: true });
    const fetchSeconds = (performance.now() - fetchStarted) / 1000;
    await client.logout();
    const poller = createImapPoller({
      stores: amanat.stores,
      intake: amanat.mailIntake,
      target: parseImapUrl(imap.url),
    });
    const started = performance.now();
    const result = await poller.poll({ limit: IMAP_MESSAGES });
    const seconds = (performance.now() - started) / 1000;
    const requests = result.results.filter((r) => r.request).length;
    return {
      messages: result.fetched,
      requests,
      seconds,
      perSecond: result.fetched / seconds,
      fetchOnlyPerSecond: uids.length / fetchSeconds,
    };
  } finally {
    await imap.stop();
  }
}

function fmt(n: number, digits = 1) {
  return n.toFixed(digits);
}

function report(all: Record<string, any>[], machine: Record<string, string>) {
  const lines = [
    '# Benchmarks',
    '',
    'Measured by `npm run bench` (bench/run.ts): HTTP on loopback with autocannon, against the real server',
    'and, in the same process and store, a baseline route that does one bare `INSERT`.',
    '',
    `Report written: ${machine.date}. Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} RAM, Node ${machine.node},`,
    `PostgreSQL ${machine.postgres}, PGlite ${machine.pglite}. Subjects collected: ${SUBJECTS}; lookup table: ${LOOKUP_ROWS} rows;`,
    `${DURATION} s per timed run (grants and their baseline: ${ROUNDS} rounds of ${ROUND_SECONDS} s each); ${CONNECTIONS} connections unless said.`,
    '',
    `Measured per store at: ${all.map((r) => `${r.store} ${r.runAt}`).join('; ')} (each store's baseline in its own run).`,
    '',
    'The baseline and the grants run in alternating rounds, one right after the other (baseline then grants,',
    'then grants then baseline, and so on), so that the machine’s drift over minutes falls on both sides of the',
    'ratio. The table gives medians over the rounds: of each side’s req/s and p99, and of the per-round ratios.',
    '',
    '| store | baseline INSERT req/s (p99 ms) | consent grants req/s (p99 ms) | grants / baseline (median of rounds) | rounds: ratio each | target ≥ 50 % |',
    '|---|---|---|---|---|---|',
    ...all.map(
      (r) =>
        `| ${r.store} | ${fmt(r.baseline.rps)} (${r.baseline.p99}) | ${fmt(r.consentGrants.rps)} (${r.consentGrants.p99}) | ` +
        `${fmt(r.consentGrants.ratioToBaseline * 100)} % | ` +
        `${r.consentGrants.rounds.map((x: { ratio: number }) => `${fmt(x.ratio * 100, 0)} %`).join(', ')} | ` +
        `${r.consentGrants.ratioToBaseline >= 0.5 ? 'met' : '**not met**'} |`,
    ),
    '',
    '| store | data collection: subjects | wall time s | subjects/s | p99 ms | non-2xx |',
    '|---|---|---|---|---|---|',
    ...all.map(
      (r) =>
        `| ${r.store} | ${r.collection.subjects} | ${fmt(r.collection.wallSeconds)} | ${fmt(r.collection.subjects / r.collection.wallSeconds)} | ` +
        `${r.collection.p99} | ${r.collection.non2xx} |`,
    ),
    '',
    '| store | lookup by e-mail: rows (identities / values) | 1 connection p50 / p99 ms | 10 connections req/s, p99 ms | target p99 < 5 ms |',
    '|---|---|---|---|---|',
    ...all.map(
      (r) =>
        `| ${r.store} | ${r.lookup.rows.identities} / ${r.lookup.rows.values} | ${r.lookup.single.p50} / ${r.lookup.single.p99} | ` +
        `${fmt(r.lookup.concurrent.rps)}, ${r.lookup.concurrent.p99} | ${r.lookup.single.p99 < 5 ? 'met' : '**not met**'} |`,
    ),
    '',
    '| store | access report, 50 values: p50 / p99 ms (target p99 < 50) | PDF letter: p50 / p99 ms (target < 300) | IMAP intake: messages, s, msg/s | IMAP fetch only, msg/s |',
    '|---|---|---|---|---|',
    ...all
      .filter((r) => r.requests)
      .map(
        (r) =>
          `| ${r.store} | ${r.requests.report.p50} / ${r.requests.report.p99} (${r.requests.report.p99 < 50 ? 'met' : '**not met**'}) | ` +
          `${r.requests.letter.p50} / ${r.requests.letter.p99} (${r.requests.letter.p99 < 300 ? 'met' : '**not met**'}) | ` +
          (r.imap?.messages
            ? `${r.imap.messages}, ${fmt(r.imap.seconds)}, ${fmt(r.imap.perSecond)} | ${fmt(r.imap.fetchOnlyPerSecond)} |`
            : `${r.imap?.skipped ?? 'not measured'} | |`),
      ),
    '',
    '| store | sweep: subjects × values | baseline DELETE values/s | sweep values/s (s) | sweep / baseline | target ≥ 25 % | RSS before → peak MiB |',
    '|---|---|---|---|---|---|---|',
    ...all
      .filter((r) => r.retentionSweep)
      .map((r) => {
        const w = r.retentionSweep;
        return (
          `| ${r.store} | ${w.subjects} × ${w.values / w.subjects} | ${fmt(w.baseline.valuesPerSecond, 0)} | ` +
          `${fmt(w.sweep.valuesPerSecond, 0)} (${fmt(w.sweep.seconds)}) | ${fmt(w.ratioToBaseline * 100)} % | ` +
          `${w.ratioToBaseline >= 0.25 ? 'met' : '**not met**'} | ${w.memory.rssBeforeMiB} → ${w.memory.rssPeakMiB} |`
        );
      }),
    '',
    "The sweep destroys every value of the example register's purpose 7 (14-month rule) collected on",
    '2025-01-10: per batch of 500 subjects one transaction locks the subjects, deletes every value whose',
    'purposes have all ended in one `DELETE … RETURNING` grouped per subject and collection (purpose 7',
    'anonymises: a count per purpose, field and month is kept), deletes the identities of subjects left with',
    'nothing, marks them destroyed and appends one audit entry per subject; after the commit their keys are',
    'deleted from the key store. The act (JSON and PDF) is filled from a tally kept as batches commit and is',
    'inside the time. The baseline deletes the',
    'same rows, loaded the same way, with `DELETE FROM personal_values WHERE id = ANY($1)` in chunks of',
    "5,000 (the sweep's batch), each its own statement.",
    '',
    "The access report is read over HTTP on one connection (`GET /api/requests/{id}/report`: the subject's values",
    'decrypted, its consents with proof, two audit entries); the letter is the same report rendered to PDF with the',
    'embedded DejaVu Sans. The IMAP intake reads each message from dovecot on loopback, keeps it sealed, parses it,',
    'classifies it (half carry the withdrawal subject line), creates the request and moves the mailbox cursor; the',
    'fetch-only column reads the same messages with no intake, as the baseline.',
    '',
    'Each collection request finds or creates the subject (HMAC identity lookup, a new data key in the key',
    'store), validates three fields against purpose 6, encrypts them and appends audit entries in the same',
    'transaction. Each consent grant checks the KZ consent contents, seals the proof under the subject key and',
    'appends to the audit chain. Each lookup computes the HMAC, reads the index and appends a `subject.lookup`',
    'audit entry. The lookup p99 target is read on one connection (latency, not queueing); the 10-connection',
    'run shows throughput.',
    '',
    '## Reading the numbers',
    '',
    'A consent grant is, at its best, one statement per batch: the grants that arrive while a batch is being',
    'written form the next, and a clean batch is written by a single statement that checks the subjects and',
    'live consents, moves the audit head, inserts the consent rows and the audit entries (no transaction, one',
    'round trip); anything unusual takes the transactional path that answers item by item. Against the',
    "baseline's bare INSERT a grant also validates a twelve-field body, checks the KZ consent contents, seals",
    'the proof under the subject key (kept in memory since d67a624; before it, keys lived 60 s and at most',
    '10,000, so in the benchmark every grant’s key was read from the key store, in batches) and computes an',
    'HMAC per audit entry. The grants go round the subjects once per purpose with a consent basis (three in',
    'the example register), so no round runs out of subjects to grant to.',
    '',
    'Change history: before group commit, grants reached 508 req/s (17.6 %) on PGlite and 699 req/s (10.0 %)',
    'on PostgreSQL at this scale; with group commit in one transaction per batch, 850 req/s (39.0 %) and',
    '1154 req/s (18.4 %). A run of the one-statement path found PGlite grants falling to 552 req/s (19 %) at',
    '100,000 subjects: the live-consent check joined the batch to `consents`, and with stale statistics (PGlite',
    'has no autovacuum) the planner hashed every live consent per batch (10.5 ms at 10,000, against 0.4 ms for',
    'a per-item probe of the unique index, which the check now is). With that, two full runs on PostgreSQL',
    'gave grants of 2,294 and 2,324 req/s, against baselines of 4,323 and 5,604 req/s: 53.0 % and 41.5 %. The',
    'grant rate is steady; the baseline moves by a quarter between runs on this 2-core machine, so the 50 %',
    'target was not reliably met. On PGlite grants reached 741 req/s (25 %) at 100,000 subjects but 988 req/s',
    '(43 %) at 5,000: PGlite runs each statement synchronously on the event loop, so few requests were parsed',
    'between two batches. The batch queue now turns the event loop while the queue still grows (at most four',
    'turns) before taking a batch: 1,994 req/s (59.7 %) on PGlite at 100,000 subjects.',
    '',
    'How much the ratio moves on this 2-core machine: full runs of the same grant path gave, PGlite /',
    'PostgreSQL, 59.7 % / – (session 4), 61.9 % / 63.4 % (commit 0b142bb), 45.1 % / 29.3 % (685d5a7) and',
    '43.9 % / 46.9 % (19ab404, the tables above); baselines ranged from 2,246 to 2,791 req/s on PGlite and',
    'from 4,081 to 6,584 on PostgreSQL. Runs of 0b142bb and 19ab404 back to back at 30,000 subjects on',
    'PostgreSQL gave 37.1 %, 32.4 %, 27.0 % and 31.1 %: the two commits are the same; the machine moved',
    '(the IMAP fetch-only baseline, which runs none of Amanat’s code, fell from 2,783 to 1,839 msg/s between',
    'two of these runs). The grant target is met in some full runs and not in others.',
    '',
    'Until commit 4565559 the baseline ran once, before the collection, some ten minutes before the grants;',
    'since then the two alternate in six rounds of 5 s and the report takes medians. The first full run so',
    'measured (4565559) gave 51.2 % on PGlite (rounds 50, 48, 51, 52, 56, 56 %) and 44.0 % on PostgreSQL',
    '(40, 43, 40, 47, 45, 54 %), on a day the machine was slower: collection took 775 s on PGlite against',
    '648 s before, and the lookup p99 was 6 ms on both stores against 4 and 5 ms. The second (5111bc4, the',
    'tables above) gave 55.0 % and 44.1 %. Between the two, a lookup’s audit entry stopped opening a',
    'transaction of its own (BEGIN, append, COMMIT) and became one statement: lookups on one connection went',
    'from 435 to 597 req/s on PGlite (p99 6 → 4 ms) and from 460 to 545 req/s on PostgreSQL (p99 6 → 5 ms).',
    '',
    'What bounds a grant on PostgreSQL, measured at 30,000 subjects with CPU accounting per request',
    '(`/proc/stat` and `process.cpuUsage`): the server’s Node thread spends 0.5–0.8 ms per grant against',
    '0.2–0.3 ms per baseline insert, PostgreSQL about 0.2 ms for either, and 0.5–0.7 ms of the two cores’',
    'time per grant is idle (0.05–0.1 ms per insert). A trace of one batch cycle at 10 connections: the 10',
    'requests are parsed (about 2.5 ms), their one statement runs (about 2 ms as Node sees it; PostgreSQL’s',
    'log gives 1 ms to bind and execute), the 10 answers go out (about 1.7 ms). The closed loop of 10',
    'connections moves in lockstep, so Node waits while PostgreSQL works and the other way round. Tried and',
    'left out: two batches in flight (the second waits for the first’s commit on the audit head’s row lock,',
    'batches shrink to 3–4 grants, and grants fell to 26–32 % of the baseline); autocannon in a process of its',
    'own (ratio unchanged, 39–42 %); generic plans for the batch statement (no change). Kept: answers',
    'serialised once (a JSON round trip per answer was spent on typing), canonical JSON in plain loops.',
    '',
    'On 2026-11-25 the machine was faster (PostgreSQL baseline about 10,000 req/s against 4,000–6,000 before)',
    'and the same questions were measured again on PostgreSQL at 25,000 subjects, with a trace of every batch',
    'statement and PostgreSQL’s statement log. A batch statement takes 0.72 ms as Node sees it (p50; p90',
    '0.83), of which PostgreSQL logs 0.05–0.07 ms to bind and 0.27–0.28 ms to execute for 8–10 grants; a WAL',
    'flush on this disk takes about 0.1 ms (`pg_test_fsync`). Between two statements Node works 0.9 ms for',
    '10 grants: answers out, autocannon’s next requests in (autocannon runs in the same process, for the',
    'baseline too), parsing, validation, sealing, chaining. Sometimes the loop settles into two alternating',
    'groups (5 and 5, or 2 and 8) with 0.18 ms between statements, at about the same rate. The Node thread',
    'is idle 41–48 % of a grant round: the one statement in flight and Node’s work take turns. A CPU profile',
    'of a grant round spreads Node’s time thinly: node-postgres binding the statement’s ~280 parameters 7 %,',
    'autocannon’s own HTTP client about 12 %, Hono and zod 5 %, sealing 3 % (half of it `randomBytes`), the',
    'audit HMACs 3.5 %, GC 5 %, no item larger. Tried that day and left out: the batch’s rows and audit',
    'entries as two JSON documents, one statement text for every batch size (PostgreSQL then re-planned the',
    'statement at every bind, 0.26 ms, and grants fell to 30–38 %; with a generic plan forced, 43–51 %, no',
    'better than before); two batches in flight again (37–46 %: all 10 clients wait on the first batch, so',
    'there is rarely a second one to send).',
    'The subject-key cache (d67a624) took the key read out of every batch: at 20,000 subjects the first two',
    'rounds gave 45.1 % and 47.4 % against 43.0 % before it, within the spread of rounds. The full run of',
    'd67a624 (the tables above), on the faster machine (PGlite collection 388 s against 804 s the day',
    'before), gave 52.3 % on PGlite and 46.5 % on PostgreSQL; the lookup p99 was 3 ms on both stores.',
    'PostgreSQL measured again at c6ce165 (the PostgreSQL tables above; the hot path differs from d67a624',
    'only by lower-casing ids) gave 47.6 %: grants held at 4,289–4,604 req/s over the six rounds while the',
    'baseline moved from 8,589 to 10,166 req/s, and the rounds’ ratios moved with it (43–51 %).',
    '',
    'Two halves in flight (a35f0ec). On PostgreSQL a backlog of eight or more grants that',
    'finds no batch running now goes out as two statements, both on one connection of their own on which',
    'node-postgres sends them in turn; the second chains its audit entries after the head the first claimed.',
    'The 10 clients settle into two groups of 5: PostgreSQL writes one group’s statement while Node answers',
    'the other and parses its next requests, where before the two took turns. Quick runs at 40,000 subjects:',
    'grants 5,900–6,400 req/s against about 4,700 with one batch (52–65 % of the baseline). The earlier tries',
    'of two batches in flight sent them on the pool: the second half often reached PostgreSQL before the',
    'first, found the audit head unmoved and took the slow path (two thirds of batches did, measured today),',
    'and halving every backlog of two or more gave batches of 3 (4,200–4,500 req/s). At 20 connections the',
    'same code gave 54–61 %; at 4 connections, where no backlog reaches eight, 25–36 % (the lockstep as',
    'before). PGlite is unchanged: its statements run on the event loop, so there is nothing to overlap.',
    'Two full runs on PostgreSQL, back to back: 59.0 % (rounds 61, 53, 62, 57, 62, 55 %) and 57.0 % (60,',
    '54, 64, 61, 54, 50 %; the PostgreSQL tables above). The rounds with the lowest ratios are those whose',
    'baseline ran fastest (10,400–11,300 req/s); grants stayed at 4,800–6,000 req/s.',
    '',
    'The sweep first ran at 21.6 % of its baseline on PGlite (27.6 s for 1,000,000 values): a DELETE that',
    'returned every value, a bound parameter per audit field (5,000 per batch), and an act filled by',
    'aggregating the act’s audit entries in SQL at the end. Grouping in the DELETE, sending a batch’s audit',
    'entries as one JSON document and keeping the act’s tally in memory took a 20,000-subject sweep from 7.6 s',
    'to 4.2 s.',
    '',
    'The first measurement of PostgreSQL found lookups at p50 61 ms among 1,000,000',
    'identities: the lookup filtered on the hash alone, which PostgreSQL 18 (PGlite) serves from the',
    '(kind, hash) index by skip scan and PostgreSQL 15 by a sequential scan. The query now names both',
    'columns.',
    '',
    '<details><summary>Raw results (JSON)</summary>',
    '',
    '```json',
    JSON.stringify(all, null, 2),
    '```',
    '',
    '</details>',
    '',
  ];
  return lines.join('\n');
}

async function main() {
  // BENCH_STORES=postgres (or pglite) re-measures one store; the other keeps its last results, with its date.
  const wanted = (process.env.BENCH_STORES ?? 'pglite,postgres').split(',');
  const kinds: ('pglite' | 'postgres')[] = wanted.includes('pglite') ? ['pglite'] : [];
  let postgres = 'not reachable';
  if (await postgresReachable()) {
    if (wanted.includes('postgres')) kinds.push('postgres');
    postgres = String((await adminQuery('SHOW server_version')).rows[0].server_version);
  }
  const machine = {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: String(os.cpus().length),
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    postgres,
    pglite: (
      JSON.parse(
        readFileSync(fromPackageRoot('node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
      ) as { version: string }
    ).version,
  };
  mkdirSync(RESULTS, { recursive: true });
  if (PARTS.includes('grants')) {
    for (const kind of kinds) await benchStore(kind);
    return;
  }
  for (const kind of kinds) {
    if (PARTS.includes('core')) {
      const result = { ...(await benchStore(kind)), runAt: new Date().toISOString() };
      writeFileSync(join(RESULTS, `${kind}.json`), `${JSON.stringify(result, null, 2)}\n`);
    }
    if (PARTS.includes('sweep')) {
      const result = { store: kind, ...(await benchSweep(kind, PG_URL)), runAt: new Date().toISOString() };
      writeFileSync(join(RESULTS, `${kind}-sweep.json`), `${JSON.stringify(result, null, 2)}\n`);
    }
  }
  const read = (name: string) => JSON.parse(readFileSync(join(RESULTS, name), 'utf8')) as Record<string, any>;
  const all = (['pglite', 'postgres'] as const)
    .filter((kind) => existsSync(join(RESULTS, `${kind}.json`)))
    .map((kind) => ({
      ...read(`${kind}.json`),
      ...(existsSync(join(RESULTS, `${kind}-sweep.json`))
        ? { retentionSweep: read(`${kind}-sweep.json`) }
        : {}),
    }));
  const markdown = report(all, machine);
  writeFileSync(fromPackageRoot('BENCHMARKS.md'), markdown);
  console.log(markdown);
}

await main();
process.exit(0);
