import { date, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from '../vault/vault.table.js';

/**
 * Published editions of the privacy policy: the register frozen as it was published, its
 * content hash, and when. Immutable: a row is written once, with its documents, and never changed or deleted.
 */
export const policyVersions = pgTable(
  'policy_versions',
  {
    /** The register's `policy.version` label. */
    id: text('id').primaryKey(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The operator's local date of publication (register operator.timezone): the day it is in force from. */
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    /** SHA-256 (hex) of the canonical JSON of the validated register. */
    registerSha256: text('register_sha256').notNull(),
    register: jsonb('register').notNull(),
    publishedBy: text('published_by').notNull(),
  },
  (t) => [index('policy_versions_published_idx').on(t.publishedOn, t.publishedAt)],
);

/** The documents rendered for a version (policy HTML and PDF per language, later the consent forms). */
export const policyDocuments = pgTable(
  'policy_documents',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => policyVersions.id),
    name: text('name').notNull(),
    lang: text('lang').notNull(),
    mediaType: text('media_type').notNull(),
    bytes: bytea('bytes').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.name, t.lang] })],
);
