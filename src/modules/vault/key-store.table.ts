import { pgSchema, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './vault.table.js';

/**
 * The key store lives in its own schema, and by default in its own database (a separate PGlite folder):
 * destroying a subject's row here makes that subject's data unreadable in every backup of the data store.
 */
export const keyStoreSchema = pgSchema('amanat_keys');

export const subjectKeys = keyStoreSchema.table('subject_keys', {
  subjectId: uuid('subject_id').primaryKey(),
  /** The subject's AES-256 data key, wrapped (AES-256-GCM) by the master key. */
  wrappedKey: bytea('wrapped_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});
