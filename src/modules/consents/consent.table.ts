import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, subjects } from '../vault/vault.table.js';

export interface PublicationFieldPermission {
  field: string;
  restrictions: string[];
}

/** The consent journal: every grant with its proof; a withdrawal closes the grant, never deletes it. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    purposeId: text('purpose_id').notNull(),
    kind: text('kind', { enum: ['processing', 'publication'] }).notNull(),
    status: text('status', { enum: ['active', 'withdrawn'] }).notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull(),
    channel: text('channel', { enum: ['web', 'api', 'email', 'paper'] }).notNull(),
    /**
     * The subject's own text (paper, e-mail). Null for web and API grants: their text is the cited form's, kept
     * once in its published version (policy_version, the purpose, lang) and proven by text_sha256.
     */
    text: text('text'),
    textSha256: text('text_sha256').notNull(),
    policyVersion: text('policy_version').notNull(),
    /**
     * The published consent form the grant answers (its SHA-256) and the form's language. Equal to text_sha256
     * for web and API grants; a paper or e-mail consent keeps its own text and hash beside the form's. Null
     * only for consents recorded before forms were published.
     */
    formSha256: text('form_sha256'),
    lang: text('lang', { enum: ['ru', 'kk', 'en'] }),
    /** IP, user agent and the subject's full name are personal data: encrypted under the subject's key. */
    evidenceCiphertext: bytea('evidence_ciphertext').notNull(),
    dataFields: text('data_fields').array().notNull(),
    term: text('term'),
    thirdPartyTransfer: boolean('third_party_transfer').notNull(),
    /** Recipients (ids) the transfer consent names; null: third parties in general. */
    transferRecipients: text('transfer_recipients').array(),
    crossBorderTransfer: boolean('cross_border_transfer').notNull(),
    publicationAllowed: boolean('publication_allowed').notNull(),
    publicationFields: jsonb('publication_fields').$type<PublicationFieldPermission[]>(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawalChannel: text('withdrawal_channel', { enum: ['web', 'api', 'email', 'paper'] }),
  },
  (t) => [
    uniqueIndex('consents_one_active_uq').on(t.subjectId, t.purposeId, t.kind).where(sql`status = 'active'`),
    index('consents_subject_idx').on(t.subjectId),
  ],
);
