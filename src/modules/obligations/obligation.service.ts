import type { Stores } from '../../db/database.js';

export interface ObligationRow {
  id: string;
  subjectId: string;
  kind: string;
  purposeId: string;
  consentId: string | null;
  status: string;
  createdAt: Date;
  dueDate: string;
  dueAt: Date;
  deadline: { amount: number; unit: string; source: string; rule: string };
  fulfilledAt: Date | null;
}

export function createObligationService(deps: { stores: Stores }) {
  return {
    async list(filter: { status?: 'open' | 'fulfilled'; subjectId?: string; dueOnOrBefore?: string }) {
      // due_date is sent as text: a driver would turn a DATE into local midnight of the server's zone.
      return deps.stores.sql.query<ObligationRow>(
        `SELECT id, subject_id AS "subjectId", kind, purpose_id AS "purposeId", consent_id AS "consentId", status,
                created_at AS "createdAt", due_date::text AS "dueDate", due_at AS "dueAt", deadline,
                fulfilled_at AS "fulfilledAt"
         FROM obligations
         WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR subject_id = $2)
           AND ($3::date IS NULL OR due_date <= $3)
         ORDER BY due_date, created_at LIMIT 1000`,
        [filter.status ?? null, filter.subjectId ?? null, filter.dueOnOrBefore ?? null],
      );
    },
  };
}

export type ObligationService = ReturnType<typeof createObligationService>;
