// Cookie-banner proofs: POST /api/public/cookie-consents (text/plain, as sendBeacon sends it) over HTTP with
// autocannon on loopback, against a baseline in the same process and store: a bare route that parses the same
// body and INSERTs the same row into cookie_consents, one statement per request. Alternating rounds
// (BENCH_COOKIE_ROUNDS, default 3, of BENCH_ROUND_SECONDS, default 5) at BENCH_CONNECTIONS connections;
// medians of the rounds. The proof route checks the body (zod, the version's categories and text hash) and
// writes through the batched writer (cookie.proof-writer.ts).

import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import pg from 'pg';
import { createAmanat } from '../src/app/amanat.js';
import type { Stores } from '../src/db/database.js';
import { COOKIE_PROOF_COLUMNS, cookieProofValues } from '../src/modules/cookies/cookie.proof-writer.js';
import { startServer } from '../src/server.js';
import { openBenchStores } from './policy.js';

const ROUNDS = Number(process.env.BENCH_COOKIE_ROUNDS ?? 3);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

function log(message: string) {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The baseline: parse the body, INSERT the same row, nothing else. */
function startBaseline(stores: Stores) {
  const app = new Hono();
  app.post('/insert', async (c) => {
    const body = JSON.parse(await c.req.text());
    const now = new Date();
    const { tuple, params } = cookieProofValues(
      {
        ...body,
        id: randomUUID(),
        decidedAt: new Date(body.decidedAt),
        receivedAt: now,
        userAgent: 'autocannon',
      },
      0,
    );
    await stores.sql.query(
      `INSERT INTO cookie_consents (${COOKIE_PROOF_COLUMNS.join(', ')}) VALUES ${tuple}`,
      params,
    );
    return c.json({ id: params[0] }, 202);
  });
  return new Promise<{ url: string; close: () => void }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

const load = (url: string, body: string) =>
  new Promise<Round>((resolve, reject) =>
    autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body,
        connections: CONNECTIONS,
        duration: ROUND_SECONDS,
        workers: 1,
      },
      (error, r) =>
        error
          ? reject(error)
          : resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx }),
    ),
  );

export async function benchCookies(kind: 'pglite' | 'postgres', pgUrl: string, registerFile: string) {
  const dir = mkdtempSync(join(os.tmpdir(), 'amanat-bench-cookies-'));
  const dbName = `amanat_bench_cookies_${Date.now()}`;
  const stores = await openBenchStores(kind, pgUrl, dir, dbName);
  const amanat = await createAmanat({ stores, masterKey: randomBytes(32), registerFile });
  try {
    await amanat.policies.publish('bench', {
      register: amanat.rules.register,
      profile: amanat.rules.profile,
    });
    const server = await startServer(amanat, {
      port: 0,
      host: '127.0.0.1',
      bodyLimitBytes: 1 << 20,
      logRequests: false,
      cookieProofLimit: { burst: 1_000_000_000, perMinute: 1_000_000_000 },
    });
    const baseline = await startBaseline(stores);
    try {
      const config = await (await fetch(`${server.url}/api/widget/config?lang=ru`)).json();
      const body = JSON.stringify({
        visitorId: randomUUID(),
        policyVersion: config.policyVersion,
        lang: 'ru',
        textHash: config.textHash,
        choices: { necessary: true, analytics: true, marketing: false },
        method: 'custom',
        gpc: false,
        decidedAt: new Date().toISOString(),
      });
      const probe = await fetch(`${server.url}/api/public/cookie-consents`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body,
      });
      if (probe.status !== 202)
        throw new Error(`proof probe answered ${probe.status}: ${await probe.text()}`);
      const baselineRounds: Round[] = [];
      const proofRounds: Round[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        baselineRounds.push(await load(`${baseline.url}/insert`, body));
        proofRounds.push(await load(`${server.url}/api/public/cookie-consents`, body));
        log(
          `${kind} round ${i + 1}: baseline ${baselineRounds.at(-1)!.rps} req/s, proofs ${proofRounds.at(-1)!.rps} req/s`,
        );
      }
      const summary = (rounds: Round[]) => ({
        rps: median(rounds.map((r) => r.rps)),
        p50: median(rounds.map((r) => r.p50)),
        p99: median(rounds.map((r) => r.p99)),
        non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
      });
      const rows = await stores.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM cookie_consents');
      return {
        store: kind,
        connections: CONNECTIONS,
        rounds: ROUNDS,
        roundSeconds: ROUND_SECONDS,
        baseline: summary(baselineRounds),
        proofs: summary(proofRounds),
        ratioOfMedians: median(proofRounds.map((r) => r.rps)) / median(baselineRounds.map((r) => r.rps)),
        rowsWritten: Number(rows[0]!.n),
      };
    } finally {
      baseline.close();
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

/** The BENCHMARKS.md table of the cookies part. */
export function cookieProofTable(results: Awaited<ReturnType<typeof benchCookies>>[]): string[] {
  if (results.length === 0) return [];
  const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  return [
    '| store | cookie proofs (text/plain, batched): req/s, p50 / p99 ms | baseline (bare INSERT of the same row): req/s, p50 / p99 ms | proofs / baseline | non-2xx |',
    '|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.store} | ${fmt(r.proofs.rps)}, ${r.proofs.p50} / ${r.proofs.p99} | ` +
        `${fmt(r.baseline.rps)}, ${r.baseline.p50} / ${r.baseline.p99} | ${(r.ratioOfMedians * 100).toFixed(0)} % | ` +
        `${r.proofs.non2xx + r.baseline.non2xx} |`,
    ),
    '',
  ];
}
