// Roles: a role names purposes, fields and actions, and grants nothing alone — a person holds it only through
// an entry on the approved access list. Nobody edits a role they hold themselves (that would grant themselves
// more); a change reaches people only through the next approved list.
import type { Sql, Stores } from '../../db/database.js';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { Scope } from '../api-keys/api-key.service.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { Principal } from './principal.js';
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

export interface RoleRow {
  id: string;
  name: string;
  description: string | null;
  purposes: string[];
  fields: Record<string, string[]>;
  actions: string[];
  created_at: Date;
  updated_at: Date;
}

export function presentRole(r: RoleRow): Role {
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

export function notFound(what: string, id: string, path: string) {
  return new DomainError(ErrorCodes.NOT_FOUND, `${what} ${id} не найден(а). Not found.`, {
    issues: [{ path, message: 'not found' }],
  });
}

/** A role as it is written: name trimmed, purposes and actions without repeats, sorted. */
const normal = (input: RoleInput) => ({
  id: input.id,
  name: input.name.trim(),
  description: input.description ?? null,
  purposes: [...new Set(input.purposes)].sort(),
  fields: input.fields ?? {},
  actions: [...new Set(input.actions)].sort(),
});

/** The stored role already stands as given. */
const same = (a: ReturnType<typeof normal>, b: Role) =>
  a.name === b.name &&
  a.description === b.description &&
  JSON.stringify(a.purposes) === JSON.stringify([...b.purposes].sort()) &&
  JSON.stringify(a.actions) === JSON.stringify([...b.actions].sort()) &&
  JSON.stringify(Object.entries(a.fields).sort()) === JSON.stringify(Object.entries(b.fields).sort());

/** Every problem of a roles file: each role against the register, repeats, an empty file. */
function rolesFileIssues(rules: RegisterRules, inputs: RoleInput[]): ErrorIssue[] {
  const issues: ErrorIssue[] = inputs.flatMap((input, i) => roleIssues(rules.register, input, `roles.${i}.`));
  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    if (seen.has(input.id)) issues.push({ path: `roles.${i}.id`, message: `role ${input.id} appears twice` });
    seen.add(input.id);
  });
  if (inputs.length === 0) issues.push({ path: 'roles', message: 'expected at least one role' });
  return issues;
}

const UPSERT_ROLE = `INSERT INTO roles (id, name, description, purposes, fields, actions, created_at, updated_at)
         VALUES ($1, $2, $3, $4::text[], $5::jsonb, $6::text[], $7, $7)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
           purposes = excluded.purposes, fields = excluded.fields, actions = excluded.actions, updated_at = excluded.updated_at`;

export function createRoleService(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  clock: () => Date;
  /** Records a refused access (the access service's principal part). */
  refuse: (principal: Principal, reason: string, details: Record<string, unknown>) => Promise<void>;
}) {
  const { stores, audit, rules, clock, refuse } = deps;

  async function listRoles(): Promise<Role[]> {
    const rows = await stores.sql.query<RoleRow>('SELECT * FROM roles ORDER BY id');
    return rows.map(presentRole);
  }

  async function role(sql: Sql, id: string): Promise<Role> {
    const [row] = await sql.query<RoleRow>('SELECT * FROM roles WHERE id = $1', [id]);
    if (!row) throw notFound('Роль', id, 'roleId');
    return presentRole(row);
  }

  /** Refuses (and audits) a caller editing the role they hold. */
  async function refuseSelfEdit(principal: Principal, roleId: string, path: string): Promise<never> {
    await refuse(principal, 'role_self_edit', { roleId });
    throw new DomainError(
      ErrorCodes.FORBIDDEN,
      `Нельзя изменять роль «${roleId}», которую вы сами занимаете: это сделает другой администратор. ` +
        'You cannot edit the role you hold.',
      { issues: [{ path, message: 'role held by the caller' }] },
    );
  }

  /** Creates or replaces a role. */
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
    if (principal.roleId === input.id) await refuseSelfEdit(principal, input.id, 'id');
    const now = clock();
    return stores.transaction(async (tx) => {
      const [row] = await tx.query<RoleRow>(`${UPSERT_ROLE}\n         RETURNING *`, [
        input.id,
        input.name.trim(),
        input.description ?? null,
        [...new Set(input.purposes)].sort(),
        JSON.stringify(input.fields ?? {}),
        [...new Set(input.actions)].sort(),
        now,
      ]);
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
    const issues = rolesFileIssues(rules, inputs);
    if (issues.length) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Роли не сохранены: ${issues.map((i) => `${i.path} — ${i.message}`).join('; ')}. Roles not saved.`,
        { issues },
      );
    }
    const held = inputs.find((input) => input.id === principal.roleId);
    if (held) await refuseSelfEdit(principal, held.id, 'roles');
    const now = clock();
    return stores.transaction(async (tx) => {
      const existing = new Map(
        (
          await tx.query<RoleRow>('SELECT * FROM roles WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [
            inputs.map((r) => r.id),
          ])
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
        await tx.query(UPSERT_ROLE, [
          input.id,
          input.name,
          input.description,
          input.purposes,
          JSON.stringify(input.fields),
          input.actions,
          now,
        ]);
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

  return { listRoles, role, saveRole, saveRoles };
}
