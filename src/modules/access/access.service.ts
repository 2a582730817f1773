// Roles and the approved access list (seed 3.5.2). An administrator proposes a version of the list (persons,
// their role as it stands, the date access starts); the head approves it; only then does it take effect. A
// staff member's personal-data rights come only from the approved list's entry: a role grants nothing alone.
// The service is composed of its parts: roles (access.roles.ts), the list's versions (access-list.versions.ts)
// and documents (access-list.document.ts), and the principal's rights (access.principal.ts).
import type { Stores } from '../../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { createPrincipalRights } from './access.principal.js';
import { createRoleService } from './access.roles.js';
import { createAccessListDocuments } from './access-list.document.js';
import { createAccessListVersions } from './access-list.versions.js';

export type { Role } from './access.roles.js';
export { actionLabels } from './access-list.document.js';

export function createAccessService(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  clock: () => Date;
  /** Called after a version is approved (API keys read their entry again). */
  onApproved?: () => void;
}) {
  const { stores } = deps;
  const rights = createPrincipalRights(deps);
  const roles = createRoleService({ ...deps, refuse: rights.refuse });
  const documents = createAccessListDocuments(deps);
  const versions = createAccessListVersions({ ...deps, refuse: rights.refuse, document: documents.document });

  return {
    listRoles: roles.listRoles,
    role: (id: string) => roles.role(stores.sql, id),
    saveRole: roles.saveRole,
    saveRoles: roles.saveRoles,
    propose: versions.propose,
    approve: versions.approve,
    reject: versions.reject,
    versions: versions.versions,
    currentVersionId: versions.currentVersionId,
    document: documents.document,
    pdf: documents.pdf,
    auditAnchors: versions.auditAnchors,
    staffPrincipal: rights.staffPrincipal,
    requirePurposes: rights.requirePurposes,
    visibleFields: rights.visibleFields,
    refuse: rights.refuse,
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
