// Server-to-server API keys. A token is `amk_<prefix>_<secret>`: the prefix finds the row, the secret is
// compared as a SHA-256 hash in constant time (a random 256-bit secret needs no slow password hash).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { Principal } from '../access/principal.js';
import type { AuditService } from '../audit/audit.service.js';
import { localDateOf } from '../calendar/dates.js';

export const Scopes = [
  'subjects:read',
  'subjects:write',
  'data:read',
  'data:write',
  'consents:read',
  'consents:write',
  'obligations:read',
  'obligations:write',
  'requests:submit',
  'requests:read',
  'requests:write',
  'retention:read',
  'retention:write',
  'audit:read',
  'register:read',
  'keys:manage',
  'data:rectify',
  'data:block',
  'data:destroy',
  'data:export',
  'register:edit',
  'staff:manage',
  'disclosures:read',
  'disclosures:write',
] as const;
export type Scope = (typeof Scopes)[number];

/** What an operator's website backend needs: it collects data and consents, it cannot read them back. */
export const WEBSITE_BACKEND_SCOPES: Scope[] = [
  'subjects:write',
  'data:write',
  'consents:write',
  'requests:submit',
  'register:read',
];

/**
 * What a key may hold without being on the approved access list: collecting (subjects, data, consents,
 * requests; their answers carry no decrypted values), reading the register, verifying the audit chain, and
 * administering keys and staff (which grants no personal-data rights either). Every other action reads,
 * exports, changes, destroys, discloses or answers about personal data held: a key gets it only from its
 * entry on the approved access list (the role snapshot the head approved), never from its own scopes.
 */
export const UNLISTED_KEY_SCOPES: readonly Scope[] = [
  'subjects:write',
  'data:write',
  'consents:write',
  'requests:submit',
  'register:read',
  'audit:read',
  'keys:manage',
  'staff:manage',
];
const unlisted = new Set<Scope>(UNLISTED_KEY_SCOPES);

/** A key's entry on the approved access list: its role as approved and the date its access starts. */
interface ListedRole {
  grantedFrom: string;
  role: { id: string; purposes: string[]; fields: Record<string, string[]>; actions: Scope[] };
}

/** Who calls (see access/principal.ts): a key, a staff member, or the local CLI. */
export type ApiPrincipal = Principal;

/**
 * Verified tokens are remembered briefly (the lookup is a round trip on every request). A revocation clears
 * this process's memory at once; another instance on the same PostgreSQL honours it within this time.
 */
export const AUTH_CACHE_TTL_MS = 5_000;

const TOKEN_PATTERN = /^amk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

interface KeyRow {
  id: string;
  name: string;
  secret_hash: Uint8Array;
  scopes: string[];
  created_at: Date;
  revoked_at: Date | null;
  role_id: string | null;
  entry: ListedRole | null;
}

