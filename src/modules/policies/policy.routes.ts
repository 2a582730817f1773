// The published policy's routes: the public pages (policy.pages.ts) and the API over versions and publishing.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { authErrors, errors, keyOrSession, keyOrSessionCsrf, noAuth } from '../../http/openapi-common.js';
import { mountPolicyPages, unknownVersion } from './policy.pages.js';
import { policyVersionListSchema, policyVersionSchema, publishResultSchema } from './policy.schema.js';
import type { PolicyVersionSummary } from './policy.service.js';

type DocumentMeta = { name: string; lang: 'ru' | 'kk' | 'en'; mediaType: string; sha256: string };

/** A version as the API answers it: dates as ISO text, each document with the public address it is read at. */
function presentVersion(version: PolicyVersionSummary & { documents: DocumentMeta[] }) {
  const path = `/policy/${encodeURIComponent(version.id)}`;
  return {
    id: version.id,
    publishedAt: version.publishedAt.toISOString(),
    publishedOn: version.publishedOn,
    registerSha256: version.registerSha256,
    documents: version.documents.map((d) => ({
      ...d,
      url: `${path}?lang=${d.lang}${d.mediaType === 'application/pdf' ? '&format=pdf' : ''}`,
    })),
  };
}

/** The published editions are public documents (each is at /policy/{version}): the privacy centre lists them. */
function mountPublicPolicyVersions(app: OpenAPIHono<AppEnv>, amanat: Amanat): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/public/policy/versions',
      operationId: 'listPublicPolicyVersions',
      security: noAuth,
      tags: ['Policy'],
      summary: 'Published policy versions, oldest first (public: each is readable at /policy/{version})',
      responses: {
        200: {
          description: 'The versions',
          content: { 'application/json': { schema: policyVersionListSchema } },
        },
        ...errors(429),
      },
    }),
    async (c) => {
      const versions = await amanat.policies.list();
      return c.json(
        { versions: versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })) },
        200,
      );
    },
  );
}

function mountPolicyApi(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/policy/versions',
      operationId: 'listPolicyVersions',
      security: keyOrSession,
      tags: ['Policy'],
      summary: 'Published policy versions, oldest first',
      middleware: [requireScope(auth, 'register:read')] as const,
      responses: {
        200: {
          description: 'The versions',
          content: { 'application/json': { schema: policyVersionListSchema } },
        },
        ...errors(...authErrors),
      },
    }),
    async (c) => {
      const versions = await amanat.policies.list();
      return c.json(
        { versions: versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/policy/versions/{id}',
      operationId: 'getPolicyVersion',
      security: keyOrSession,
      tags: ['Policy'],
      summary: 'One published version: its dates, register hash and documents with their SHA-256',
      middleware: [requireScope(auth, 'register:read')] as const,
      request: {
        params: z.object({
          id: z
            .string()
            .min(1)
            .max(200)
            .openapi({ param: { name: 'id', in: 'path' }, example: '2025-01' }),
        }),
      },
      responses: {
        200: { description: 'The version', content: { 'application/json': { schema: policyVersionSchema } } },
        ...errors(...authErrors, 404, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const version = await amanat.policies.get(id);
      if (!version) throw await unknownVersion(amanat.policies, id);
      return c.json(presentVersion(version), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/policy/publish',
      operationId: 'publishPolicy',
      security: keyOrSessionCsrf,
      tags: ['Policy'],
      summary:
        "Publish the server's loaded register as a policy version (unchanged: says so and writes nothing; a label " +
        'already published with other contents: 409 naming policy.version; an invalid register: 422 naming each rule)',
      middleware: [requireScope(auth, 'register:edit')] as const,
      responses: {
        200: {
          description: 'Published, or unchanged since the latest version',
          content: { 'application/json': { schema: publishResultSchema } },
        },
        ...errors(...authErrors, 409, 422),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const result = await amanat.policies.publish(principal.actor, {
        register: amanat.rules.register,
        profile: amanat.rules.profile,
      });
      return c.json({ ...result, version: presentVersion(result.version) }, 200);
    },
  );
}

export function mountPolicyRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  mountPolicyPages(app, amanat);
  mountPublicPolicyVersions(app, amanat);
  mountPolicyApi(app, amanat, auth);
}
