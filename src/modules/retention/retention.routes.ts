// Retention's HTTP routes, one mounter per route (its contract and handler); the acts' are in
// destruction-act.routes.ts. mountRetentionRoutes mounts them all in the order of the OpenAPI document.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import {
  authErrors,
  bodyErrors,
  calendarDate,
  dayOrInstant,
  errors,
  isoDate,
  keyOrSession,
  keyOrSessionCsrf,
} from '../../http/openapi-common.js';
import { destructionActRoutes } from './destruction-act.routes.js';
import { actor, body, json, type RouteMount } from './retention.routes.common.js';
import {
  legalHoldSchema,
  retentionEventSchema,
  retentionPlanSchema,
  retentionRunSchema,
  sweepResultSchema,
} from './retention.schema.js';

const subjectParam = z.object({ subjectId: z.uuid() });
/** A planning date may lie ahead; an event or an activity has happened. */
const instant = dayOrInstant(false);
const pastEvent = dayOrInstant(true);

/** A sweep's row: counters as numbers (PostgreSQL returns bigint as text). */
function presentRun(row: Record<string, unknown>) {
  return {
    ...(row as z.input<typeof retentionRunSchema>),
    values_destroyed: Number(row.values_destroyed),
    subjects_destroyed: Number(row.subjects_destroyed),
  };
}

const getRetentionPlan: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/plan',
      operationId: 'getRetentionPlan',
      security: keyOrSession,
      tags: ['Retention'],
      summary: 'What a sweep would destroy, anonymise or release by a date, without doing it',
      middleware: [requireScope(auth, 'retention:read')] as const,
      request: { query: z.object({ at: instant.optional() }) },
      responses: { 200: json(retentionPlanSchema, 'The plan'), ...errors(...authErrors, 422) },
    }),
    async (c) => {
      const { at } = c.req.valid('query');
      const when = at ? amanat.retention.planInstant(at) : amanat.clock();
      return c.json(await amanat.retention.plan(when), 200);
    },
  );
};

const runRetentionSweep: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/retention/run',
      operationId: 'runRetentionSweep',
      security: keyOrSessionCsrf,
      tags: ['Retention'],
      summary: 'Run a sweep now (one at a time: 409 retention_busy while another runs)',
      middleware: [requireScope(auth, 'retention:write')] as const,
      responses: { 200: json(sweepResultSchema, 'What the sweep did'), ...errors(...authErrors, 409) },
    }),
    async (c) => c.json(await amanat.retentionSweeper.run({ trigger: 'api' }), 200),
  );
};

const listRetentionRuns: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/runs',
      operationId: 'listRetentionRuns',
      security: keyOrSession,
      tags: ['Retention'],
      summary: 'The last sweeps, newest first',
      middleware: [requireScope(auth, 'retention:read')] as const,
      responses: {
        200: json(z.object({ runs: z.array(retentionRunSchema) }), 'Runs'),
        ...errors(...authErrors),
      },
    }),
    async (c) => c.json({ runs: (await amanat.retentionSweeper.runs()).map(presentRun) }, 200),
  );
};

const recordRetentionEvent: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/subjects/{subjectId}/retention-events',
      operationId: 'recordRetentionEvent',
      security: keyOrSessionCsrf,
      tags: ['Retention'],
      summary: "Record a fact retention counts from: a contract's end, or a purpose achieved",
      middleware: [requireScope(auth, 'retention:write')] as const,
      request: {
        params: subjectParam,
        ...body(
          z
            .object({
              kind: z.enum(['contract_end', 'purpose_achieved']),
              purpose: z.string().min(1).optional(),
              contract_ref: z.string().min(1).max(200).optional(),
              occurred_at: pastEvent.optional(),
            })
            .strict()
            .openapi('RetentionEvent', {
              example: { kind: 'contract_end', contract_ref: 'offer-2025-01', occurred_at: '2026-03-20' },
            }),
        ),
      },
      responses: {
        201: json(retentionEventSchema, 'Recorded; values rescheduled'),
        ...errors(...authErrors, ...bodyErrors, 404),
      },
    }),
    async (c) => {
      const { subjectId } = c.req.valid('param');
      const b = c.req.valid('json');
      const result = await amanat.retention.recordEvent(actor(c), subjectId, {
        kind: b.kind,
        purposeId: b.purpose,
        contractRef: b.contract_ref,
        occurredAt: b.occurred_at,
      });
      return c.json(result, 201);
    },
  );
};

