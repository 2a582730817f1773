// The only module that knows PGlite from PostgreSQL. Everything above it sees two stores — data and keys —
// as plain parameterised SQL, each migrated by the same drizzle-kit SQL migrations on both engines.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { restrictToOwner, restrictTreeToOwner } from '../lib/owner-only.js';
import { fromPackageRoot } from '../lib/paths.js';
import { acquireDataFolderLock, type DataFolderLock } from './lock.js';

export type StoreSpec =
  | {
      kind: 'pglite';
      /** Folders of the two embedded databases; undefined keeps a store in memory. */
      dataStoreDir?: string;
      keyStoreDir?: string;
      /** The folder that gets the lock file (one process per folder). */
      lockDir?: string;
      /** Start from a dump (dumpDataDir) instead of an empty database: test templates. */
      dataDump?: Blob;
      keyDump?: Blob;
    }
  | { kind: 'postgres'; dataUrl: string; keyStoreUrl: string; poolSize?: number };

/**
 * Plain parameterised SQL. Services use it on their hot paths: measured on PGlite, the query builder cost
 * ~0.2 ms per statement on top of a ~0.2 ms indexed select (see BENCHMARKS.md).
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
}

export interface QueryOptions {
  /**
   * Keep the statement prepared on the connection (PostgreSQL; PGlite ignores it). Only for hot statements
   * whose texts form a small fixed set: every distinct text stays prepared on every pooled connection.
   */
  prepare?: boolean;
}

export interface Stores {
  readonly kind: 'pglite' | 'postgres';
  /**
   * PostgreSQL: one data-store connection of its own, outside any transaction, whose statements run in the
   * order they were sent; the next goes out the moment the one before answers. Absent on PGlite, whose one
   * connection runs on this thread.
   */
  readonly ordered?: Sql;
  /** The data store, outside any transaction. */
  readonly sql: Sql;
  /** The key store, outside any transaction. */
  readonly keySql: Sql;
  /** Runs fn in one data-store transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** The data-folder lock (PGlite only): the server records its address there for the CLI. */
  readonly lock?: DataFolderLock;
  /**
   * How pg-boss reaches the data store: its own small pool on PostgreSQL; on PGlite, the one connection, through
   * an adapter (a parameterless text may hold several statements, which PGlite runs with exec).
   */
  jobQueueOptions(): { connectionString: string; max: number } | { db: JobQueueDb };
  /**
   * A named lock held across statements until released, for work that must never run twice at once (a sweep).
   * PostgreSQL: a session advisory lock on a dedicated connection, so a crashed holder's lock dies with its
   * connection. PGlite: one process owns the folder, so a lock in this process's memory is the whole truth.
   * Null when someone else holds it.
   */
  tryLock(name: string): Promise<HeldLock | null>;
  /**
   * Notices sent with pg_notify on the key store reach every instance (PostgreSQL: LISTEN on a dedicated
   * connection that reconnects by itself). Absent on PGlite: one process owns the folder and sees its own
   * changes. onLost is called when the connection drops, as notices may then be missed; onLive once LISTEN
   * holds again. Ended by close().
   */
  listenKeyStore?(channel: string, handlers: KeyStoreListener): void;
  /** Dumps of the embedded stores (PGlite only), used to build test templates. */
  dump?(): Promise<{ data: Blob; keys: Blob }>;
  close(): Promise<void>;
}

export interface KeyStoreListener {
  onNotice(payload: string): void;
  onLive(): void;
  onLost(): void;
}

export interface HeldLock {
  release(): Promise<void>;
}

/** The advisory-lock key of a lock name: stable across instances and versions. */
function lockKey(name: string): string {
  return createHash('sha1').update(`amanat:${name}`).digest().readBigInt64BE(0).toString();
}

export interface JobQueueDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

const DATA_MIGRATIONS = fromPackageRoot('src', 'db', 'migrations', 'data');
const KEY_MIGRATIONS = fromPackageRoot('src', 'db', 'migrations', 'keys');
const KEY_MIGRATIONS_TABLE = '__drizzle_migrations_keys';
// Any constant will do; it keeps two instances starting at once from migrating together.
const MIGRATION_LOCK_ID = 7_305_419_001;

export async function openStores(spec: StoreSpec): Promise<Stores> {
  return spec.kind === 'pglite' ? openPglite(spec) : openPostgres(spec);
}

