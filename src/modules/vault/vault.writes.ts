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