const recordSubjectActivity: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/subjects/{subjectId}/activity',
      operationId: 'recordSubjectActivity',
      security: keyOrSessionCsrf,
      tags: ['Retention'],
      summary: "Record the subject's activity: periods counted from the last activity restart",
      middleware: [requireScope(auth, 'retention:write')] as const,
      request: {
        params: subjectParam,
        ...body(
          z
            .object({ at: pastEvent.optional() })
            .strict()
            .openapi({ example: { at: '2026-03-20T09:30:00+05:00' } }),
        ),
      },
      responses: {
        200: {
          description: 'Recorded',
          content: {
            'application/json': {
              schema: z.object({ lastActivityAt: isoDate, valuesRescheduled: z.number().int() }),
              example: { lastActivityAt: '2026-03-20T04:30:00.000Z', valuesRescheduled: 2 },
            },
          },
        },
        ...errors(...authErrors, ...bodyErrors, 404),
      },
    }),
    async (c) => {
      const { subjectId } = c.req.valid('param');
      const result = await amanat.retention.recordActivity(actor(c), subjectId, c.req.valid('json').at);
      return c.json(result, 200);
    },
  );
};

const declareLiquidation: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/retention/liquidation',
      operationId: 'declareLiquidation',
      security: keyOrSessionCsrf,
      tags: ['Retention'],
      summary: 'Declare the operator\'s liquidation date: "until liquidation" data then ends on it',
      middleware: [requireScope(auth, 'retention:write')] as const,
      request: body(
        z
          .object({ date: calendarDate() })
          .strict()
          .openapi({ example: { date: '2027-12-31' } }),
      ),
      responses: {
        200: {
          description: 'Declared; values rescheduled',
          content: {
            'application/json': {
              schema: z.object({ date: z.iso.date(), valuesRescheduled: z.number().int() }),
              example: { date: '2027-12-31', valuesRescheduled: 120 },
            },
          },
        },
        ...errors(...authErrors, ...bodyErrors),
      },
    }),
    async (c) => c.json(await amanat.retention.declareLiquidation(actor(c), c.req.valid('json').date), 200),
  );
};

const placeLegalHold: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/subjects/{subjectId}/legal-holds',
      operationId: 'placeLegalHold',
      security: keyOrSessionCsrf,
      tags: ['Retention'],
      summary:
        'Suspend destruction of a subject (all fields or the named ones): a court, an authority, a dispute',
      middleware: [requireScope(auth, 'retention:write')] as const,
      request: {
        params: subjectParam,
        ...body(
          z
            .object({ reason: z.string().min(1).max(1000), fields: z.array(z.string().min(1)).optional() })
            .strict()
            .openapi('LegalHoldInput', { example: { reason: 'Запрос суда № 2-1234/2026' } }),
        ),
      },
      responses: { 201: json(legalHoldSchema, 'Placed'), ...errors(...authErrors, ...bodyErrors, 404) },
    }),
    async (c) => {
      const { subjectId } = c.req.valid('param');
      const hold = await amanat.retention.placeHold(actor(c), subjectId, c.req.valid('json'));
      return c.json(hold, 201);
    },
  );
};

const listLegalHolds: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/legal-holds',
      operationId: 'listLegalHolds',
      security: keyOrSession,
      tags: ['Retention'],
      summary: 'Legal holds, newest first',
      middleware: [requireScope(auth, 'retention:read')] as const,
      request: {
        query: z.object({ subject_id: z.uuid().optional(), active: z.enum(['true', 'false']).optional() }),
      },
      responses: {
        200: json(z.object({ holds: z.array(legalHoldSchema) }), 'Holds'),
        ...errors(...authErrors, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const holds = await amanat.retention.listHolds({
        subjectId: q.subject_id,
        active: q.active === undefined ? undefined : q.active === 'true',
      });
      return c.json({ holds: holds }, 200);
    },
  );
};

const liftLegalHold: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/legal-holds/{holdId}/lift',
      operationId: 'liftLegalHold',
      security: keyOrSessionCsrf,
      tags: ['Retention'],
      summary: 'Lift a legal hold (destruction resumes at the next sweep)',
      middleware: [requireScope(auth, 'retention:write')] as const,
      request: {
        params: z.object({ holdId: z.uuid() }),
        ...body(
          z
            .object({ reason: z.string().min(1).max(1000) })
            .strict()
            .openapi({ example: { reason: 'Решение суда вступило в силу' } }),
        ),
      },
      responses: {
        200: {
          description: 'Lifted',
          content: {
            'application/json': {
              schema: z.object({ id: z.uuid(), liftedAt: isoDate }),
              example: { id: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', liftedAt: '2026-04-01T09:00:00.000Z' },
            },
          },
        },
        ...errors(...authErrors, ...bodyErrors, 404, 409),
      },
    }),
    async (c) => {
      const { holdId } = c.req.valid('param');
      const lifted = await amanat.retention.liftHold(actor(c), holdId, c.req.valid('json').reason);
      return c.json(lifted, 200);
    },
  );
};

/** Retention's routes (plan, runs, facts, liquidation, legal holds) and the acts', in the OpenAPI order. */
export function mountRetentionRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  const routes: RouteMount[] = [
    getRetentionPlan,
    runRetentionSweep,
    listRetentionRuns,
    recordRetentionEvent,
    recordSubjectActivity,
    declareLiquidation,
    placeLegalHold,
    listLegalHolds,
    liftLegalHold,
    ...destructionActRoutes,
  ];
  for (const mount of routes) mount(app, amanat, auth);
}