async function openPglite(spec: Extract<StoreSpec, { kind: 'pglite' }>): Promise<Stores> {
  let lock: DataFolderLock | undefined;
  if (spec.lockDir) lock = acquireDataFolderLock(spec.lockDir);
  try {
    if (spec.lockDir) restrictToOwner(spec.lockDir);
    if (spec.dataStoreDir) mkdirSync(spec.dataStoreDir, { recursive: true, mode: 0o700 });
    if (spec.keyStoreDir) mkdirSync(spec.keyStoreDir, { recursive: true, mode: 0o700 });
    const dataClient = new PGlite({ dataDir: spec.dataStoreDir, loadDataDir: spec.dataDump });
    const keyClient = new PGlite({ dataDir: spec.keyStoreDir, loadDataDir: spec.keyDump });
    await Promise.all([dataClient.waitReady, keyClient.waitReady]);
    // The databases are the owner's alone. PGlite writes a new database's files 0666 whatever the umask, and an
    // earlier version left folders 0755: both are set right here; files written later follow the process's umask
    // (createOwnerOnlyFiles, set by the server and the CLI). The data folder itself, not what else is kept in it.
    for (const dir of [spec.dataStoreDir, spec.keyStoreDir]) if (dir) restrictTreeToOwner(dir);
    await migratePglite(drizzlePglite({ client: dataClient }), { migrationsFolder: DATA_MIGRATIONS });
    await migratePglite(drizzlePglite({ client: keyClient }), {
      migrationsFolder: KEY_MIGRATIONS,
      migrationsTable: KEY_MIGRATIONS_TABLE,
    });
    const dataSql = async <T>(text: string, params?: unknown[]) =>
      (await dataClient.query<T>(text, params)).rows;
    const heldLocks = new Set<string>();
    return {
      kind: 'pglite',
      tryLock: async (name) => {
        if (heldLocks.has(name)) return null;
        heldLocks.add(name);
        return { release: async () => void heldLocks.delete(name) };
      },
      lock,
      sql: { query: dataSql },
      keySql: {
        query: async <T>(text: string, params?: unknown[]) => (await keyClient.query<T>(text, params)).rows,
      },
      transaction: (fn) =>
        dataClient.transaction((tx) =>
          fn({
            query: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows,
          }),
        ),
      jobQueueOptions: () => ({
        db: {
          executeSql: async (text: string, values?: unknown[]) => {
            if (values && values.length > 0) return dataClient.query(text, values);
            const results = await dataClient.exec(text);
            return { rows: results.at(-1)?.rows ?? [] };
          },
        },
      }),
      dump: async () => ({
        data: await dataClient.dumpDataDir('none'),
        keys: await keyClient.dumpDataDir('none'),
      }),
      close: async () => {
        await Promise.all([dataClient.close(), keyClient.close()]);
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function migratePostgres(url: string, run: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await run(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end();
  }
}

// Planning a long batch statement cost more than running it (~1 ms against ~0.3 ms, measured).
const queryConfig = (
  text: string,
  params: unknown[] | undefined,
  options: QueryOptions | undefined,
): pg.QueryConfig =>
  options?.prepare ? { name: statementName(text), text, values: params } : { text, values: params };

/**
 * A connection opened on first use and again after it breaks; node-postgres sends its statements one after
 * another in the order they were queued.
 */
function orderedConnection(
  url: string,
  onError: (error: Error) => void,
): { sql: Sql; close(): Promise<void> } {
  let connecting: Promise<pg.Client> | null = null;
  const connected = (): Promise<pg.Client> => {
    if (connecting) return connecting;
    // Named, so an operator sees it in pg_stat_activity.
    const client = new pg.Client({ connectionString: url, application_name: 'amanat-ordered' });
    const attempt: Promise<pg.Client> = client.connect().then(
      () => client,
      (error: unknown) => {
        if (connecting === attempt) connecting = null;
        throw error;
      },
    );
    // A broken connection is dropped: the statements already sent on it fail, the next ones open a new one.
    client.on('error', (error) => {
      if (connecting === attempt) connecting = null;
      onError(error);
    });
    client.on('end', () => {
      if (connecting === attempt) connecting = null;
    });
    connecting = attempt;
    return attempt;
  };
  return {
    sql: {
      query: async <T>(text: string, params?: unknown[], options?: QueryOptions) =>
        (await (await connected()).query(queryConfig(text, params, options))).rows as T[],
    },
    close: async () => {
      const client = await connecting?.catch(() => null);
      connecting = null;
      await client?.end().catch(() => {});
    },
  };
}

async function openPostgres(spec: Extract<StoreSpec, { kind: 'postgres' }>): Promise<Stores> {
  await migratePostgres(spec.dataUrl, (client) =>
    migratePg(drizzlePg({ client }), { migrationsFolder: DATA_MIGRATIONS }),
  );
  await migratePostgres(spec.keyStoreUrl, (client) =>
    migratePg(drizzlePg({ client }), {
      migrationsFolder: KEY_MIGRATIONS,
      migrationsTable: KEY_MIGRATIONS_TABLE,
    }),
  );
  const dataPool = new pg.Pool({ connectionString: spec.dataUrl, max: spec.poolSize ?? 10 });
  const keyPool =
    spec.keyStoreUrl === spec.dataUrl
      ? dataPool
      : new pg.Pool({
          connectionString: spec.keyStoreUrl,
          max: Math.max(2, Math.ceil((spec.poolSize ?? 10) / 2)),
        });
  // An idle pooled connection can be cut by the server (restart, failover, DROP DATABASE … FORCE). pg.Pool
  // emits that as an 'error' event, which would crash the process without a listener; the pool already
  // discards the broken client and the next query opens a new one, so a warning is all that is needed.
  const warnIdleError = (error: Error) =>
    process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`, 'AmanatDatabase');
  dataPool.on('error', warnIdleError);
  if (keyPool !== dataPool) keyPool.on('error', warnIdleError);
  const listeners = new Set<{ stop(): Promise<void> }>();
  const onPool =
    (pool: pg.Pool): Sql['query'] =>
    async <T>(text: string, params?: unknown[], options?: QueryOptions) =>
      (await pool.query(queryConfig(text, params, options))).rows as T[];
  const ordered = orderedConnection(spec.dataUrl, warnIdleError);
  return {
    kind: 'postgres',
    ordered: ordered.sql,
    tryLock: async (name) => {
      const client = new pg.Client({ connectionString: spec.dataUrl });
      client.on('error', warnIdleError);
      await client.connect();
      try {
        const [row] = (await client.query('SELECT pg_try_advisory_lock($1::bigint) AS ok', [lockKey(name)]))
          .rows as { ok: boolean }[];
        if (!row?.ok) {
          await client.end();
          return null;
        }
      } catch (error) {
        await client.end().catch(() => {});
        throw error;
      }
      return {
        // Ending the session releases its advisory locks.
        release: () => client.end().catch(() => {}),
      };
    },
    sql: { query: onPool(dataPool) },
    keySql: { query: onPool(keyPool) },
    listenKeyStore: (channel, handlers) => {
      listeners.add(
        listenWithReconnect(spec.keyStoreUrl, channel, handlers, (error) =>
          process.emitWarning(
            `The key store's LISTEN connection dropped (${error.message}); reconnecting in 1 s`,
            'AmanatDatabase',
          ),
        ),
      );
    },
    jobQueueOptions: () => ({ connectionString: spec.dataUrl, max: 2 }),
    transaction: async (fn) => {
      const client = await dataPool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(text: string, params?: unknown[], options?: QueryOptions) =>
            (await client.query(queryConfig(text, params, options))).rows as T[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await Promise.all([...listeners].map((l) => l.stop()));
      await ordered.close();
      await dataPool.end();
      if (keyPool !== dataPool) await keyPool.end();
    },
  };
}

/** LISTEN on a connection of its own; when it drops, onLost, then a new connection a second later. */
function listenWithReconnect(
  url: string,
  channel: string,
  handlers: KeyStoreListener,
  warn: (error: Error) => void,
): { stop(): Promise<void> } {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    current = client;
    let lost = false;
    const lose = (error?: Error) => {
      if (lost) return;
      lost = true;
      handlers.onLost();
      client.end().catch(() => {});
      if (stopped) return;
      if (error) warn(error);
      retry = setTimeout(connect, 1000);
    };
    client.on('error', lose);
    client.on('end', () => lose());
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.onNotice(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      if (!lost && !stopped) handlers.onLive();
    } catch (error) {
      lose(error as Error);
    }
  };
  void connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      await current?.end().catch(() => {});
    },
  };
}

const statementNames = new Map<string, string>();
/** A stable name per statement text, as node-postgres prepares by name. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `amanat_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}
