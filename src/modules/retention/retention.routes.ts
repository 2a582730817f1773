import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { asJson, errorResponses, pdfBody, pdfContent } from '../../http/openapi-common.js';
import { recordRef } from '../../http/record-ref.js';

const anyObject = z.record(z.string(), z.unknown());
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true as const },
});
const subjectParam = z.object({ subjectId: z.uuid() });
const actParam = z.object({ actId: recordRef('actId', 'act') });
const instant = z.string().min(10).openapi({
  description: 'YYYY-MM-DD (start of that day in the operator time zone) or an ISO 8601 instant',
});

export function mountRetentionRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  const actor = (c: { get(key: 'principal'): { actor: string } }) => c.get('principal').actor;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/plan',
      tags: ['Retention'],
      summary: 'What a sweep would destroy, anonymise or release by a date, without doing it',
      middleware: [requireScope(auth, 'retention:read')] as const,
      request: { query: z.object({ at: instant.optional() }) },
      responses: { 200: json(anyObject.openapi('RetentionPlan'), 'The plan'), ...errorResponses },
    }),
    async (c) => {
      const { at } = c.req.valid('query');
      const when = at ? amanat.retention.planInstant(at) : amanat.clock();
      return c.json(asJson(await amanat.retention.plan(when)) as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/retention/run',
      tags: ['Retention'],
      summary: 'Run a sweep now (one at a time: 409 retention_busy while another runs)',
      middleware: [requireScope(auth, 'retention:write')] as const,
      responses: { 200: json(anyObject.openapi('SweepResult'), 'What the sweep did'), ...errorResponses },
    }),
    async (c) =>
      c.json(asJson(await amanat.retentionSweeper.run({ trigger: 'api' })) as Record<string, unknown>, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/runs',
      tags: ['Retention'],
      summary: 'The last sweeps, newest first',
      middleware: [requireScope(auth, 'retention:read')] as const,
      responses: { 200: json(z.object({ runs: z.array(anyObject) }), 'Runs'), ...errorResponses },
    }),
    async (c) => c.json({ runs: asJson(await amanat.retentionSweeper.runs()) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/subjects/{subjectId}/retention-events',
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
              occurred_at: instant.optional(),
            })
            .strict()
            .openapi('RetentionEvent'),
        ),
      },
      responses: { 201: json(anyObject, 'Recorded; values rescheduled'), ...errorResponses },
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
      return c.json(asJson(result) as Record<string, unknown>, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/subjects/{subjectId}/activity',
      tags: ['Retention'],
      summary: "Record the subject's activity: periods counted from the last activity restart",
      middleware: [requireScope(auth, 'retention:write')] as const,
      request: { params: subjectParam, ...body(z.object({ at: instant.optional() }).strict()) },
      responses: { 200: json(anyObject, 'Recorded'), ...errorResponses },
    }),
    async (c) => {
      const { subjectId } = c.req.valid('param');
      const result = await amanat.retention.recordActivity(actor(c), subjectId, c.req.valid('json').at);
      return c.json(asJson(result) as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/retention/liquidation',
      tags: ['Retention'],
      summary: 'Declare the operator\'s liquidation date: "until liquidation" data then ends on it',
      middleware: [requireScope(auth, 'retention:write')] as const,
      request: body(z.object({ date: z.iso.date() }).strict()),
      responses: { 200: json(anyObject, 'Declared; values rescheduled'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        asJson(await amanat.retention.declareLiquidation(actor(c), c.req.valid('json').date)) as Record<
          string,
          unknown
        >,
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/subjects/{subjectId}/legal-holds',
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
            .openapi('LegalHoldInput'),
        ),
      },
      responses: { 201: json(anyObject.openapi('LegalHold'), 'Placed'), ...errorResponses },
    }),
    async (c) => {
      const { subjectId } = c.req.valid('param');
      const hold = await amanat.retention.placeHold(actor(c), subjectId, c.req.valid('json'));
      return c.json(asJson(hold) as Record<string, unknown>, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/legal-holds',
      tags: ['Retention'],
      summary: 'Legal holds, newest first',
      middleware: [requireScope(auth, 'retention:read')] as const,
      request: {
        query: z.object({ subject_id: z.uuid().optional(), active: z.enum(['true', 'false']).optional() }),
      },
      responses: { 200: json(z.object({ holds: z.array(anyObject) }), 'Holds'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const holds = await amanat.retention.listHolds({
        subjectId: q.subject_id,
        active: q.active === undefined ? undefined : q.active === 'true',
      });
      return c.json({ holds: asJson(holds) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/legal-holds/{holdId}/lift',
      tags: ['Retention'],
      summary: 'Lift a legal hold (destruction resumes at the next sweep)',
      middleware: [requireScope(auth, 'retention:write')] as const,
      request: {
        params: z.object({ holdId: z.uuid() }),
        ...body(z.object({ reason: z.string().min(1).max(1000) }).strict()),
      },
      responses: { 200: json(anyObject, 'Lifted'), ...errorResponses },
    }),
    async (c) => {
      const { holdId } = c.req.valid('param');
      const lifted = await amanat.retention.liftHold(actor(c), holdId, c.req.valid('json').reason);
      return c.json(asJson(lifted) as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/acts',
      tags: ['Retention'],
      summary: 'Acts of destruction, newest first (kept 3 years)',
      middleware: [requireScope(auth, 'retention:read')] as const,
      request: {
        query: z.object({
          kind: z.enum(['sweep', 'request', 'paper']).optional(),
          request_id: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: { 200: json(z.object({ acts: z.array(anyObject) }), 'Acts'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const acts = await amanat.destructionActs.list({
        kind: q.kind,
        requestId: q.request_id,
        limit: q.limit,
      });
      return c.json({ acts: asJson(acts) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/retention/acts/paper',
      tags: ['Retention'],
      summary: 'Record the destruction of paper media (shredder) with an act',
      middleware: [requireScope(auth, 'retention:write')] as const,
      request: body(
        z
          .object({
            date: z.iso.date(),
            media: z.string().min(1).max(500),
            pages: z.number().int().min(1),
            reason: z.string().min(1).max(1000),
            fields: z.array(z.string().min(1)).min(1),
            subject_categories: z.array(z.string()).optional(),
            subject_ids: z.array(z.uuid()).optional(),
            purposes: z.array(z.string()).optional(),
            information_systems: z.array(z.string()).optional(),
            method: z.string().max(500).optional(),
            performed_by: z
              .array(z.object({ name: z.string().min(1), position: z.string().optional() }))
              .min(1),
          })
          .strict()
          .openapi('PaperDestruction'),
      ),
      responses: { 201: json(anyObject.openapi('DestructionAct'), 'The act'), ...errorResponses },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const act = await amanat.destructionActs.recordPaper(actor(c), {
        date: b.date,
        media: b.media,
        pages: b.pages,
        reason: b.reason,
        fields: b.fields,
        subjectCategories: b.subject_categories,
        subjectIds: b.subject_ids,
        purposes: b.purposes,
        informationSystems: b.information_systems,
        method: b.method,
        performedBy: b.performed_by,
      });
      return c.json(asJson(act) as Record<string, unknown>, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/acts/{actId}',
      tags: ['Retention'],
      summary: 'One act as JSON',
      middleware: [requireScope(auth, 'retention:read')] as const,
      request: { params: actParam },
      responses: { 200: json(anyObject, 'The act'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        asJson(await amanat.destructionActs.get(c.req.valid('param').actId)) as Record<string, unknown>,
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/acts/{actId}/pdf',
      tags: ['Retention'],
      summary: 'The act as PDF',
      middleware: [requireScope(auth, 'retention:read')] as const,
      request: { params: actParam },
      responses: {
        200: {
          description: 'PDF',
          content: pdfContent,
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { pdf, number } = await amanat.destructionActs.pdf(c.req.valid('param').actId);
      return pdfBody(c, pdf, `akt-${number}.pdf`);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/acts/{actId}/log',
      tags: ['Retention'],
      summary: "The act's full log extract, page by page (after_seq from the previous page's next)",
      middleware: [requireScope(auth, 'retention:read')] as const,
      request: {
        params: actParam,
        query: z.object({
          after_seq: z.coerce.number().int().min(0).optional(),
          limit: z.coerce.number().int().min(1).max(10_000).optional(),
        }),
      },
      responses: { 200: json(anyObject, 'Lines'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await amanat.destructionActs.log(c.req.valid('param').actId, {
        afterSeq: q.after_seq,
        limit: q.limit,
      });
      return c.json(asJson(page) as Record<string, unknown>, 200);
    },
  );
}
