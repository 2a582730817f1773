// The real entry point as a user runs it: `npm start` on the embedded store, the CLI beside it.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores } from '../src/db/database.js';
import { readLock } from '../src/db/lock.js';
import { fromPackageRoot } from '../src/lib/paths.js';
import { runCli, type StartedServer, startServerProcess } from './support/processes.js';

// Responses are checked field by field below; their shape is the assertion.
const json = (r: Response): Promise<any> => r.json();

/** The server answers 413 before reading the body and closes that socket: keep it out of fetch's pool. */
function postOnOwnConnection(url: string, headers: Record<string, string>, body: string | string[]) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    // Several pieces and no content-length: Node sends the body chunked, so its size is known only as it streams.
    if (Array.isArray(body)) {
      for (const piece of body) req.write(piece);
      req.end();
    } else req.end(body);
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function foldersContaining(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return filesUnder(dir).filter((file) => readFileSync(file).includes(bytes));
}

describe('npm start on the embedded store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'amanat-e2e-'));
  const env = { DATA_DIR: dataDir };
  let server: StartedServer;

  beforeAll(async () => {
    server = await startServerProcess(env);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the master key, prints a one-time bootstrap key and serves health and the register', async () => {
    expect(server.output()).toContain(join(dataDir, 'master.key'));
    expect(statSync(join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(server.bootstrapToken).toMatch(/^amk_/);
    const health = await fetch(`${server.url}/api/health`).then(json);
    expect(health).toMatchObject({
      status: 'ok',
      store: 'pglite',
      register: { purposes: 11 },
      keyCache: 'own-process',
    });
    const register = await fetch(`${server.url}/api/register`, {
      headers: { authorization: `Bearer ${server.bootstrapToken}` },
    });
    expect(register.status).toBe(200);
    const openapi = await fetch(`${server.url}/api/openapi.json`).then(json);
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toContain('/api/subjects/{subjectId}/data');
  });

  it('refuses a second process on the same data folder with a clear message', async () => {
    const second = await startServerProcess(env).then(
      () => null,
      (error: { exitCode?: number; output?: string }) => error,
    );
    expect(second?.exitCode).toBe(1);
    expect(second?.output).toContain('уже открыта');
    // tsx runs main.ts in a child of the process we spawned: the lock names the process that holds it.
    expect(second?.output).toContain(`PID ${readLock(dataDir)?.pid}`);
  });

  it('amanat keys create works beside the running server (through it) and the key is usable', async () => {
    const created = runCli(['keys', 'create', '--name', 'crm', '--scopes', 'register:read'], env);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const token = /^(amk_\S+)$/m.exec(created.stdout)?.[1];
    expect(token).toBeDefined();
    expect(
      (await fetch(`${server.url}/api/register`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    const badScope = runCli(['keys', 'create', '--name', 'x', '--scopes', 'everything'], env);
    expect(badScope.status).toBe(2);
    expect(badScope.stderr).toContain('Неизвестные права');
  });

  it('amanat requests list --due shows what is due or overdue, through the running server', async () => {
    const filed = await fetch(`${server.url}/api/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.bootstrapToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'blocking',
        channel: 'paper',
        contact: { email: 'paper@example.kz' },
        received_at: '2026-01-05T05:00:00Z',
      }),
    }).then(json);
    expect(filed.dueDate).toBe('2026-01-06');
    const listed = runCli(['requests', 'list', '--due', '--json'], env);
    expect(listed.stderr).toBe('');
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ number: filed.number, type: 'blocking', overdue: true }),
    ]);
    const table = runCli(['requests', 'list', '--due'], env);
    expect(table.stdout).toContain('Блокирование персональных данных');
    expect(table.stdout).toContain('2026-01-06');
  });

  it('amanat mail ingest takes .eml files through the running server', () => {
    const mail = (name: string) => fromPackageRoot('test', 'fixtures', 'mail', name);
    const ingested = runCli(['mail', 'ingest', mail('withdrawal-ru.eml'), mail('malformed.eml')], env);
    expect(ingested.stderr).toBe('');
    // One letter made no request (no sender): exit 1, and it says why.
    expect(ingested.status).toBe(1);
    expect(ingested.stdout).toMatch(/withdrawal-ru\.eml: отзыв согласия → обращение № \d+, срок 2026-04-08/);
    expect(ingested.stdout).toContain('malformed.eml: обращение не создано');
    const noMailbox = runCli(['mail', 'poll'], env);
    expect(noMailbox.status).toBe(2);
    expect(noMailbox.stderr).toContain('IMAP_URL');
  });

  it('refuses bodies over 1 MB, wrong and revoked keys', async () => {
    const auth = { authorization: `Bearer ${server.bootstrapToken}`, 'content-type': 'application/json' };
    const big = await postOnOwnConnection(
      `${server.url}/api/subjects`,
      auth,
      JSON.stringify({ email: 'a@example.kz', pad: 'x'.repeat(1024 * 1024 + 10) }),
    );
    expect(big.status).toBe(413);
    expect(big.body).toContain('payload_too_large');
    const chunked = await postOnOwnConnection(`${server.url}/api/subjects`, auth, [
      '{"email": "chunked@example.kz", "pad": "',
      ...Array.from({ length: 17 }, () => 'x'.repeat(64 * 1024)),
      '"}',
    ]);
    expect(chunked.status).toBe(413);
    expect(chunked.body).toContain('payload_too_large');
    const wrong = await fetch(`${server.url}/api/register`, {
      headers: { authorization: `Bearer amk_aaaaaaaaaaaa_${'b'.repeat(43)}` },
    });
    expect(wrong.status).toBe(401);
    const created = await fetch(`${server.url}/api/keys`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'temp', scopes: ['register:read'] }),
    }).then(json);
    expect(
      (await fetch(`${server.url}/api/register`, { headers: { authorization: `Bearer ${created.token}` } }))
        .status,
    ).toBe(200);
    const revoked = await fetch(`${server.url}/api/keys/${created.id}`, { method: 'DELETE', headers: auth });
    expect(revoked.status).toBe(204);
    const after = await fetch(`${server.url}/api/register`, {
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(after.status).toBe(401);
    expect((await json(after)).error.message).toContain('отозван');
  });

  it('keeps no plaintext of a collected value in any database file; the CLI verifies through the server', async () => {
    const auth = { authorization: `Bearer ${server.bootstrapToken}`, 'content-type': 'application/json' };
    const subject = await fetch(`${server.url}/api/subjects`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ email: 'plaintext-probe@example.kz' }),
    }).then(json);
    const register = await fetch(`${server.url}/api/register`, { headers: auth }).then(json);
    const support = register.register.purposes.find((p: { number: number }) => p.number === 6);
    const nameField = support.fields.find((f: string) =>
      register.register.fields.some(
        (d: { id: string; type: string }) => d.id === f && d.type === 'full_name',
      ),
    );
    const collected = await fetch(`${server.url}/api/subjects/${subject.id}/data`, {
      method: 'POST',
      headers: auth,
      // The source is stored in the clear on purpose: it is the positive control for the file scan.
      body: JSON.stringify({
        purposes: [support.id],
        values: { [nameField]: 'Жанар ПлейнтекстМаркер Кенжебаева' },
        source: 'control-source-marker-5821',
        contract_ref: 'offer-1',
      }),
    });
    expect(collected.status).toBe(201);

    const verify = runCli(['audit', 'verify'], env);
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('цела');

    expect(await server.stop()).toBe(0);
    expect(foldersContaining(dataDir, 'control-source-marker-5821').length).toBeGreaterThan(0);
    expect(foldersContaining(dataDir, 'ПлейнтекстМаркер')).toEqual([]);
    expect(foldersContaining(dataDir, 'plaintext-probe@example.kz')).toEqual([]);
  });

  it('amanat audit verify (no server) fails naming an audit row edited by hand', async () => {
    const ok = runCli(['audit', 'verify'], env);
    expect(ok.status).toBe(0);
    const stores = await openStores({
      kind: 'pglite',
      dataStoreDir: join(dataDir, 'store'),
      keyStoreDir: join(dataDir, 'keystore'),
      lockDir: dataDir,
    });
    await stores.sql.query(`UPDATE audit_log SET actor = 'tampered' WHERE seq = 3`);
    await stores.close();
    const broken = runCli(['audit', 'verify'], env);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('записи 3');
  });
});
