// What a role may name: purposes of the register, fields of those purposes, known actions. One check for the
// API's role routes, a roles file loaded from the command line, and the CLI's create and edit.
import type { ErrorIssue } from '../../lib/errors.js';
import { Scopes } from '../api-keys/api-key.service.js';
import type { Register } from '../register/register.schema.js';

export const ROLE_ID = /^[a-z][a-z0-9_-]{1,62}$/;

export interface RoleInput {
  id: string;
  name: string;
  description?: string | null;
  purposes: string[];
  fields?: Record<string, string[]>;
  actions: string[];
}

/** The problems of one role, each path prefixed (e.g. `roles.2.` for the third role of a file). */
export function roleIssues(register: Register, input: RoleInput, prefix = ''): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const at = (path: string, message: string) => issues.push({ path: `${prefix}${path}`, message });
  if (!ROLE_ID.test(input.id)) at('id', 'expected a-z, 0-9, _ or -, 2–63 characters');
  if (!input.name.trim()) at('name', 'required');
  const purposeIds = new Set(register.purposes.map((p) => p.id));
  input.purposes.forEach((p, i) => {
    if (!purposeIds.has(p)) at(`purposes.${i}`, `unknown purpose ${p}`);
  });
  for (const [purposeId, fields] of Object.entries(input.fields ?? {})) {
    const purpose = register.purposes.find((p) => p.id === purposeId);
    if (!purpose || !input.purposes.includes(purposeId)) {
      at(`fields.${purposeId}`, 'restrict fields only of the role’s purposes');
      continue;
    }
    for (const field of fields) {
      if (!purpose.fields.includes(field))
        at(`fields.${purposeId}`, `purpose ${purposeId} has no field ${field}`);
    }
  }
  input.actions.forEach((a, i) => {
    if (!(Scopes as readonly string[]).includes(a)) {
      at(`actions.${i}`, `unknown action ${a}; expected one of ${Scopes.join(', ')}`);
    }
  });
  return issues;
}
