// Writes to the vault's tables that other modules make inside their own transactions: each is the vault's
// rule for the change, called with the caller's transaction (`tx: Sql` first), so the change and the
// caller's audit entries commit together.
import type { Sql } from '../../db/database.js';
import type { ValueBasis } from './vault.table.js';

/**
 * After a consent is withdrawn: values held for the purpose under that consent lose the purpose; a value left
 * with no purpose is marked for destruction by `destroyBy`. Values held under another basis (a contract) are
 * untouched. Answers the field ids released and marked, for the caller's audit entries.
 */
export async function releaseValuesOfWithdrawnConsent(
  tx: Sql,
  withdrawal: {
    subjectId: string;
    purposeId: string;
    consentId: string;
    destroyBy: Date;
    now: Date;
    /** The subject request the withdrawal came with, recorded on the marked values. */
    requestId: string | null;
  },
): Promise<{ released: string[]; marked: string[] }> {
  const { subjectId, purposeId, consentId, destroyBy, now, requestId } = withdrawal;
  const held = await tx.query<{
    id: string;
    field_id: string;
    purposes: string[];
    legal_bases: ValueBasis[];
  }>(
    `SELECT id, field_id, purposes, legal_bases FROM personal_values
     WHERE subject_id = $1 AND status = 'active' AND $2 = ANY(purposes)`,
    [subjectId, purposeId],
  );
  const released: string[] = [];
  const marked: string[] = [];
  for (const value of held) {
    const basis = value.legal_bases.find((b) => b.purpose === purposeId);
    if (!basis || basis.consentId !== consentId) continue;
    const purposes = value.purposes.filter((p) => p !== purposeId);
    const legalBases = value.legal_bases.filter((b) => b.purpose !== purposeId);
    if (purposes.length > 0) {
      await tx.query(
        'UPDATE personal_values SET purposes = $2::text[], legal_bases = $3::jsonb, updated_at = $4 WHERE id = $1',
        [value.id, purposes, JSON.stringify(legalBases), now],
      );
      released.push(value.field_id);
    } else {
      await tx.query(
        `UPDATE personal_values SET status = 'marked_for_destruction', marked_reason = 'consent_withdrawn',
           destroy_by = $2, updated_at = $3, next_retention_at = $3, retain_until = $3, marked_request_id = $4
           WHERE id = $1`,
        [value.id, destroyBy, now, requestId],
      );
      marked.push(value.field_id);
    }
  }
  return { released, marked };
}

// Retention's writes: the schedule, the last activity, and the sweep's deletions and destructions. The
// statements are retention's own, unchanged: one statement per batch stays one (the sweep's speed needs it).

/** Values of one subject that a DELETE took, grouped by what their audit entry needs. */
export interface DeletedValueGroup {
  subject_id: string;
  fields: string[];
  purposes: string[];
  collected_at: Date;
  status: 'active' | 'marked_for_destruction';
  marked_reason: string | null;
}

/** One value's new purposes, bases and schedule (a purpose released, or the end moved). */
export interface ValuePurposesUpdate {
  id: string;
  purposes: string[];
  legal_bases: unknown;
  next: string | null;
  last: string | null;
}

/** Sets values' next retention instant and last end (retention's schedule), one statement for all. */
export async function rescheduleValues(
  tx: Sql,
  ids: string[],
  nexts: (Date | null)[],
  lasts: (Date | null)[],
): Promise<void> {
  await tx.query(
    `UPDATE personal_values v SET next_retention_at = u.next, retain_until = u.last
     FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS u(id, next, last) WHERE v.id = u.id`,
    [ids, nexts, lasts],
  );
}

/** Moves the subject's last activity forward to `at` (never back). */
export async function recordSubjectActivity(tx: Sql, subjectId: string, at: Date): Promise<void> {
  await tx.query(
    'UPDATE subjects SET last_activity_at = GREATEST(coalesce(last_activity_at, $2), $2) WHERE id = $1',
    [subjectId, at],
  );
}

/** Deletes the given values (destroyed or anonymised by retention). */
export async function deleteValues(tx: Sql, ids: string[]): Promise<void> {
  await tx.query('DELETE FROM personal_values WHERE id = ANY($1::uuid[])', [ids]);
}

/**
 * Deletes the subjects' values every purpose of which ended by `asOf` (not marked for a request), except those
 * `notHeld` keeps, and returns them grouped by subject, purposes, collection time, status and reason.
 * `notHeld` is the caller's SQL condition over `v` (retention's legal holds): it must sit in this one statement.
 */
export async function deleteEndedValues(
  tx: Sql,
  subjectIds: string[],
  asOf: Date,
  notHeld: string,
): Promise<DeletedValueGroup[]> {
  return tx.query<DeletedValueGroup>(
    `WITH deleted AS (
       DELETE FROM personal_values v
       WHERE v.subject_id = ANY($1::uuid[]) AND v.retain_until <= $2 AND v.marked_request_id IS NULL AND ${notHeld}
       RETURNING v.subject_id, v.field_id, v.purposes, v.collected_at, v.status, v.marked_reason)
     SELECT subject_id, purposes, collected_at, status, marked_reason, array_agg(field_id) AS fields
     FROM deleted GROUP BY subject_id, purposes, collected_at, status, marked_reason`,
    [subjectIds, asOf],
  );
}

/** Sets values' purposes, bases and schedule; updated_at moves only where the purposes changed. */
export async function updateValuePurposes(tx: Sql, updates: ValuePurposesUpdate[], at: Date): Promise<void> {
  await tx.query(
    `UPDATE personal_values v SET purposes = u.purposes, legal_bases = u.legal_bases, next_retention_at = u.next,
       retain_until = u.last, updated_at = CASE WHEN v.purposes = u.purposes THEN v.updated_at ELSE $2 END
     FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, purposes text[], legal_bases jsonb, next timestamptz,
                                             last timestamptz)
     WHERE v.id = u.id`,
    [JSON.stringify(updates), at],
  );
}

/**
 * Destroys those of the subjects left with no value, no active consent and no legal hold: status 'destroyed'
 * and identities removed (it cannot be found again), in one statement; returns their ids (keys go later).
 * Callers lock the subjects FOR UPDATE in an earlier statement of the same transaction: a grant or a collection
 * holding FOR SHARE on one is then waited for, and this statement's snapshot sees its committed consent or value
 * (a grant committed while this very statement waited on the row would be missed by its NOT EXISTS).
 */
export async function destroyEmptiedSubjects(tx: Sql, subjectIds: string[], at: Date): Promise<string[]> {
  // cross-module read: consents (owner: consents), legal_holds (owner: retention) — one statement, no race.
  const emptied = await tx.query<{ id: string }>(
    `WITH emptied AS (
       UPDATE subjects s SET status = 'destroyed', destroyed_at = $2
       WHERE s.id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM personal_values v WHERE v.subject_id = s.id)
         AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.subject_id = s.id AND c.status = 'active')
         AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.subject_id = s.id AND h.lifted_at IS NULL)
       RETURNING s.id),
     identities AS (DELETE FROM subject_identities i USING emptied WHERE i.subject_id = emptied.id)
     SELECT id FROM emptied`,
    [subjectIds, at],
  );
  return emptied.map((e) => e.id);
}

/** Records that the destroyed subjects' keys were deleted from the key store. */
export async function markKeysDestroyed(sql: Sql, subjectIds: string[], at: Date): Promise<void> {
  await sql.query('UPDATE subjects SET key_destroyed_at = $2 WHERE id = ANY($1::uuid[])', [subjectIds, at]);
}
