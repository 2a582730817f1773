// Retention deadlines: each value's next end of processing, derived from its purposes' structured rules and
// the facts recorded about its subject (contract ends, purposes achieved, last activity, the operator's
// liquidation); legal holds that suspend destruction; and the plan of what a sweep would do by a date.
import { createHash, randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { endOfLocalDay, isIsoDate, localDateOf, startOfLocalDay } from '../calendar/dates.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { subjectNotFound } from '../vault/vault.service.js';
import { recordSubjectActivity, rescheduleValues } from '../vault/vault.writes.js';
import {
  createRetentionAssessor,
  groupBy,
  loadFacts,
  loadLiquidation,
  META_COLUMNS,
  noFacts,
  type SubjectFacts,
  type ValueMeta,
} from './retention.assess.js';
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

export function createRetentionService(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  clock: () => Date;
}) {
  const { stores, audit, rules } = deps;
  const assessor = createRetentionAssessor(rules);
  const timeZone = assessor.timeZone;

  async function requireLiveSubject(sql: Sql, subjectId: string): Promise<void> {
    const [row] = await sql.query<{ status: string }>(
      'SELECT status FROM subjects WHERE id = $1 FOR UPDATE',
      [subjectId],
    );
    if (!row || row.status === 'destroyed') throw subjectNotFound(subjectId);
  }

  /** Recomputes the next retention instant of a subject's active values after a fact changed. */
  async function recomputeSubject(tx: Sql, subjectId: string): Promise<number> {
    const values = await tx.query<ValueMeta & { next_retention_at: Date | null; retain_until: Date | null }>(
      `SELECT ${META_COLUMNS}, next_retention_at, retain_until FROM personal_values
       WHERE subject_id = $1 AND status = 'active'`,
      [subjectId],
    );
    const facts = (await loadFacts(tx, [subjectId])).get(subjectId) ?? noFacts();
    const liquidationAt = await loadLiquidation(tx, timeZone);
    const ids: string[] = [];
    const nexts: (Date | null)[] = [];
    const lasts: (Date | null)[] = [];
    const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
    for (const value of values) {
      // Asked as of the epoch, every known end counts as still ahead: the earliest is when the sweep looks.
      const { nextAt, lastEnd } = assessor.assess(value, facts, liquidationAt, new Date(0));
      if (!same(nextAt, value.next_retention_at) || !same(lastEnd, value.retain_until)) {
        ids.push(value.id);
        nexts.push(nextAt);
        lasts.push(lastEnd);
      }
    }
    if (ids.length > 0) {
      await rescheduleValues(tx, ids, nexts, lasts);
    }
    return ids.length;
  }

  function parseInstant(text: string | undefined, path: string): Date {
    if (text === undefined) return deps.clock();
    const date = isIsoDate(text) ? startOfLocalDay(text, timeZone) : new Date(text);
    // new Date('2026-02-30T…') rolls over to 2 March: the day must exist in the calendar.
    if (Number.isNaN(date.getTime()) || !isIsoDate(text.slice(0, 10))) {
      throw new DomainError(ErrorCodes.VALIDATION_FAILED, `Неверная дата: ${text} / Invalid date`, {
        issues: [{ path, message: 'ожидается дата YYYY-MM-DD или момент ISO 8601' }],
      });
    }
    return date;
  }

  async function recordEvent(
    actor: string,
    subjectId: string,
    input: {
      kind: 'contract_end' | 'purpose_achieved';
      purposeId?: string;
      contractRef?: string;
      occurredAt?: string;
    },
  ) {
    const occurredAt = parseInstant(input.occurredAt, 'occurred_at');
    if (input.kind === 'purpose_achieved') {
      if (!input.purposeId) {
        throw new DomainError(
          ErrorCodes.VALIDATION_FAILED,
          'Укажите цель, которая достигнута / purpose is required',
          {
            issues: [{ path: 'purpose', message: 'ожидается идентификатор цели' }],
          },
        );
      }
    }
    // A purpose named with a contract's end too must be the register's: an unknown one is refused, not kept.
    if (input.purposeId) rules.purpose(input.purposeId);
    return stores.transaction(async (tx) => {
      await requireLiveSubject(tx, subjectId);
      const id = randomUUID();
      await tx.query(
        `INSERT INTO retention_events (id, subject_id, kind, purpose_id, contract_ref, occurred_at, recorded_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          subjectId,
          input.kind,
          input.purposeId ?? null,
          input.contractRef ?? null,
          occurredAt,
          deps.clock(),
          actor,
        ],
      );
      const changed = await recomputeSubject(tx, subjectId);
      await audit.append(tx, [
        {
          actor,
          action: 'retention.event',
          subjectId,
          purposeId: input.purposeId ?? null,
          details: {
            eventId: id,
            kind: input.kind,
            contractRef: input.contractRef ?? null,
            occurredAt: occurredAt.toISOString(),
            valuesRescheduled: changed,
          },
        },
      ]);
      return { id, kind: input.kind, occurredAt, valuesRescheduled: changed };
    });
  }

  /** The subject's last activity (a login, an order): `after_last_activity` periods restart from it. */
  async function recordActivity(actor: string, subjectId: string, at?: string) {
    const when = parseInstant(at, 'at');
    return stores.transaction(async (tx) => {
      await requireLiveSubject(tx, subjectId);
      await recordSubjectActivity(tx, subjectId, when);
      const changed = await recomputeSubject(tx, subjectId);
      await audit.append(tx, [
        {
          actor,
          action: 'retention.event',
          subjectId,
          details: { kind: 'activity', at: when.toISOString() },
        },
      ]);
      return { lastActivityAt: when, valuesRescheduled: changed };
    });
  }

  /** Every subject's values rescheduled from current facts and rules, a batch of subjects per transaction. */
  async function rescheduleAll(): Promise<number> {
    let cursor = '00000000-0000-0000-0000-000000000000';
    let rescheduled = 0;
    for (;;) {
      const batch = await stores.sql.query<{ id: string }>(
        `SELECT id FROM subjects WHERE id > $1 AND status <> 'destroyed' ORDER BY id LIMIT 500`,
        [cursor],
      );
      if (batch.length === 0) break;
      cursor = batch.at(-1)!.id;
      await stores.transaction(async (tx) => {
        for (const { id } of batch) rescheduled += await recomputeSubject(tx, id);
      });
    }
    return rescheduled;
  }

  /** A fingerprint of what the stored schedule was computed from: each purpose's retention rule. */
  const fingerprint = createHash('sha256')
    .update(
      canonicalJson(
        rules.register.purposes
          .map((p) => ({ id: p.id, retention: p.retention, end: p.on_retention_end }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      ),
    )
    .digest('hex');

  /**
   * The stored schedule (next_retention_at, retain_until) was computed under the register's rules at the time.
   * When a purpose's retention changed since (or the schedule was never computed, after an upgrade), every
   * value is rescheduled before a sweep trusts it. Returns how many values moved (null: nothing to do).
   */
  async function ensureScheduleCurrent(): Promise<number | null> {
    const [state] = await stores.sql.query<{ retention_fingerprint: string | null }>(
      'SELECT retention_fingerprint FROM operator_state WHERE id = 1',
    );
    if (state?.retention_fingerprint === fingerprint) return null;
    const moved = await rescheduleAll();
    await stores.sql.query('UPDATE operator_state SET retention_fingerprint = $1 WHERE id = 1', [
      fingerprint,
    ]);
    return moved;
  }

  /** Declares the operator's liquidation date: every "until liquidation" value gets that end. */
  async function declareLiquidation(actor: string, date: string) {
    if (!isIsoDate(date)) {
      throw new DomainError(ErrorCodes.VALIDATION_FAILED, `Неверная дата ликвидации: ${date}`, {
        issues: [{ path: 'date', message: 'ожидается дата YYYY-MM-DD' }],
      });
    }
    await stores.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO operator_state (id, liquidation_date, declared_at, declared_by) VALUES (1, $1::date, $2, $3)
         ON CONFLICT (id) DO UPDATE SET liquidation_date = $1::date, declared_at = $2, declared_by = $3`,
        [date, deps.clock(), actor],
      );
      await audit.append(tx, [{ actor, action: 'retention.liquidation', details: { date } }]);
    });
    const rescheduled = await rescheduleAll();
    return { date, valuesRescheduled: rescheduled };
  }

  async function placeHold(actor: string, subjectId: string, input: { fields?: string[]; reason: string }) {
    if (!input.reason?.trim()) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        'Укажите основание удержания (reason) / reason is required',
        {
          issues: [{ path: 'reason', message: 'ожидается основание: суд, запрос органа, спор' }],
        },
      );
    }
    const unknown = (input.fields ?? []).filter((f) => !rules.field(f));
    if (unknown.length > 0) {
      throw new DomainError(ErrorCodes.UNKNOWN_FIELD, `Поля не описаны в реестре: ${unknown.join(', ')}`, {
        issues: unknown.map((f) => ({ path: `fields.${f}`, message: 'unknown field' })),
      });
    }
    const fields = input.fields && input.fields.length > 0 ? [...new Set(input.fields)].sort() : null;
    return stores.transaction(async (tx) => {
      await requireLiveSubject(tx, subjectId);
      const id = randomUUID();
      const now = deps.clock();
      await tx.query(
        `INSERT INTO legal_holds (id, subject_id, field_ids, reason, placed_by, placed_at)
         VALUES ($1, $2, $3::text[], $4, $5, $6)`,
        [id, subjectId, fields, input.reason.trim(), actor, now],
      );
      await audit.append(tx, [
        {
          actor,
          action: 'retention.hold',
          subjectId,
          fieldIds: fields ?? [],
          details: { holdId: id, allFields: fields === null },
        },
      ]);
      return { id, subjectId, fields, reason: input.reason.trim(), placedBy: actor, placedAt: now };
    });
  }

  async function liftHold(actor: string, holdId: string, reason: string) {
    if (!reason?.trim()) {
      throw new DomainError(ErrorCodes.VALIDATION_FAILED, 'Укажите, почему удержание снято (reason)', {
        issues: [{ path: 'reason', message: 'ожидается основание снятия' }],
      });
    }
    return stores.transaction(async (tx) => {
      const [hold] = await tx.query<{ subject_id: string; lifted_at: Date | null }>(
        'SELECT subject_id, lifted_at FROM legal_holds WHERE id = $1 FOR UPDATE',
        [holdId],
      );
      if (!hold) {
        throw new DomainError(ErrorCodes.NOT_FOUND, `Удержание ${holdId} не найдено / Legal hold not found`, {
          issues: [{ path: 'holdId', message: 'unknown legal hold' }],
        });
      }
      if (hold.lifted_at) {
        throw new DomainError(
          ErrorCodes.REQUEST_STATE_INVALID,
          `Удержание ${holdId} уже снято / already lifted`,
        );
      }
      const now = deps.clock();
      await tx.query(
        'UPDATE legal_holds SET lifted_at = $2, lifted_by = $3, lift_reason = $4 WHERE id = $1',
        [holdId, now, actor, reason.trim()],
      );
      await audit.append(tx, [
        { actor, action: 'retention.hold_lift', subjectId: hold.subject_id, details: { holdId } },
      ]);
      return { id: holdId, liftedAt: now };
    });
  }

  async function listHolds(filter: { subjectId?: string; active?: boolean } = {}) {
    const rows = await stores.sql.query<{
      id: string;
      subject_id: string;
      field_ids: string[] | null;
      reason: string;
      placed_by: string;
      placed_at: Date;
      lifted_at: Date | null;
      lifted_by: string | null;
      lift_reason: string | null;
    }>(
      `SELECT id, subject_id, field_ids, reason, placed_by, placed_at, lifted_at, lifted_by, lift_reason
       FROM legal_holds
       WHERE ($1::uuid IS NULL OR subject_id = $1) AND ($2::boolean IS NULL OR (lifted_at IS NULL) = $2)
       ORDER BY placed_at DESC LIMIT 1000`,
      [filter.subjectId ?? null, filter.active ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      subjectId: r.subject_id,
      fields: r.field_ids,
      reason: r.reason,
      placedBy: r.placed_by,
      placedAt: r.placed_at,
      liftedAt: r.lifted_at,
      liftedBy: r.lifted_by,
      liftReason: r.lift_reason,
    }));
  }

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

  /** What a sweep does with one due value: destroy it, anonymise it, or release the purposes that ended. */
  function decide(
    row: Pick<ValueMeta, 'purposes' | 'legal_bases' | 'collected_at' | 'status' | 'marked_reason'>,
    facts: SubjectFacts,
    liquidationAt: Date | null,
    at: Date,
  ): {
    kind: 'destroy' | 'anonymise' | 'release';
    purposes: string[];
    reason: string;
    remaining: string[];
    nextAt: Date | null;
    lastEnd: Date | null;
  } | null {
    if (row.status === 'marked_for_destruction') {
      return {
        kind: 'destroy',
        purposes: row.purposes,
        reason: row.marked_reason ?? 'marked',
        remaining: [],
        nextAt: null,
        lastEnd: null,
      };
    }
    const { ended, remaining, nextAt, lastEnd } = assessor.assess(row, facts, liquidationAt, at);
    if (ended.length === 0) return null;
    if (remaining.length > 0)
      return { kind: 'release', purposes: ended, reason: 'retention_expired', remaining, nextAt, lastEnd };
    // Anonymised only when every purpose it was held for says so; one "destroy" purpose wins.
    const anonymise = ended.every(
      (p) => rules.register.purposes.find((x) => x.id === p)?.on_retention_end === 'anonymise',
    );
    return {
      kind: anonymise ? 'anonymise' : 'destroy',
      purposes: ended,
      reason: 'retention_expired',
      remaining,
      nextAt,
      lastEnd,
    };
  }

  return {
    assessor,
    recordEvent,
    recordActivity,
    declareLiquidation,
    placeHold,
    liftHold,
    listHolds,
    plan,
    decide,
    recomputeSubject,
    planInstant,
    ensureScheduleCurrent,
    fingerprint,
    localDate: (at: Date) => localDateOf(at, timeZone),
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
