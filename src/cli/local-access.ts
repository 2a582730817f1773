// How a CLI command reaches the data: directly (PostgreSQL, or a PGlite folder nobody holds), or through
// the running server that holds the PGlite folder (its address and a local token are in the lock file).
import { readFileSync } from 'node:fs';
import { type Amanat, createAmanat } from '../app/amanat.js';
import { type AppConfig, amanatOptionsOf, loadConfig, storeSpecOf } from '../config/config.js';
import { openStores } from '../db/database.js';
import { readLock } from '../db/lock.js';
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

export async function callServer<T>(
  access: { url: string; token: string },
  method: string,
  path: string,
): Promise<T> {
  const response = await fetch(`${access.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${access.token}` },
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return body;
}
