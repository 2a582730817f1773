// The destruction acts' routes: list, paper destruction, one act as JSON, as PDF, and its log extract.
import { createRoute, z } from '@hono/zod-openapi';
import { requireScope } from '../../http/auth.js';
import {
  authErrors,
  bodyErrors,
  calendarDate,
  errors,
  keyOrSession,
  keyOrSessionCsrf,
  pdfBody,
  pdfContent,
} from '../../http/openapi-common.js';
import { recordRef } from '../../http/record-ref.js';
import { actor, body, json, type RouteMount } from './retention.routes.common.js';
import {
  destructionActDocumentSchema,
  destructionActSchema,
  destructionLogSchema,
} from './retention.schema.js';

const actParam = z.object({ actId: recordRef('actId', 'act') });

const listDestructionActs: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/acts',
      operationId: 'listDestructionActs',
      security: keyOrSession,
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
      responses: {
        200: json(z.object({ acts: z.array(destructionActSchema) }), 'Acts'),
        ...errors(...authErrors, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const acts = await amanat.destructionActs.list({
        kind: q.kind,
        requestId: q.request_id,
        limit: q.limit,
      });
      return c.json({ acts: acts }, 200);
    },
  );
};

const recordPaperDestruction: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/retention/acts/paper',
      operationId: 'recordPaperDestruction',
      security: keyOrSessionCsrf,
      tags: ['Retention'],
      summary: 'Record the destruction of paper media (shredder) with an act',
      middleware: [requireScope(auth, 'retention:write')] as const,
      request: body(
        z
          .object({
            date: calendarDate(),
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
          .openapi('PaperDestruction', {
            example: {
              date: '2026-03-20',
              media: 'Анкеты соискателей, папка № 3',
              pages: 42,
              reason: 'Истёк срок хранения',
              fields: ['full_name', 'phone'],
              performed_by: [{ name: 'Сапарова А.', position: 'Ответственный за обработку ПД' }],
            },
          }),
      ),
      responses: {
        201: json(destructionActDocumentSchema, 'The act'),
        ...errors(...authErrors, ...bodyErrors),
      },
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
      return c.json(act, 201);
    },
  );
};

const getDestructionAct: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/acts/{actId}',
      operationId: 'getDestructionAct',
      security: keyOrSession,
      tags: ['Retention'],
      summary: 'One act as JSON',
      middleware: [requireScope(auth, 'retention:read')] as const,
      request: { params: actParam },
      responses: { 200: json(destructionActSchema, 'The act'), ...errors(...authErrors, 404, 422) },
    }),
    async (c) => c.json(await amanat.destructionActs.get(c.req.valid('param').actId), 200),
  );
};

const getDestructionActPdf: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/acts/{actId}/pdf',
      operationId: 'getDestructionActPdf',
      security: keyOrSession,
      tags: ['Retention'],
      summary: 'The act as PDF, in Russian (the stored original) or Kazakh',
      middleware: [requireScope(auth, 'retention:read')] as const,
      request: {
        params: actParam,
        query: z.object({
          lang: z
            .enum(['ru', 'kk'])
            .default('ru')
            .openapi({ description: 'The act’s language: ru (default) or kk', example: 'kk' }),
        }),
      },
      responses: {
        200: {
          description: 'PDF',
          content: pdfContent,
        },
        ...errors(...authErrors, 404, 409, 422),
      },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { pdf, number } = await amanat.destructionActs.pdf(c.req.valid('param').actId, lang);
      return pdfBody(c, pdf, lang === 'ru' ? `akt-${number}.pdf` : `akt-${number}-${lang}.pdf`);
    },
  );
};

const getDestructionActLog: RouteMount = (app, amanat, auth) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/acts/{actId}/log',
      operationId: 'getDestructionActLog',
      security: keyOrSession,
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
      responses: { 200: json(destructionLogSchema, 'Lines'), ...errors(...authErrors, 404, 422) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await amanat.destructionActs.log(c.req.valid('param').actId, {
        afterSeq: q.after_seq,
        limit: q.limit,
      });
      return c.json(page, 200);
    },
  );
};

/** In the order they are mounted (and appear in the OpenAPI document). */
export const destructionActRoutes: RouteMount[] = [
  listDestructionActs,
  recordPaperDestruction,
  getDestructionAct,
  getDestructionActPdf,
  getDestructionActLog,
];
