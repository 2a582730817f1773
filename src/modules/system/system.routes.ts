import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { authErrors, errors, keyOrSession } from '../../http/openapi-common.js';
import { createSystemStatus, type SystemStatusDeps } from './system-status.js';

const statusSchema = z
  .object({
    mailPoller: z.object({
      configured: z.boolean().openapi({ description: 'IMAP_URL is set on this instance' }),
      lastPollAt: z
        .string()
        .nullable()
        .openapi({ description: 'The last poll that finished (any instance)' }),
      lastError: z
        .string()
        .nullable()
        .openapi({ description: 'The last poll’s error, while no poll has succeeded since' }),
    }),
    jobs: z
      .object({
        queued: z.number().int().openapi({ description: 'Jobs due and waiting for a worker' }),
        failed: z.number().int().openapi({ description: 'Jobs failed in the last 7 days' }),
        lastFailure: z.object({ job: z.string(), at: z.string(), message: z.string() }).nullable(),
      })
      .nullable()
      .openapi({ description: 'null: no scheduler has run on this store (JOBS=false on every instance)' }),
    nextSweepAt: z
      .string()
      .nullable()
      .openapi({ description: 'The next scheduled retention sweep; null when none is scheduled' }),
    auditChain: z.object({
      ok: z.boolean(),
      entries: z.number().int(),
      checkedAt: z.string().openapi({ description: 'When the chain was walked (reused for 10 minutes)' }),
    }),
  })
  .openapi('SystemStatus', {
    example: {
      mailPoller: { configured: true, lastPollAt: '2026-03-20T09:30:00.000Z', lastError: null },
      jobs: { queued: 0, failed: 0, lastFailure: null },
      nextSweepAt: '2026-03-20T21:30:00.000Z',
      auditChain: { ok: true, entries: 5120, checkedAt: '2026-03-20T09:31:00.000Z' },
    },
  });

export function mountSystemRoutes(
  app: OpenAPIHono<AppEnv>,
  amanat: Amanat,
  auth: AuthOptions,
  jobNames: SystemStatusDeps['jobNames'],
): void {
  const service = createSystemStatus({
    sql: amanat.stores.sql,
    clock: amanat.clock,
    mailPollerConfigured: amanat.mailPoller !== null && amanat.mailPoller !== undefined,
    verifyAudit: amanat.verifyAudit,
    jobNames,
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/system/status',
      operationId: 'getSystemStatus',
      security: keyOrSession,
      tags: ['System'],
      summary: 'The mailbox poller, the scheduled jobs, the next retention sweep and the audit chain',
      description:
        'No personal data (error messages are cut short and addresses in them masked): every signed-in person ' +
        'may read it (register:read).',
      middleware: [requireScope(auth, 'register:read')] as const,
      responses: {
        200: { description: 'The state', content: { 'application/json': { schema: statusSchema } } },
        ...errors(...authErrors),
      },
    }),
    async (c) => c.json(await service.status(), 200),
  );
}
