// Roles and the approved access list over HTTP. Proposing is for administrators; approving and rejecting are
// for the head, signed in (the service checks who, whatever route or key is used).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope, requireSession } from '../../http/auth.js';
import {
  authErrors,
  bodyErrors,
  errors,
  keyOrSession,
  keyOrSessionCsrf,
  pdfBody,
  pdfContent,
  sessionCsrf,
} from '../../http/openapi-common.js';
import { Scopes } from '../api-keys/api-key.service.js';
import { accessListDocumentSchema, accessListVersionSchema, roleSchema } from './access.schema.js';
import { accessListLangs } from './access-list.words.js';

const roleBody = z
  .object({
    name: z.string().min(1).max(200),
    description: z.string().max(2000).nullable().optional(),
    purposes: z.array(z.string()).max(100),
    fields: z.record(z.string(), z.array(z.string()).max(200)).optional(),
    actions: z.array(z.enum(Scopes)).max(Scopes.length),
  })
  .strict()
  .openapi({
    example: {
      name: 'Служба поддержки',
      purposes: ['support'],
      actions: ['subjects:read', 'data:read', 'requests:read'],
    },
  });

const versionParam = z.object({ versionId: z.uuid() });
const pdfQuery = z.object({
  lang: z
    .enum(accessListLangs)
    .optional()
    .openapi({ description: 'The language of the paper: ru (default) or kk', example: 'kk' }),
});
const documentContent = { 'application/json': { schema: accessListDocumentSchema } };

/** A roles file: several roles, each with its id. */
const rolesFileBody = z
  .object({
    roles: z
      .array(roleBody.extend({ id: z.string().min(2).max(63) }))
      .min(1)
      .max(200),
  })
  .strict()
  .openapi({
    example: {
      roles: [
        {
          id: 'support',
          name: 'Служба поддержки',
          purposes: ['support'],
          actions: ['subjects:read', 'data:read', 'requests:read'],
        },
      ],
    },
  });

/** What a roles file changed. */
const rolesLoadedSchema = z
  .object({
    created: z.array(z.string()),
    updated: z.array(z.string()),
    unchanged: z.array(z.string()),
  })
  .openapi('RolesLoaded', {
    example: { created: ['support'], updated: [], unchanged: ['dpo'] },
  });

/** A proposed version: the whole list. */
const proposalBody = z
  .object({
    entries: z
      .array(
        z
          .object({
            /** A person; or keyId for a system (an API key), never both. */
            staffId: z.uuid().optional(),
            keyId: z.uuid().optional(),
            roleId: z.string().min(2).max(63),
            grantedFrom: z.string(),
          })
          .strict(),
      )
      .max(10_000),
    note: z.string().max(2000).optional(),
  })
  .strict();

export function mountAccessRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  mountRoleRoutes(app, amanat, auth);
  mountAccessListVersionRoutes(app, amanat, auth);
  mountAccessListDocumentRoutes(app, amanat, auth);
  mountAccessListDecisionRoutes(app, amanat, auth);
}

/** Roles: list, save one, load a roles file. */
function mountRoleRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/roles',
      operationId: 'listRoles',
      security: keyOrSession,
      tags: ['Access'],
      summary: 'Roles: purposes, fields and actions',
      middleware: [requireScope(auth, 'staff:manage')] as const,
      responses: {
        200: {
          description: 'Roles',
          content: {
            'application/json': { schema: z.object({ roles: z.array(roleSchema) }) },
          },
        },
        ...errors(...authErrors),
      },
    }),
    async (c) => c.json({ roles: await amanat.access.listRoles() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/roles/{roleId}',
      operationId: 'saveRole',
      security: keyOrSessionCsrf,
      tags: ['Access'],
      summary: 'Create or replace a role (takes effect for people only through the next approved list)',
      middleware: [requireScope(auth, 'staff:manage')] as const,
      request: {
        params: z.object({ roleId: z.string().min(2).max(63) }),
        body: { content: { 'application/json': { schema: roleBody } }, required: true },
      },
      responses: {
        200: { description: 'Saved', content: { 'application/json': { schema: roleSchema } } },
        ...errors(...authErrors, ...bodyErrors),
      },
    }),
    async (c) => {
      const role = await amanat.access.saveRole(c.get('principal'), {
        id: c.req.valid('param').roleId,
        ...c.req.valid('json'),
      });
      return c.json(role, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/roles/load',
      operationId: 'loadRoles',
      security: keyOrSessionCsrf,
      tags: ['Access'],
      summary:
        'Create or update several roles at once (a roles file): all checked first, all written or none; roles already as given are left alone',
      middleware: [requireScope(auth, 'staff:manage')] as const,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: rolesFileBody,
            },
          },
        },
      },
      responses: {
        200: {
          description: 'Which roles were created, updated, or already stood as given',
          content: {
            'application/json': {
              schema: rolesLoadedSchema,
            },
          },
        },
        ...errors(...authErrors, ...bodyErrors),
      },
    }),
    async (c) => c.json(await amanat.access.saveRoles(c.get('principal'), c.req.valid('json').roles), 200),
  );
}

