import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { subjects } from '../vault/vault.table.js';

export interface ObligationFulfilment {
  how: 'purpose_released' | 'data_destroyed' | 'closed';
  by: string;
  actId?: string;
  evidence?: string;
}

/** Something the operator owes by a deadline, e.g. to stop processing after a consent withdrawal. */
export const obligations = pgTable(
  'obligations',
  {
    id: uuid('id').primaryKey(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    kind: text('kind', { enum: ['stop_processing'] }).notNull(),
    purposeId: text('purpose_id').notNull(),
    consentId: uuid('consent_id'),
    status: text('status', { enum: ['open', 'fulfilled'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Where the deadline came from: the operator's register or the law, with the rule quoted. */
    deadline: jsonb('deadline')
      .$type<{ amount: number; unit: string; source: 'register' | 'law'; rule: string }>()
      .notNull(),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true, mode: 'date' }),
    /**
     * How it was fulfilled: the purpose released from every value held under the consent, the data destroyed
     * (with the destruction act), or closed by a person with evidence of what Amanat cannot see.
     */
    fulfilment: jsonb('fulfilment').$type<ObligationFulfilment>(),
    /** The destruction act whose destruction completed the obligation. */
    destructionActId: uuid('destruction_act_id'),
  },
  (t) => [
    index('obligations_status_due_idx').on(t.status, t.dueDate),
    index('obligations_subject_idx').on(t.subjectId),
  ],
);
