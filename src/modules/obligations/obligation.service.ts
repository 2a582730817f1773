import { and, asc, eq, lte } from 'drizzle-orm';
import type { Stores } from '../../db/database.js';
import { obligations } from './obligation.table.js';

export function createObligationService(deps: { stores: Stores }) {
  return {
    async list(filter: { status?: 'open' | 'fulfilled'; subjectId?: string; dueOnOrBefore?: string }) {
      const conditions = [
        filter.status ? eq(obligations.status, filter.status) : undefined,
        filter.subjectId ? eq(obligations.subjectId, filter.subjectId) : undefined,
        filter.dueOnOrBefore ? lte(obligations.dueDate, filter.dueOnOrBefore) : undefined,
      ].filter((c) => c !== undefined);
      return deps.stores.data
        .select()
        .from(obligations)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(obligations.dueDate))
        .limit(1000);
    },
  };
}

export type ObligationService = ReturnType<typeof createObligationService>;
