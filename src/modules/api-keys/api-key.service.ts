// Server-to-server API keys. A token is `amk_<prefix>_<secret>`: the prefix finds the row, the secret is
// compared as a SHA-256 hash in constant time (a random 256-bit secret needs no slow password hash).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';

export const Scopes = [
  'subjects:read',
  'subjects:write',
  'data:read',
  'data:write',
  'consents:read',
  'consents:write',
  'obligations:read',
  'requests:submit',
  'requests:read',
  'requests:write',
  'retention:read',
  'retention:write',
  'audit:read',
  'register:read',
  'keys:manage',
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

export interface ApiPrincipal {
  keyId: string;
  name: string;
  scopes: Set<Scope>;
  /** How the audit log names this caller. */
  actor: string;
}

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
}

export function createApiKeyService(deps: { stores: Stores; audit: AuditService; clock: () => Date }) {
  const verified = new Map<string, { principal: ApiPrincipal; expiresAt: number }>();

  async function create(actor: string, name: string, scopes: Scope[]) {
    const prefix = randomBytes(9)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 12);
    const secret = randomBytes(32).toString('base64url');
    const id = randomUUID();
    const createdAt = deps.clock();
    await deps.stores.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO api_keys (id, name, prefix, secret_hash, scopes, created_at) VALUES ($1, $2, $3, $4, $5::text[], $6)',
        [id, name, prefix, sha256(secret), scopes, createdAt],
      );
      await deps.audit.append(tx, [
        { actor, action: 'api_key.create', details: { keyId: id, name, scopes } },
      ]);
    });
    return { id, name, scopes, createdAt, token: `amk_${prefix}_${secret}` };
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
    const rows = await deps.stores.sql.query<KeyRow>('SELECT * FROM api_keys WHERE prefix = $1', [prefix]);
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
      keyId: row.id,
      name: row.name,
      scopes: new Set(row.scopes as Scope[]),
      actor: `api_key:${row.name}`,
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
