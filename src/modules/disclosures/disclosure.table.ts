import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { subjects } from '../vault/vault.table.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Who personal data may be sent to: processors (on the operator's assignment), third parties, authorities. */
export const recipients = pgTable('recipients', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['processor', 'third_party', 'authority'] }).notNull(),
  /** ISO 3166-1 alpha-2. */
  country: text('country').notNull(),
  /** A processor's contract (поручение): its reference and term. */
  contractRef: text('contract_ref'),
  contractUntil: date('contract_until', { mode: 'string' }),
  contact: text('contact'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** The disclosure log: each sending of a subject's fields to a recipient, with the ground it rests on. */
export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id),
    purposeId: text('purpose_id').notNull(),
    fieldIds: text('field_ids').array().notNull(),
    /** The register's ground id and kind (e.g. prior_consent). */
    groundId: text('ground_id').notNull(),
    groundKind: text('ground_kind').notNull(),
    /** What the ground was checked against: the consent, the subject's request, the authority's request. */
    evidence: jsonb('evidence').notNull(),
    actor: text('actor').notNull(),
    disclosedAt: at('disclosed_at').notNull(),
  },
  (t) => [
    index('disclosures_subject_idx').on(t.subjectId),
    index('disclosures_recipient_idx').on(t.recipientId),
  ],
);
