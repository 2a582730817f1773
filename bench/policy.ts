// The published policy: the time to publish the example register (36 documents: the policy in HTML and PDF and
// each consent form as text and HTML, in Russian, Kazakh and English, rendered and stored with the audit entry),
// over BENCH_POLICY_PUBLISHES publishes under new labels (default 3), and GET /policy (cached by version) at
// BENCH_CONNECTIONS connections for BENCH_SECONDS, with autocannon on loopback as the rest of the bench. The
// baseline in the same run: a bare server in the same process answering the same bytes from memory (what
// the load generator and the loopback cost by themselves).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import pg from 'pg';
import { createAmanat } from '../src/app/amanat.js';
import { openStores, type Stores } from '../src/db/database.js';
import type { Register } from '../src/modules/register/register.schema.js';
import { startServer } from '../src/server.js';

const PUBLISHES = Number(process.env.BENCH_POLICY_PUBLISHES ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

function log(message: string) {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A fresh store for a bench part: PGlite in `dir`, or a new PostgreSQL database `dbName`. */
export async function openBenchStores(
  kind: 'pglite' | 'postgres',
  pgUrl: string,
  dir: string,
  dbName: string,
) {
  if (kind === 'pglite') {
    return openStores({
      kind: 'pglite',
      dataStoreDir: join(dir, 'store'),
      keyStoreDir: join(dir, 'keystore'),
      lockDir: dir,
    });
  }
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${dbName}`;
  return openStores({ kind: 'postgres', dataUrl: url.toString(), keyStoreUrl: url.toString(), poolSize: 10 });
}

export async function benchPolicy(kind: 'pglite' | 'postgres', pgUrl: string, registerFile: string) {
  const dir = mkdtempSync(join(os.tmpdir(), 'amanat-bench-policy-'));
  const dbName = `amanat_bench_policy_${Date.now()}`;
  const stores: Stores = await openBenchStores(kind, pgUrl, dir, dbName);
  const amanat = await createAmanat({ stores, masterKey: randomBytes(32), registerFile });
  try {
    const publishMs: number[] = [];
    for (let i = 0; i < PUBLISHES; i++) {
      const register = structuredClone(amanat.rules.register) as Register;
      register.policy.version = `bench-${i + 1}`;
      const started = performance.now();
      const result = await amanat.policies.publish('bench', { register, profile: amanat.rules.profile });
      publishMs.push(performance.now() - started);
      if (result.status !== 'published') throw new Error(`publish ${i + 1}: ${result.status}`);
    }
    log(`${kind}: publish median ${median(publishMs).toFixed(0)} ms`);
    const server = await startServer(amanat, {
      port: 0,
      host: '127.0.0.1',
      bodyLimitBytes: 1 << 20,
      logRequests: false,
    });
    try {
      // One request first: the page's bytes are then in the cache, as for every reader after the first.
      const first = await fetch(`${server.url}/policy`);
      const bytes = Buffer.from(await first.arrayBuffer());
      const bare = new Hono().get('/policy', (c) =>
        c.body(bytes, 200, { 'content-type': first.headers.get('content-type') ?? 'text/html' }),
      );
      const baselineServer = await new Promise<{ url: string; close: () => void }>((resolve) => {
        const s = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
          resolve({ url: `http://127.0.0.1:${info.port}`, close: () => s.close() }),
        );
      });
      const load = (url: string) =>
        new Promise<autocannon.Result>((resolve, reject) =>
          autocannon({ url, connections: CONNECTIONS, duration: DURATION, workers: 1 }, (error, r) =>
            error ? reject(error) : resolve(r),
          ),
        );
      const baseline = await load(`${baselineServer.url}/policy`);
      baselineServer.close();
      const page = await load(`${server.url}/policy`);
      log(`${kind}: GET /policy ${page.requests.average} req/s, p99 ${page.latency.p99} ms`);
      return {
        store: kind,
        documents: (await amanat.policies.latest())?.documents.length ?? 0,
        publish: {
          runs: publishMs.length,
          medianMs: Math.round(median(publishMs)),
          maxMs: Math.round(Math.max(...publishMs)),
        },
        baseline: { rps: baseline.requests.average, p50: baseline.latency.p50, p99: baseline.latency.p99 },
        page: {
          connections: CONNECTIONS,
          rps: page.requests.average,
          p50: page.latency.p50,
          p99: page.latency.p99,
          non2xx: page.non2xx,
          bytes: page.throughput.average,
        },
      };
    } finally {
      await server.close();
    }
  } finally {
    await amanat.close();
    rmSync(dir, { recursive: true, force: true });
    if (kind === 'postgres') {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  }
}
