// Subject data keys: created with the subject, wrapped by the master key, kept in the separate key store.
import { eq } from 'drizzle-orm';
import type { KeyDb } from '../../db/database.js';
import { newDataKey, open, seal } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { subjectKeys } from './key-store.table.js';

const wrapAad = (subjectId: string) => `subject-key:${subjectId}`;

export function createKeyStore(deps: { keys: KeyDb; masterKey: Buffer; clock: () => Date }) {
  return {
    /** Committed before the data transaction: an orphan key (if that fails) is harmless; a subject without one is not. */
    async createSubjectKey(subjectId: string): Promise<Buffer> {
      const key = newDataKey();
      await deps.keys.insert(subjectKeys).values({
        subjectId,
        wrappedKey: seal(deps.masterKey, key, wrapAad(subjectId)),
        createdAt: deps.clock(),
      });
      return key;
    },

    async getSubjectKey(subjectId: string): Promise<Buffer> {
      const [row] = await deps.keys.select().from(subjectKeys).where(eq(subjectKeys.subjectId, subjectId));
      if (!row) {
        throw new DomainError(
          ErrorCodes.NOT_FOUND,
          `Ключ субъекта ${subjectId} не найден: данные субъекта уничтожены или недоступны. Subject key not found.`,
          { details: { subjectId } },
        );
      }
      return open(deps.masterKey, row.wrappedKey, wrapAad(subjectId));
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
