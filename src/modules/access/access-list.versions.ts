// Versions of the access list (seed 3.5.2): an administrator, signed in, proposes a whole version (persons or
// systems, their role as it stands, the date access starts); the head, signed in, approves or rejects it;
// an approval supersedes the version in force and records its own audit-chain position, which `audit
// verify` anchors on.
import { randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuditAnchor } from '../audit/audit-anchor.js';
import { isIsoDate } from '../calendar/dates.js';
import { notFound, presentRole, type RoleRow } from './access.roles.js';
import type { AccessListDocument, StoredEntry, VersionRow } from './access-list.types.js';
import type { Principal } from './principal.js';

export interface ProposalInput {
  entries: { staffId?: string; keyId?: string; roleId: string; grantedFrom: string }[];
  note?: string | null;
}

export async function versionRow(sql: Sql, id: string, lock = false): Promise<VersionRow> {
  const [row] = await sql.query<VersionRow>(
    `SELECT * FROM access_list_versions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) throw notFound('Версия перечня', id, 'versionId');
  return row;
}

/** The proposal's own problems: dates, an entry naming neither or both, a person or key listed twice. */
function proposalIssues(input: ProposalInput): {
  issues: ErrorIssue[];
  staffIds: string[];
  keyIds: string[];
} {
  const issues: ErrorIssue[] = [];
  input.entries.forEach((e, i) => {
    if (!isIsoDate(e.grantedFrom))
      issues.push({ path: `entries.${i}.grantedFrom`, message: 'expected YYYY-MM-DD' });
  });
  const seen = new Set<string>();
  const seenKeys = new Set<string>();
  input.entries.forEach((e, i) => {
    if ((e.staffId === undefined) === (e.keyId === undefined)) {
      issues.push({
        path: `entries.${i}`,
        message: 'expected either staffId (a person) or keyId (a system)',
      });
    }
    if (e.staffId !== undefined) {
      if (seen.has(e.staffId)) issues.push({ path: `entries.${i}.staffId`, message: 'listed twice' });
      seen.add(e.staffId);
    }
    if (e.keyId !== undefined) {
      if (seenKeys.has(e.keyId)) issues.push({ path: `entries.${i}.keyId`, message: 'listed twice' });
      seenKeys.add(e.keyId);
    }
  });
  return { issues, staffIds: [...seen], keyIds: [...seenKeys] };
}

/**
 * The entries as stored, each with its role as it stands now; an unknown or disabled person, an unknown or
 * revoked key, an unknown role each add an issue.
 */
async function storedEntries(
  tx: Sql,
  input: ProposalInput,
  staffIds: string[],
  keyIds: string[],
  issues: ErrorIssue[],
): Promise<StoredEntry[]> {
  // cross-module read: staff_accounts (owner: staff)
  const staff = await tx.query<{ id: string; status: string }>(
    'SELECT id, status FROM staff_accounts WHERE id = ANY($1::uuid[])',
    [staffIds],
  );
  // cross-module read: api_keys (owner: api-keys)
  const keys = await tx.query<{ id: string; revoked_at: Date | null }>(
    'SELECT id, revoked_at FROM api_keys WHERE id = ANY($1::uuid[])',
    [keyIds],
  );
  const entries: StoredEntry[] = [];
  for (const [i, e] of input.entries.entries()) {
    if (e.staffId !== undefined) {
      const person = staff.find((s) => s.id === e.staffId);
      if (!person) issues.push({ path: `entries.${i}.staffId`, message: 'unknown staff member' });
      else if (person.status !== 'active')
        issues.push({ path: `entries.${i}.staffId`, message: 'account disabled' });
    }
    if (e.keyId !== undefined) {
      const key = keys.find((k) => k.id === e.keyId);
      if (!key) issues.push({ path: `entries.${i}.keyId`, message: 'unknown API key' });
      else if (key.revoked_at) issues.push({ path: `entries.${i}.keyId`, message: 'API key revoked' });
    }
    const [r] = await tx.query<RoleRow>('SELECT * FROM roles WHERE id = $1', [e.roleId]);
    if (!r) {
      issues.push({ path: `entries.${i}.roleId`, message: `unknown role ${e.roleId}` });
      continue;
    }
    const held = presentRole(r);
    entries.push({
      ...(e.staffId !== undefined ? { staffId: e.staffId } : { keyId: e.keyId! }),
      grantedFrom: e.grantedFrom,
      role: {
        id: held.id,
        name: held.name,
        purposes: held.purposes,
        fields: held.fields,
        actions: held.actions,
      },
    });
  }
  return entries;
}

/** Two proposals at the same instant took the same next version number: the unique index refused one. */
function proposalConflict(error: unknown): never {
  if (!isUniqueViolation(error)) throw error;
  throw new DomainError(
    ErrorCodes.ACCESS_LIST_CONFLICT,
    'В это же время предложена другая версия перечня; эта не записана. Обновите перечень и предложите снова. ' +
      'Another version of the list was proposed at the same moment; this one was not written.',
    { issues: [{ path: 'version', message: 'taken by a concurrent proposal' }] },
  );
}

export function createAccessListVersions(deps: {
  stores: Stores;
  audit: AuditService;
  clock: () => Date;
  /** Called after a version is approved (API keys read their entry again). */
  onApproved?: () => void;
  /** Records a refused access (the access service's principal part). */
  refuse: (principal: Principal, reason: string, details: Record<string, unknown>) => Promise<void>;
  /** One version as a document (what a decision answers). */
  document: (versionId: string) => Promise<AccessListDocument>;
}) {
  const { stores, audit, clock, refuse } = deps;

  async function propose(principal: Principal, input: ProposalInput) {
    if (principal.kind !== 'staff' || !principal.staff) {
      throw new DomainError(
        ErrorCodes.FORBIDDEN,
        'Перечень предлагает сотрудник-администратор, вошедший в консоль. The list is proposed by a signed-in administrator.',
        { issues: [{ path: 'authorization', message: 'staff session required' }] },
      );
    }
    const { issues, staffIds, keyIds } = proposalIssues(input);
    const now = clock();
    const proposal = stores.transaction(async (tx) => {
      const entries = await storedEntries(tx, input, staffIds, keyIds, issues);
      if (issues.length) {
        throw new DomainError(
          ErrorCodes.VALIDATION_FAILED,
          `Перечень не принят: ${issues.map((i) => `${i.path} — ${i.message}`).join('; ')}. The list was not accepted.`,
          { issues },
        );
      }
      const [last] = await tx.query<{ version: number | null; approved: number | null }>(
        `SELECT max(version) AS version, max(version) FILTER (WHERE status = 'approved') AS approved FROM access_list_versions`,
      );
      const version = Number(last?.version ?? 0) + 1;
      const id = randomUUID();
      await tx.query(
        `INSERT INTO access_list_versions (id, version, status, entries, note, proposed_by, proposed_at, previous_version)
         VALUES ($1, $2, 'proposed', $3::jsonb, $4, $5, $6, $7)`,
        [
          id,
          version,
          JSON.stringify(entries),
          input.note ?? null,
          principal.staff!.id,
          now,
          last?.approved ?? null,
        ],
      );
      await audit.append(tx, [
        {
          actor: principal.actor,
          action: 'access_list.propose',
          details: { versionId: id, version, persons: entries.length },
        },
      ]);
      return { id, version };
    });
    return proposal.catch(proposalConflict);
  }

  /** Only the head, signed in to the console, approves; the previous approved version is superseded. */
  async function decide(
    principal: Principal,
    versionId: string,
    decision: 'approve' | 'reject',
    reason?: string,
  ) {
    if (principal.kind !== 'staff' || !principal.staff?.isHead) {
      await refuse(principal, 'not_head', { versionId });
      throw new DomainError(
        ErrorCodes.FORBIDDEN,
        'Утвердить или отклонить перечень может только руководитель, вошедший в консоль. ' +
          'Only the head, signed in, approves the access list.',
        { issues: [{ path: 'authorization', message: 'head of the operator required' }] },
      );
    }
    const now = clock();
    await stores.transaction(async (tx) => {
      const row = await versionRow(tx, versionId, true);
      if (row.status !== 'proposed') {
        throw new DomainError(
          ErrorCodes.REQUEST_STATE_INVALID,
          `Версия ${row.version} уже ${row.status === 'approved' ? 'утверждена' : 'не на рассмотрении'} (${row.status}). ` +
            'Only a proposed version can be decided.',
          { issues: [{ path: 'versionId', message: `status ${row.status}` }] },
        );
      }
      if (decision === 'approve') {
        await tx.query(`UPDATE access_list_versions SET status = 'superseded' WHERE status = 'approved'`);
      }
      await tx.query(
        'UPDATE access_list_versions SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1',
        [versionId, decision === 'approve' ? 'approved' : 'rejected', principal.staff!.id, now],
      );
      await audit.append(tx, [
        {
          actor: principal.actor,
          action: decision === 'approve' ? 'access_list.approve' : 'access_list.reject',
          details: {
            versionId,
            version: row.version,
            persons: row.entries.length,
            ...(reason ? { reason } : {}),
          },
        },
      ]);
      if (decision === 'approve') {
        // The head now names the approval's own entry (its row lock is held until this transaction ends): the
        // document states that position, and verify compares the chain with it.
        await tx.query(
          'UPDATE access_list_versions SET audit_seq = h.seq, audit_hash = h.hash FROM audit_head h WHERE h.id = 1 AND access_list_versions.id = $1',
          [versionId],
        );
      }
    });
    if (decision === 'approve') deps.onApproved?.();
    return deps.document(versionId);
  }

  async function versions() {
    const rows = await stores.sql.query<VersionRow>(
      'SELECT * FROM access_list_versions ORDER BY version DESC',
    );
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      status: r.status,
      persons: r.entries.length,
      proposedAt: r.proposed_at,
      decidedAt: r.decided_at,
    }));
  }

  async function currentVersionId(): Promise<string | null> {
    const [row] = await stores.sql.query<{ id: string }>(
      `SELECT id FROM access_list_versions WHERE status = 'approved' ORDER BY version DESC LIMIT 1`,
    );
    return row?.id ?? null;
  }

  /** The furthest chain position an approved version records, as an anchor for `audit verify`. */
  async function auditAnchors(): Promise<AuditAnchor[]> {
    const [row] = await stores.sql.query<{
      version: number;
      audit_seq: string | number;
      audit_hash: Uint8Array;
    }>(
      `SELECT version, audit_seq, audit_hash FROM access_list_versions
       WHERE status IN ('approved', 'superseded') AND audit_seq IS NOT NULL AND audit_hash IS NOT NULL
       ORDER BY audit_seq DESC LIMIT 1`,
    );
    if (!row) return [];
    return [
      {
        seq: Number(row.audit_seq),
        hash: Buffer.from(row.audit_hash),
        source: {
          ru: `утверждение перечня лиц с доступом, версия ${row.version}`,
          en: `the approval of the access list, version ${row.version}`,
        },
      },
    ];
  }

  return {
    propose,
    approve: (principal: Principal, versionId: string) => decide(principal, versionId, 'approve'),
    reject: (principal: Principal, versionId: string, reason?: string) =>
      decide(principal, versionId, 'reject', reason),
    versions,
    currentVersionId,
    auditAnchors,
  };
}