/** Access-list versions: the list of them and a proposal. */
function mountAccessListVersionRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/access-list',
      operationId: 'listAccessListVersions',
      security: keyOrSession,
      tags: ['Access'],
      summary: 'Versions of the access list, newest first; `current` is the approved one in force',
      middleware: [requireScope(auth, 'staff:manage')] as const,
      responses: {
        200: {
          description: 'Versions',
          content: {
            'application/json': {
              schema: z.object({
                current: z.uuid().nullable(),
                versions: z.array(accessListVersionSchema),
              }),
            },
          },
        },
        ...errors(...authErrors),
      },
    }),
    async (c) =>
      c.json(
        { current: await amanat.access.currentVersionId(), versions: await amanat.access.versions() },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/access-list/proposals',
      operationId: 'proposeAccessList',
      security: keyOrSessionCsrf,
      tags: ['Access'],
      summary: 'Propose a new version of the list (the whole list: persons, roles, start dates)',
      middleware: [requireScope(auth, 'staff:manage')] as const,
      request: {
        body: {
          content: {
            'application/json': {
              schema: proposalBody,
              example: {
                entries: [
                  {
                    staffId: '8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a',
                    roleId: 'support',
                    grantedFrom: '2026-04-01',
                  },
                ],
                note: 'Новый сотрудник поддержки',
              },
            },
          },
          required: true,
        },
      },
      responses: {
        201: {
          description: 'Proposed',
          content: {
            'application/json': {
              schema: z.object({ id: z.uuid(), version: z.number() }),
              example: { id: '4e3d2c1b-0a9f-4e8d-8c7b-6a5f4e3d2c1b', version: 4 },
            },
          },
        },
        ...errors(...authErrors, ...bodyErrors, 409),
      },
    }),
    async (c) => c.json(await amanat.access.propose(c.get('principal'), c.req.valid('json')), 201),
  );
}

/** One version as a document: JSON and PDF. */
function mountAccessListDocumentRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/access-list/{versionId}',
      operationId: 'getAccessListVersion',
      security: keyOrSession,
      tags: ['Access'],
      summary: 'One version as a document (JSON)',
      middleware: [requireScope(auth, 'staff:manage')] as const,
      request: { params: versionParam },
      responses: {
        200: { description: 'The document', content: documentContent },
        ...errors(...authErrors, 404, 422),
      },
    }),
    async (c) => c.json(await amanat.access.document(c.req.valid('param').versionId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/access-list/{versionId}/pdf',
      operationId: 'getAccessListPdf',
      security: keyOrSession,
      tags: ['Access'],
      summary: 'One version as PDF (Russian or Kazakh), with the approver and the date',
      middleware: [requireScope(auth, 'staff:manage')] as const,
      request: { params: versionParam, query: pdfQuery },
      responses: {
        200: {
          description: 'PDF',
          content: pdfContent,
        },
        ...errors(...authErrors, 404, 422),
      },
    }),
    async (c) => {
      const lang = c.req.valid('query').lang ?? 'ru';
      const { version, pdf } = await amanat.access.pdf(c.req.valid('param').versionId, lang);
      return pdfBody(c, pdf, `access-list-v${version}${lang === 'ru' ? '' : `-${lang}`}.pdf`, 'attachment');
    },
  );
}

/** The head's decision on a proposed version: approve or reject. */
function mountAccessListDecisionRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  for (const decision of ['approve', 'reject'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/access-list/{versionId}/${decision}`,
        operationId: decision === 'approve' ? 'approveAccessList' : 'rejectAccessList',
        security: sessionCsrf,
        tags: ['Access'],
        summary:
          decision === 'approve'
            ? 'Approve a proposed version (the head only); it replaces the list in force at once'
            : 'Reject a proposed version (the head only)',
        middleware: [requireSession(auth)] as const,
        request: {
          params: versionParam,
          body: {
            content: {
              'application/json': {
                schema: z.object({ reason: z.string().max(2000).optional() }).strict(),
                example: decision === 'approve' ? {} : { reason: 'Роль указана неверно' },
              },
            },
            required: false,
          },
        },
        responses: {
          200: { description: 'Decided', content: documentContent },
          ...errors(...authErrors, ...bodyErrors, 404, 409),
        },
      }),
      async (c) => {
        const { versionId } = c.req.valid('param');
        const principal = c.get('principal');
        const document =
          decision === 'approve'
            ? await amanat.access.approve(principal, versionId)
            : await amanat.access.reject(
                principal,
                versionId,
                (await c.req.json().catch(() => ({})))?.reason,
              );
        return c.json(document, 200);
      },
    );
  }
}
