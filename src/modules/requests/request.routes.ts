// The subject-request API: staff take requests in, read them and move them along (steps), answer them (report,
// letter, delivery); the privacy centre lets a data subject file one and confirm it by code without an account.
// Route definitions are module-level; each group has its mounter, called in the order the paths are documented.
import { createRoute, type OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import {
  authErrors,
  bodyErrors,
  calendarDate,
  type ErrorStatus,
  errors,
  keyOrSession,
  keyOrSessionCsrf,
  noAuth,
  pastInstant,
  pdfBody,
  pdfContent,
} from '../../http/openapi-common.js';
import { recordRef } from '../../http/record-ref.js';
import type { Principal } from '../access/principal.js';
import { createPublicIntake } from './request.public.js';
import {
  accessReportSchema,
  answerSentSchema,
  classifiedRequestSchema,
  emailVerificationSchema,
  executionSchema,
  publicCodeRenewalSchema,
  publicRequestAnswerSchema,
  publicRequestStatusSchema,
  publicStatusTokenSchema,
  publicVerifiedSchema,
  requestDetailsSchema,
  requestDigestSchema,
  requestHistorySchema,
  requestSummarySchema,
  submittedRequestSchema,
} from './request.schema.js';
import { manualVerificationMethods } from './request.service.js';
import { answerChannels, requestChannels, requestStatuses, requestTypes } from './request.table.js';

const requestIdParam = z.object({
  requestId: z.uuid().openapi({ param: { name: 'requestId', in: 'path' }, description: 'Request id' }),
});
/** Staff name a request by its number or its id; the privacy centre only by its id. */
const requestRefParam = z.object({ requestId: recordRef('requestId', 'request') });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
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
    received_at: pastInstant().optional(),
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
  .openapi('PublicSubjectRequest', {
    example: {
      type: 'access',
      contact: { email: 'aigerim@example.kz', name: 'Сапарова Айгерим' },
      language: 'ru',
    },
  });

const tags = ['Subject requests'];

// Staff: taking requests in and reading them.
const submitRoute = createRoute({
  method: 'post',
  path: '/api/requests',
  operationId: 'submitRequest',
  security: keyOrSessionCsrf,
  tags,
  summary: 'Take in a subject request (from any channel); a duplicate of an open one is linked to it',
  request: body(submitBody),
  responses: {
    201: json(submittedRequestSchema, 'Received; the due date is counted on the working-day calendar'),
    200: json(submittedRequestSchema, 'A duplicate of an open request: linked to it'),
    ...errors(...authErrors, ...bodyErrors, 404, 429),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/requests',
  operationId: 'listRequests',
  security: keyOrSession,
  tags,
  summary: 'Requests with due date, working days left and overdue flag (no personal data)',
  request: {
    query: z.object({
      status: z.enum(requestStatuses).optional(),
      open: z.enum(['true', 'false']).optional(),
      due_by: z.iso.date().optional().openapi({ description: 'Open requests due on or before this date' }),
      overdue: z.enum(['true', 'false']).optional(),
      subject_id: z.uuid().optional(),
    }),
  },
  responses: {
    200: json(z.object({ requests: z.array(requestSummarySchema) }), 'Earliest due first'),
    ...errors(...authErrors, 422),
  },
});

const digestRoute = createRoute({
  method: 'get',
  path: '/api/requests/digest',
  operationId: 'getRequestDigest',
  security: keyOrSession,
  tags,
  summary: 'What is overdue, due today and due tomorrow (the daily digest)',
  responses: { 200: json(requestDigestSchema, 'The digest'), ...errors(...authErrors) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/requests/{requestId}',
  operationId: 'getRequest',
  security: keyOrSession,
  tags,
  summary: "The request with the requester's contact and words (the read is audited)",
  request: { params: requestRefParam },
  responses: { 200: json(requestDetailsSchema, 'The request'), ...errors(...authErrors, 404, 422) },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/api/requests/{requestId}/history',
  operationId: 'getRequestHistory',
  security: keyOrSession,
  tags,
  summary: "The request's history, from the audit chain",
  request: { params: requestRefParam },
  responses: {
    200: json(requestHistorySchema, 'Oldest first'),
    ...errors(...authErrors, 404, 422),
  },
});

// Staff: answering (mounted after the steps, where the paths are documented).
const reportRoute = createRoute({
  method: 'get',
  path: '/api/requests/{requestId}/report',
  operationId: 'getRequestReport',
  security: keyOrSession,
  tags,
  summary: 'The access report (schema amanat.access-report/1), compiled from what is held now',
  request: { params: requestRefParam },
  responses: { 200: json(accessReportSchema, 'The report'), ...errors(...authErrors, 404, 409, 422) },
});

const letterRoute = createRoute({
  method: 'get',
  path: '/api/requests/{requestId}/letter',
  operationId: 'getRequestLetter',
  security: keyOrSession,
  tags,
  summary: "The answer letter as PDF in the request's language, with the operator's details",
  request: { params: requestRefParam },
  responses: {
    200: {
      description: 'The letter',
      content: pdfContent,
    },
    ...errors(...authErrors, 404, 409, 422),
  },
});

// The steps on one request: their bodies (each `POST /api/requests/{requestId}/<step>`).
const classifyBody = z
  .object({
    type: z.enum(requestTypes).exclude(['unclassified']),
    scope: scope.optional(),
    also: z
      .array(
        z.object({ type: z.enum(requestTypes).exclude(['unclassified']), scope: scope.optional() }).strict(),
      )
      .max(8)
      .optional()
      .openapi({
        description:
          'Further requests the same message makes (each linked to the kept message), e.g. access and destruction',
      }),
  })
  .strict()
  .openapi({ example: { type: 'access', also: [{ type: 'destruction' }] } });
const assignBody = z
  .object({ assignee: z.string().min(1).max(200) })
  .strict()
  .openapi({ example: { assignee: 'dpo@example.kz' } });
const emptyBody = () => z.object({}).strict().openapi({ example: {} });
const manualVerificationBody = z
  .object({
    how: z.enum(manualVerificationMethods),
    note: z.string().max(500).optional().openapi({ description: 'No document numbers or copies' }),
  })
  .strict()
  .openapi({ example: { how: 'signed_letter', note: 'подпись сверена с договором' } });
const codeBody = () =>
  z
    .object({ code: z.string().min(1).max(20) })
    .strict()
    .openapi({ example: { code: '482913' } });
const extendBody = z
  .object({ reason: z.string().min(1).max(2000) })
  .strict()
  .openapi({ example: { reason: 'Запрошены сведения из архива на бумаге; нужен выезд в архив' } });
const executeBody = z
  .object({ answer: z.string().max(5000).optional() })
  .strict()
  .openapi({ example: {} });
const refuseBody = z
  .object({ reason: z.string().min(1).max(5000), rule: z.string().max(500).optional() })
  .strict()
  .openapi({
    example: {
      reason: 'Запрос повторный, ответ дан 2026-03-01',
      rule: 'ЗРК о персональных данных, ст. 24',
    },
  });
const deliveryBody = z
  .object({
    channel: z.enum(answerChannels),
    date: calendarDate().optional().openapi({ description: 'When it was sent (default: today)' }),
    note: z.string().max(500).optional().openapi({ description: 'E.g. a tracking number; not the address' }),
  })
  .strict()
  .openapi({ example: { channel: 'post', date: '2026-03-27', note: 'RR123456789KZ' } });

/** Operation ids of the steps whose path does not name them (others: `<path>Request`, e.g. classifyRequest). */
const actionIds: Record<string, string> = {
  'verification/email': 'startRequestEmailVerification',
  'verification/manual': 'verifyRequestManually',
  'verification/code': 'verifyRequestCode',
  'send-answer': 'sendRequestAnswer',
  delivery: 'recordRequestDelivery',
};
const camel = (path: string) => path.replace(/[-/](\w)/g, (_, ch: string) => ch.toUpperCase());
/** The status codes a step can answer besides success: a wrong state (409), an expired code (410), no mail (503). */
const stepErrors: ErrorStatus[] = [...authErrors, ...bodyErrors, 404, 409];

function stepRoute(path: string, summary: string, schema: z.ZodType, answer: StepAnswer) {
  return createRoute({
    method: 'post',
    path: `/api/requests/{requestId}/${path}`,
    operationId: actionIds[path] ?? `${camel(path)}Request`,
    security: keyOrSessionCsrf,
    tags,
    summary,
    request: { params: requestRefParam, ...body(schema) },
    responses: {
      200: { description: 'Done', content: { 'application/json': { schema: answer.schema } } },
      ...errors(...stepErrors, ...(answer.errors ?? [])),
    },
  });
}

// The privacy centre: what a data subject can do without an account. Identity is proved by the e-mailed code.
const publicSubmitRoute = createRoute({
  method: 'post',
  path: '/api/public/requests',
  operationId: 'submitPublicRequest',
  security: noAuth,
  tags: ['Privacy centre'],
  summary: 'A data subject files a request; a code is e-mailed to confirm it is theirs',
  request: body(publicSubmitBody),
  responses: {
    201: json(
      publicRequestAnswerSchema,
      'Received. The same answer whether or not the contact already has an open request of this type',
    ),
    ...errors(...bodyErrors, 429, 503),
  },
});

const renewCodeRoute = createRoute({
  method: 'post',
  path: '/api/public/requests/code',
  operationId: 'renewPublicRequestCode',
  security: noAuth,
  tags: ['Privacy centre'],
  summary: 'The data subject asks for a new code for their requests waiting for confirmation',
  description:
    'Each open request of this e-mail still waiting for confirmation gets a new code by e-mail, unless its code ' +
    'is still valid and under 10 minutes old. The answer is the same whether or not there is such a request.',
  request: body(
    z
      .object({ email: z.string().min(3).max(320) })
      .strict()
      .openapi('PublicCodeRenewalRequest', { example: { email: 'aigerim@example.kz' } }),
  ),
  responses: {
    202: json(publicCodeRenewalSchema, 'Accepted; any new code goes to the e-mail'),
    ...errors(...bodyErrors, 429),
  },
});

const publicVerifyRoute = createRoute({
  method: 'post',
  path: '/api/public/requests/{requestId}/verify',
  operationId: 'verifyPublicRequest',
  security: noAuth,
  tags: ['Privacy centre'],
  summary: 'The data subject enters the e-mailed code',
  description:
    'A wrong, expired or used-up code, and an id that names no request waiting for confirmation, all answer the ' +
    'same 422; five wrong codes void a code (ask for a new one), and wrong codes are limited per client address.',
  request: {
    params: requestIdParam,
    ...body(
      z
        .object({ code: z.string().min(1).max(20) })
        .strict()
        .openapi({ example: { code: '482913' } }),
    ),
  },
  responses: {
    200: json(publicVerifiedSchema, 'Verified'),
    ...errors(...bodyErrors, 429),
  },
});

const statusDescription =
  'The token comes from the confirmation (the verify answer, and the e-mail link /requests/status#<token>); it is ' +
  'sent in the body, never in a URL. A wrong token answers 404 status_token_unknown; tries are limited per client address.';

const publicStatusRoute = createRoute({
  method: 'post',
  path: '/api/public/requests/status',
  operationId: 'getPublicRequestStatus',
  security: noAuth,
  tags: ['Privacy centre'],
  summary: "The requester follows their request's progress by its status link",
  description: statusDescription,
  request: body(publicStatusTokenSchema),
  responses: {
    200: json(publicRequestStatusSchema, 'The request by its number, dates, state and steps'),
    ...errors(...bodyErrors, 404, 429),
  },
});

const publicStatusLetterRoute = createRoute({
  method: 'post',
  path: '/api/public/requests/status/letter',
  operationId: 'getPublicRequestLetter',
  security: noAuth,
  tags: ['Privacy centre'],
  summary: 'The requester downloads the answer letter (PDF) once the request is answered or refused',
  description: `${statusDescription} Before the answer: 409.`,
  request: body(publicStatusTokenSchema),
  responses: {
    200: { description: 'The letter', content: pdfContent },
    ...errors(...bodyErrors, 404, 409, 429),
  },
});

const publicStatusExportRoute = createRoute({
  method: 'post',
  path: '/api/public/requests/status/export',
  operationId: 'getPublicRequestExport',
  security: noAuth,
  tags: ['Privacy centre'],
  summary: 'The requester downloads their data (JSON) once an access request is answered',
  description: `${statusDescription} Other request types, or before the answer: 409.`,
  request: body(publicStatusTokenSchema),
  responses: {
    200: json(accessReportSchema, 'The access report (schema amanat.access-report/1), as an attachment'),
    ...errors(...bodyErrors, 404, 409, 429),
  },
});

interface StepAnswer {
  schema: z.ZodType;
  example?: unknown;
  errors?: ErrorStatus[];
}

/** What every group's mounter needs. */
interface Mount {
  app: OpenAPIHono<AppEnv>;
  amanat: Amanat;
  auth: AuthOptions;
  /** The request a staff route names (its number or id), as its id. */
  requestIdOf: (c: { req: { param: (name: 'requestId') => string } }) => Promise<string>;
}

/** A staff route with the scope it requires (the route definitions above are the contract; scopes need `auth`). */
const scoped = <R extends RouteConfig>(
  route: R,
  auth: AuthOptions,
  scope: Parameters<typeof requireScope>[1],
) => createRoute({ ...route, middleware: [requireScope(auth, scope)] as const });

export function mountRequestRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  const m: Mount = {
    app,
    amanat,
    auth,
    requestIdOf: (c) => amanat.requests.resolveId(c.req.param('requestId')),
  };
  mountIntakeAndReads(m);
  mountSteps(m, stepMounter(m));
  mountAnswers(m, stepMounter(m));
  mountPrivacyCentre(m);
}

function mountIntakeAndReads({ app, amanat, auth, requestIdOf }: Mount) {
  const { requests } = amanat;
  app.openapi(scoped(submitRoute, auth, 'requests:submit'), async (c) => {
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
    return c.json({ ...request, duplicate }, duplicate ? 200 : 201);
  });
  app.openapi(scoped(listRoute, auth, 'requests:read'), async (c) => {
    const q = c.req.valid('query');
    const rows = await requests.list({
      status: q.status,
      open: q.open === 'true' ? true : undefined,
      dueBy: q.due_by,
      overdue: q.overdue === 'true' ? true : undefined,
      subjectId: q.subject_id,
    });
    return c.json({ requests: rows }, 200);
  });
  app.openapi(scoped(digestRoute, auth, 'requests:read'), async (c) =>
    c.json(await requests.dueDigest(), 200),
  );
  app.openapi(scoped(getRoute, auth, 'requests:read'), async (c) =>
    c.json(await requests.get(c.get('principal').actor, await requestIdOf(c)), 200),
  );
  app.openapi(scoped(historyRoute, auth, 'requests:read'), async (c) =>
    c.json({ history: await requests.history(await requestIdOf(c)) }, 200),
  );
}

type Step = <T extends z.ZodType>(
  path: string,
  summary: string,
  schema: T,
  run: (actor: string, id: string, input: z.infer<T>) => Promise<unknown>,
  answer?: StepAnswer,
) => void;

/** Mounts one step: `POST /api/requests/{requestId}/<path>` with its body, run on the resolved request. */
function stepMounter({ app, amanat, auth }: Mount): Step {
  return (path, summary, schema, run, answer = { schema: requestSummarySchema }) => {
    app.openapi(scoped(stepRoute(path, summary, schema, answer), auth, 'requests:write'), async (c) => {
      const input = c.req.valid('json' as never) as z.infer<typeof schema>;
      const { requestId } = c.req.valid('param' as never) as { requestId: string };
      const result = await run(c.get('principal').actor, await amanat.requests.resolveId(requestId), input);
      // The answer's schema is the step's own (answer.schema): the contract test checks real answers against it.
      return c.json(result as never, 200);
    });
  };
}

function mountSteps({ amanat }: Mount, step: Step) {
  const { requests, requestExecution, requestClassification } = amanat;
  step(
    'classify',
    'Decide what an unclassified message asks for; the deadline is counted again from receipt',
    classifyBody,
    (actor, id, input) => requestClassification.classify(actor, id, input),
    { schema: classifiedRequestSchema },
  );
  step('assign', 'Give the request to a staff member', assignBody, (actor, id, input) =>
    requests.assign(actor, id, input.assignee),
  );
  step(
    'verification/email',
    "Send a one-time code to the requester's e-mail",
    emptyBody(),
    (actor, id) => requests.startEmailVerification(actor, id),
    { schema: emailVerificationSchema, errors: [503] },
  );
  step(
    'verification/manual',
    'Record that a staff member checked identity, and how (no document copy is kept)',
    manualVerificationBody,
    (actor, id, input) => requests.verifyManually(actor, id, input.how, input.note),
  );
  step(
    'verification/code',
    'Check a one-time code the requester received',
    codeBody(),
    (actor, id, input) => requests.verifyCode(actor, id, input.code),
    { schema: requestSummarySchema, errors: [410] },
  );
  step(
    'extend',
    'Extend the deadline once where the law allows it (RU: +5 working days with a reason)',
    extendBody,
    (actor, id, input) => requests.extend(actor, id, input.reason),
  );
  step(
    'execute',
    'Carry the verified request out (report, rectify, block, unblock, schedule destruction, withdraw)',
    executeBody,
    // The answer is the request's new state; the access report (every value held) is read through GET …/report.
    async (actor, id, input) => ({ request: (await requestExecution.execute(actor, id, input)).request }),
    { schema: executionSchema },
  );
  step(
    'refuse',
    'Refuse with a reason the law allows; the letter quotes it',
    refuseBody,
    (actor, id, input) => requestExecution.refuse(actor, id, input),
  );
}

function mountAnswers({ app, amanat, auth, requestIdOf }: Mount, step: Step) {
  const { requestExecution } = amanat;
  // The access report and the letter carry what is held for every purpose: a role limited to some purposes
  // may handle the request (its contact and words) but not read them; the refusal is logged.
  const requireEveryPurpose = (principal: Principal) =>
    amanat.access.requirePurposes(
      principal,
      amanat.rules.purposes().map((p) => p.id),
    );
  app.openapi(scoped(reportRoute, auth, 'requests:read'), async (c) => {
    await requireEveryPurpose(c.get('principal'));
    return c.json(await requestExecution.report(c.get('principal').actor, await requestIdOf(c)), 200);
  });
  app.openapi(scoped(letterRoute, auth, 'requests:read'), async (c) => {
    const requestId = await requestIdOf(c);
    await requireEveryPurpose(c.get('principal'));
    const { pdf } = await requestExecution.letter(c.get('principal').actor, requestId);
    return pdfBody(c, pdf, `answer-${requestId}.pdf`) as never;
  });
  step(
    'send-answer',
    "E-mail the letter (and the JSON report of an access request) to the requester's address",
    emptyBody(),
    (actor, id) => requestExecution.sendAnswer(actor, id),
    { schema: answerSentSchema, errors: [503] },
  );
  step(
    'delivery',
    'Record that the answer was sent outside Amanat (by post, by hand, from another mailbox), and when',
    deliveryBody,
    (actor, id, input) => requestExecution.recordDelivery(actor, id, input),
  );
}

function mountPrivacyCentre({ app, amanat }: Mount) {
  const publicIntake = createPublicIntake({
    requests: amanat.requests,
    status: amanat.requestStatus,
    mailer: amanat.mailer,
    rules: amanat.rules,
    // The error's kind only: its message may carry the recipient's address.
    onMailError: (error) =>
      console.error(`privacy centre: a mail was not sent (${error instanceof Error ? error.name : 'error'})`),
  });
  app.openapi(publicSubmitRoute, async (c) => c.json(await publicIntake.submit(c.req.valid('json')), 201));
  app.openapi(renewCodeRoute, async (c) =>
    c.json(await publicIntake.renewCode(c.req.valid('json').email), 202),
  );
  app.openapi(publicVerifyRoute, async (c) =>
    c.json(await publicIntake.verify(c.req.valid('param').requestId, c.req.valid('json').code), 200),
  );
  app.openapi(publicStatusRoute, async (c) =>
    c.json(await amanat.requestStatus.status(c.req.valid('json').token), 200),
  );
  app.openapi(publicStatusLetterRoute, async (c) => {
    const { pdf, number } = await amanat.requestStatus.letter(c.req.valid('json').token);
    return pdfBody(c, pdf, `answer-${number}.pdf`, 'attachment') as never;
  });
  app.openapi(publicStatusExportRoute, async (c) => {
    const { report, number } = await amanat.requestStatus.exportData(c.req.valid('json').token);
    c.header('content-disposition', `attachment; filename="data-${number}.json"`);
    return c.json(report, 200);
  });
}
