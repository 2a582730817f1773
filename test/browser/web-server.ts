// The privacy centre's browser tests' server: the test Amanat's HTTP app on a loopback port, serving the built web
// app (web/dist) itself with the per-response nonce and CSP it sends in production, with a public limit that a
// whole test file's page loads from one loopback address stay under (the limits have their own tests).
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createHttpApp } from '../../src/http/app.js';
import type { TestApi } from '../support/api.js';

const dist = join(fileURLToPath(new URL('../..', import.meta.url)), 'web', 'dist');

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(api: TestApi): Promise<WebServer> {
  const app = createHttpApp(api.amanat, {
    bodyLimitBytes: 1024 * 1024,
    publicLimit: { burst: 1000, perMinute: 1000 },
    webDir: dist,
  });
  const server = serve({ hostname: '127.0.0.1', port: 0, fetch: app.fetch });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
