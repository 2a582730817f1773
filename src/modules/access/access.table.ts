import { bigint, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { staffAccounts } from '../staff/staff.table.js';
import { bytea } from '../vault/vault.table.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A role: the purposes (and optionally, per purpose, the fields) its holders may read, and the actions they
 * may take. A role grants nothing by itself: a person holds it through the approved access list, which keeps
 * a snapshot of the role as approved, so editing a role changes access only when a new list is approved.
 */
export const roles = pgTable('roles', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  purposes: text('purposes').array().notNull(),
  /** Per purpose, the only fields readable; a purpose not named here allows all of its fields. */
  fields: jsonb('fields').$type<Record<string, string[]>>().notNull().default({}),
  actions: text('actions').array().notNull(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** Versions of the approved access list (seed 3.5.2): proposed by an administrator, approved by the head. */
export const accessListVersions = pgTable(
  'access_list_versions',
  {
    id: uuid('id').primaryKey(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['proposed', 'approved', 'superseded', 'rejected'] }).notNull(),
    /** Persons with their role as it stood when proposed (purposes, fields, actions) and the start date. */
    entries: jsonb('entries').notNull(),
    note: text('note'),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => staffAccounts.id),
    proposedAt: at('proposed_at').notNull(),
    decidedBy: uuid('decided_by').references(() => staffAccounts.id),
    decidedAt: at('decided_at'),
    /** The approved version this one replaced. */
    previousVersion: integer('previous_version'),
    /**
     * The audit chain position of the approval's own entry (`access_list.approve`): entry number and MAC. The
     * approved document states it, and `audit verify` compares the chain with it as with an act's position.
     */
    auditSeq: bigint('audit_seq', { mode: 'number' }),
    auditHash: bytea('audit_hash'),
  },
  (t) => [uniqueIndex('access_list_versions_version_idx').on(t.version)],
);
