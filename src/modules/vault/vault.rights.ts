// What a subject's request does to the vault: export everything held, rectify, block and unblock, mark for
// destruction. Each change writes its audit entries (with the request's id) in the same transaction.
import type { Stores } from '../../db/database.js';
import { openText, sealText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { normalizeFieldValue, validationError } from './field-values.js';
import {
  decryptValue,
  identityAad,
  type ReadValue,
  subjectNotFound,
  type ValueRow,
  valueAad,
} from './vault.model.js';
import type { VaultService } from './vault.service.js';

/** A value as the subject's own access report sees it: also those marked for destruction, with their date. */
export interface HeldValue extends ReadValue {
  status: 'active' | 'marked_for_destruction';
  destroyBy: Date | null;
}

interface HeldRow extends ValueRow {
  status: HeldValue['status'];
  destroy_by: Date | null;
}

export function createVaultRights(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  vault: VaultService;
  clock: () => Date;
}) {
  const { stores, audit, rules, vault } = deps;

  /**
   * Every value held about the subject, decrypted, for the subject's own access request. A blocked subject's
   * values are included: blocking stops processing, not the subject's right to see what is held.
   */
  async function exportAll(actor: string, subjectId: string, requestId: string) {
    const key = await vault.subjectKey(subjectId);
    const { status, rows, identities } = await stores.transaction(async (tx) => {
      const subject = await vault.requireSubject(tx, subjectId);
      const rows = await tx.query<HeldRow>(
        `SELECT id, field_id, ciphertext, purposes, legal_bases, source, collected_at, updated_at, status, destroy_by
         FROM personal_values WHERE subject_id = $1 ORDER BY collected_at, field_id`,
        [subjectId],
      );
      const identities = await tx.query<{ kind: string; ciphertext: Uint8Array }>(
        'SELECT kind, ciphertext FROM subject_identities WHERE subject_id = $1 ORDER BY kind',
        [subjectId],
      );
      await audit.append(tx, [
        {
          actor,
          action: 'data.export',
          subjectId,
          fieldIds: [...new Set(rows.map((r) => r.field_id))],
          details: { request_id: requestId, values: rows.length },
        },
      ]);
      return { status: subject.status, rows, identities };
    });
    const values: HeldValue[] = rows.map((row) => ({
      ...decryptValue(key, subjectId, row),
      status: row.status,
      destroyBy: row.destroy_by,
    }));
    const identityValues = identities.map((i) => ({
      kind: i.kind,
      value: openText(key, i.ciphertext, identityAad(subjectId, i.kind)),
    }));
    return { status, values, identities: identityValues };
  }

  /** New values replace the held ones of the same field, for every purpose they are held for. */
  async function rectify(
    actor: string,
    subjectId: string,
    values: Record<string, unknown>,
    requestId: string,
  ) {
    const fieldIds = Object.keys(values);
    const issues: ErrorIssue[] = [];
    const normalized = new Map<string, unknown>();
    for (const id of fieldIds) {
      const field = rules.field(id);
      if (!field) {
        issues.push({ path: `values.${id}`, message: `поле «${id}» не описано в реестре / unknown field` });
        continue;
      }
      const result = normalizeFieldValue(id, field.type, values[id]);
      if ('issue' in result) issues.push(result.issue);
      else normalized.set(id, result.value);
    }
    if (fieldIds.length === 0) issues.push({ path: 'values', message: 'ожидается хотя бы одно поле' });
    if (issues.length > 0) throw validationError('Неверные значения для уточнения / Invalid values', issues);
    const key = await vault.subjectKey(subjectId);
    const now = deps.clock();
    return stores.transaction(async (tx) => {
      await vault.requireSubject(tx, subjectId);
      const held = await tx.query<{ id: string; field_id: string }>(
        `SELECT id, field_id FROM personal_values
         WHERE subject_id = $1 AND status = 'active' AND field_id = ANY($2::text[]) FOR UPDATE`,
        [subjectId, fieldIds],
      );
      const missing = fieldIds.filter((f) => !held.some((h) => h.field_id === f));
      if (missing.length > 0) {
        throw validationError(
          `Оператор не хранит поля ${missing.join(', ')} этого субъекта: уточнять нечего. Fields not held.`,
          missing.map((f) => ({ path: `values.${f}`, message: 'field not held for this subject' })),
        );
      }
      for (const row of held) {
        await tx.query('UPDATE personal_values SET ciphertext = $2, updated_at = $3 WHERE id = $1', [
          row.id,
          sealText(key, JSON.stringify(normalized.get(row.field_id)), valueAad(subjectId, row.field_id)),
          now,
        ]);
      }
      await audit.append(tx, [
        { actor, action: 'data.rectify', subjectId, fieldIds, details: { request_id: requestId } },
      ]);
      return { fields: fieldIds };
    });
  }

  /** Blocking makes every value unreadable for every purpose until unblocked (reads are refused and logged). */
  async function setBlocked(actor: string, subjectId: string, blocked: boolean, requestId: string) {
    return stores.transaction(async (tx) => {
      const subject = await vault.requireSubject(tx, subjectId);
      const wanted = blocked ? 'blocked' : 'active';
      if (subject.status === wanted) return { changed: false };
      await tx.query('UPDATE subjects SET status = $2 WHERE id = $1', [subjectId, wanted]);
      await audit.append(tx, [
        {
          actor,
          action: blocked ? 'subject.block' : 'subject.unblock',
          subjectId,
          details: { request_id: requestId },
        },
      ]);
      return { changed: true };
    });
  }

  /** Marks values (all, or the named fields) for destruction by the retention engine before `destroyBy`. */
  async function markForDestruction(
    actor: string,
    subjectId: string,
    input: { fields?: string[]; destroyBy: Date; reason: string; requestId: string },
  ) {
    const unknown = (input.fields ?? []).filter((f) => !rules.field(f));
    if (unknown.length > 0) {
      throw new DomainError(ErrorCodes.UNKNOWN_FIELD, `Поля не описаны в реестре: ${unknown.join(', ')}`, {
        issues: unknown.map((f) => ({ path: `fields.${f}`, message: 'unknown field' })),
      });
    }
    const now = deps.clock();
    return stores.transaction(async (tx) => {
      const [subject] = await tx.query<{ status: string }>('SELECT status FROM subjects WHERE id = $1', [
        subjectId,
      ]);
      if (!subject || subject.status === 'destroyed') throw subjectNotFound(subjectId);
      const marked = await tx.query<{ field_id: string }>(
        // Due at once: the retention engine's next run destroys them, writes the act and answers the request.
        `UPDATE personal_values SET status = 'marked_for_destruction', marked_reason = $3, destroy_by = $4, updated_at = $5,
           next_retention_at = $5, retain_until = $5, marked_request_id = $6
         WHERE subject_id = $1 AND ($2::text[] IS NULL OR field_id = ANY($2::text[]))
           AND (status = 'active' OR marked_request_id IS NULL)
         RETURNING field_id`,
        [subjectId, input.fields ?? null, input.reason, input.destroyBy, now, input.requestId],
      );
      const fields = [...new Set(marked.map((m) => m.field_id))];
      if (fields.length > 0) {
        await audit.append(tx, [
          {
            actor,
            action: 'data.mark_for_destruction',
            subjectId,
            fieldIds: fields,
            details: {
              request_id: input.requestId,
              reason: input.reason,
              destroyBy: input.destroyBy.toISOString(),
            },
          },
        ]);
      }
      return { fields };
    });
  }

  return { exportAll, rectify, setBlocked, markForDestruction };
}

export type VaultRights = ReturnType<typeof createVaultRights>;
