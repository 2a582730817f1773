// Subject destruction after the commit: the batch that empties a subject (values, identities, status) commits
// first; only then is the subject's key deleted from the key store (deleted before a commit that then failed,
// the values would stay, unreadable), and the subject marked keyless. A crash in between leaves subjects
// destroyed whose keys remain: the next run finds them and deletes their keys.
import type { Stores } from '../../db/database.js';
import type { KeyStore } from '../vault/key-store.js';
import { markKeysDestroyed } from '../vault/vault.writes.js';

export function createKeyDestroyer(deps: { stores: Stores; keyStore: KeyStore; clock: () => Date }) {
  const { stores } = deps;

  /** Deletes the keys of subjects already destroyed in the data store (after a batch, or after a crash). */
  async function destroyKeys(subjectIds?: string[], options: { markLater?: boolean } = {}): Promise<number> {
    const ids =
      subjectIds ??
      // cross-module read: subjects (owner: vault) — the destroyed subjects whose keys remain.
      (
        await stores.sql.query<{ id: string }>(
          `SELECT id FROM subjects WHERE status = 'destroyed' AND key_destroyed_at IS NULL LIMIT 10000`,
        )
      ).map((r) => r.id);
    if (ids.length === 0) return 0;
    await deps.keyStore.destroySubjectKeys(ids);
    // The sweep marks them in its next batch's transaction (one commit fewer per batch); unmarked after a
    // crash, they are found again and their (already absent) keys deleted once more.
    if (options.markLater) return ids.length;
    await markKeysDestroyed(stores.sql, ids, deps.clock());
    return ids.length;
  }

  return { destroyKeys };
}

export type KeyDestroyer = ReturnType<typeof createKeyDestroyer>;
