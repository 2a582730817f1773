import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { authErrors, errors, keyOrSession } from '../../http/openapi-common.js';
import { obligationSchema } from './obligation.schema.js';

export function mountObligationRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/obligations',
      operationId: 'listObligations',
      security: keyOrSession,
      tags: ['Obligations'],
      summary: 'What the operator owes and by when (e.g. stop processing after a withdrawal)',
      middleware: [requireScope(auth, 'obligations:read')] as const,
      request: {
        query: z.object({
          status: z.enum(['open', 'fulfilled']).optional(),
          subject_id: z.uuid().optional(),
          due_on_or_before: z.iso.date().optional(),
        }),
      },
      responses: {
        200: {
          description: 'Obligations, earliest due first',
          content: { 'application/json': { schema: z.object({ obligations: z.array(obligationSchema) }) } },
        },
        ...errors(...authErrors, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await amanat.obligations.list({
        status: q.status,
        subjectId: q.subject_id,
        dueOnOrBefore: q.due_on_or_before,
      });
      return c.json({ obligations: rows }, 200);
    },
  );
}
