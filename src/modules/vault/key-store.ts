// Subject data keys: created with the subject, wrapped by the master key, kept in the separate key store.
import type { Sql } from '../../db/database.js';
import { createBatchQueue, type ItemOutcome } from '../../lib/batch-queue.js';
import { newDataKey, open, seal } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';

const wrapAad = (subjectId: string) => `subject-key:${subjectId}`;

export interface KeyCacheOptions {
  /** Unwrapped keys kept in memory; each saves a key-store round trip (0.25–0.5 ms, BENCHMARKS.md). */
  maxEntries: number;
  /** How long a destroyed key can outlive its destruction in another instance's memory. */
  ttlMs: number;
}

export const DEFAULT_KEY_CACHE: KeyCacheOptions = { maxEntries: 10_000, ttlMs: 60_000 };

export function createKeyStore(deps: {
  keySql: Sql;
  masterKey: Buffer;
  clock: () => Date;
  cache?: KeyCacheOptions;
}) {
  const cacheOptions = deps.cache ?? DEFAULT_KEY_CACHE;
  // A Map keeps insertion order: the first entry is the oldest, evicted first.
  const cache = new Map<string, { key: Buffer; expiresAt: number }>();

  function remember(subjectId: string, key: Buffer): void {
    if (cacheOptions.maxEntries <= 0) return;
    cache.delete(subjectId);
    cache.set(subjectId, { key, expiresAt: Date.now() + cacheOptions.ttlMs });
    if (cache.size > cacheOptions.maxEntries) cache.delete(cache.keys().next().value!);
  }

  /** Keys asked for while a read is under way are read together with the next one: one query per batch. */
  async function readKeys(subjectIds: string[]): Promise<ItemOutcome<Buffer>[]> {
    const rows = await deps.keySql.query<{ subject_id: string; wrapped_key: Uint8Array }>(
      'SELECT subject_id, wrapped_key FROM amanat_keys.subject_keys WHERE subject_id = ANY($1::uuid[])',
      [[...new Set(subjectIds)]],
      { prepare: true },
    );
    const wrapped = new Map(rows.map((r) => [r.subject_id, r.wrapped_key]));
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
      try {
        const key = open(deps.masterKey, row, wrapAad(subjectId));
        remember(subjectId, key);
        return { ok: true, value: key };
      } catch (error) {
        return { ok: false, error };
      }
    });
  }
  const keyReads = createBatchQueue(readKeys, { maxBatch: 256 });

  return {
    /** Committed before the data transaction: an orphan key (if that fails) is harmless; a subject without one is not. */
    async createSubjectKey(subjectId: string): Promise<Buffer> {
      const key = newDataKey();
      await deps.keySql.query(
        'INSERT INTO amanat_keys.subject_keys (subject_id, wrapped_key, created_at) VALUES ($1, $2, $3)',
        [subjectId, seal(deps.masterKey, key, wrapAad(subjectId)), deps.clock()],
      );
      remember(subjectId, key);
      return key;
    },

    async getSubjectKey(subjectId: string): Promise<Buffer> {
      const cached = cache.get(subjectId);
      if (cached && cached.expiresAt > Date.now()) return cached.key;
      return keyReads.submit(subjectId);
    },

    /** Drops a key from this process's memory (destruction must call it before deleting the row). */
    forget(subjectId: string): void {
      cache.delete(subjectId);
    },

    /**
     * Crypto-shredding: deletes the subjects' keys from the key store, so every copy of their ciphertext,
     * backups of the data store included, can no longer be read. Idempotent (a retry after a crash).
     */
    async destroySubjectKeys(subjectIds: string[]): Promise<number> {
      if (subjectIds.length === 0) return 0;
      for (const id of subjectIds) cache.delete(id);
      const deleted = await deps.keySql.query(
        'DELETE FROM amanat_keys.subject_keys WHERE subject_id = ANY($1::uuid[]) RETURNING 1',
        [subjectIds],
      );
      return deleted.length;
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
