import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { asJson, errorResponses, pdfBody, pdfContent } from '../../http/openapi-common.js';
import type { Principal } from '../access/principal.js';
import { requestChannels, requestStatuses, requestTypes } from './request.table.js';

const requestIdParam = z.object({
  requestId: z.uuid().openapi({ param: { name: 'requestId', in: 'path' }, description: 'Request id' }),
});
const requestRecord = z.record(z.string(), z.unknown()).openapi('SubjectRequest');
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const contact = z
  .object({
    email: z.string().max(320).optional(),
    phone: z.string().max(40).optional(),
    name: z.string().max(300).optional(),
  })
  .strict();
const scope = z
  .object({
    purposes: z.array(z.string()).max(50).optional(),
    fields: z.array(z.string()).max(200).optional(),
  })
  .strict();
const language = z.enum(['ru', 'kk', 'en']);

const submitBody = z
  .object({
    type: z.enum(requestTypes),
    channel: z.enum(requestChannels),
    contact,
    subject_id: z.uuid().optional(),
    scope: scope.optional(),
    values: z.record(z.string(), z.unknown()).optional(),
    text: z.string().max(20_000).optional(),
    language: language.optional(),
    received_at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .openapi('SubjectRequestSubmission', {
    example: {
      type: 'consent_withdrawal',
      channel: 'email',
      contact: { email: 'aigerim@example.kz', name: 'Сапарова Айгерим' },
      scope: { purposes: ['mailing'] },
    },
  });

const publicSubmitBody = z
  .object({
    type: z.enum(requestTypes).exclude(['unclassified']),
    contact,
    scope: scope.optional(),
    values: z.record(z.string(), z.unknown()).optional(),
    text: z.string().max(20_000).optional(),
    language: language.optional(),
  })
  .strict()
  .openapi('PublicSubjectRequest');

export function mountRequestRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  const { requests, requestExecution } = amanat;
  const tags = ['Subject requests'];
  // The access report and the letter carry what is held for every purpose: a role limited to some purposes
  // may handle the request (its contact and words) but not read them; the refusal is logged.
  const requireEveryPurpose = (principal: Principal) =>
    amanat.access.requirePurposes(
      principal,
      amanat.rules.purposes().map((p) => p.id),
    );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/requests',
      tags,
      summary: 'Take in a subject request (from any channel); a duplicate of an open one is linked to it',
      middleware: [requireScope(auth, 'requests:submit')] as const,
      request: body(submitBody),
      responses: {
        201: json(requestRecord, 'Received; the due date is counted on the working-day calendar'),
        200: json(requestRecord, 'A duplicate of an open request: linked to it'),
        429: json(z.unknown(), 'Too many requests from this contact within 24 hours'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const { request, duplicate } = await requests.submit(c.get('principal').actor, {
        type: b.type,
        channel: b.channel,
        contact: b.contact,
        subjectId: b.subject_id,
        scope: b.scope,
        values: b.values,
        text: b.text,
        language: b.language,
        receivedAt: b.received_at ? new Date(b.received_at) : undefined,
      });
      return c.json(asJson({ ...request, duplicate }), duplicate ? 200 : 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/requests',
      tags,
      summary: 'Requests with due date, working days left and overdue flag (no personal data)',
      middleware: [requireScope(auth, 'requests:read')] as const,
      request: {
        query: z.object({
          status: z.enum(requestStatuses).optional(),
          open: z.enum(['true', 'false']).optional(),
          due_by: z.iso
            .date()
            .optional()
            .openapi({ description: 'Open requests due on or before this date' }),
          overdue: z.enum(['true', 'false']).optional(),
          subject_id: z.uuid().optional(),
        }),
      },
      responses: {
        200: json(z.object({ requests: z.array(requestRecord) }), 'Earliest due first'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await requests.list({
        status: q.status,
        open: q.open === 'true' ? true : undefined,
        dueBy: q.due_by,
        overdue: q.overdue === 'true' ? true : undefined,
        subjectId: q.subject_id,
      });
      return c.json({ requests: asJson(rows) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/requests/digest',
      tags,
      summary: 'What is overdue, due today and due tomorrow (the daily digest)',
      middleware: [requireScope(auth, 'requests:read')] as const,
      responses: { 200: json(requestRecord, 'The digest'), ...errorResponses },
    }),
    async (c) => c.json(asJson(await requests.dueDigest()), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/requests/{requestId}',
      tags,
      summary: "The request with the requester's contact and words (the read is audited)",
      middleware: [requireScope(auth, 'requests:read')] as const,
      request: { params: requestIdParam },
      responses: { 200: json(requestRecord, 'The request'), ...errorResponses },
    }),
    async (c) =>
      c.json(asJson(await requests.get(c.get('principal').actor, c.req.valid('param').requestId)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/requests/{requestId}/history',
      tags,
      summary: "The request's history, from the audit chain",
      middleware: [requireScope(auth, 'requests:read')] as const,
      request: { params: requestIdParam },
      responses: {
        200: json(z.object({ history: z.array(requestRecord) }), 'Oldest first'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ history: asJson(await requests.history(c.req.valid('param').requestId)) }, 200),
  );

  const action = <T extends z.ZodType>(
    path: string,
    summary: string,
    schema: T,
    run: (actor: string, id: string, input: z.infer<T>) => Promise<unknown>,
  ) =>
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/requests/{requestId}/${path}`,
        tags,
        summary,
        middleware: [requireScope(auth, 'requests:write')] as const,
        request: { params: requestIdParam, ...body(schema) },
        responses: { 200: json(requestRecord, 'Done'), ...errorResponses },
      }),
      async (c) => {
        const input = c.req.valid('json' as never) as z.infer<T>;
        const { requestId } = c.req.valid('param' as never) as { requestId: string };
        const result = await run(c.get('principal').actor, requestId, input);
        return c.json(asJson(result), 200);
      },
    );

  action(
    'classify',
    'Decide what an unclassified message asks for; the deadline is counted again from receipt',
    z.object({ type: z.enum(requestTypes).exclude(['unclassified']), scope: scope.optional() }).strict(),
    (actor, id, input) => requests.classify(actor, id, input),
  );
  action(
    'assign',
    'Give the request to a staff member',
    z.object({ assignee: z.string().min(1).max(200) }).strict(),
    (actor, id, input) => requests.assign(actor, id, input.assignee),
  );
  action(
    'verification/email',
    "Send a one-time code to the requester's e-mail",
    z.object({}).strict(),
    (actor, id) => requests.startEmailVerification(actor, id),
  );
  action(
    'verification/manual',
    'Record that a staff member checked identity, and how (no document copy is kept)',
    z
      .object({
        how: z.enum(['in_person', 'signed_letter', 'digital_signature', 'video_call', 'known_contact']),
      })
      .strict(),
    (actor, id, input) => requests.verifyManually(actor, id, input.how),
  );
  action(
    'verification/code',
    'Check a one-time code the requester received',
    z.object({ code: z.string().min(1).max(20) }).strict(),
    (actor, id, input) => requests.verifyCode(actor, id, input.code),
  );
  action(
    'extend',
    'Extend the deadline once where the law allows it (RU: +5 working days with a reason)',
    z.object({ reason: z.string().min(1).max(2000) }).strict(),
    (actor, id, input) => requests.extend(actor, id, input.reason),
  );
  action(
    'execute',
    'Carry the verified request out (report, rectify, block, unblock, schedule destruction, withdraw)',
    z.object({ answer: z.string().max(5000).optional() }).strict(),
    // The answer is the request's new state; the access report (every value held) is read through GET …/report.
    async (actor, id, input) => ({ request: (await requestExecution.execute(actor, id, input)).request }),
  );
  action(
    'refuse',
    'Refuse with a reason the law allows; the letter quotes it',
    z.object({ reason: z.string().min(1).max(5000), rule: z.string().max(500).optional() }).strict(),
    (actor, id, input) => requestExecution.refuse(actor, id, input),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/requests/{requestId}/report',
      tags,
      summary: 'The access report (schema amanat.access-report/1), compiled from what is held now',
      middleware: [requireScope(auth, 'requests:read')] as const,
      request: { params: requestIdParam },
      responses: { 200: json(requestRecord, 'The report'), ...errorResponses },
    }),
    async (c) => {
      await requireEveryPurpose(c.get('principal'));
      return c.json(
        asJson(await requestExecution.report(c.get('principal').actor, c.req.valid('param').requestId)),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/requests/{requestId}/letter',
      tags,
      summary: "The answer letter as PDF in the request's language, with the operator's details",
      middleware: [requireScope(auth, 'requests:read')] as const,
      request: { params: requestIdParam },
      responses: {
        200: {
          description: 'The letter',
          content: pdfContent,
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { requestId } = c.req.valid('param');
      await requireEveryPurpose(c.get('principal'));
      const { pdf } = await requestExecution.letter(c.get('principal').actor, requestId);
      return pdfBody(c, pdf, `answer-${requestId}.pdf`) as never;
    },
  );

  action(
    'send-answer',
    "E-mail the letter (and the JSON report of an access request) to the requester's address",
    z.object({}).strict(),
    (actor, id) => requestExecution.sendAnswer(actor, id),
  );

  // The privacy centre: what a data subject can do without an account. Identity is proved by the e-mailed code.
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/public/requests',
      tags: ['Privacy centre'],
      summary: 'A data subject files a request; a code is e-mailed to confirm it is theirs',
      request: body(publicSubmitBody),
      responses: {
        201: json(requestRecord, 'Received'),
        200: json(requestRecord, 'Linked to an open request of the same type'),
        429: json(z.unknown(), 'Too many requests from this contact within 24 hours'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const { request, duplicate } = await requests.submit('privacy-centre', { ...b, channel: 'web' });
      let verification: 'code_sent' | 'manual' = 'manual';
      if (!duplicate && b.contact.email && amanat.mailer.configured) {
        await requests.startEmailVerification('privacy-centre', request.id);
        verification = 'code_sent';
      }
      const answer = {
        id: request.id,
        number: request.number,
        dueDate: request.dueDate,
        duplicate,
        verification,
      };
      return c.json(answer, duplicate ? 200 : 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/public/requests/{requestId}/verify',
      tags: ['Privacy centre'],
      summary: 'The data subject enters the e-mailed code',
      request: { params: requestIdParam, ...body(z.object({ code: z.string().min(1).max(20) }).strict()) },
      responses: { 200: json(requestRecord, 'Verified'), ...errorResponses },
    }),
    async (c) => {
      const verified = await requests.verifyCode(
        'subject',
        c.req.valid('param').requestId,
        c.req.valid('json').code,
      );
      return c.json({ id: verified.id, number: verified.number, status: verified.status }, 200);
    },
  );
}
