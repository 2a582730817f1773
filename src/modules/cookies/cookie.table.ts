import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { subjects } from '../vault/vault.table.js';

/**
 * Proofs of the cookie banner's choices: one row per choice a visitor made (accept all, reject all, custom,
 * withdraw, a GPC signal applied), written as the widget sends it. Anonymous: a random visitor id and the
 * browser's User-Agent, no address. A row is never changed, except that a site's backend may link the
 * visitor id to a subject once the visitor signs in (audited).
 */
export const cookieConsents = pgTable(
  'cookie_consents',
  {
    id: uuid('id').primaryKey(),
    /** UUID v4 made by the widget and kept in its amanat_consent cookie. */
    visitorId: uuid('visitor_id').notNull(),
    /** The published policy version whose register gave the banner's categories and texts. */
    policyVersion: text('policy_version').notNull(),
    lang: text('lang', { enum: ['ru', 'kk', 'en'] }).notNull(),
    /** SHA-256 (hex) of the banner's texts and categories the visitor saw (the config's textHash). */
    textHash: text('text_hash').notNull(),
    /** Category id → granted. */
    choices: jsonb('choices').$type<Record<string, boolean>>().notNull(),
    method: text('method', { enum: ['accept_all', 'reject_all', 'custom', 'withdraw', 'gpc'] }).notNull(),
    gpc: boolean('gpc').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    userAgent: text('user_agent'),
    subjectId: uuid('subject_id').references(() => subjects.id),
  },
  (t) => [
    index('cookie_consents_visitor_idx').on(t.visitorId, t.decidedAt),
    index('cookie_consents_received_idx').on(t.receivedAt),
    index('cookie_consents_subject_idx').on(t.subjectId).where(sql`${t.subjectId} IS NOT NULL`),
  ],
);
