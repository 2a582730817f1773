// Console sign-in and staff accounts. The session token travels only in an HttpOnly cookie; the CSRF token is
// returned in the body and in a readable cookie, and must come back in the X-CSRF-Token header on changes.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Amanat } from '../../app/amanat.js';
import {
  type AppEnv,
  type AuthOptions,
  CSRF_COOKIE,
  requireScope,
  requireSession,
  SESSION_COOKIE,
} from '../../http/auth.js';
import {
  authErrors,
  bodyErrors,
  errors,
  keyOrSession,
  keyOrSessionCsrf,
  noAuth,
  sessionCsrf,
  sessionOnly,
} from '../../http/openapi-common.js';
import { type RateLimit, type RateLimitOptions, rateLimit } from '../../http/rate-limit.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { StaffAccount } from './staff.service.js';

export interface StaffRouteOptions {
  /** Secure cookies (default); turn off only for plain-HTTP development on a non-localhost name. */
  secureCookies: boolean;
  signInLimit: RateLimit;
  /** The counters' store and how the client's address is read. */
  limitOptions: RateLimitOptions;
}

const exampleStaff = {
  id: '8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a',
  email: 'dpo@example.kz',
  fullName: 'Сапарова Айгерим',
  position: 'Ответственный за организацию обработки ПД',
  isAdmin: false,
  isHead: false,
  status: 'active',
  totpEnabled: true,
};

const staffSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    fullName: z.string(),
    position: z.string().nullable(),
    isAdmin: z.boolean(),
    isHead: z.boolean(),
    status: z.string(),
    totpEnabled: z.boolean(),
  })
  .openapi('StaffAccount', { example: exampleStaff });

const presentStaff = (s: StaffAccount) => ({
  id: s.id,
  email: s.email,
  fullName: s.fullName,
  position: s.position,
  isAdmin: s.isAdmin,
  isHead: s.isHead,
  status: s.status,
  totpEnabled: s.totpEnabled,
});

