// Who is calling: an API key (a named system), a staff member signed in to the console, or the local CLI.
// All three answer the same questions: which actions, and which purposes' personal data.
import type { Scope } from '../api-keys/api-key.service.js';
import type { StaffAccount, StaffSession } from '../staff/staff.service.js';

export interface Principal {
  kind: 'key' | 'staff' | 'local';
  /** The key's id, the staff member's id, or 'local'. */
  keyId: string;
  name: string;
  /** How the audit log names this caller. */
  actor: string;
  scopes: Set<Scope>;
  /** Purposes whose personal data this caller may touch: 'all' for the operator's own systems and the CLI. */
  purposes: ReadonlySet<string> | 'all';
  /** Per purpose, the only fields readable (a purpose not named allows all its fields). */
  fields: Readonly<Record<string, readonly string[]>>;
  /** The role held (a key's role, or the staff member's role on the approved access list). */
  roleId: string | null;
  staff?: StaffAccount;
  session?: StaffSession;
}

export function allowsPurpose(principal: Principal, purposeId: string): boolean {
  return principal.purposes === 'all' || principal.purposes.has(purposeId);
}
