import { sql } from 'drizzle-orm';
import { customType, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

export const subjects = pgTable('subjects', {
  id: uuid('id').primaryKey(),
  status: text('status', { enum: ['active', 'blocked', 'destroyed'] })
    .notNull()
    .default('active'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** The subject's last recorded activity: `after_last_activity` retention rules count from it. */
  lastActivityAt: timestamp('last_activity_at', { withTimezone: true, mode: 'date' }),
  /** When the subject's last value was destroyed and its identities removed (status 'destroyed'). */
  destroyedAt: timestamp('destroyed_at', { withTimezone: true, mode: 'date' }),
  /** When its key was deleted from the key store; null after destroyedAt means a sweep must still do it. */
  keyDestroyedAt: timestamp('key_destroyed_at', { withTimezone: true, mode: 'date' }),
});

/** Identities are found through keyed hashes (HMAC), never plaintext; the value itself is encrypted. */
export const subjectIdentities = pgTable(
  'subject_identities',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    kind: text('kind', { enum: ['email', 'phone', 'iin'] }).notNull(),
    lookupHash: bytea('lookup_hash').notNull(),
    ciphertext: bytea('ciphertext').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('subject_identities_kind_hash_uq').on(t.kind, t.lookupHash),
    index('subject_identities_subject_idx').on(t.subjectId),
  ],
);

export interface ValueBasis {
  purpose: string;
  type: string;
  reference: string;
  consentId?: string;
  contractRef?: string;
  /** For a purpose whose retention `depends_on` the subject matter: the option chosen at collection. */
  retentionOption?: string;
}

/** One personal-data value of one field, encrypted under its subject's data key. */
export const personalValues = pgTable(
  'personal_values',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    fieldId: text('field_id').notNull(),
    ciphertext: bytea('ciphertext').notNull(),
    purposes: text('purposes').array().notNull(),
    legalBases: jsonb('legal_bases').$type<ValueBasis[]>().notNull(),
    source: text('source').notNull(),
    status: text('status', { enum: ['active', 'marked_for_destruction'] })
      .notNull()
      .default('active'),
    markedReason: text('marked_reason'),
    destroyBy: timestamp('destroy_by', { withTimezone: true, mode: 'date' }),
    /** The subject request whose execution marked the value: its act of destruction answers the request. */
    markedRequestId: uuid('marked_request_id'),
    /**
     * The earliest instant at which processing for one of the value's purposes ends (or at which a marked
     * value is to be destroyed); null while no end is known. The sweep finds its work through this column.
     */
    nextRetentionAt: timestamp('next_retention_at', { withTimezone: true, mode: 'date' }),
    /**
     * The instant processing for every purpose of the value has ended (null while one end is unknown): from it
     * the value is destroyed outright, which lets a sweep decide in the DELETE itself.
     */
    retainUntil: timestamp('retain_until', { withTimezone: true, mode: 'date' }),
    collectedAt: timestamp('collected_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('personal_values_subject_idx').on(t.subjectId, t.fieldId),
    index('personal_values_marked_idx').on(t.destroyBy).where(sql`status = 'marked_for_destruction'`),
    // The sweep walks subjects in id order among values with a known end (one pass however many are due).
    index('personal_values_retention_idx')
      .on(t.subjectId, t.nextRetentionAt)
      .where(sql`next_retention_at IS NOT NULL`),
    index('personal_values_due_idx').on(t.nextRetentionAt).where(sql`next_retention_at IS NOT NULL`),
    index('personal_values_request_idx').on(t.markedRequestId).where(sql`marked_request_id IS NOT NULL`),
  ],
);
