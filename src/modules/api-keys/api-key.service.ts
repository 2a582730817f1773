// Server-to-server API keys. A token is `amk_<prefix>_<secret>`: the prefix finds the row, the secret is
// compared as a SHA-256 hash in constant time (a random 256-bit secret needs no slow password hash).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { apiKeys } from './api-key.table.js';

export const Scopes = [
  'subjects:read',
  'subjects:write',
  'data:read',
  'data:write',
  'consents:read',
  'consents:write',
  'obligations:read',
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
  'register:read',
];

export interface ApiPrincipal {
  keyId: string;
  name: string;
  scopes: Set<Scope>;
  /** How the audit log names this caller. */
  actor: string;
}

const TOKEN_PATTERN = /^amk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function createApiKeyService(deps: { stores: Stores; audit: AuditService; clock: () => Date }) {
  async function create(actor: string, name: string, scopes: Scope[]) {
    const prefix = randomBytes(9)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 12);
    const secret = randomBytes(32).toString('base64url');
    const id = randomUUID();
    const row = { id, name, prefix, secretHash: sha256(secret), scopes, createdAt: deps.clock() };
    await deps.stores.data.transaction(async (tx) => {
      await tx.insert(apiKeys).values(row);
      await deps.audit.append(tx, [
        { actor, action: 'api_key.create', details: { keyId: id, name, scopes } },
      ]);
    });
    return { id, name, scopes, createdAt: row.createdAt, token: `amk_${prefix}_${secret}` };
  }

  async function authenticate(token: string | undefined): Promise<ApiPrincipal> {
    const refuse = (message: string) => new DomainError(ErrorCodes.UNAUTHENTICATED, message);
    if (!token) {
      throw refuse(
        'Нужен API-ключ: заголовок Authorization: Bearer amk_… / An API key is required (Authorization: Bearer).',
      );
    }
    const match = TOKEN_PATTERN.exec(token);
    if (!match)
      throw refuse(
        'API-ключ имеет неверный формат (ожидается amk_<12 символов>_<43 символа>) / Malformed API key.',
      );
    const [, prefix, secret] = match as unknown as [string, string, string];
    const rows = await deps.stores.data.select().from(apiKeys).where(eq(apiKeys.prefix, prefix));
    const hash = sha256(secret);
    const row = rows.find((r) => r.secretHash.length === hash.length && timingSafeEqual(r.secretHash, hash));
    if (!row) throw refuse('API-ключ не найден / Unknown API key.');
    if (row.revokedAt)
      throw refuse(
        `API-ключ «${row.name}» отозван ${row.revokedAt.toISOString()} / The API key was revoked.`,
      );
    return {
      keyId: row.id,
      name: row.name,
      scopes: new Set(row.scopes as Scope[]),
      actor: `api_key:${row.name}`,
    };
  }

  async function list() {
    const rows = await deps.stores.data.select().from(apiKeys);
    return rows.map(({ secretHash: _h, ...rest }) => rest);
  }

  async function revoke(actor: string, id: string) {
    await deps.stores.data.transaction(async (tx) => {
      const [row] = await tx
        .update(apiKeys)
        .set({ revokedAt: deps.clock() })
        .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
        .returning({ id: apiKeys.id });
      if (!row)
        throw new DomainError(
          ErrorCodes.NOT_FOUND,
          `Действующий API-ключ ${id} не найден / No such live key.`,
        );
      await deps.audit.append(tx, [{ actor, action: 'api_key.revoke', details: { keyId: id } }]);
    });
  }

  async function count(): Promise<number> {
    const rows = await deps.stores.data.select({ id: apiKeys.id }).from(apiKeys).limit(1);
    return rows.length;
  }

  return { create, authenticate, list, revoke, count };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
