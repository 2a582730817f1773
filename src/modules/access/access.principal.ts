// The principal's rights, read and enforced: a signed-in staff member's principal (administration from the
// account, personal-data rights only from their entry on the approved list), the purpose check every read or
// write of personal data passes, and the audited refusal. (principal.ts is the shape every caller shares.)
import type { Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { Scope } from '../api-keys/api-key.service.js';
import type { AuditService } from '../audit/audit.service.js';
import { localDateOf } from '../calendar/dates.js';
import { localized } from '../register/register.retention.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { StaffAccount, StaffSession } from '../staff/staff.service.js';
import type { StoredEntry } from './access-list.types.js';
import { allowsPurpose, type Principal } from './principal.js';

/** What an account may do without being on the list: administer, never touch personal data. */
const ADMIN_SCOPES: Scope[] = ['staff:manage', 'keys:manage', 'register:read'];
/** Every signed-in person may read the register (it holds no personal data). */
const STAFF_BASE_SCOPES: Scope[] = ['register:read'];

export function createPrincipalRights(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  clock: () => Date;
}) {
  const { stores, audit, rules, clock } = deps;
  const timeZone = rules.register.operator.timezone;

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

  return { staffPrincipal, refuse, requirePurposes, visibleFields };
}
