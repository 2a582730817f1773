// Server-to-server API keys. A token is `amk_<prefix>_<secret>`: the prefix finds the row, the secret is
// compared as a SHA-256 hash in constant time (a random 256-bit secret needs no slow password hash).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { Principal } from '../access/principal.js';
import type { AuditService } from '../audit/audit.service.js';

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
  role_purposes: string[] | null;
  role_fields: Record<string, string[]> | null;
  role_actions: string[] | null;
}

export function createApiKeyService(deps: { stores: Stores; audit: AuditService; clock: () => Date }) {
  const verified = new Map<string, { principal: ApiPrincipal; expiresAt: number }>();

  /** With a role, the key acts as a named system holding it: the role's actions and purposes, not `scopes`. */
  async function create(actor: string, name: string, scopes: Scope[], roleId: string | null = null) {
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
    const rows = await deps.stores.sql.query<KeyRow>(
      `SELECT k.*, r.purposes AS role_purposes, r.fields AS role_fields, r.actions AS role_actions
       FROM api_keys k LEFT JOIN roles r ON r.id = k.role_id WHERE k.prefix = $1`,
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
    const principal: ApiPrincipal = {
      kind: 'key',
      keyId: row.id,
      name: row.name,
      scopes: new Set((row.role_id ? (row.role_actions ?? []) : row.scopes) as Scope[]),
      actor: `api_key:${row.name}`,
      purposes: row.role_id ? new Set(row.role_purposes ?? []) : 'all',
      fields: row.role_id ? (row.role_fields ?? {}) : {},
      roleId: row.role_id,
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

  async function count(): Promise<number> {
    const [row] = await deps.stores.sql.query<{ n: string | number }>('SELECT count(*) AS n FROM api_keys');
    return Number(row?.n ?? 0);
  }

  return { create, authenticate, list, revoke, count };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
