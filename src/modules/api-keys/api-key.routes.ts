import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import {
  authErrors,
  bodyErrors,
  errors,
  isoDate,
  keyOrSession,
  keyOrSessionCsrf,
} from '../../http/openapi-common.js';
import { Scopes } from './api-key.service.js';

/** A new key: its name, its unlisted scopes, and the role it is meant to hold. */
const createKeyBody = z
  .object({
    name: z.string().min(1).max(100),
    /** Only scopes a key holds without the access list (UNLISTED_KEY_SCOPES), and held by the caller. */
    scopes: z.array(z.enum(Scopes)).default([]),
    /**
     * The role the key is meant to hold: it grants nothing until the head approves an access
     * list naming the key (entries: {keyId, roleId}).
     */
    role: z.string().min(2).max(63).optional(),
  })
  .strict()
  .refine((b) => b.role !== undefined || b.scopes.length > 0, {
    message: 'give scopes or a role',
    path: ['scopes'],
  })
  .openapi({
    example: {
      name: 'website-backend',
      scopes: ['subjects:write', 'data:write', 'consents:write'],
    },
  });

/** The created key, with its token (shown once). */
const createdKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(z.string()),
  role: z.string().nullable(),
  token: z.string().openapi({ description: 'amk_…: shown once, keep it secret' }),
});

export function mountApiKeyRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  mountKeyCreateRoute(app, amanat, auth);
  mountKeyListRoutes(app, amanat, auth);
}

/** Creating a key (its token shown once). */
function mountKeyCreateRoute(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/keys',
      operationId: 'createApiKey',
      security: keyOrSessionCsrf,
      tags: ['API keys'],
      summary: 'Create an API key; the token is shown once',
      description:
        'A key holds collection and administration scopes only (subjects:write, data:write, consents:write, ' +
        'requests:submit, register:read, audit:read, keys:manage, staff:manage), and only those its creator holds. ' +
        'Reading, exporting or changing personal data comes only from the key’s entry on the access list the ' +
        'head approved (POST /api/access-list/proposals with {keyId, roleId}).',
      middleware: [requireScope(auth, 'keys:manage')] as const,
      request: {
        body: {
          content: {
            'application/json': {
              schema: createKeyBody,
            },
          },
          required: true,
        },
      },
      responses: {
        201: {
          description: 'Created',
          content: {
            'application/json': {
              schema: createdKeySchema,
              example: {
                id: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
                name: 'website-backend',
                scopes: ['subjects:write', 'data:write', 'consents:write'],
                role: null,
                token: 'amk_1a2b3c4d_…',
              },
            },
          },
        },
        ...errors(...authErrors, ...bodyErrors, 404),
      },
    }),
    async (c) => {
      const { name, scopes, role } = c.req.valid('json');
      const key = await amanat.apiKeys.create(c.get('principal'), name, scopes, role ?? null);
      return c.json(
        { id: key.id, name: key.name, scopes: key.scopes, role: key.roleId, token: key.token },
        201,
      );
    },
  );
}

/** The keys: list and revoke. */
function mountKeyListRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/keys',
      operationId: 'listApiKeys',
      security: keyOrSession,
      tags: ['API keys'],
      summary: 'List API keys (never their secrets)',
      middleware: [requireScope(auth, 'keys:manage')] as const,
      responses: {
        200: {
          description: 'Keys',
          content: {
            'application/json': {
              schema: z.object({
                keys: z.array(
                  z
                    .object({
                      id: z.uuid(),
                      name: z.string(),
                      scopes: z.array(z.string()),
                      roleId: z.string().nullable(),
                      createdAt: isoDate,
                      revokedAt: isoDate.nullable(),
                    })
                    .openapi('ApiKey'),
                ),
              }),
            },
          },
        },
        ...errors(...authErrors),
      },
    }),
    async (c) => c.json({ keys: await amanat.apiKeys.list() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/keys/{keyId}',
      operationId: 'revokeApiKey',
      security: keyOrSessionCsrf,
      tags: ['API keys'],
      summary: 'Revoke an API key at once',
      middleware: [requireScope(auth, 'keys:manage')] as const,
      request: { params: z.object({ keyId: z.uuid().openapi({ param: { name: 'keyId', in: 'path' } }) }) },
      responses: { 204: { description: 'Revoked' }, ...errors(...authErrors, 404, 422) },
    }),
    async (c) => {
      await amanat.apiKeys.revoke(c.get('principal').actor, c.req.valid('param').keyId);
      return c.body(null, 204);
    },
  );
}
