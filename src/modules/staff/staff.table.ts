import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from '../vault/vault.table.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * People who sign in to the console. What they may do with personal data comes from the approved access
 * list, never from the account: an account alone reads nothing. `is_admin` manages staff and proposes the
 * list; `is_head` (руководитель) approves it.
 */
export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: uuid('id').primaryKey(),
    /** Lower-cased; the sign-in name. */
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    position: text('position'),
    /** argon2id (PHC string); null until the person sets a password through a reset link. */
    passwordHash: text('password_hash'),
    passwordChangedAt: at('password_changed_at'),
    /** TOTP secret sealed under a key derived from the master key. */
    totpSecret: bytea('totp_secret'),
    totpEnabledAt: at('totp_enabled_at'),
    /** A new TOTP secret being enrolled (sealed like totp_secret): the enabled one stays until this is confirmed. */
    totpPendingSecret: bytea('totp_pending_secret'),
    /** The last accepted TOTP time step: a code is accepted once (replay). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    isAdmin: boolean('is_admin').notNull().default(false),
    isHead: boolean('is_head').notNull().default(false),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: at('locked_until'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('staff_accounts_email_idx').on(t.email)],
);

/** Console sessions: the cookie carries a random token, the row keeps only its hash. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: bytea('token_hash').notNull(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffAccounts.id),
    /** The CSRF token's hash: state-changing requests must send the token itself in a header. */
    csrfHash: bytea('csrf_hash').notNull(),
    /** The session is bound to the browser that opened it: a cookie replayed elsewhere ends it. */
    userAgentHash: bytea('user_agent_hash').notNull(),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    uniqueIndex('staff_sessions_token_idx').on(t.tokenHash),
    index('staff_sessions_staff_idx').on(t.staffId).where(sql`${t.revokedAt} IS NULL`),
  ],
);

/** Password reset links: one use, short-lived, only the hash is kept. */
export const staffPasswordResets = pgTable('staff_password_resets', {
  tokenHash: bytea('token_hash').primaryKey(),
  staffId: uuid('staff_id')
    .notNull()
    .references(() => staffAccounts.id),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
});

/**
 * Failed sign-ins for e-mails that cannot sign in (unknown, disabled, no password yet), keyed by the e-mail's
 * HMAC: they lock exactly as a real account does, so the answers do not tell staff e-mails from others.
 */
export const staffSignInFailures = pgTable('staff_sign_in_failures', {
  emailHash: bytea('email_hash').primaryKey(),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: at('locked_until'),
  updatedAt: at('updated_at').notNull(),
});

/**
 * Letters to staff waiting for the mail job (password-reset links): written in the transaction that makes the
 * link, sent by the job, so the answer never waits for SMTP. The letter is sealed (it carries the link's token)
 * and wiped once sent.
 */
export const staffMailOutbox = pgTable(
  'staff_mail_outbox',
  {
    id: uuid('id').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staffAccounts.id),
    letter: bytea('letter'),
    createdAt: at('created_at').notNull(),
    sentAt: at('sent_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('staff_mail_outbox_pending_idx').on(t.createdAt).where(sql`${t.sentAt} IS NULL`)],
);
