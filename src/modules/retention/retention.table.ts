import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, subjects } from '../vault/vault.table.js';

/** Facts retention rules count from: a contract's end, a purpose achieved for a subject. */
export const retentionEvents = pgTable(
  'retention_events',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    kind: text('kind', { enum: ['contract_end', 'purpose_achieved'] }).notNull(),
    /** For purpose_achieved: the purpose. */
    purposeId: text('purpose_id'),
    /** For contract_end: the contract (as values record it in contract_ref); null: the subject's contract. */
    contractRef: text('contract_ref'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('retention_events_subject_idx').on(t.subjectId)],
);

/** A court, an authority or an open dispute suspends destruction of a subject (all fields, or the named ones). */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    /** null: every field of the subject. */
    fieldIds: text('field_ids').array(),
    reason: text('reason').notNull(),
    placedBy: text('placed_by').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true, mode: 'date' }).notNull(),
    liftedAt: timestamp('lifted_at', { withTimezone: true, mode: 'date' }),
    liftedBy: text('lifted_by'),
    liftReason: text('lift_reason'),
  },
  (t) => [index('legal_holds_active_idx').on(t.subjectId).where(sql`lifted_at IS NULL`)],
);

/** The operator's own life: "until liquidation" ends when it is declared. One row. */
export const operatorState = pgTable('operator_state', {
  id: integer('id').primaryKey(),
  liquidationDate: date('liquidation_date', { mode: 'string' }),
  declaredAt: timestamp('declared_at', { withTimezone: true, mode: 'date' }),
  declaredBy: text('declared_by'),
  /** Fingerprint of the register's retention rules the stored schedule was computed with (see the sweep). */
  retentionFingerprint: text('retention_fingerprint'),
});

/** Each sweep: when it ran, as of which instant, what it did; the last completed one guards against a clock set back. */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: uuid('id').primaryKey(),
    trigger: text('trigger').notNull(),
    instance: text('instance').notNull(),
    asOf: timestamp('as_of', { withTimezone: true, mode: 'date' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    status: text('status', { enum: ['running', 'completed', 'failed'] }).notNull(),
    actId: uuid('act_id'),
    valuesDestroyed: bigint('values_destroyed', { mode: 'number' }).notNull().default(0),
    subjectsDestroyed: bigint('subjects_destroyed', { mode: 'number' }).notNull().default(0),
    error: text('error'),
  },
  (t) => [index('retention_runs_status_idx').on(t.status, t.asOf)],
);

/** Acts of destruction (sweeps, requests, paper): the data as JSON, the PDF, kept 3 years. */
export const destructionActs = pgTable(
  'destruction_acts',
  {
    id: uuid('id').primaryKey(),
    number: bigserial('number', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: ['sweep', 'request', 'paper'] }).notNull(),
    status: text('status', { enum: ['open', 'completed'] }).notNull(),
    requestId: uuid('request_id'),
    runId: uuid('run_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    /** The act's own retention: 3 years from completion (LAW.md), after which a sweep deletes it. */
    retainUntil: timestamp('retain_until', { withTimezone: true, mode: 'date' }),
    /** DestructionActData (without the log lines, which are read from the audit chain). */
    data: jsonb('data').$type<Record<string, unknown>>(),
    pdf: bytea('pdf'),
  },
  (t) => [
    index('destruction_acts_request_idx').on(t.requestId),
    index('destruction_acts_status_idx').on(t.status),
  ],
);

/** What anonymisation keeps of analytics values: counts per purpose, field and month, never a person. */
export const anonymousAggregates = pgTable(
  'anonymous_aggregates',
  {
    purposeId: text('purpose_id').notNull(),
    fieldId: text('field_id').notNull(),
    /** Month of collection, YYYY-MM. */
    period: text('period').notNull(),
    values: bigint('values', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.purposeId, t.fieldId, t.period] })],
);
