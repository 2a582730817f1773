// Cookie-consent proofs over HTTP (`POST /api/public/cookie-consents`, the body the widget sends as text/plain)
// against a bare route doing one INSERT of the same body, in the same process and store, in alternating rounds
// (baseline then proofs, then proofs then baseline, …) as the consent grants are measured in bench/run.ts.
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import type { Stores } from '../src/db/database.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Side {
  rps: number;
  p99: number;
  non2xx: number;
}

export interface CookieProofResult {
  store: string;
  rounds: number;
  roundSeconds: number;
  connections: number;
  baseline: Side;
  proofs: Side;
  ratioToBaseline: number;
  roundRatios: number[];
}

function log(message: string) {
  console.error(`[bench proofs ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function run(options: autocannon.Options): Promise<Side> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, r) =>
      error ? reject(error) : resolve({ rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx }),
    );
  });
}

/** Null with a reason when this checkout's server has no proof route yet. */
export async function benchCookieProofs(
  server: string,
  stores: Stores,
  store: string,
): Promise<CookieProofResult | { skipped: string }> {
  const config = await fetch(`${server}/api/widget/config?lang=ru`);
  if (config.status !== 200) return { skipped: `GET /api/widget/config answers ${config.status}` };
  const { policyVersion, textHash, categories } = (await config.json()) as {
    policyVersion: string;
    textHash: string;
    categories: { id: string }[];
  };
  const proof = () =>
    JSON.stringify({
      visitorId: randomUUID(),
      policyVersion,
      lang: 'ru',
      textHash,
      choices: Object.fromEntries(categories.map((c) => [c.id, true])),
      method: 'accept_all',
      gpc: false,
      decidedAt: new Date().toISOString(),
    });
  const headers = {
    'content-type': 'text/plain;charset=UTF-8',
    'user-agent': 'Mozilla/5.0 (bench) Chromium',
  };
  const probe = await fetch(`${server}/api/public/cookie-consents`, {
    method: 'POST',
    headers,
    body: proof(),
  });
  if (probe.status !== 202) {
    return { skipped: `POST /api/public/cookie-consents answers ${probe.status}: ${await probe.text()}` };
  }

  await stores.sql.query(
    'CREATE TABLE IF NOT EXISTS bench_baseline (id uuid PRIMARY KEY, payload text, at timestamptz)',
  );
  const bare = new Hono().post('/insert', async (c) => {
    const body = await c.req.text();
    await stores.sql.query('INSERT INTO bench_baseline (id, payload, at) VALUES ($1, $2, now())', [
      randomUUID(),
      body,
    ]);
    return c.json({ id: 'ok' }, 202);
  });
  const baselineServer = await new Promise<{ url: string; close: () => void }>((resolve) => {
    const s = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => s.close() }),
    );
  });
  const side = (url: string, path: string) =>
    run({
      url,
      connections: CONNECTIONS,
      duration: ROUND_SECONDS,
      requests: [{ method: 'POST', path, headers, setupRequest: (req) => ({ ...req, body: proof() }) }],
    });
  try {
    log(
      `${store}: bare INSERT and cookie proofs, ${ROUNDS} rounds of ${ROUND_SECONDS} s × ${CONNECTIONS} connections`,
    );
    const rounds: { baseline: Side; proofs: Side }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        const baseline = await side(baselineServer.url, '/insert');
        rounds.push({ baseline, proofs: await side(server, '/api/public/cookie-consents') });
      } else {
        const proofs = await side(server, '/api/public/cookie-consents');
        rounds.push({ baseline: await side(baselineServer.url, '/insert'), proofs });
      }
    }
    const pick = (f: (r: { baseline: Side; proofs: Side }) => Side): Side => ({
      rps: median(rounds.map((r) => f(r).rps)),
      p99: median(rounds.map((r) => f(r).p99)),
      non2xx: rounds.reduce((n, r) => n + f(r).non2xx, 0),
    });
    const roundRatios = rounds.map((r) => r.proofs.rps / r.baseline.rps);
    return {
      store,
      rounds: ROUNDS,
      roundSeconds: ROUND_SECONDS,
      connections: CONNECTIONS,
      baseline: pick((r) => r.baseline),
      proofs: pick((r) => r.proofs),
      ratioToBaseline: median(roundRatios),
      roundRatios,
    };
  } finally {
    baselineServer.close();
  }
}

export function cookieProofTable(result: CookieProofResult | { skipped: string }): string[] {
  if ('skipped' in result) return [`Cookie proofs over HTTP: not measured — ${result.skipped}.`, ''];
  const r = result;
  return [
    `Cookie proofs over HTTP (${r.store}, ${r.rounds} alternating rounds of ${r.roundSeconds} s, ${r.connections} connections, ` +
      'medians of rounds): `POST /api/public/cookie-consents` with the body the widget sends (text/plain) against a bare route ' +
      'inserting the same body in the same process and store.',
    '',
    '| store | baseline INSERT req/s (p99 ms) | cookie proofs req/s (p99 ms) | proofs / baseline | rounds: ratio each | non-2xx (proofs) |',
    '|---|---|---|---|---|---|',
    `| ${r.store} | ${r.baseline.rps.toFixed(1)} (${r.baseline.p99}) | ${r.proofs.rps.toFixed(1)} (${r.proofs.p99}) | ` +
      `${(r.ratioToBaseline * 100).toFixed(1)} % | ${r.roundRatios.map((x) => `${Math.round(x * 100)} %`).join(', ')} | ${r.proofs.non2xx} |`,
    '',
  ];
}
