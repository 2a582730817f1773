// Retention deadlines: each value's next end of processing, derived from its purposes' structured rules and
// the facts recorded about its subject (contract ends, purposes achieved, last activity, the operator's
// liquidation), kept current as facts and rules change. The service also hands out the legal holds
// (retention.holds.ts), the plan (retention.plan.ts) and the sweep's decision (retention.decide.ts).
import { createHash, randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { isIsoDate, localDateOf, startOfLocalDay } from '../calendar/dates.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { subjectNotFound } from '../vault/vault.service.js';
import { recordSubjectActivity, rescheduleValues } from '../vault/vault.writes.js';
import {
  createRetentionAssessor,
  loadFacts,
  loadLiquidation,
  META_COLUMNS,
  noFacts,
  type ValueMeta,
} from './retention.assess.js';
import { createDecider } from './retention.decide.js';
import { createLegalHolds } from './retention.holds.js';
import { createRetentionPlanner } from './retention.plan.js';

export type { RetentionPlan } from './retention.plan.js';

export function createRetentionService(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  clock: () => Date;
}) {
  const { stores, audit, rules } = deps;
  const assessor = createRetentionAssessor(rules);
  const timeZone = assessor.timeZone;
  const decide = createDecider(rules, assessor);

  async function requireLiveSubject(sql: Sql, subjectId: string): Promise<void> {
    // cross-module read: subjects (owner: vault) — locked: a sweep's batch and this fact never interleave on it.
    const [row] = await sql.query<{ status: string }>(
      'SELECT status FROM subjects WHERE id = $1 FOR UPDATE',
      [subjectId],
    );
    if (!row || row.status === 'destroyed') throw subjectNotFound(subjectId);
  }

  /** Recomputes the next retention instant of a subject's active values after a fact changed. */
  async function recomputeSubject(tx: Sql, subjectId: string): Promise<number> {
    // cross-module read: personal_values (owner: vault); the write goes through vault.writes.
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
      // cross-module read: subjects (owner: vault)
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

  const holds = createLegalHolds({ ...deps, requireLiveSubject });
  const planner = createRetentionPlanner({ stores, rules, timeZone, decide });

  return {
    assessor,
    recordEvent,
    recordActivity,
    declareLiquidation,
    placeHold: holds.placeHold,
    liftHold: holds.liftHold,
    listHolds: holds.listHolds,
    plan: planner.plan,
    decide,
    recomputeSubject,
    planInstant: planner.planInstant,
    ensureScheduleCurrent,
    fingerprint,
    localDate: (at: Date) => localDateOf(at, timeZone),
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
