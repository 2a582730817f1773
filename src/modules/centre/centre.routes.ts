// The privacy centre's routes for a data subject managing their consents: a code to their e-mail or phone, a
// 15-minute session in an HttpOnly cookie (SameSite=Strict, with a readable CSRF cookie whose value a change must
// repeat in the x-csrf-token header), their consents, a withdrawal, and sign-out. Rate-limited per client address
// (app.ts) and per contact (here).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, CSRF_HEADER, SUBJECT_COOKIE, SUBJECT_CSRF_COOKIE } from '../../http/auth.js';
import {
  bodyErrors,
  errors,
  isoDate,
  noAuth,
  subjectSession,
  subjectSessionCsrf,
} from '../../http/openapi-common.js';
import type { RateLimit, RateLimitOptions } from '../../http/rate-limit.js';
import { memoryRateLimits } from '../../http/rate-limit-store.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';

const tags = ['Privacy centre'];
const lang = z.enum(['ru', 'kk', 'en']);
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const contactFields = {
  email: z.string().min(1).max(320).optional().openapi({ description: 'The e-mail (or give phone instead)' }),
  phone: z.string().min(1).max(40).optional().openapi({ description: 'The phone, e.g. +7 701 123 45 67' }),
};

const verificationSchema = z
  .object({
    verification: z.enum(['code_sent', 'manual']).openapi({
      description:
        'code_sent: a code went to the contact (whether or not the operator knows it); manual: no e-mail or ' +
        'SMS is set up for this kind of contact, ask the operator',
    }),
  })
  .openapi('SubjectCodeAnswer', { example: { verification: 'code_sent' } });

const codeRoute = createRoute({
  method: 'post',
  path: '/api/public/subject/code',
  operationId: 'requestSubjectCode',
  security: noAuth,
  tags,
  summary: 'A data subject asks for a one-time code to their e-mail or phone (to manage their consents)',
  description:
    'The same answer whether or not the operator knows the contact. A code lives 10 minutes and 5 tries; a new ' +
    'one voids the old. Limited per client address and per contact (429).',
  request: body(
    z
      .object({ ...contactFields, lang: lang.optional() })
      .strict()
      .openapi('SubjectCodeRequest', { example: { email: 'aigerim@example.kz', lang: 'ru' } }),
  ),
  responses: { 200: json(verificationSchema, 'Accepted'), ...errors(...bodyErrors, 429) },
});

const verifyRoute = createRoute({
  method: 'post',
  path: '/api/public/subject/verify',
  operationId: 'verifySubjectCode',
  security: noAuth,
  tags,
  summary: 'The data subject enters the code: a 15-minute session starts (cookies)',
  description:
    `Sets the HttpOnly cookie ${SUBJECT_COOKIE} and the readable ${SUBJECT_CSRF_COOKIE} (SameSite=Strict). ` +
    'A wrong, expired, used-up or never-sent code all answer the same 422 code_invalid; wrong codes are ' +
    'limited per client address.',
  request: body(
    z
      .object({ ...contactFields, code: z.string().min(1).max(20) })
      .strict()
      .openapi('SubjectCodeCheck', { example: { email: 'aigerim@example.kz', code: '482913' } }),
  ),
  responses: { 204: { description: 'Verified; the cookies are set' }, ...errors(...bodyErrors, 429) },
});

const subjectConsentSchema = z
  .object({
    purposeId: z.string(),
    purposeName: z.string(),
    kind: z.enum(['processing', 'publication']),
    state: z.enum(['granted', 'withdrawn']),
    grantedAt: isoDate,
    withdrawnAt: isoDate.nullable(),
    policyVersion: z.string(),
    formId: z.string().openapi({ description: 'The consent form (GET /api/consent-forms/{formId})' }),
    text: z.string().openapi({ description: 'The text the subject agreed to' }),
    channel: z.enum(['web', 'api', 'email', 'paper']),
  })
  .openapi('SubjectConsent');

const consentsRoute = createRoute({
  method: 'get',
  path: '/api/public/subject/consents',
  operationId: 'listSubjectConsents',
  security: subjectSession,
  tags,
  summary: "The verified subject's consents, each with its text and policy version (the read is audited)",
  request: { query: z.object({ lang: lang.optional().openapi({ description: 'Purpose names in (ru)' }) }) },
  responses: {
    200: json(
      z.object({ consents: z.array(subjectConsentSchema) }).openapi({
        example: {
          consents: [
            {
              purposeId: 'mailing',
              purposeName: 'Рассылка',
              kind: 'processing',
              state: 'granted',
              grantedAt: '2026-03-20T09:30:00.000Z',
              withdrawnAt: null,
              policyVersion: '2025-01',
              formId: 'mailing',
              text: 'Согласие на обработку персональных данных …',
              channel: 'web',
            },
          ],
        },
      }),
      'Newest first; empty when the verified contact names no subject',
    ),
    ...errors(401, 422, 429),
  },
});

