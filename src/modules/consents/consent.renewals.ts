// Consents that need renewal after the policy widened their purpose: the consents in force (status 'active':
// granted and not withdrawn) for a purpose whose policy_version is one of the versions the purpose was widened
// since. Read-only; which versions those are is the policy's to say (src/modules/policies/policy.changes.ts).
import type { Sql } from '../../db/database.js';

export interface RenewalCount {
  purposeId: string;
  /** Consents in force given under one of the older versions. */
  count: number;
  /** The same count by the version the consent was given under. */
  byVersion: Record<string, number>;
}

/** Per purpose, the consents in force given under one of `versionsBefore` (purposes with none count 0). */
export async function countConsentsNeedingRenewal(
  sql: Sql,
  query: { purposeIds: string[]; versionsBefore: string[] },
): Promise<RenewalCount[]> {
  const counts = new Map<string, RenewalCount>(
    query.purposeIds.map((purposeId) => [purposeId, { purposeId, count: 0, byVersion: {} }]),
  );
  if (query.purposeIds.length === 0 || query.versionsBefore.length === 0) return [...counts.values()];
  const rows = await sql.query<{ purpose_id: string; policy_version: string; n: string | number }>(
    `SELECT purpose_id, policy_version, count(*) AS n FROM consents
      WHERE status = 'active' AND purpose_id = ANY($1::text[]) AND policy_version = ANY($2::text[])
      GROUP BY purpose_id, policy_version`,
    [query.purposeIds, query.versionsBefore],
  );
  for (const row of rows) {
    const entry = counts.get(row.purpose_id)!;
    const n = Number(row.n);
    entry.count += n;
    entry.byVersion[row.policy_version] = n;
  }
  return [...counts.values()];
}

export interface RenewalConsent {
  consentId: string;
  subjectId: string;
  kind: 'processing' | 'publication';
  policyVersion: string;
  grantedAt: Date;
}

/**
 * One page of the consents of one purpose that need renewal, by consent id; `after` is the last id of the
 * previous page, and `next` the id to pass for the following one (null at the end).
 */
export async function listConsentsNeedingRenewal(
  sql: Sql,
  query: { purposeId: string; versionsBefore: string[]; limit: number; after?: string },
): Promise<{ consents: RenewalConsent[]; next: string | null }> {
  if (query.versionsBefore.length === 0) return { consents: [], next: null };
  const rows = await sql.query<{
    id: string;
    subject_id: string;
    kind: 'processing' | 'publication';
    policy_version: string;
    granted_at: Date;
  }>(
    `SELECT id, subject_id, kind, policy_version, granted_at FROM consents
      WHERE status = 'active' AND purpose_id = $1 AND policy_version = ANY($2::text[])
        AND ($3::uuid IS NULL OR id > $3::uuid)
      ORDER BY id LIMIT $4`,
    [query.purposeId, query.versionsBefore, query.after ?? null, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  return {
    consents: page.map((r) => ({
      consentId: r.id,
      subjectId: r.subject_id,
      kind: r.kind,
      policyVersion: r.policy_version,
      grantedAt: r.granted_at,
    })),
    next: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}
