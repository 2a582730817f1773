// API keys that read personal data as the product makes them: a key holds only the scopes a key may hold
// without the access list; the rest comes from a role on a version of the list that an administrator proposes
// and the head approves (real staff accounts, real sign-ins). Tests that need a key reading everything go
// through here, so every such key is on an approved list.
import type { Amanat } from '../../src/app/amanat.js';
import type { Principal } from '../../src/modules/access/principal.js';
import { type Scope, Scopes, UNLISTED_KEY_SCOPES } from '../../src/modules/api-keys/api-key.service.js';
import { localDateOf } from '../../src/modules/calendar/dates.js';

export const LOCAL_PRINCIPAL: Principal = {
  kind: 'local',
  keyId: 'local',
  name: 'test',
  actor: 'test',
  scopes: new Set(Scopes),
  purposes: 'all',
  fields: {},
  roleId: null,
};

export interface KeyWish {
  name: string;
  /** The scopes the key should end up with (those a key cannot hold alone come through its list entry). */
  scopes: Scope[];
  /** Purposes of its role ('all': every purpose of the register). */
  purposes?: 'all' | string[];
  /** An existing role instead of one made for the key. */
  role?: string;
}

export interface ListEntry {
  staffId?: string;
  keyId?: string;
  roleId: string;
}

const PASSWORD = 'пароль-перечня-ключей-2026';
const UA = 'ListedKeys/1.0';

/** The administrator who proposes and the head who approves (created once per Amanat). */
async function signers(amanat: Amanat) {
  const existing = await amanat.staff.list();
  for (const [email, flags] of [
    ['list-admin@keys.test', { isAdmin: true }],
    ['list-head@keys.test', { isHead: true }],
  ] as const) {
    if (!existing.some((s) => s.email === email))
      await amanat.staff.add('test', { email, fullName: email, password: PASSWORD, ...flags });
  }
  const principal = async (email: string) => {
    const s = await amanat.staff.signIn({ email, password: PASSWORD, userAgent: UA });
    return amanat.access.staffPrincipal(s.session.staff, s.session);
  };
  return { admin: await principal('list-admin@keys.test'), head: await principal('list-head@keys.test') };
}

/** Proposes the whole list (these entries) and has the head approve it; returns the version's id. */
export async function approveList(amanat: Amanat, entries: ListEntry[]): Promise<string> {
  const { admin, head } = await signers(amanat);
  const grantedFrom = localDateOf(amanat.clock(), amanat.rules.register.operator.timezone);
  const proposal = await amanat.access.propose(admin, {
    entries: entries.map((e) => ({ ...e, grantedFrom })),
  });
  await amanat.access.approve(head, proposal.id);
  return proposal.id;
}

/**
 * Creates the keys and the entries they need; with `approve` (default) the list is proposed and approved with
 * them and `extra` entries. Returns each key's token and id by name, and the entries.
 */
export async function listedKeys(
  amanat: Amanat,
  wishes: KeyWish[],
  options: { extra?: ListEntry[]; approve?: boolean } = {},
): Promise<{ keys: Record<string, { token: string; id: string }>; entries: ListEntry[] }> {
  const unlisted = new Set<Scope>(UNLISTED_KEY_SCOPES);
  const keys: Record<string, { token: string; id: string }> = {};
  const entries: ListEntry[] = [...(options.extra ?? [])];
  for (const wish of wishes) {
    const own = wish.scopes.filter((s) => unlisted.has(s));
    const listed = wish.scopes.filter((s) => !unlisted.has(s));
    let roleId = wish.role ?? null;
    if (!roleId && listed.length) {
      roleId = `key-${wish.name}`;
      const purposes =
        wish.purposes === undefined || wish.purposes === 'all'
          ? amanat.rules.purposes().map((p) => p.id)
          : wish.purposes;
      await amanat.access.saveRole(LOCAL_PRINCIPAL, {
        id: roleId,
        name: wish.name,
        purposes,
        actions: listed,
      });
    }
    const key = await amanat.apiKeys.create('test', wish.name, own, roleId);
    keys[wish.name] = { token: key.token, id: key.id };
    if (roleId) entries.push({ keyId: key.id, roleId });
  }
  if (options.approve !== false && entries.length) await approveList(amanat, entries);
  return { keys, entries };
}
