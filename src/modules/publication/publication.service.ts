// Data permitted for publication (seed 3.3: surname, first name, photo of testimonial authors): served to the
// public only while the subject's separate publication consent is live, and only the fields that consent
// permits. The check is made on every read, so a withdrawal stops publication at once (KZ: unlawfully
// published data must be removed within one working day).
import type { Stores } from '../../db/database.js';
import { openText } from '../../lib/crypto.js';
import type { PublicationFieldPermission } from '../consents/consent.table.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { type VaultService, valueAad } from '../vault/vault.service.js';

export interface PublishedEntry {
  /** Stable for the entry, not the subject's internal id. */
  id: string;
  fields: Record<string, unknown>;
  restrictions: Record<string, string[]>;
  publishedSince: Date;
}

export function createPublicationService(deps: {
  stores: Stores;
  rules: RegisterRules;
  vault: VaultService;
}) {
  const publication = deps.rules.register.publication;

  /** Published entries, newest consent first. Values of other purposes or fields never leave. */
  async function published(options: { limit?: number; offset?: number } = {}): Promise<PublishedEntry[]> {
    if (!publication) return [];
    const allowedByRegister = new Set(publication.fields.map((f) => f.field));
    const rows = await deps.stores.sql.query<{
      consent_id: string;
      subject_id: string;
      granted_at: Date;
      publication_fields: PublicationFieldPermission[] | null;
      values: { field: string; ciphertext: string }[];
    }>(
      `SELECT c.id AS consent_id, c.subject_id, c.granted_at, c.publication_fields,
              coalesce((SELECT json_agg(json_build_object('field', v.field_id, 'ciphertext', encode(v.ciphertext, 'base64')))
                        FROM personal_values v
                        WHERE v.subject_id = c.subject_id AND v.status = 'active' AND $1 = ANY(v.purposes)), '[]') AS values
       FROM consents c JOIN subjects s ON s.id = c.subject_id AND s.status = 'active'
       WHERE c.kind = 'publication' AND c.status = 'active' AND c.purpose_id = $1
       ORDER BY c.granted_at DESC LIMIT $2 OFFSET $3`,
      [publication.purpose, Math.min(options.limit ?? 50, 200), options.offset ?? 0],
    );
    const entries: PublishedEntry[] = [];
    for (const row of rows) {
      const permitted = new Map(
        (row.publication_fields ?? [])
          .filter((f) => allowedByRegister.has(f.field))
          .map((f) => [f.field, f.restrictions]),
      );
      const visible = row.values.filter((v) => permitted.has(v.field));
      if (visible.length === 0) continue;
      const key = await deps.vault.subjectKey(row.subject_id);
      const fields: Record<string, unknown> = {};
      for (const v of visible) {
        fields[v.field] = JSON.parse(
          openText(key, Buffer.from(v.ciphertext, 'base64'), valueAad(row.subject_id, v.field)),
        );
      }
      entries.push({
        id: row.consent_id,
        fields,
        restrictions: Object.fromEntries([...permitted].filter(([f]) => f in fields)),
        publishedSince: row.granted_at,
      });
    }
    return entries;
  }

  return { published };
}

export type PublicationService = ReturnType<typeof createPublicationService>;
