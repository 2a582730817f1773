import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import pg from 'pg';
// npm run bench: HTTP benchmarks on loopback with autocannon, on PGlite and (when reachable) PostgreSQL.
// Each store gets a baseline measured in the same run: a bare route doing one INSERT.
// Scale with BENCH_SUBJECTS (default 100000) and BENCH_LOOKUP_ROWS (default 1000000).
// BENCH_PARTS=core,sweep,policy,cli,cookies (default all five): the HTTP part, the retention sweep (bench/sweep.ts),
// publishing and serving the policy (bench/policy.ts), the CLI's start (bench/cli.ts) and cookie-banner
// proofs against a bare INSERT (bench/cookies.ts).
// BENCH_PARTS=grants: only the collection and the grant rounds, printed and not written (to try a change).
// BENCH_PARTS=widget (`npm run bench:widget`, not in the default): the cookie banner against its peers in headless
// chromium (bench/widget.ts); the report keeps every other part's last results.
import { firstLoad, type WebBudget } from '../scripts/web-budget.js';
import { type Amanat, createAmanat } from '../src/app/amanat.js';
import { openStores, type Stores } from '../src/db/database.js';
import { deriveKey, hmacSha256, newDataKey, seal } from '../src/lib/crypto.js';
import { fromPackageRoot } from '../src/lib/paths.js';
import { Scopes } from '../src/modules/api-keys/api-key.service.js';
import { withdrawalSubjectLines } from '../src/modules/register/register.schema.js';
import { openKeyring } from '../src/modules/vault/master-keyring.js';
import { startServer } from '../src/server.js';
import { listedKeys } from '../test/support/listed-keys.js';
import { benchCliStart, cliStartTable } from './cli.js';
import { benchCookies, cookieProofTable } from './cookies.js';
import { benchPolicy } from './policy.js';
import { benchSweep } from './sweep.js';
import { benchWidget, type WidgetBenchResult, widgetTable } from './widget.js';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const LOOKUP_ROWS = Number(process.env.BENCH_LOOKUP_ROWS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PARTS = (process.env.BENCH_PARTS ?? 'core,sweep,policy,cli,cookies,web').split(',');
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
  // Grants cite a published consent form, as on a server started with `npm start`.
  await amanat.policies.publish('bench', { register: amanat.rules.register, profile: amanat.rules.profile });
  const server = await startServer(amanat, {
    port: 0,
    host: '127.0.0.1',
    bodyLimitBytes: 1 << 20,
    logRequests: false,
  });
  const baseline = await startBaseline(stores);
  // A key that reads personal data holds those rights from an approved access-list entry, as in production.
  const { keys } = await listedKeys(amanat, [{ name: 'bench', scopes: [...Scopes], purposes: 'all' }]);
  const headers = { authorization: `Bearer ${keys.bench!.token}`, 'content-type': 'application/json' };
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

function report(all: Record<string, any>[], machine: Record<string, string>, cliLines: string[]) {
  const lines = [
    '# Benchmarks',
    '',
    'Measured by `npm run bench` (bench/run.ts): HTTP on loopback with autocannon, against the real server',
    'and, in the same process and store, a baseline route that does one bare `INSERT`.',
    '',
    `Report written: ${machine.date}. Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} RAM, Node ${machine.node},`,
    `PostgreSQL ${machine.postgres}, PGlite ${machine.pglite}. Subjects collected: ${all[0]?.scale?.subjects ?? SUBJECTS}; lookup table: ${all[0]?.scale?.lookupRows ?? LOOKUP_ROWS} rows;`,
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
    ...cliLines,
    '| store | publish the policy: documents, median / max ms | GET /policy: connections, req/s | p50 / p99 ms | baseline (same bytes, bare server): req/s, p50 / p99 ms | target p99 < 5 ms |',
    '|---|---|---|---|---|---|',
    ...all
      .filter((r) => r.policy)
      .map((r) => {
        const p = r.policy;
        return (
          `| ${r.store} | ${p.documents}, ${p.publish.medianMs} / ${p.publish.maxMs} | ${p.page.connections}, ${fmt(p.page.rps)} | ` +
          `${p.page.p50} / ${p.page.p99} | ` +
          `${p.baseline ? `${fmt(p.baseline.rps)}, ${p.baseline.p50} / ${p.baseline.p99}` : '—'} | ` +
          `${p.page.p99 < 5 ? 'met' : '**not met**'} |`
        );
      }),
    '',
    // The prose (what is measured, why the code is as it is, the history) is kept by hand in bench/notes.md.
    ...readFileSync(fromPackageRoot('bench', 'notes.md'), 'utf8')
      .replace(/^<!--.*-->\n/, '')
      .trimEnd()
      .split('\n'),
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
      const result = {
        ...(await benchStore(kind)),
        scale: { subjects: SUBJECTS, lookupRows: LOOKUP_ROWS },
        runAt: new Date().toISOString(),
      };
      writeFileSync(join(RESULTS, `${kind}.json`), `${JSON.stringify(result, null, 2)}\n`);
    }
    if (PARTS.includes('sweep')) {
      const result = { store: kind, ...(await benchSweep(kind, PG_URL)), runAt: new Date().toISOString() };
      writeFileSync(join(RESULTS, `${kind}-sweep.json`), `${JSON.stringify(result, null, 2)}\n`);
    }
    if (PARTS.includes('policy')) {
      const result = { ...(await benchPolicy(kind, PG_URL, REGISTER)), runAt: new Date().toISOString() };
      writeFileSync(join(RESULTS, `${kind}-policy.json`), `${JSON.stringify(result, null, 2)}\n`);
    }
    if (PARTS.includes('cookies')) {
      const result = { ...(await benchCookies(kind, PG_URL, REGISTER)), runAt: new Date().toISOString() };
      writeFileSync(join(RESULTS, `${kind}-cookies.json`), `${JSON.stringify(result, null, 2)}\n`);
    }
  }
  if (PARTS.includes('cli')) {
    writeFileSync(join(RESULTS, 'cli.json'), `${JSON.stringify(await benchCliStart(), null, 2)}\n`);
  }
  if (PARTS.includes('web')) {
    // The privacy centre's first load from a fresh production build (npm start builds the same).
    const build = spawnSync('npm', ['run', 'build:web'], {
      cwd: fromPackageRoot(),
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (build.status !== 0) throw new Error(`npm run build:web failed:\n${build.stderr}`);
    const centre = firstLoad('index.html');
    const consolePage = firstLoad('console.html');
    const result = { centre, console: consolePage, runAt: new Date().toISOString() };
    writeFileSync(join(RESULTS, 'web.json'), `${JSON.stringify(result, null, 2)}\n`);
  }
  if (PARTS.includes('widget')) {
    writeFileSync(join(RESULTS, 'widget.json'), `${JSON.stringify(await benchWidget(), null, 2)}\n`);
  }
  const read = (name: string) => JSON.parse(readFileSync(join(RESULTS, name), 'utf8')) as Record<string, any>;
  const all = (['pglite', 'postgres'] as const)
    .filter((kind) => existsSync(join(RESULTS, `${kind}.json`)))
    .map((kind) => ({
      ...read(`${kind}.json`),
      ...(existsSync(join(RESULTS, `${kind}-sweep.json`))
        ? { retentionSweep: read(`${kind}-sweep.json`) }
        : {}),
      ...(existsSync(join(RESULTS, `${kind}-policy.json`)) ? { policy: read(`${kind}-policy.json`) } : {}),
    }));
  const cli = existsSync(join(RESULTS, 'cli.json')) ? read('cli.json') : null;
  const cookies = (['pglite', 'postgres'] as const)
    .filter((kind) => existsSync(join(RESULTS, `${kind}-cookies.json`)))
    .map((kind) => read(`${kind}-cookies.json`) as Parameters<typeof cookieProofTable>[0][number]);
  const widget = existsSync(join(RESULTS, 'widget.json')) ? read('widget.json') : null;
  const web = existsSync(join(RESULTS, 'web.json')) ? read('web.json') : null;
  const markdown = report(all, machine, [
    ...(cli ? cliStartTable(cli as Parameters<typeof cliStartTable>[0]) : []),
    ...cookieProofTable(cookies),
    ...(widget ? widgetTable(widget as WidgetBenchResult) : []),
    ...(web ? webBudgetTable(web as { centre: WebBudget; console: WebBudget; runAt: string }) : []),
  ]);
  writeFileSync(fromPackageRoot('BENCHMARKS.md'), markdown);
  console.log(markdown);
}

/** The web app's first-load JavaScript, gzipped, against the privacy centre's budget. */
function webBudgetTable(web: { centre: WebBudget; console: WebBudget; runAt: string }): string[] {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  const row = (page: string, b: WebBudget, budget: string) =>
    `| ${page} | ${b.files.length} | ${kb(b.bytes)} | ${kb(b.gzip)} | ${budget} |`;
  return [
    '',
    `The web app's first load (part \`web\`, scripts/web-budget.ts; measured ${web.runAt}): the scripts a page loads`,
    'before any interaction and their static imports, each counted once, gzip level 9 (1 kB = 1000 B).',
    '',
    '| page | scripts | JS | JS gzip | budget |',
    '|---|---|---|---|---|',
    row(
      'privacy centre (`/`, preact/compat)',
      web.centre,
      `${kb(web.centre.budget)}: ${web.centre.gzip <= web.centre.budget ? 'met' : '**not met**'}`,
    ),
    row('console (`/console`, React)', web.console, '—'),
  ];
}

await main();
process.exit(0);
