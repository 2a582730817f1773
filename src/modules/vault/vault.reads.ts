// Reads of the vault: a subject's identity kinds, its values for one purpose, its whole record for a reason.
// Every read is written to the audit log; a blocked subject's values are refused, the refusal recorded first.
import type { Sql, Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { VaultIdentities } from './vault.identities.js';
import {
  decryptValue,
  type ReadValue,
  type SubjectRow,
  subjectBlocked,
  subjectNotFound,
  type ValueRow,
} from './vault.model.js';

type FoundRow = ValueRow & { subject_status: SubjectRow['status'] };

export function createVaultReads(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  identities: VaultIdentities;
}) {
  const { stores, audit, rules, identities } = deps;

  async function getSubject(actor: string, subjectId: string) {
    return stores.transaction(async (tx) => {
      const subject = await identities.requireSubject(tx, subjectId);
      const found = await tx.query<{ kind: string; created_at: Date }>(
        'SELECT kind, created_at FROM subject_identities WHERE subject_id = $1 ORDER BY created_at',
        [subjectId],
      );
      await audit.append(tx, [{ actor, action: 'subject.read', subjectId }]);
      return {
        id: subject.id,
        status: subject.status,
        createdAt: subject.created_at,
        identities: found.map((i) => ({ kind: i.kind, createdAt: i.created_at })),
      };
    });
  }

  /**
   * The subject's values chosen by `valuesWhere` ($1 the subject, $2 `param`), decrypted. `visible` picks those
   * the caller may see; `readEntry` is the audit entry of the read, `refusedEntry` that of a blocked subject's
   * refusal, which is committed before the caller hears of it.
   */
  async function readValues(
    subjectId: string,
    query: { valuesWhere: string; param: unknown },
    visible: (row: FoundRow) => boolean,
    readEntry: (rows: FoundRow[]) => AuditEntryInput,
    refusedEntry: AuditEntryInput,
  ): Promise<ReadValue[]> {
    const key = await identities.subjectKey(subjectId);
    const rows = await stores.transaction(async (tx: Sql) => {
      const found = await tx.query<FoundRow>(
        `SELECT s.status AS subject_status, v.id, v.field_id, v.ciphertext, v.purposes, v.legal_bases, v.source,
                v.collected_at, v.updated_at
         FROM subjects s
         LEFT JOIN personal_values v ON v.subject_id = s.id AND v.status = 'active' AND ${query.valuesWhere}
         WHERE s.id = $1
         ORDER BY v.collected_at`,
        [subjectId, query.param],
      );
      const status = found[0]?.subject_status;
      if (!status || status === 'destroyed') throw subjectNotFound(subjectId);
      if (status === 'blocked') {
        await audit.append(tx, [refusedEntry]);
        return null;
      }
      const values = found.filter((r) => r.id !== null && visible(r));
      await audit.append(tx, [readEntry(values)]);
      return values;
    });
    if (rows === null) throw subjectBlocked(subjectId);
    return rows.map((row) => decryptValue(key, subjectId, row));
  }

  /** Reads are always for a purpose: only values held for it are returned, and the read is recorded. */
  async function readForPurpose(
    actor: string,
    subjectId: string,
    purposeId: string,
    /** The only fields the caller's role may see of this purpose (all when absent). */
    onlyFields?: readonly string[],
  ): Promise<ReadValue[]> {
    rules.purpose(purposeId);
    return readValues(
      subjectId,
      { valuesWhere: '$2 = ANY(v.purposes)', param: purposeId },
      (r) => onlyFields === undefined || onlyFields.includes(r.field_id),
      (values) => ({
        actor,
        action: 'data.read',
        subjectId,
        purposeId,
        fieldIds: values.map((r) => r.field_id),
      }),
      { actor, action: 'access.refused', subjectId, purposeId, details: { reason: 'blocked' } },
    );
  }

  /**
   * The whole record (every purpose the caller may read), for a stated reason kept in the audit log with
   * the purposes and fields read.
   */
  async function readRecord(
    actor: string,
    subjectId: string,
    purposeIds: string[],
    reason: string,
    fieldsOf: (purposeId: string) => readonly string[] | undefined,
  ): Promise<ReadValue[]> {
    if (reason.trim().length < 10) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        'Чтение всей записи субъекта требует указать причину (не короче 10 символов). A reason is required.',
        { issues: [{ path: 'reason', message: 'at least 10 characters' }] },
      );
    }
    return readValues(
      subjectId,
      { valuesWhere: 'v.purposes && $2::text[]', param: purposeIds },
      // A value is shown when one of its purposes is the caller's and that purpose lets the caller see the field.
      (r) => r.purposes.some((p) => purposeIds.includes(p) && (fieldsOf(p)?.includes(r.field_id) ?? true)),
      (values) => ({
        actor,
        action: 'data.read_record',
        subjectId,
        fieldIds: [...new Set(values.map((r) => r.field_id))].sort(),
        details: { reason: reason.trim(), purposes: [...purposeIds].sort() },
      }),
      { actor, action: 'access.refused', subjectId, details: { reason: 'blocked', record: true } },
    );
  }

  return { getSubject, readForPurpose, readRecord };
}
