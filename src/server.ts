// Starts the HTTP server on a built Amanat: used by `npm start` (src/main.ts), tests and benchmarks.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Amanat } from './app/amanat.js';
import { createHttpApp } from './http/app.js';
import type { RateLimit } from './http/rate-limit.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServerOptions {
  port: number;
  host: string;
  bodyLimitBytes: number;
  logRequests: boolean;
  /** Folder for the local CLI token (embedded store only). */
  dataDir?: string;
  secureCookies?: boolean;
  trustProxyHeader?: string;
  trustedProxyHops?: number;
  signInLimit?: RateLimit;
  publicLimit?: RateLimit;
  /** Cookie-banner proofs per client address. */
  cookieProofLimit?: RateLimit;
  /** The server's public address, for the widget configuration's absolute URLs. */
  publicUrl?: string;
  /** The built cookie widget (widget.js, widget.css). */
  widgetDir?: string;
  log?: (line: string) => void;
  /** How long close() lets requests in flight finish before it cuts their connections; 10 s by default. */
  shutdownGraceMs?: number;
}

export async function startServer(amanat: Amanat, options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  // A token for the CLI on this machine, written beside the data folder with owner-only permissions.
  const localAdminToken = options.dataDir ? randomBytes(32).toString('base64url') : undefined;
  const app = createHttpApp(amanat, {
    bodyLimitBytes: options.bodyLimitBytes,
    localAdminToken,
    secureCookies: options.secureCookies,
    trustProxyHeader: options.trustProxyHeader,
    trustedProxyHops: options.trustedProxyHops,
    signInLimit: options.signInLimit,
    publicLimit: options.publicLimit,
    cookieProofLimit: options.cookieProofLimit,
    publicUrl: options.publicUrl,
    widgetDir: options.widgetDir,
    logRequest: options.logRequests ? log : undefined,
    onUnexpectedError: (error) =>
      log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(s));
  });
  // Idle keep-alive connections stay open longer than clients and proxies keep theirs (Node's 5 s default races
  // a client reusing the socket just as the server closes it: "other side closed").
  const httpServer = server as unknown as Server;
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  let tokenFile: string | undefined;
  if (options.dataDir && localAdminToken && amanat.stores.lock) {
    tokenFile = join(options.dataDir, 'cli-token');
    writeFileSync(tokenFile, localAdminToken, { mode: 0o600 });
    amanat.stores.lock.update({ server: { url, tokenFile } });
  }
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        if (tokenFile) rmSync(tokenFile, { force: true });
        // close() ends idle connections only: a keep-alive connection whose request is in flight stays open
        // for keepAliveTimeout (65 s) after its answer. End each as it falls idle, and cut what is left after
        // the grace period, so a SIGTERM under load stops the process in seconds.
        const idle = setInterval(() => httpServer.closeIdleConnections(), 100);
        const cut = setTimeout(() => httpServer.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
        httpServer.close(() => {
          clearInterval(idle);
          clearTimeout(cut);
          resolve();
        });
      }),
  };
}
