// Runs once before all test files: builds the web app and the cookie widget when missing or stale (once, so that
// test files running side by side never build them into each other's reads), migrates an embedded store once and
// dumps it as a template (each test file then starts from the dump in ~0.4 s instead of ~2 s), and finds out
// whether PostgreSQL is reachable.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { buildStale } from '../scripts/build-stale.mjs';
import { openStores } from '../src/db/database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDir: string;
    postgresUrl: string | null;
  }
}

async function reachablePostgres(): Promise<string | null> {
  const url = process.env.AMANAT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return url;
  } catch (error) {
    if (process.env.CI) {
      throw new Error(`CI needs PostgreSQL at ${url} (started by .ci/run): ${(error as Error).message}`);
    }
    console.warn(`PostgreSQL at ${url} is not reachable: integration tests run on PGlite only.`);
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/** web/dist and widget/dist as `npm start` would build them (production React, not the test environment's). */
function buildPages(): void {
  const lines: string[] = [];
  const results = buildStale({
    env: { ...process.env, NODE_ENV: 'production' },
    log: (line) => lines.push(line),
  });
  if (Object.values(results).includes('failed'))
    throw new Error(`The web build failed:\n${lines.join('\n')}`);
}

export default async function setup(project: TestProject) {
  buildPages();
  const templateDir = mkdtempSync(join(tmpdir(), 'amanat-template-'));
  const stores = await openStores({ kind: 'pglite' });
  const dump = await stores.dump!();
  writeFileSync(join(templateDir, 'data.tar'), Buffer.from(await dump.data.arrayBuffer()));
  writeFileSync(join(templateDir, 'keys.tar'), Buffer.from(await dump.keys.arrayBuffer()));
  await stores.close();
  project.provide('templateDir', templateDir);
  project.provide('postgresUrl', await reachablePostgres());
  return () => rmSync(templateDir, { recursive: true, force: true });
}