export function createApiKeyService(deps: {
  stores: Stores;
  audit: AuditService;
  clock: () => Date;
  /** The operator's time zone: a list entry's start date is a date there. */
  timeZone: string;
}) {
  const verified = new Map<string, { principal: ApiPrincipal; expiresAt: number }>();

  /**
   * Creates a key holding `scopes`, which must be among UNLISTED_KEY_SCOPES and held by the grantor (nobody
   * grants what they do not hold). `roleId` names the role the key is meant to hold: it grants nothing until
   * the head approves an access list naming the key with a role. `by` is the caller, or, as a string, the
   * server itself (its command line, the first start), which holds every scope.
   */
  async function create(by: Principal | string, name: string, scopes: Scope[], roleId: string | null = null) {
    const actor = typeof by === 'string' ? by : by.actor;
    const listOnly = scopes.flatMap((scope, i) => (unlisted.has(scope) ? [] : [{ scope, i }]));
    if (listOnly.length) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Права ${listOnly.map((x) => x.scope).join(', ')} дают доступ к персональным данным: ключ получает их только ` +
          'по утверждённому руководителем перечню лиц с доступом (п. 3.5.2 политики): создайте ключ с ролью и ' +
          'включите его в перечень. These scopes come only from the approved access list.',
        {
          issues: listOnly.map((x) => ({
            path: `scopes.${x.i}`,
            message: `${x.scope} comes only from an approved access list entry; expected one of ${UNLISTED_KEY_SCOPES.join(', ')}`,
          })),
        },
      );
    }
    if (typeof by !== 'string') {
      const notHeld = scopes.flatMap((scope, i) => (by.scopes.has(scope) ? [] : [{ scope, i }]));
      if (notHeld.length) {
        throw new DomainError(
          ErrorCodes.FORBIDDEN,
          `Нельзя выдать ключу права, которых у вас нет: ${notHeld.map((x) => x.scope).join(', ')}. ` +
            'You cannot grant a scope you do not hold.',
          {
            issues: notHeld.map((x) => ({
              path: `scopes.${x.i}`,
              message: `${x.scope} not held by the caller`,
            })),
          },
        );
      }
    }
    const prefix = randomBytes(9)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 12);
    const secret = randomBytes(32).toString('base64url');
    const id = randomUUID();
    const createdAt = deps.clock();
    await deps.stores.transaction(async (tx) => {
      if (roleId) {
        const [role] = await tx.query('SELECT id FROM roles WHERE id = $1', [roleId]);
        if (!role) {
          throw new DomainError(ErrorCodes.NOT_FOUND, `Роль ${roleId} не найдена / Unknown role.`, {
            issues: [{ path: 'role', message: 'unknown role' }],
          });
        }
      }
      await tx.query(
        'INSERT INTO api_keys (id, name, prefix, secret_hash, scopes, created_at, role_id) VALUES ($1, $2, $3, $4, $5::text[], $6, $7)',
        [id, name, prefix, sha256(secret), scopes, createdAt, roleId],
      );
      await deps.audit.append(tx, [
        { actor, action: 'api_key.create', details: { keyId: id, name, scopes, roleId } },
      ]);
    });
    return { id, name, scopes, roleId, createdAt, token: `amk_${prefix}_${secret}` };
  }

  async function authenticate(token: string | undefined): Promise<ApiPrincipal> {
    const refuse = (message: string) => new DomainError(ErrorCodes.UNAUTHENTICATED, message);
    if (!token) {
      throw refuse(
        'Нужен API-ключ: заголовок Authorization: Bearer amk_… / An API key is required (Authorization: Bearer).',
      );
    }
    const match = TOKEN_PATTERN.exec(token);
    if (!match) {
      throw refuse(
        'API-ключ имеет неверный формат (ожидается amk_<12 символов>_<43 символа>) / Malformed API key.',
      );
    }
    const [, prefix, secret] = match as unknown as [string, string, string];
    const hash = sha256(secret);
    const cacheKey = hash.toString('base64');
    const cached = verified.get(cacheKey);
    if (cached && cached.expiresAt > Date.now()) return cached.principal;
    // The key's entry in the approved version of the access list (only one version is approved at a time).
    const rows = await deps.stores.sql.query<KeyRow>(
      `SELECT k.*, (SELECT e FROM access_list_versions v, jsonb_array_elements(v.entries) e
                    WHERE v.status = 'approved' AND e ->> 'keyId' = k.id::text LIMIT 1) AS entry
       FROM api_keys k WHERE k.prefix = $1`,
      [prefix],
    );
    const row = rows.find(
      (r) => r.secret_hash.length === hash.length && timingSafeEqual(r.secret_hash, hash),
    );
    if (!row) throw refuse('API-ключ не найден / Unknown API key.');
    if (row.revoked_at) {
      verified.delete(cacheKey);
      throw refuse(
        `API-ключ «${row.name}» отозван ${row.revoked_at.toISOString()} / The API key was revoked.`,
      );
    }
    // Personal-data rights only from the approved entry (its role snapshot), from its start date; the key's
    // own scopes count only where the list is not needed (a key written before this rule keeps no more).
    const today = localDateOf(deps.clock(), deps.timeZone);
    const entry = row.entry && row.entry.grantedFrom <= today ? row.entry : null;
    const principal: ApiPrincipal = {
      kind: 'key',
      keyId: row.id,
      name: row.name,
      scopes: new Set([
        ...(row.scopes as Scope[]).filter((scope) => unlisted.has(scope)),
        ...(entry?.role.actions ?? []),
      ]),
      actor: `api_key:${row.name}`,
      purposes: entry ? new Set(entry.role.purposes) : 'all',
      fields: entry?.role.fields ?? {},
      roleId: entry?.role.id ?? null,
    };
    verified.set(cacheKey, { principal, expiresAt: Date.now() + AUTH_CACHE_TTL_MS });
    return principal;
  }

  async function list() {
    const rows = await deps.stores.sql.query<KeyRow>('SELECT * FROM api_keys ORDER BY created_at');
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      scopes: r.scopes,
      roleId: r.role_id,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
    }));
  }

  async function revoke(actor: string, id: string) {
    await deps.stores.transaction(async (tx) => {
      const [row] = await tx.query(
        'UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
        [id, deps.clock()],
      );
      if (!row)
        throw new DomainError(
          ErrorCodes.NOT_FOUND,
          `Действующий API-ключ ${id} не найден / No such live key.`,
        );
      await deps.audit.append(tx, [{ actor, action: 'api_key.revoke', details: { keyId: id } }]);
    });
    for (const [cacheKey, entry] of verified) if (entry.principal.keyId === id) verified.delete(cacheKey);
  }

  /** A new version of the access list was approved: keys are read again on their next request. */
  function forgetVerified() {
    verified.clear();
  }

  async function count(): Promise<number> {
    const [row] = await deps.stores.sql.query<{ n: string | number }>('SELECT count(*) AS n FROM api_keys');
    return Number(row?.n ?? 0);
  }

  return { create, authenticate, list, revoke, count, forgetVerified };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