const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export function mountStaffRoutes(
  app: OpenAPIHono<AppEnv>,
  amanat: Amanat,
  auth: AuthOptions,
  options: StaffRouteOptions,
): void {
  const limited = rateLimit('sign-in', options.signInLimit, options.limitOptions);
  const cookieBase = { path: '/', secure: options.secureCookies, sameSite: 'Strict' as const };
  const clearCookies = (c: Context) => {
    deleteCookie(c, SESSION_COOKIE, cookieBase);
    deleteCookie(c, CSRF_COOKIE, cookieBase);
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-in',
      operationId: 'signIn',
      security: noAuth,
      tags: ['Console sign-in'],
      summary: 'Sign in with e-mail, password and (when enabled) a TOTP code; sets the session cookie',
      middleware: [limited] as const,
      request: json(
        z
          .object({
            email: z.string().min(3).max(320),
            password: z.string().min(1).max(1024),
            totp: z.string().max(16).optional(),
          })
          .strict()
          .openapi({
            example: { email: 'dpo@example.kz', password: 'correct horse battery staple', totp: '123456' },
          }),
      ),
      responses: {
        200: {
          description: 'Signed in',
          content: {
            'application/json': {
              schema: z.object({ staff: staffSchema, csrfToken: z.string(), expiresAt: z.string() }),
              example: { staff: exampleStaff, csrfToken: 'q3Vx…', expiresAt: '2026-03-20T17:30:00.000Z' },
            },
          },
        },
        ...errors(...bodyErrors, 401, 423, 429),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { token, csrfToken, session } = await amanat.staff.signIn({
        ...input,
        userAgent: c.req.header('user-agent') ?? '',
      });
      const maxAge = Math.floor((session.expiresAt.getTime() - amanat.clock().getTime()) / 1000);
      setCookie(c, SESSION_COOKIE, token, { ...cookieBase, httpOnly: true, maxAge });
      setCookie(c, CSRF_COOKIE, csrfToken, { ...cookieBase, httpOnly: false, maxAge });
      return c.json(
        { staff: presentStaff(session.staff), csrfToken, expiresAt: session.expiresAt.toISOString() },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-out',
      operationId: 'signOut',
      security: sessionCsrf,
      tags: ['Console sign-in'],
      summary: 'End this session',
      middleware: [requireSession(auth)] as const,
      responses: { 204: { description: 'Signed out' }, ...errors(...authErrors) },
    }),
    async (c) => {
      const session = c.get('principal').session!;
      await amanat.staff.signOut(session);
      clearCookies(c);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/me',
      operationId: 'getMe',
      security: sessionOnly,
      tags: ['Console sign-in'],
      summary: 'Who is signed in, and what the approved access list lets them do',
      middleware: [requireSession(auth)] as const,
      responses: {
        200: {
          description: 'The signed-in person',
          content: {
            'application/json': {
              schema: z.object({
                staff: staffSchema,
                roleId: z.string().nullable(),
                purposes: z.array(z.string()),
                actions: z.array(z.string()),
              }),
            },
          },
        },
        ...errors(...authErrors),
      },
    }),
    (c) => {
      const p = c.get('principal');
      return c.json(
        {
          staff: presentStaff(p.staff!),
          roleId: p.roleId,
          purposes: p.purposes === 'all' ? ['*'] : [...p.purposes].sort(),
          actions: [...p.scopes].sort(),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/totp/setup',
      operationId: 'setUpTotp',
      security: sessionCsrf,
      tags: ['Console sign-in'],
      summary: 'Start enabling the TOTP second factor: a new secret and its otpauth:// address',
      description:
        'The new secret is pending until confirmed; an enabled factor stays in force until then. Replacing an ' +
        'enabled factor needs the password and a current code from it (a wrong password counts towards the lock-out).',
      middleware: [requireSession(auth)] as const,
      request: {
        body: {
          required: false,
          content: {
            'application/json': {
              schema: z
                .object({
                  password: z.string().min(1).max(1024).optional(),
                  code: z.string().min(6).max(16).optional(),
                })
                .strict()
                .openapi({ example: { password: 'correct horse battery staple', code: '123456' } }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'Secret (shown once) to add to an authenticator app',
          content: {
            'application/json': {
              schema: z.object({ secret: z.string(), url: z.string() }),
              example: {
                secret: 'JBSWY3DPEHPK3PXP',
                url: 'otpauth://totp/Amanat:dpo%40example.kz?secret=JBSWY3DPEHPK3PXP&issuer=Amanat',
              },
            },
          },
        },
        ...errors(...authErrors, ...bodyErrors, 409, 423),
      },
    }),
    async (c) =>
      c.json(await amanat.staff.totpSetup(c.get('principal').staff!.id, c.req.valid('json') ?? {}), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/totp/confirm',
      operationId: 'confirmTotp',
      security: sessionCsrf,
      tags: ['Console sign-in'],
      summary: 'Confirm the TOTP secret with a code from the app; from now on sign-in asks for a code',
      middleware: [requireSession(auth)] as const,
      request: json(
        z
          .object({ code: z.string().min(6).max(16) })
          .strict()
          .openapi({ example: { code: '123456' } }),
      ),
      responses: { 204: { description: 'Enabled' }, ...errors(...authErrors, ...bodyErrors, 409) },
    }),
    async (c) => {
      await amanat.staff.totpConfirm(c.get('principal').staff!.id, c.req.valid('json').code);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/password-reset',
      operationId: 'requestPasswordReset',
      security: noAuth,
      tags: ['Console sign-in'],
      summary: 'Send a password-reset link to a staff e-mail (the answer is the same for unknown e-mails)',
      description:
        'The letter is sent by the mail job, never while the request waits. Without SMTP every e-mail is answered 503 alike.',
      middleware: [limited] as const,
      request: json(
        z
          .object({ email: z.string().min(3).max(320) })
          .strict()
          .openapi({ example: { email: 'dpo@example.kz' } }),
      ),
      responses: {
        202: {
          description: 'If the e-mail is a staff member’s, a link was sent',
          content: {
            'application/json': {
              schema: z.object({ status: z.literal('sent_if_known') }),
              example: { status: 'sent_if_known' },
            },
          },
        },
        ...errors(...bodyErrors, 429, 503),
      },
    }),
    async (c) => {
      await amanat.staff.requestPasswordReset(c.req.valid('json').email);
      return c.json({ status: 'sent_if_known' as const }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/password-reset/confirm',
      operationId: 'confirmPasswordReset',
      security: noAuth,
      tags: ['Console sign-in'],
      summary: 'Set a new password with the link’s token; ends every open session of the account',
      middleware: [limited] as const,
      request: json(
        z
          .object({ token: z.string().min(10).max(200), password: z.string().min(1).max(1024) })
          .strict()
          .openapi({ example: { token: 'rst_5f4e3d2c1b0a…', password: 'a new long passphrase' } }),
      ),
      responses: {
        204: { description: 'Password set' },
        ...errors(...bodyErrors, 410, 429),
      },
    }),
    async (c) => {
      const { token, password } = c.req.valid('json');
      await amanat.staff.confirmPasswordReset(token, password);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/staff',
      operationId: 'listStaff',
      security: keyOrSession,
      tags: ['Staff'],
      summary: 'Staff accounts',
      middleware: [requireScope(auth, 'staff:manage')] as const,
      responses: {
        200: {
          description: 'Accounts',
          content: { 'application/json': { schema: z.object({ staff: z.array(staffSchema) }) } },
        },
        ...errors(...authErrors),
      },
    }),
    async (c) => c.json({ staff: (await amanat.staff.list()).map(presentStaff) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/staff',
      operationId: 'createStaff',
      security: keyOrSessionCsrf,
      tags: ['Staff'],
      summary: 'Create a staff account (no rights until the head approves a list naming the person)',
      description:
        'The person sets a password through a reset link sent to the e-mail. Marking someone as the head is ' +
        'done only from the server’s command line (`amanat staff add --head`); an administrator (isAdmin) is ' +
        'made only by the head, signed in, or from that command line.',
      middleware: [requireScope(auth, 'staff:manage')] as const,
      request: json(
        z
          .object({
            email: z.string().min(3).max(320),
            fullName: z.string().min(1).max(300),
            position: z.string().max(300).optional(),
            isAdmin: z.boolean().optional(),
            isHead: z.boolean().optional(),
            /** Only from the server's command line; people otherwise set their own through a reset link. */
            password: z.string().max(1024).optional(),
          })
          .strict()
          .openapi({
            example: {
              email: 'support@example.kz',
              fullName: 'Ахметов Ержан',
              position: 'Специалист поддержки',
            },
          }),
      ),
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: staffSchema } } },
        ...errors(...authErrors, ...bodyErrors, 409),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const principal = c.get('principal');
      if ((input.isHead || input.password !== undefined) && principal.kind !== 'local') {
        await amanat.access.refuse(principal, 'head_designation', {});
        throw new DomainError(
          ErrorCodes.FORBIDDEN,
          'Руководителя (утверждающего перечень) назначают и пароль задают только из командной строки сервера: ' +
            'amanat staff add --head --password-stdin. The head and initial passwords are set only from the server’s command line.',
          {
            issues: [{ path: input.isHead ? 'isHead' : 'password', message: 'not allowed through the API' }],
          },
        );
      }
      // An administrator manages keys and staff: only the head (signed in) or the server's command line makes one.
      if (
        input.isAdmin &&
        principal.kind !== 'local' &&
        !(principal.kind === 'staff' && principal.staff?.isHead)
      ) {
        await amanat.access.refuse(principal, 'admin_designation', {});
        throw new DomainError(
          ErrorCodes.FORBIDDEN,
          'Администратора назначает только руководитель, вошедший в консоль, или командная строка сервера ' +
            '(amanat staff add --admin). Only the head or the server’s command line makes an administrator.',
          { issues: [{ path: 'isAdmin', message: 'only the head or the server command line' }] },
        );
      }
      const account = await amanat.staff.add(principal.actor, input);
      if (input.password === undefined && amanat.mailer.configured) {
        await amanat.staff.requestPasswordReset(account.email);
      }
      return c.json(presentStaff(account), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/staff/{staffId}',
      operationId: 'getStaff',
      security: keyOrSession,
      tags: ['Staff'],
      summary: 'One staff account',
      middleware: [requireScope(auth, 'staff:manage')] as const,
      request: { params: z.object({ staffId: z.uuid() }) },
      responses: {
        200: { description: 'Account', content: { 'application/json': { schema: staffSchema } } },
        ...errors(...authErrors, 404, 422),
      },
    }),
    async (c) => c.json(presentStaff(await amanat.staff.get(c.req.valid('param').staffId)), 200),
  );
}
