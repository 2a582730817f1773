// The plan: what a sweep at a date would destroy, anonymise or release, without doing it.
import type { Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { endOfLocalDay, isIsoDate } from '../calendar/dates.js';
import type { RegisterRules } from '../rules/register-rules.js';
import {
  groupBy,
  loadFacts,
  loadLiquidation,
  META_COLUMNS,
  noFacts,
  type ValueMeta,
} from './retention.assess.js';
import type { createDecider } from './retention.decide.js';
import { retentionOptions } from './retention.rules.js';

export interface RetentionPlan {
  at: string;
  /** Values that a sweep at `at` would destroy, anonymise or release from a purpose, by purpose and field. */
  items: {
    purpose: string;
    field: string;
    outcome: 'destroy' | 'anonymise' | 'release';
    reason: string;
    values: number;
  }[];
  values: number;
  subjects: number;
  /** Subjects whose data would be gone entirely (their keys destroyed). */
  subjectsEmptied: number;
  /** Due but suspended by a legal hold. */
  held: { values: number; subjects: number };
  /** Values with no computable end: a `depends_on` option never chosen. */
  undetermined: { values: number; purposes: string[] };
  /** Subject requests whose destruction is pending. */
  requests: number;
}

export function createRetentionPlanner(deps: {
  stores: Stores;
  rules: RegisterRules;
  timeZone: string;
  decide: ReturnType<typeof createDecider>;
}) {
  const { stores, rules, timeZone, decide } = deps;

  /** `at` of a plan: a date is the end of that day in the operator's zone (what is due by then); an instant as is. */
  function planInstant(text: string): Date {
    if (isIsoDate(text)) return endOfLocalDay(text, timeZone);
    const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? new Date(text) : null;
    if (!at || Number.isNaN(at.getTime()) || !isIsoDate(text.slice(0, 10))) {
      throw new DomainError(ErrorCodes.VALIDATION_FAILED, `Неверная дата плана: ${text} / Invalid date`, {
        issues: [{ path: 'at', message: 'ожидается дата YYYY-MM-DD или момент ISO 8601' }],
      });
    }
    return at;
  }

  /** What a sweep at `at` would do, without doing it; reads in batches of subjects, so memory stays flat. */
  async function plan(at: Date): Promise<RetentionPlan> {
    const liquidationAt = await loadLiquidation(stores.sql, timeZone);
    const items = new Map<string, RetentionPlan['items'][number]>();
    const subjects = new Set<string>();
    let values = 0;
    let subjectsEmptied = 0;
    const held = { values: 0, subjects: new Set<string>() };
    let cursor = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // cross-module read: personal_values (owner: vault) — the due values, joined with retention's holds.
      const rows = await stores.sql.query<ValueMeta & { held: boolean }>(
        `SELECT ${META_COLUMNS.split(', ')
          .map((c) => `v.${c}`)
          .join(', ')},
           EXISTS (SELECT 1 FROM legal_holds h WHERE h.subject_id = v.subject_id AND h.lifted_at IS NULL
                   AND (h.field_ids IS NULL OR v.field_id = ANY(h.field_ids))) AS held
         FROM personal_values v
         WHERE v.subject_id IN (
           SELECT DISTINCT subject_id FROM personal_values
           WHERE next_retention_at IS NOT NULL AND next_retention_at <= $1 AND subject_id > $2
           ORDER BY subject_id LIMIT 500)
           AND v.next_retention_at IS NOT NULL AND v.next_retention_at <= $1
         ORDER BY v.subject_id`,
        [at, cursor],
      );
      if (rows.length === 0) break;
      cursor = rows.at(-1)!.subject_id;
      const bySubject = groupBy(rows, (r) => r.subject_id);
      const facts = await loadFacts(stores.sql, [...bySubject.keys()]);
      const remainingCounts = await stores.sql.query<{ subject_id: string; n: string }>(
        `SELECT subject_id, count(*) AS n FROM personal_values WHERE subject_id = ANY($1::uuid[]) GROUP BY subject_id`,
        [[...bySubject.keys()]],
      );
      const totals = new Map(remainingCounts.map((r) => [r.subject_id, Number(r.n)]));
      for (const [subjectId, subjectRows] of bySubject) {
        let gone = 0;
        for (const row of subjectRows) {
          if (row.held) {
            held.values += 1;
            held.subjects.add(subjectId);
            continue;
          }
          const outcome = decide(row, facts.get(subjectId) ?? noFacts(), liquidationAt, at);
          if (!outcome) continue;
          values += 1;
          subjects.add(subjectId);
          if (outcome.kind !== 'release') gone += 1;
          for (const purpose of outcome.purposes) {
            const key = `${purpose}|${row.field_id}|${outcome.kind}|${outcome.reason}`;
            const item = items.get(key) ?? {
              purpose,
              field: row.field_id,
              outcome: outcome.kind,
              reason: outcome.reason,
              values: 0,
            };
            item.values += 1;
            items.set(key, item);
          }
        }
        if (gone > 0 && gone === totals.get(subjectId)) subjectsEmptied += 1;
      }
    }
    // cross-module read: personal_values (owner: vault), here and in the counts above and below.
    const [undetermined] = await stores.sql.query<{ n: string }>(
      `SELECT count(*) AS n FROM personal_values WHERE next_retention_at IS NULL AND status = 'active'`,
    );
    const undeterminedPurposes = rules.register.purposes
      .filter((p) => retentionOptions(p.retention).length > 0)
      .map((p) => p.id);
    const [requests] = await stores.sql.query<{ n: string }>(
      'SELECT count(DISTINCT marked_request_id) AS n FROM personal_values WHERE marked_request_id IS NOT NULL',
    );
    return {
      at: at.toISOString(),
      items: [...items.values()].sort(
        (a, b) => a.purpose.localeCompare(b.purpose) || a.field.localeCompare(b.field),
      ),
      values,
      subjects: subjects.size,
      subjectsEmptied,
      held: { values: held.values, subjects: held.subjects.size },
      undetermined: { values: Number(undetermined?.n ?? 0), purposes: undeterminedPurposes },
      requests: Number(requests?.n ?? 0),
    };
  }

  return { plan, planInstant };
}
