// Stopping the HTTP server (SIGTERM in src/main.ts) while a client holds a keep-alive connection with a
// request in flight: Node's close() alone leaves such a connection open for keepAliveTimeout (65 s) after
// its answer, and the process does not stop.

import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scopes } from '../src/modules/api-keys/api-key.service.js';
import { type RunningServer, startServer } from '../src/server.js';
import { listedKeys } from './support/listed-keys.js';
import { createTestAmanat, type TestAmanat } from './support/stores.js';

/** A raw client socket, so the test decides when each byte of the request goes out. */
function openSocket(port: number) {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
  });
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!pattern.test(received)) return;
        socket.off('data', check);
        resolve();
      };
      socket.on('data', check);
      check();
    });
  return { socket, ended, waitFor, received: () => received };
}

/** Fails with a message instead of the test's timeout when the server keeps a connection open. */
function within<T>(promise: Promise<T>, what: string, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms / 1000} s`)), ms);
    }),
  ]);
}

describe('stopping the HTTP server with requests in flight', () => {
  let t: TestAmanat;
  let token: string;
  beforeAll(async () => {
    t = await createTestAmanat('pglite');
    token = (await listedKeys(t.amanat, [{ name: 'admin', scopes: [...Scopes] }])).keys.admin!.token;
  });
  afterAll(async () => t?.close());

  const start = (shutdownGraceMs?: number): Promise<RunningServer> =>
    startServer(t.amanat, {
      port: 0,
      host: '127.0.0.1',
      bodyLimitBytes: 1 << 20,
      logRequests: false,
      shutdownGraceMs,
    });

  /** Sends a request's head with Expect: 100-continue and waits for the server's 100: it is now in flight. */
  async function requestInFlight(client: ReturnType<typeof openSocket>, body: string) {
    client.socket.write(
      'POST /api/subjects HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n' +
        `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    await client.waitFor(/HTTP\/1\.1 100 Continue/);
  }

  it('answers a request in flight at close(), then closes its keep-alive connection and stops', async () => {
    const server = await start();
    const client = openSocket(server.port);
    const body = JSON.stringify({ email: 'in-flight-at-shutdown@example.kz' });
    await requestInFlight(client, body);

    const closed = server.close();
    client.socket.write(body);
    await within(client.waitFor(/HTTP\/1\.1 201/), 'the answer to the request in flight');
    await within(client.ended, 'the server closing the keep-alive connection after its answer');
    await within(closed, 'close()');
    // The request was served in full, not cut: the subject exists.
    expect(await t.amanat.vault.lookup('test', 'email', 'in-flight-at-shutdown@example.kz')).not.toBeNull();
  });

  it('cuts a request that never completes once the grace period is over', async () => {
    const server = await start(300);
    const client = openSocket(server.port);
    await requestInFlight(client, '{"email":"never-sent@example.kz"}');

    const closed = server.close();
    await within(client.ended, 'the server cutting the unfinished request after the grace period');
    await within(closed, 'close()');
    expect(client.received()).not.toMatch(/HTTP\/1\.1 20\d/);
  });
});
