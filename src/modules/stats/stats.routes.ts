import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { authErrors, errors, keyOrSession } from '../../http/openapi-common.js';
import { createStats } from './stats.service.js';

const statsSchema = z
  .object({
    requestsPerWeek: z.array(
      z.object({
        week: z.string().openapi({ description: 'The Monday the week starts on', example: '2026-03-16' }),
        received: z.number().int(),
        answered: z
          .number()
          .int()
          .openapi({ description: 'Answered or refused (a reasoned refusal is an answer) that week' }),
        onTime: z.number().int().openapi({ description: 'Of those answered, closed by their deadline' }),
      }),
    ),
    consentsPerPurpose: z.array(
      z.object({
        purposeId: z.string(),
        granted: z.number().int().openapi({ description: 'Consents in force now' }),
        withdrawn: z.number().int().openapi({ description: 'Consents withdrawn' }),
      }),
    ),
    destroyedPerMonth: z.array(
      z.object({
        month: z.string().openapi({ example: '2026-03' }),
        values: z
          .number()
          .int()
          .openapi({ description: 'Values destroyed by the sweeps finished that month' }),
      }),
    ),
  })
  .openapi('Stats', {
    example: {
      requestsPerWeek: [{ week: '2026-03-16', received: 4, answered: 3, onTime: 3 }],
      consentsPerPurpose: [{ purposeId: 'mailing', granted: 120, withdrawn: 7 }],
      destroyedPerMonth: [{ month: '2026-03', values: 42 }],
    },
  });

export function mountStatsRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  const service = createStats({ sql: amanat.stores.sql, rules: amanat.rules, clock: amanat.clock });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stats',
      operationId: 'getStats',
      security: keyOrSession,
      tags: ['System'],
      summary:
        'Counts for the console charts: requests per week (and on time), consents per purpose, values destroyed per month',
      description:
        'Counts only — no subject, value or text — so every signed-in person may read them (register:read). ' +
        "Weeks and months are the operator's time zone.",
      middleware: [requireScope(auth, 'register:read')] as const,
      request: {
        query: z.object({
          weeks: z.coerce
            .number()
            .int()
            .min(1)
            .max(104)
            .default(12)
            .openapi({ description: 'How many weeks back, this one included (1–104)', example: 12 }),
        }),
      },
      responses: {
        200: { description: 'The counts', content: { 'application/json': { schema: statsSchema } } },
        ...errors(...authErrors, 422),
      },
    }),
    async (c) => c.json(await service.stats(c.req.valid('query').weeks), 200),
  );
}
