import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { authErrors, errors, keyOrSessionCsrf } from '../../http/openapi-common.js';

export function mountAuditRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/audit/verify',
      operationId: 'verifyAudit',
      security: keyOrSessionCsrf,
      tags: ['Audit'],
      summary:
        'Walk the hash chain; name the first entry that was changed, removed or reordered, or a tail cut short of its anchor',
      middleware: [requireScope(auth, 'audit:read')] as const,
      responses: {
        200: {
          description: 'The verdict (ok false names the entry)',
          content: {
            'application/json': {
              schema: z.object({
                ok: z.boolean(),
                entries: z.number(),
                headSeq: z.number().optional(),
                seq: z.number().optional(),
                problem: z.string().optional(),
                message: z.string().optional(),
                anchoredSeq: z
                  .number()
                  .optional()
                  .describe(
                    'The last position anchored outside the data store, when the chain falls short of it',
                  ),
              }),
            },
          },
        },
        ...errors(...authErrors),
      },
    }),
    async (c) => c.json(await amanat.verifyAudit(), 200),
  );
}
