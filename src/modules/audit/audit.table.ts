import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../vault/vault.table.js';

/** Append-only, hash-chained: each entry's hash covers the previous entry's hash. Never values. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subjectId: uuid('subject_id'),
    purposeId: text('purpose_id'),
    fieldIds: text('field_ids').array().notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: bytea('prev_hash').notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [
    index('audit_log_subject_idx').on(t.subjectId),
    // A subject request's history is read from the chain itself: its entries carry details.request_id.
    index('audit_log_request_idx')
      .on(sql`(${t.details} ->> 'request_id')`)
      .where(sql`${t.details} ? 'request_id'`),
    // An act of destruction's log extract is read from the chain too: its entries carry details.act_id.
    index('audit_log_act_idx').on(sql`(${t.details} ->> 'act_id')`).where(sql`${t.details} ? 'act_id'`),
  ],
);

/** A single row that serialises appends and remembers the chain's tip (so truncation is detected). */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: bytea('hash').notNull(),
});
