import { bigint, integer, timestamp } from 'drizzle-orm/pg-core';
import { keyStoreSchema } from '../vault/key-store.table.js';
import { bytea } from '../vault/vault.table.js';

/**
 * The audit chain's head as last seen committed, kept in the key store (another database): cutting the chain's
 * tail and moving `audit_head` back in the data store leaves this row ahead, and `audit verify` names the gap.
 * One row; it only moves forward, and only along the chain it anchors.
 */
export const auditAnchors = keyStoreSchema.table('audit_anchors', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: bytea('hash').notNull(),
  anchoredAt: timestamp('anchored_at', { withTimezone: true, mode: 'date' }).notNull(),
});
