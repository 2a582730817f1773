// Retention arithmetic over stored values: the facts recorded about subjects, and for each value which of its
// purposes have ended by an instant and when the next one ends. Shared by collection, the plan and the sweep.
import type { Sql } from '../../db/database.js';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import { startOfLocalDay } from '../calendar/dates.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { ValueBasis } from '../vault/vault.table.js';
import { type RetentionFacts, retentionEnd, retentionOptions } from './retention.rules.js';

/** What the retention engine reads of a held value: never its ciphertext. */
export interface ValueMeta {
  id: string;
  subject_id: string;
  field_id: string;
  purposes: string[];
  legal_bases: ValueBasis[];
  collected_at: Date;
  status: 'active' | 'marked_for_destruction';
  marked_reason: string | null;
  marked_request_id: string | null;
}

export interface SubjectFacts {
  lastActivityAt: Date | null;
  contractEnds: { contractRef: string | null; at: Date }[];
  purposesAchieved: Map<string, Date>;
}

export const noFacts = (): SubjectFacts => ({
  lastActivityAt: null,
  contractEnds: [],
  purposesAchieved: new Map(),
});

export interface ValueAssessment {
  /** Purposes whose processing has ended by the instant asked about. */
  ended: string[];
  remaining: string[];
  /** The earliest known end among the remaining purposes (null: none known). */
  nextAt: Date | null;
  /** Purposes whose end cannot be known (a `depends_on` option never chosen). */
  undetermined: string[];
  /** When every purpose has ended (null while any end is unknown). */
  lastEnd: Date | null;
}

/** Map.groupBy is Node 21+; Amanat supports Node 20. */
export function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export const META_COLUMNS =
  'id, subject_id, field_id, purposes, legal_bases, collected_at, status, marked_reason, marked_request_id';

export type EventJson = { kind: string; purposeId: string | null; contractRef: string | null; at: string };

/** SQL for a subject's retention events as JSON (`s` is the subjects row). */
export const EVENTS_JSON_SQL = `(SELECT json_agg(json_build_object('kind', e.kind, 'purposeId', e.purpose_id,
     'contractRef', e.contract_ref, 'at', e.occurred_at) ORDER BY e.occurred_at)
   FROM retention_events e WHERE e.subject_id = s.id)`;

export function factsFrom(lastActivityAt: Date | null, events: EventJson[] | null): SubjectFacts {
  const f: SubjectFacts = { lastActivityAt, contractEnds: [], purposesAchieved: new Map() };
  for (const e of events ?? []) {
    const at = new Date(e.at);
    if (e.kind === 'contract_end') f.contractEnds.push({ contractRef: e.contractRef, at });
    // The first recorded achievement counts: a later record cannot extend processing.
    else if (e.kind === 'purpose_achieved' && e.purposeId && !f.purposesAchieved.has(e.purposeId))
      f.purposesAchieved.set(e.purposeId, at);
  }
  return f;
}

/** The facts of subjects whose rows the caller already read (last activity): their events in one indexed read. */
export async function factsOfSubjects(
  sql: Sql,
  subjects: { id: string; last_activity_at: Date | null }[],
): Promise<Map<string, SubjectFacts>> {
  const facts = new Map<string, SubjectFacts>();
  if (subjects.length === 0) return facts;
  const events = await sql.query<{ subject_id: string } & EventJson>(
    `SELECT subject_id, kind, purpose_id AS "purposeId", contract_ref AS "contractRef", occurred_at AS at
     FROM retention_events WHERE subject_id = ANY($1::uuid[]) ORDER BY occurred_at`,
    [subjects.map((s) => s.id)],
  );
  const bySubject = groupBy(events, (e) => e.subject_id);
  for (const s of subjects) facts.set(s.id, factsFrom(s.last_activity_at, bySubject.get(s.id) ?? null));
  return facts;
}

/** The facts of several subjects in one statement (subject row and its retention events). */
export async function loadFacts(sql: Sql, subjectIds: string[]): Promise<Map<string, SubjectFacts>> {
  const facts = new Map<string, SubjectFacts>();
  if (subjectIds.length === 0) return facts;
  // cross-module read: subjects (owner: vault) — the last activity, joined with retention's events.
  const rows = await sql.query<{
    id: string;
    last_activity_at: Date | null;
    events: EventJson[] | null;
  }>(
    `SELECT s.id, s.last_activity_at, ${EVENTS_JSON_SQL} AS events
     FROM subjects s WHERE s.id = ANY($1::uuid[])`,
    [subjectIds],
  );
  for (const row of rows) facts.set(row.id, factsFrom(row.last_activity_at, row.events));
  return facts;
}

