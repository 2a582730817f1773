import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea, subjects } from '../vault/vault.table.js';

/**
 * One-time codes a data subject asks for in the privacy centre to manage their consents: one live code per
 * contact (an e-mail or a phone, found by its keyed hash, never kept in the clear), only a keyed hash of the code.
 */
export const subjectCodes = pgTable('subject_codes', {
  contactHash: bytea('contact_hash').primaryKey(),
  codeHash: bytea('code_hash').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  attempts: integer('attempts').notNull(),
  maxAttempts: integer('max_attempts').notNull(),
  consumedAt: timestamp('consumed_at', { withTimezone: true, mode: 'date' }),
});

/**
 * A verified subject's short session in the privacy centre (cookie `amanat_subject`): hashes of the session and
 * CSRF tokens only. `subject_id` is null when the verified contact names no subject (nothing to show).
 */
export const subjectSessions = pgTable(
  'subject_sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: bytea('token_hash').notNull().unique(),
    csrfHash: bytea('csrf_hash').notNull(),
    subjectId: uuid('subject_id').references(() => subjects.id),
    contactKind: text('contact_kind', { enum: ['email', 'phone'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('subject_sessions_expires_idx').on(t.expiresAt)],
);
