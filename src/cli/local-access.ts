// How a CLI command reaches the data: directly (PostgreSQL, or a PGlite folder nobody holds), or through
// the running server that holds the PGlite folder (its address and a local token are in the lock file).
import { readFileSync } from 'node:fs';
import { type Amanat, createAmanat } from '../app/amanat.js';
import { type AppConfig, amanatOptionsOf, loadConfig, storeSpecOf } from '../config/config.js';
import { openStores } from '../db/database.js';
import { readLock } from '../db/lock.js';
import { type ErrorIssue, isDomainError } from '../lib/errors.js';
import { masterKeyForStore } from '../modules/vault/master-key.js';

export type LocalAccess =
  | { mode: 'server'; url: string; token: string }
  | { mode: 'direct'; amanat: Amanat; config: AppConfig };

export async function openLocalAccess(): Promise<LocalAccess> {
  const config = loadConfig();
  if (config.store.kind === 'pglite') {
    const holder = readLock(config.store.dataDir);
    if (holder?.server) {
      return {
        mode: 'server',
        url: holder.server.url,
        token: readFileSync(holder.server.tokenFile, 'utf8').trim(),
      };
    }
  }
  const stores = await openStores(storeSpecOf(config, { poolSize: 2 }));
  try {
    const master = await masterKeyForStore(config.masterKey, stores, { create: false });
    // createAmanat refuses a master key that is not the store's, as the server does.
    const amanat = await createAmanat({ stores, masterKey: master.key, ...amanatOptionsOf(config) });
    return { mode: 'direct', amanat, config };
  } catch (error) {
    await stores.close();
    throw error;
  }
}

/** Runs a command through the running server when there is one, else directly on the store (then closed). */
export async function withAccess<T>(
  viaServer: (access: { url: string; token: string }) => Promise<T>,
  direct: (amanat: Amanat) => Promise<T>,
): Promise<T> {
  const access = await openLocalAccess();
  if (access.mode === 'server') return viaServer(access);
  try {
    return await direct(access.amanat);
  } finally {
    await access.amanat.close();
  }
}

/** An error answer of the server: its message, code and each issue (path and what was expected). */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
    readonly issues: ErrorIssue[],
  ) {
    super(withIssues(reason, issues));
    this.name = 'ServerError';
  }
}

function withIssues(message: string, issues: readonly ErrorIssue[]): string {
  return [message, ...issues.map((i) => `  - ${i.path}: ${i.message}${i.rule ? ` (${i.rule})` : ''}`)].join(
    '\n',
  );
}

/** What a command prints for an error: the message and, for a domain or server error, each issue. */
export function errorText(error: unknown): string {
  if (error instanceof ServerError) return error.message;
  if (isDomainError(error)) return withIssues(error.message, error.issues);
  return error instanceof Error ? error.message : String(error);
}

/** Prints a command's failure with its reason and each issue, and sets exit code 2. */
export function fail(error: unknown): void {
  console.error(`Ошибка: ${errorText(error)}`);
  process.exitCode = 2;
}

/** Reads an error answer (the one JSON error shape, or whatever a proxy sent) into a ServerError. */
export async function serverError(response: Response): Promise<ServerError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; issues?: ErrorIssue[] } };
    if (body.error?.message) {
      return new ServerError(
        response.status,
        body.error.code ?? 'error',
        body.error.message,
        body.error.issues ?? [],
      );
    }
  } catch {
    // Not JSON: shown as it came.
  }
  return new ServerError(response.status, 'http_error', `HTTP ${response.status}: ${text.slice(0, 500)}`, []);
}

/** Sends a request with the local token (and a JSON body, if given) and reads the JSON answer. */
async function send(access: { url: string; token: string }, method: string, path: string, body?: unknown) {
  const response = await fetch(`${access.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${access.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw await serverError(response);
  return response;
}

export async function callServer<T>(
  access: { url: string; token: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await send(access, method, path, body);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A binary answer (a PDF) of the server. */
export async function fetchFromServer(access: { url: string; token: string }, path: string): Promise<Buffer> {
  return Buffer.from(await (await send(access, 'GET', path)).arrayBuffer());
}
