import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, subjects } from '../vault/vault.table.js';

export const requestTypes = [
  'information',
  'access',
  'rectification',
  'blocking',
  'unblocking',
  'destruction',
  'consent_withdrawal',
  'objection_automated_decision',
  'unclassified',
] as const;
export type RequestType = (typeof requestTypes)[number];

export const requestStatuses = ['received', 'verifying', 'in_progress', 'answered', 'refused'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const requestChannels = ['api', 'web', 'email', 'paper'] as const;
export type RequestChannel = (typeof requestChannels)[number];

export interface RequestDeadline {
  amount: number;
  unit: string;
  source: 'register' | 'law';
  rule: string;
  /** The operator's policy clause that states the deadline (source register), cited in the letter. */
  clause?: string;
}

export interface RequestVerification {
  method: 'email_code' | 'manual';
  verifiedAt: string;
  verifiedBy: string;
  /** For a manual check: how identity was established (e.g. `in_person`), never a document copy. */
  how?: string;
  /** The staff member's note on the check (no document numbers, no copies). */
  note?: string;
}

/** What was done, for the letter and the history; no personal data values. */
export interface RequestOutcome {
  at: string;
  by: string;
  summary: string;
  refusal?: { reason: string; rule?: string };
  fields?: string[];
  purposes?: string[];
  consents?: string[];
  obligations?: string[];
  /** Scheduled for destruction by the retention engine; the request stays open until it is done. */
  pendingDestruction?: { fields: string[]; by: string };
  /** Done by the retention engine: the act of destruction that answers the request. */
  destruction?: { actId: string; actNumber: number; at: string; fields: string[] };
  /** How the answer reached the requester: e-mailed by Amanat, or sent by post, by hand… and recorded. */
  deliveries?: AnswerDelivery[];
}

export const answerChannels = ['email', 'post', 'hand', 'courier', 'other'] as const;
export type AnswerChannel = (typeof answerChannels)[number];

export interface AnswerDelivery {
  channel: AnswerChannel;
  /** The local date the answer was sent or handed over (YYYY-MM-DD). */
  on: string;
  /** Who recorded it. */
  by: string;
  /** E.g. the post's tracking number; never the requester's address. */
  note?: string;
}

/**
 * A subject's request. The requester's contact and any free text are personal data: sealed with the
 * request-evidence key; the contact is found again through its keyed hash, never a plaintext index.
 */
export const subjectRequests = pgTable(
  'subject_requests',
  {
    id: uuid('id').primaryKey(),
    /** Human-friendly sequence number, quoted in letters (№ 17). */
    number: bigserial('number', { mode: 'number' }).notNull(),
    type: text('type', { enum: requestTypes }).notNull(),
    status: text('status', { enum: requestStatuses }).notNull(),
    channel: text('channel', { enum: requestChannels }).notNull(),
    subjectId: uuid('subject_id').references(() => subjects.id),
    contactHash: bytea('contact_hash').notNull(),
    contactCiphertext: bytea('contact_ciphertext').notNull(),
    /** Type-specific details (new values for a rectification, the subject's own words), sealed JSON. */
    detailsCiphertext: bytea('details_ciphertext'),
    /** Purposes and fields the request names: register ids only. */
    scope: jsonb('scope').$type<{ purposes?: string[]; fields?: string[] }>().notNull(),
    language: text('language', { enum: ['ru', 'kk', 'en'] }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    deadline: jsonb('deadline').$type<RequestDeadline>().notNull(),
    extensionReason: text('extension_reason'),
    verification: jsonb('verification').$type<RequestVerification>(),
    assignee: text('assignee'),
    /** The evidence: the inbound e-mail this request came from. */
    inboundMessageId: uuid('inbound_message_id'),
    duplicates: integer('duplicates').notNull().default(0),
    outcome: jsonb('outcome').$type<RequestOutcome>(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('subject_requests_number_uq').on(t.number),
    index('subject_requests_open_due_idx')
      .on(t.dueDate)
      .where(sql`status IN ('received', 'verifying', 'in_progress')`),
    index('subject_requests_contact_idx').on(t.contactHash, t.receivedAt),
    index('subject_requests_subject_idx').on(t.subjectId),
    // The mail intake finds the request a kept message already made (resume after a crash).
    index('subject_requests_inbound_message_idx').on(t.inboundMessageId),
  ],
);

/** One-time codes for e-mail verification: only a keyed hash of the code is kept. */
export const verificationCodes = pgTable('verification_codes', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => subjectRequests.id),
  codeHash: bytea('code_hash').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  attempts: integer('attempts').notNull(),
  maxAttempts: integer('max_attempts').notNull(),
  consumedAt: timestamp('consumed_at', { withTimezone: true, mode: 'date' }),
});

/**
 * The link a verified requester follows to the request's status (the privacy centre's status page): one per
 * request, only a SHA-256 of the random token is kept (the token itself is in the requester's e-mail alone).
 */
export const requestStatusTokens = pgTable(
  'request_status_tokens',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => subjectRequests.id),
    tokenHash: bytea('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('request_status_tokens_hash_uq').on(t.tokenHash)],
);
