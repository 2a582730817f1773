// Subject data keys: created with the subject, wrapped by the master key, kept in the separate key store.
import type { KeyStoreListener, Sql } from '../../db/database.js';
import { createBatchQueue, type ItemOutcome } from '../../lib/batch-queue.js';
import { newDataKey, open, seal } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';

const wrapAad = (subjectId: string) => `subject-key:${subjectId.toLowerCase()}`;

/**
 * Unwrapped keys kept in memory, each saving a key-store round trip (BENCHMARKS.md). About 250 bytes a key:
 * the default, 100,000 keys, is about 25 MB.
 */
export const DEFAULT_KEY_CACHE_ENTRIES = 100_000;

/** The key store's notice channel: the ids of destroyed keys, as a JSON array. */
export const KEY_DESTRUCTION_CHANNEL = 'amanat_subject_keys';
// A notice's payload must stay under 8000 bytes: 200 quoted UUIDs are about 7,800.
const IDS_PER_NOTICE = 200;

export type KeyCacheState = 'own-process' | 'listening' | 'reconnecting' | 'off';

export function createKeyStore(deps: {
  keySql: Sql;
  masterKey: Buffer;
  /** The master key's generation (master-keyring.ts): keys this instance wraps carry it. */
  generation: number;
  clock: () => Date;
  cacheEntries?: number;
  /**
   * Where destructions by other instances are heard (PostgreSQL). Without it the process must be the store's
   * only user (PGlite), and the cache trusts what this process destroys itself.
   */
  listen?: (channel: string, handlers: KeyStoreListener) => void;
}) {
  const capacity = deps.cacheEntries ?? DEFAULT_KEY_CACHE_ENTRIES;
  // A Map keeps insertion order: the first entry is the oldest, evicted first.
  const cache = new Map<string, Buffer>();
  // A key is kept until its subject's destruction is heard, for the process's lifetime; so the cache is used
  // only while destructions can be heard. Any notice or loss bumps the generation, and a read that began in an
  // older generation does not keep what it read (it may have read a key being destroyed).
  let trusted = capacity > 0 && !deps.listen;
  let generation = 0;
  if (capacity > 0 && deps.listen) {
    deps.listen(KEY_DESTRUCTION_CHANNEL, {
      onNotice(payload) {
        generation++;
        try {
          for (const id of JSON.parse(payload) as string[]) cache.delete(id);
        } catch {
          cache.clear();
        }
      },
      onLive() {
        generation++;
        trusted = true;
      },
      onLost() {
        generation++;
        trusted = false;
        cache.clear();
      },
    });
  }

  function remember(subjectId: string, key: Buffer, readInGeneration: number): void {
    if (!trusted || readInGeneration !== generation) return;
    cache.delete(subjectId);
    cache.set(subjectId, key);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
  }

  /** Keys asked for while a read is under way are read together with the next one: one query per batch. */
  async function readKeys(subjectIds: string[]): Promise<ItemOutcome<Buffer>[]> {
    const readInGeneration = generation;
    const rows = await deps.keySql.query<{
      subject_id: string;
      wrapped_key: Uint8Array;
      master_generation: number;
    }>(
      `SELECT subject_id, wrapped_key, master_generation FROM amanat_keys.subject_keys
       WHERE subject_id = ANY($1::uuid[])`,
      [[...new Set(subjectIds)]],
      { prepare: true },
    );
    const wrapped = new Map(rows.map((r) => [r.subject_id, r]));
    return subjectIds.map((subjectId): ItemOutcome<Buffer> => {
      const row = wrapped.get(subjectId);
      if (!row) {
        cache.delete(subjectId);
        return {
          ok: false,
          error: new DomainError(
            ErrorCodes.NOT_FOUND,
            `Ключ субъекта ${subjectId} не найден: данные субъекта уничтожены или недоступны. Subject key not found.`,
            { details: { subjectId } },
          ),
        };
      }
      if (row.master_generation !== deps.generation)
        return { ok: false, error: rotated(row.master_generation) };
      try {
        const key = open(deps.masterKey, row.wrapped_key, wrapAad(subjectId));
        remember(subjectId, key, readInGeneration);
        return { ok: true, value: key };
      } catch (error) {
        return { ok: false, error };
      }
    });
  }
  const keyReads = createBatchQueue(readKeys, { maxBatch: 256 });

  /** This instance's master key is no longer (or soon no longer) the store's: it must restart with the new one. */
  function rotated(generation: number): DomainError {
    return new DomainError(
      ErrorCodes.MASTER_KEY_ROTATION_IN_PROGRESS,
      `Мастер-ключ хранилища сменён или меняется (поколение ${deps.generation} → ${generation}): перезапустите ` +
        'этот экземпляр с новым мастер-ключом. / The store’s master key was or is being rotated: restart this ' +
        'instance with the new master key.',
      { details: { generation: deps.generation, storeGeneration: generation } },
    );
  }

  return {
    /** Committed before the data transaction: an orphan key (if that fails) is harmless; a subject without one is not. */
    async createSubjectKey(subjectId: string): Promise<Buffer> {
      const key = newDataKey();
      const createdInGeneration = generation;
      // Refused once a newer master key exists (a rotation began): a key wrapped under the old one now would be
      // left behind by the rotation.
      const inserted = await deps.keySql.query(
        `INSERT INTO amanat_keys.subject_keys (subject_id, wrapped_key, created_at, master_generation)
         SELECT $1::uuid, $2::bytea, $3::timestamptz, $4::int
         WHERE NOT EXISTS (SELECT 1 FROM amanat_keys.master_keys WHERE generation > $4::int)
         RETURNING 1`,
        [subjectId, seal(deps.masterKey, key, wrapAad(subjectId)), deps.clock(), deps.generation],
      );
      if (inserted.length === 0) throw rotated(deps.generation + 1);
      remember(subjectId, key, createdInGeneration);
      return key;
    },

    async getSubjectKey(subjectId: string): Promise<Buffer> {
      // PostgreSQL writes uuids in lower case: the cache, the notices and the wrapping's AAD all use that form.
      const id = subjectId.toLowerCase();
      const cached = trusted ? cache.get(id) : undefined;
      return cached ?? keyReads.submit(id);
    },

    /** What the cache holds and whether it is in use (the health answer shows it). */
    cacheStatus(): { state: KeyCacheState; entries: number; capacity: number } {
      const state: KeyCacheState =
        capacity <= 0 ? 'off' : !deps.listen ? 'own-process' : trusted ? 'listening' : 'reconnecting';
      return { state, entries: cache.size, capacity };
    },

    /**
     * Crypto-shredding: deletes the subjects' keys from the key store, so every copy of their ciphertext,
     * backups of the data store included, can no longer be read. Idempotent (a retry after a crash). Each
     * statement's notice, sent when it commits, drops the keys from every other instance's memory.
     */
    async destroySubjectKeys(subjectIds: string[]): Promise<number> {
      let deleted = 0;
      for (let i = 0; i < subjectIds.length; i += IDS_PER_NOTICE) {
        const ids = subjectIds.slice(i, i + IDS_PER_NOTICE).map((id) => id.toLowerCase());
        generation++;
        for (const id of ids) cache.delete(id);
        const [row] = await deps.keySql.query<{ deleted: number }>(
          `WITH deleted AS (DELETE FROM amanat_keys.subject_keys WHERE subject_id = ANY($1::uuid[]) RETURNING 1)
           SELECT (SELECT count(*) FROM deleted)::int AS deleted, pg_notify($2, $3)`,
          [ids, KEY_DESTRUCTION_CHANNEL, JSON.stringify(ids)],
        );
        deleted += row!.deleted;
      }
      return deleted;
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