const withdrawRoute = createRoute({
  method: 'post',
  path: '/api/public/subject/consents/withdraw',
  operationId: 'withdrawSubjectConsent',
  security: subjectSessionCsrf,
  tags,
  summary: 'The verified subject withdraws a consent: the obligation to stop processing is recorded at once',
  request: body(
    z
      .object({
        purposeId: z.string().min(1).max(100),
        kind: z.enum(['processing', 'publication']).optional().openapi({ description: 'Default processing' }),
      })
      .strict()
      .openapi('SubjectConsentWithdrawal', { example: { purposeId: 'mailing' } }),
  ),
  responses: {
    200: json(
      z
        .object({
          obligationDueOn: z.iso.date().openapi({
            description: 'The operator stops the processing by this day (working days by the law or policy)',
          }),
        })
        .openapi('SubjectConsentWithdrawn', { example: { obligationDueOn: '2026-04-03' } }),
      'Withdrawn',
    ),
    ...errors(401, 403, 404, ...bodyErrors, 429),
  },
});

const signOutRoute = createRoute({
  method: 'post',
  path: '/api/public/subject/sign-out',
  operationId: 'signOutSubject',
  security: noAuth,
  tags,
  summary: "Ends the subject's privacy-centre session (if any) and clears its cookies",
  responses: { 204: { description: 'Signed out' }, ...errors(429) },
});

export function mountCentreRoutes(
  app: OpenAPIHono<AppEnv>,
  amanat: Amanat,
  options: { secureCookies: boolean; limitOptions: RateLimitOptions; contactLimit: RateLimit },
): void {
  const centre = amanat.subjectCentre;
  const perContact = (options.limitOptions.store ?? memoryRateLimits()).counter(
    'subject-contact',
    options.contactLimit,
  );
  const sessionCookie = {
    path: '/api/public/subject',
    secure: options.secureCookies,
    sameSite: 'Strict' as const,
  };
  const csrfCookie = { path: '/', secure: options.secureCookies, sameSite: 'Strict' as const };
  const sessionOf = (c: Context) => centre.session(getCookie(c, SUBJECT_COOKIE));

  app.openapi(codeRoute, async (c) => {
    const { lang: language, ...contact } = c.req.valid('json');
    const taken = await perContact.take(centre.contactKey(contact));
    if (!taken.taken) {
      const retryAfter = Math.max(1, Math.ceil(taken.msBeforeNext / 1000));
      c.header('Retry-After', String(retryAfter));
      throw new DomainError(
        ErrorCodes.RATE_LIMITED,
        `Код на этот адрес уже отправлен: новый можно запросить через ${retryAfter} с. ` +
          `A code was sent to this contact; ask again in ${retryAfter} s.`,
        {
          issues: [
            { path: 'rate', message: `at most ${options.contactLimit.burst} codes per contact at once` },
          ],
        },
      );
    }
    return c.json(await centre.requestCode(contact, language), 200);
  });

  app.openapi(verifyRoute, async (c) => {
    const { code, ...contact } = c.req.valid('json');
    const session = await centre.verify(contact, code);
    setCookie(c, SUBJECT_COOKIE, session.token, {
      ...sessionCookie,
      httpOnly: true,
      maxAge: session.maxAgeSeconds,
    });
    setCookie(c, SUBJECT_CSRF_COOKIE, session.csrfToken, {
      ...csrfCookie,
      httpOnly: false,
      maxAge: session.maxAgeSeconds,
    });
    return c.body(null, 204);
  });

  app.openapi(consentsRoute, async (c) => {
    const session = await sessionOf(c);
    return c.json({ consents: await centre.consents(session, c.req.valid('query').lang) }, 200);
  });

  app.openapi(withdrawRoute, async (c) => {
    const session = await sessionOf(c);
    centre.checkCsrf(session, c.req.header(CSRF_HEADER));
    return c.json(await centre.withdraw(session, c.req.valid('json'), c.req.header('user-agent')), 200);
  });

  app.openapi(signOutRoute, async (c) => {
    await centre.signOut(getCookie(c, SUBJECT_COOKIE));
    deleteCookie(c, SUBJECT_COOKIE, sessionCookie);
    deleteCookie(c, SUBJECT_CSRF_COOKIE, csrfCookie);
    return c.body(null, 204);
  });
}