export async function loadLiquidation(sql: Sql, timeZone: string): Promise<Date | null> {
  const [row] = await sql.query<{ liquidation_date: string | null }>(
    'SELECT liquidation_date::text AS liquidation_date FROM operator_state WHERE id = 1',
  );
  return row?.liquidation_date ? startOfLocalDay(row.liquidation_date, timeZone) : null;
}

export function createRetentionAssessor(rules: RegisterRules) {
  const timeZone = rules.register.operator.timezone;

  function contractEndOf(facts: SubjectFacts, basis: ValueBasis | undefined): Date | null {
    const ref = basis?.contractRef ?? null;
    // The latest record wins: a contract extended after a first end is recorded again.
    const matching = facts.contractEnds.filter((e) => e.contractRef === ref || e.contractRef === null);
    const own = matching.filter((e) => e.contractRef === ref);
    const chosen = (own.length > 0 ? own : matching).at(-1);
    return chosen?.at ?? null;
  }

  /** Which of a value's purposes have ended by `at`, and when the next one ends. */
  function assess(
    value: Pick<ValueMeta, 'purposes' | 'legal_bases' | 'collected_at'>,
    facts: SubjectFacts,
    liquidationAt: Date | null,
    at: Date,
  ): ValueAssessment {
    const ended: string[] = [];
    const remaining: string[] = [];
    const undetermined: string[] = [];
    let nextAt: Date | null = null;
    let lastEnd: number | null = 0;
    for (const purposeId of value.purposes) {
      const purpose = rules.register.purposes.find((p) => p.id === purposeId);
      // A purpose removed from the register has no rule left to keep the value for it.
      if (!purpose) {
        ended.push(purposeId);
        continue;
      }
      const basis = value.legal_bases.find((b) => b.purpose === purposeId);
      const input: RetentionFacts = {
        collectedAt: value.collected_at,
        contractEndAt: contractEndOf(facts, basis),
        purposeAchievedAt: facts.purposesAchieved.get(purposeId) ?? null,
        lastActivityAt: facts.lastActivityAt,
        liquidationAt,
        option: basis?.retentionOption ?? null,
      };
      const end = retentionEnd(purpose.retention, input, timeZone);
      if (end.undetermined) undetermined.push(purposeId);
      if (!end.endsAt) lastEnd = null;
      else if (lastEnd !== null) lastEnd = Math.max(lastEnd, end.endsAt.getTime());
      if (end.endsAt && end.endsAt.getTime() <= at.getTime()) {
        ended.push(purposeId);
      } else {
        remaining.push(purposeId);
        if (end.endsAt && (!nextAt || end.endsAt < nextAt)) nextAt = end.endsAt;
      }
    }
    return { ended, remaining, nextAt, undetermined, lastEnd: lastEnd === null ? null : new Date(lastEnd) };
  }

  /** Checks the retention options given at collection against each purpose's rule. */
  function checkOptions(purposeIds: string[], options: Record<string, string> | undefined): void {
    if (!options) return;
    const issues: ErrorIssue[] = [];
    for (const [purposeId, option] of Object.entries(options)) {
      if (!purposeIds.includes(purposeId)) {
        issues.push({
          path: `retention_options.${purposeId}`,
          message: 'цель не входит в purposes этого сбора',
        });
        continue;
      }
      const allowed = retentionOptions(rules.purpose(purposeId).retention);
      if (!allowed.includes(option)) {
        issues.push({
          path: `retention_options.${purposeId}`,
          message:
            allowed.length === 0
              ? `срок хранения цели «${purposeId}» не зависит от выбора: вариант не нужен`
              : `ожидается один из вариантов: ${allowed.join(', ')}`,
        });
      }
    }
    if (issues.length > 0) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        'Неверный вариант срока хранения / Invalid retention option',
        { issues },
      );
    }
  }

  return { assess, checkOptions, timeZone };
}

export type RetentionAssessor = ReturnType<typeof createRetentionAssessor>;
