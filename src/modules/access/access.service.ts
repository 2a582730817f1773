// Roles and the approved access list (seed 3.5.2). An administrator proposes a version of the list (persons,
// their role as it stands, the date access starts); the head approves it; only then does it take effect. A
// staff member's personal-data rights come only from the approved list's entry: a role grants nothing alone.
import { randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { Scope } from '../api-keys/api-key.service.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import type { AuditAnchor } from '../audit/audit-anchor.js';
import { isIsoDate, localDateOf } from '../calendar/dates.js';
import { localized } from '../register/register.retention.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { StaffAccount, StaffSession } from '../staff/staff.service.js';
import { renderAccessListPdf } from './access-list.pdf.js';
import type { AccessListDocument } from './access-list.types.js';
import { allowsPurpose, type Principal } from './principal.js';
import { type RoleInput, roleIssues } from './role.validate.js';

export interface Role {
  id: string;
  name: string;
  description: string | null;
  purposes: string[];
  fields: Record<string, string[]>;
  actions: Scope[];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * One person (`staffId`) or one system (`keyId`, an API key) on a version of the list, with the role as it
 * stood when the version was proposed.
 */
interface StoredEntry {
  staffId?: string;
  keyId?: string;
  grantedFrom: string;
  role: { id: string; name: string; purposes: string[]; fields: Record<string, string[]>; actions: Scope[] };
}

interface VersionRow {
  id: string;
  version: number;
  status: AccessListDocument['status'];
  entries: StoredEntry[];
  note: string | null;
  proposed_by: string;
  proposed_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  previous_version: number | null;
  audit_seq: string | number | null;
  audit_hash: Uint8Array | null;
}

/** How the list names a system (an API key) in place of a position. */
const SYSTEM_POSITION = 'информационная система (API-ключ)';

/** What an account may do without being on the list: administer, never touch personal data. */
const ADMIN_SCOPES: Scope[] = ['staff:manage', 'keys:manage', 'register:read'];
/** Every signed-in person may read the register (it holds no personal data). */
const STAFF_BASE_SCOPES: Scope[] = ['register:read'];

export const actionLabels: Record<Scope, string> = {
  'subjects:read': 'поиск субъектов',
  'subjects:write': 'регистрация субъектов',
  'data:read': 'чтение ПД',
  'data:write': 'сбор ПД',
  'data:rectify': 'уточнение ПД',
  'data:block': 'блокирование ПД',
  'data:destroy': 'уничтожение ПД',
  'data:export': 'выгрузка ПД',
  'consents:read': 'чтение согласий',
  'consents:write': 'приём и отзыв согласий',
  'obligations:read': 'просмотр обязательств',
  'obligations:write': 'закрытие обязательств с подтверждением',
  'requests:submit': 'приём обращений',
  'requests:read': 'просмотр обращений',
  'requests:write': 'ответы на обращения',
  'retention:read': 'просмотр сроков хранения',
  'retention:write': 'уничтожение по срокам',
  'audit:read': 'просмотр журнала аудита',
  'register:read': 'просмотр реестра',
  'register:edit': 'изменение реестра',
  'keys:manage': 'управление API-ключами',
  'staff:manage': 'управление сотрудниками',
  'disclosures:read': 'просмотр передач ПД',
  'disclosures:write': 'передача ПД третьим лицам',
};

function notFound(what: string, id: string, path: string) {
  return new DomainError(ErrorCodes.NOT_FOUND, `${what} ${id} не найден(а). Not found.`, {
    issues: [{ path, message: 'not found' }],
  });
}

export function createAccessService(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  clock: () => Date;
  /** Called after a version is approved (API keys read their entry again). */
  onApproved?: () => void;
}) {
  const { stores, audit, rules, clock } = deps;
  const timeZone = rules.register.operator.timezone;

  function presentRole(r: {
    id: string;
    name: string;
    description: string | null;
    purposes: string[];
    fields: Record<string, string[]>;
    actions: string[];
    created_at: Date;
    updated_at: Date;
  }): Role {
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      purposes: r.purposes,
      fields: r.fields ?? {},
      actions: r.actions as Scope[],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  async function listRoles(): Promise<Role[]> {
    const rows = await stores.sql.query<Parameters<typeof presentRole>[0]>('SELECT * FROM roles ORDER BY id');
    return rows.map(presentRole);
  }

  async function role(sql: Sql, id: string): Promise<Role> {
    const [row] = await sql.query<Parameters<typeof presentRole>[0]>('SELECT * FROM roles WHERE id = $1', [
      id,
    ]);
    if (!row) throw notFound('Роль', id, 'roleId');
    return presentRole(row);
  }

  /**
   * Creates or replaces a role. Nobody edits a role they hold themselves (that would grant themselves more);
   * the change reaches people only through the next approved list.
   */
  async function saveRole(
    principal: Principal,
    input: {
      id: string;
      name: string;
      description?: string | null;
      purposes: string[];
      fields?: Record<string, string[]>;
      actions: string[];
    },
  ): Promise<Role> {
    const issues = roleIssues(rules.register, input);
    if (issues.length) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Роль не сохранена: ${issues.map((i) => `${i.path} — ${i.message}`).join('; ')}. Role not saved.`,
        { issues },
      );
    }
    if (principal.roleId === input.id) {
      await refuse(principal, 'role_self_edit', { roleId: input.id });
      throw new DomainError(
        ErrorCodes.FORBIDDEN,
        `Нельзя изменять роль «${input.id}», которую вы сами занимаете: это сделает другой администратор. ` +
          'You cannot edit the role you hold.',
        { issues: [{ path: 'id', message: 'role held by the caller' }] },
      );
    }
    const now = clock();
    return stores.transaction(async (tx) => {
      const [row] = await tx.query<Parameters<typeof presentRole>[0]>(
        `INSERT INTO roles (id, name, description, purposes, fields, actions, created_at, updated_at)
         VALUES ($1, $2, $3, $4::text[], $5::jsonb, $6::text[], $7, $7)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
           purposes = excluded.purposes, fields = excluded.fields, actions = excluded.actions, updated_at = excluded.updated_at
         RETURNING *`,
        [
          input.id,
          input.name.trim(),
          input.description ?? null,
          [...new Set(input.purposes)].sort(),
          JSON.stringify(input.fields ?? {}),
          [...new Set(input.actions)].sort(),
          now,
        ],
      );
      await audit.append(tx, [
        {
          actor: principal.actor,
          action: 'role.save',
          details: {
            roleId: input.id,
            purposes: input.purposes,
            actions: input.actions,
            fields: input.fields ?? {},
          },
        },
      ]);
      return presentRole(row!);
    });
  }

  /**
   * Creates or updates several roles (a roles file) at once: all are checked first and either all are written,
   * in one transaction with one audit entry per role that changed, or none. A role that already stands as
   * given is left alone, so loading the same file twice changes nothing.
   */
  async function saveRoles(
    principal: Principal,
    inputs: RoleInput[],
  ): Promise<{ created: string[]; updated: string[]; unchanged: string[] }> {
    const issues: ErrorIssue[] = inputs.flatMap((input, i) =>
      roleIssues(rules.register, input, `roles.${i}.`),
    );
    const seen = new Set<string>();
    inputs.forEach((input, i) => {
      if (seen.has(input.id))
        issues.push({ path: `roles.${i}.id`, message: `role ${input.id} appears twice` });
      seen.add(input.id);
    });
    if (inputs.length === 0) issues.push({ path: 'roles', message: 'expected at least one role' });
    if (issues.length) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Роли не сохранены: ${issues.map((i) => `${i.path} — ${i.message}`).join('; ')}. Roles not saved.`,
        { issues },
      );
    }
    const held = inputs.find((input) => input.id === principal.roleId);
    if (held) {
      await refuse(principal, 'role_self_edit', { roleId: held.id });
      throw new DomainError(
        ErrorCodes.FORBIDDEN,
        `Нельзя изменять роль «${held.id}», которую вы сами занимаете: это сделает другой администратор. ` +
          'You cannot edit the role you hold.',
        { issues: [{ path: 'roles', message: 'role held by the caller' }] },
      );
    }
    const normal = (input: RoleInput) => ({
      id: input.id,
      name: input.name.trim(),
      description: input.description ?? null,
      purposes: [...new Set(input.purposes)].sort(),
      fields: input.fields ?? {},
      actions: [...new Set(input.actions)].sort(),
    });
    const same = (a: ReturnType<typeof normal>, b: Role) =>
      a.name === b.name &&
      a.description === b.description &&
      JSON.stringify(a.purposes) === JSON.stringify([...b.purposes].sort()) &&
      JSON.stringify(a.actions) === JSON.stringify([...b.actions].sort()) &&
      JSON.stringify(Object.entries(a.fields).sort()) === JSON.stringify(Object.entries(b.fields).sort());
    const now = clock();
    return stores.transaction(async (tx) => {
      const existing = new Map(
        (
          await tx.query<Parameters<typeof presentRole>[0]>(
            'SELECT * FROM roles WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
            [inputs.map((r) => r.id)],
          )
        ).map((r) => [r.id, presentRole(r)]),
      );
      const result = { created: [] as string[], updated: [] as string[], unchanged: [] as string[] };
      const entries: AuditEntryInput[] = [];
      for (const input of inputs.map(normal)) {
        const before = existing.get(input.id);
        if (before && same(input, before)) {
          result.unchanged.push(input.id);
          continue;
        }
        await tx.query(
          `INSERT INTO roles (id, name, description, purposes, fields, actions, created_at, updated_at)
           VALUES ($1, $2, $3, $4::text[], $5::jsonb, $6::text[], $7, $7)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
             purposes = excluded.purposes, fields = excluded.fields, actions = excluded.actions, updated_at = excluded.updated_at`,
          [
            input.id,
            input.name,
            input.description,
            input.purposes,
            JSON.stringify(input.fields),
            input.actions,
            now,
          ],
        );
        (before ? result.updated : result.created).push(input.id);
        entries.push({
          actor: principal.actor,
          action: 'role.save',
          details: {
            roleId: input.id,
            purposes: input.purposes,
            actions: input.actions,
            fields: input.fields,
            created: !before,
          },
        });
      }
      if (entries.length) await audit.append(tx, entries);
      return result;
    });
  }

  async function versionRow(sql: Sql, id: string, lock = false): Promise<VersionRow> {
    const [row] = await sql.query<VersionRow>(
      `SELECT * FROM access_list_versions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw notFound('Версия перечня', id, 'versionId');
    return row;
  }

  async function propose(
    principal: Principal,
    input: {
      entries: { staffId?: string; keyId?: string; roleId: string; grantedFrom: string }[];
      note?: string | null;
    },
  ) {
    if (principal.kind !== 'staff' || !principal.staff) {
      throw new DomainError(
        ErrorCodes.FORBIDDEN,
        'Перечень предлагает сотрудник-администратор, вошедший в консоль. The list is proposed by a signed-in administrator.',
        { issues: [{ path: 'authorization', message: 'staff session required' }] },
      );
    }
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
    const now = clock();
    const proposal = stores.transaction(async (tx) => {
      const staff = await tx.query<{ id: string; status: string }>(
        'SELECT id, status FROM staff_accounts WHERE id = ANY($1::uuid[])',
        [[...seen]],
      );
      const keys = await tx.query<{ id: string; revoked_at: Date | null }>(
        'SELECT id, revoked_at FROM api_keys WHERE id = ANY($1::uuid[])',
        [[...seenKeys]],
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
        const [r] = await tx.query<Parameters<typeof presentRole>[0]>('SELECT * FROM roles WHERE id = $1', [
          e.roleId,
        ]);
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
    return document(versionId);
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

  /** One version as a document: names, roles, purposes, who proposed and approved it. */
  async function document(versionId: string): Promise<AccessListDocument> {
    const row = await versionRow(stores.sql, versionId);
    const people = await stores.sql.query<StaffRowLite>(
      'SELECT id, email, full_name, position FROM staff_accounts WHERE id = ANY($1::uuid[])',
      [
        [
          ...row.entries.flatMap((e) => (e.staffId ? [e.staffId] : [])),
          row.proposed_by,
          ...(row.decided_by ? [row.decided_by] : []),
        ],
      ],
    );
    const systems = await stores.sql.query<{ id: string; name: string }>(
      'SELECT id, name FROM api_keys WHERE id = ANY($1::uuid[])',
      [row.entries.flatMap((e) => (e.keyId ? [e.keyId] : []))],
    );
    const person = (id: string) => people.find((p) => p.id === id);
    const system = (id: string) => systems.find((k) => k.id === id);
    const signer = (id: string) => ({
      name: person(id)?.full_name ?? id,
      position: person(id)?.position ?? null,
    });
    const operator = rules.register.operator;
    const approved = row.status === 'approved' || row.status === 'superseded';
    return {
      id: row.id,
      version: row.version,
      status: row.status,
      operator: {
        name: localized(operator.name, 'ru'),
        binIin: operator.bin_iin,
        address: localized(operator.address, 'ru'),
      },
      proposedBy: signer(row.proposed_by),
      proposedAt: row.proposed_at.toISOString(),
      approvedBy: approved ? signer(row.decided_by!) : null,
      approvedAt: approved && row.decided_at ? row.decided_at.toISOString() : null,
      previousVersion: row.previous_version,
      note: row.note,
      ...(approved && row.audit_seq !== null && row.audit_hash
        ? { auditPosition: { seq: Number(row.audit_seq), hash: Buffer.from(row.audit_hash).toString('hex') } }
        : {}),
      entries: row.entries.map((e) => ({
        ...(e.keyId
          ? {
              kind: 'system' as const,
              keyId: e.keyId,
              fullName: system(e.keyId)?.name ?? e.keyId,
              email: '',
              position: SYSTEM_POSITION,
            }
          : {
              kind: 'person' as const,
              staffId: e.staffId!,
              fullName: person(e.staffId!)?.full_name ?? e.staffId!,
              email: person(e.staffId!)?.email ?? '',
              position: person(e.staffId!)?.position ?? null,
            }),
        role: { id: e.role.id, name: e.role.name },
        purposes: e.role.purposes.map((id) => {
          const p = rules.register.purposes.find((x) => x.id === id);
          return { id, number: p?.number, title: p ? localized(p.title, 'ru') : id };
        }),
        actions: e.role.actions.map((a) => actionLabels[a] ?? a),
        grantedFrom: e.grantedFrom,
      })),
    };
  }

  async function pdf(versionId: string): Promise<{ version: number; pdf: Buffer }> {
    const doc = await document(versionId);
    return { version: doc.version, pdf: await renderAccessListPdf(doc, timeZone) };
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

  /**
   * The principal of a signed-in staff member: administration from the account, personal-data rights only
   * from their entry on the approved list (and only from its start date). Read on every request, so a
   * person removed from the list is refused at once.
   */
  async function staffPrincipal(staff: StaffAccount, session: StaffSession): Promise<Principal> {
    const today = localDateOf(clock(), timeZone);
    const [row] = await stores.sql.query<{ entry: StoredEntry | null }>(
      `SELECT (SELECT e FROM jsonb_array_elements(v.entries) e WHERE e ->> 'staffId' = $1) AS entry
       FROM access_list_versions v WHERE v.status = 'approved' ORDER BY v.version DESC LIMIT 1`,
      [staff.id],
    );
    const entry = row?.entry && row.entry.grantedFrom <= today ? row.entry : null;
    const scopes = new Set<Scope>([
      ...STAFF_BASE_SCOPES,
      ...(staff.isAdmin ? ADMIN_SCOPES : []),
      ...(entry?.role.actions ?? []),
    ]);
    return {
      kind: 'staff',
      keyId: staff.id,
      name: staff.fullName,
      actor: `staff:${staff.id}`,
      scopes,
      purposes: new Set(entry?.role.purposes ?? []),
      fields: entry?.role.fields ?? {},
      roleId: entry?.role.id ?? null,
      staff,
      session,
    };
  }

  /** Records a refused access in its own transaction (the refusal changes nothing else). */
  async function refuse(
    principal: Principal,
    reason: string,
    details: Record<string, unknown>,
    subjectId?: string,
    purposeId?: string,
  ) {
    await audit.appendAlone(stores, [
      {
        actor: principal.actor,
        action: 'access.refused',
        subjectId: subjectId ?? null,
        purposeId: purposeId ?? null,
        details: { reason, ...details },
      },
    ]);
  }

  /**
   * A read or write of personal data names its purpose: outside the caller's purposes it is refused, and the
   * refusal is in the audit log with the subject and the purpose.
   */
  async function requirePurposes(principal: Principal, purposeIds: string[], subjectId?: string) {
    const outside = purposeIds.filter((p) => !allowsPurpose(principal, p));
    if (outside.length === 0) return;
    // rules.purpose throws for an unknown purpose: that is a bad request, not a refusal to log.
    const titles = outside
      .map((id) => {
        const p = rules.purpose(id);
        return `${p.number ?? ''} «${localized(p.title, 'ru')}»`.trim();
      })
      .join(', ');
    await refuse(principal, 'purpose_not_permitted', { purposes: outside }, subjectId, outside[0]);
    throw new DomainError(
      ErrorCodes.FORBIDDEN,
      `Цель обработки ${titles} не входит в роль${principal.roleId ? ` «${principal.roleId}»` : ''} ` +
        `${principal.kind === 'staff' ? 'по утверждённому перечню лиц с доступом' : 'этого ключа'}: доступ запрещён и записан в журнал. ` +
        `Purpose ${outside.join(', ')} is outside the caller's role.`,
      { issues: outside.map((p) => ({ path: 'purpose', message: `purpose ${p} not permitted` })) },
    );
  }

  /** The fields of a purpose the caller may see (undefined: all of them). */
  function visibleFields(principal: Principal, purposeId: string): readonly string[] | undefined {
    return principal.fields[purposeId];
  }

  return {
    listRoles,
    role: (id: string) => role(stores.sql, id),
    saveRole,
    saveRoles,
    propose,
    approve: (principal: Principal, versionId: string) => decide(principal, versionId, 'approve'),
    reject: (principal: Principal, versionId: string, reason?: string) =>
      decide(principal, versionId, 'reject', reason),
    versions,
    currentVersionId,
    document,
    pdf,
    auditAnchors,
    staffPrincipal,
    requirePurposes,
    visibleFields,
    refuse,
  };
}

interface StaffRowLite {
  id: string;
  email: string;
  full_name: string;
  position: string | null;
}

export type AccessService = ReturnType<typeof createAccessService>;
