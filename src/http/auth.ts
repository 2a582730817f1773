import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { DomainError, ErrorCodes } from '../lib/errors.js';
import {
  type ApiKeyService,
  type ApiPrincipal,
  type Scope,
  Scopes,
} from '../modules/api-keys/api-key.service.js';

export type AppEnv = { Variables: { principal: ApiPrincipal } };

export interface AuthOptions {
  apiKeys: ApiKeyService;
  /** A token the running server wrote next to its data folder, for the local CLI (loopback only). */
  localAdminToken?: string;
}

function bearer(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function isLocalToken(token: string, expected: string | undefined): boolean {
  if (!expected || token.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(token), Buffer.from(expected));
}

/** Every /api route except health and the OpenAPI document needs a principal with the route's scope. */
export function requireScope(options: AuthOptions, scope: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    let principal: ApiPrincipal;
    if (token && isLocalToken(token, options.localAdminToken)) {
      principal = { keyId: 'local', name: 'local-cli', scopes: new Set(Scopes), actor: 'cli:local' };
    } else {
      principal = await options.apiKeys.authenticate(token);
    }
    if (!principal.scopes.has(scope)) {
      throw new DomainError(
        ErrorCodes.FORBIDDEN,
        `У ключа «${principal.name}» нет права ${scope}, нужного для этого запроса. The key lacks scope ${scope}.`,
        { issues: [{ path: 'authorization', message: `missing scope ${scope}` }] },
      );
    }
    c.set('principal', principal);
    await next();
  };
}
