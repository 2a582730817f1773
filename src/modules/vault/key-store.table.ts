import { sql } from 'drizzle-orm';
import { integer, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
  /** Which master key (its generation in master_keys) wrapped this key: a rotation re-wraps and moves it on. */
  masterGeneration: integer('master_generation').notNull().default(1),
});

/**
 * The master keys this store has known, by generation — never the keys: a key-check value of each, so an
 * instance started with another key refuses to start, and the derivation root (from which the identity-lookup,
 * audit-chain and other keys are derived) wrapped under the current key (and, during a rotation, the next).
 */
export const masterKeys = keyStoreSchema.table(
  'master_keys',
  {
    generation: integer('generation').primaryKey(),
    /** HMAC-SHA256 of a constant under a key HKDF-derived from the master key (see checkAlgorithm). */
    checkValue: bytea('check_value').notNull(),
    checkAlgorithm: text('check_algorithm').notNull(),
    /** The derivation root sealed (AES-256-GCM) under this master key; null once the key is retired. */
    wrappedRoot: bytea('wrapped_root'),
    /** current | next (a rotation in progress) | retired */
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    // At most one rotation in progress. (One current key is kept by the code: a rotation's completion changes
    // both rows in one statement, and a unique index would be checked row by row within it.)
    uniqueIndex('master_keys_next_idx').on(t.status).where(sql`${t.status} = 'next'`),
  ],
);
