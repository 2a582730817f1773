// Legal holds: a court, an authority or a dispute suspends the destruction of a subject's data (all fields
// or the named ones) until the hold is lifted; the sweep leaves held values alone.
import { randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RegisterRules } from '../rules/register-rules.js';

export function createLegalHolds(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  clock: () => Date;
  /** Locks the subject, refusing one that is unknown or destroyed. */
  requireLiveSubject: (sql: Sql, subjectId: string) => Promise<void>;
}) {
  const { stores, audit, rules, requireLiveSubject } = deps;

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

  return { placeHold, liftHold, listHolds };
}
