// Who is calling, and may they: an API key (Authorization: Bearer amk_…), a console session (cookie, with a
// CSRF header on every state-changing request), or the local CLI's token. Every /api route except the public
// ones names its rule through requireScope or requireSession; the authorisation matrix test holds every route
// against an expected table.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DomainError, ErrorCodes } from '../lib/errors.js';
import type { AccessService } from '../modules/access/access.service.js';
import type { Principal } from '../modules/access/principal.js';
import { type ApiKeyService, type Scope, Scopes } from '../modules/api-keys/api-key.service.js';
import type { StaffService } from '../modules/staff/staff.service.js';

export type AppEnv = { Variables: { principal: Principal } };

export const SESSION_COOKIE = 'amanat_session';
export const CSRF_COOKIE = 'amanat_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** A data subject's privacy-centre session (not staff): its own cookies, never a principal. */
export const SUBJECT_COOKIE = 'amanat_subject';
export const SUBJECT_CSRF_COOKIE = 'amanat_subject_csrf';

export interface AuthOptions {
  apiKeys: ApiKeyService;
  staff: StaffService;
  access: AccessService;
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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the caller, or refuses: 401 without credentials, a dead session, or a session without CSRF. */
export async function authenticate(options: AuthOptions, c: Context): Promise<Principal> {
  const token = bearer(c.req.header('authorization'));
  if (token && isLocalToken(token, options.localAdminToken)) {
    return {
      kind: 'local',
      keyId: 'local',
      name: 'local-cli',
      scopes: new Set(Scopes),
      actor: 'cli:local',
      purposes: 'all',
      fields: {},
      roleId: null,
    };
  }
  if (token) return options.apiKeys.authenticate(token);
  const sessionToken = getCookie(c, SESSION_COOKIE);
  if (!sessionToken) return options.apiKeys.authenticate(undefined);
  const session = await options.staff.authenticateSession(sessionToken, c.req.header('user-agent') ?? '');
  // Cookies travel with cross-site requests; the header does not: a change needs the session's token.
  const principal = await options.access.staffPrincipal(session.staff, session);
  if (!SAFE_METHODS.has(c.req.method)) {
    try {
      options.staff.checkCsrf(session, c.req.header(CSRF_HEADER));
    } catch (error) {
      await options.access.refuse(principal, 'csrf', { path: c.req.path, method: c.req.method });
      throw error;
    }
  }
  return principal;
}

/** Every /api route except the public ones needs a principal holding the route's scope. */
export function requireScope(options: AuthOptions, scope: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = await authenticate(options, c);
    if (!principal.scopes.has(scope)) {
      const who =
        principal.kind === 'staff'
          ? `У сотрудника ${principal.name} нет права ${scope}` +
            (principal.roleId
              ? ` (роль «${principal.roleId}»)`
              : ' (нет в утверждённом перечне лиц с доступом)')
          : `У ключа «${principal.name}» нет права ${scope}`;
      await options.access.refuse(principal, 'scope_missing', {
        scope,
        path: c.req.path,
        method: c.req.method,
      });
      throw new DomainError(
        ErrorCodes.FORBIDDEN,
        `${who}, нужного для этого запроса. Missing permission ${scope}.`,
        {
          issues: [{ path: 'authorization', message: `missing scope ${scope}` }],
        },
      );
    }
    c.set('principal', principal);
    await next();
  };
}

/** Routes of the console itself (who am I, sign out, second factor): any signed-in staff member. */
export function requireSession(options: AuthOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = await authenticate(options, c);
    if (principal.kind !== 'staff') {
      throw new DomainError(
        ErrorCodes.FORBIDDEN,
        'Этот запрос — для сотрудника, вошедшего в консоль (cookie-сеанс), а не для API-ключа. Staff session required.',
        { issues: [{ path: 'authorization', message: 'staff session required' }] },
      );
    }
    c.set('principal', principal);
    await next();
  };
}
