import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { authErrors, bodyErrors, errors, keyOrSession, keyOrSessionCsrf } from '../../http/openapi-common.js';
import { obligationSchema } from './obligation.schema.js';
import { EVIDENCE_MAX, EVIDENCE_MIN } from './obligation.service.js';

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

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/obligations/{obligationId}/close',
      operationId: 'closeObligation',
      security: keyOrSessionCsrf,
      tags: ['Obligations'],
      summary:
        'Close an open obligation with evidence of what Amanat cannot see (e.g. the mailing service stopped); 409 when already fulfilled',
      middleware: [requireScope(auth, 'obligations:write')] as const,
      request: {
        params: z.object({ obligationId: z.string().min(1).max(64) }),
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ evidence: z.string().min(EVIDENCE_MIN).max(EVIDENCE_MAX) })
                .strict()
                .openapi({ example: { evidence: 'Адрес отписан в сервисе рассылок, рассылка остановлена' } }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'The obligation, fulfilled (how: closed, with the evidence)',
          content: { 'application/json': { schema: obligationSchema } },
        },
        ...errors(...authErrors, ...bodyErrors, 404, 409),
      },
    }),
    async (c) => {
      const row = await amanat.obligations.close(
        c.get('principal').actor,
        c.req.valid('param').obligationId,
        c.req.valid('json').evidence,
      );
      return c.json(row, 200);
    },
  );
}
