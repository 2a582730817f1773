import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { tryParseIsoDate } from '../modules/calendar/dates.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, SUBJECT_COOKIE, SUBJECT_CSRF_COOKIE } from './auth.js';

export const isoDate = z.string().openapi({ format: 'date-time', example: '2026-03-20T09:30:00.000Z' });

// Dates a caller sends: a real calendar day (no 2026-02-30, which JavaScript would roll over to 2 March) in a sane
// range of years. A past event (a consent given, a request received, an activity) is at most a day ahead of now.
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const DAY_MS = 86_400_000;
const INSTANT = z.iso.datetime({ offset: true });

/** What is wrong with a date or instant a caller sent, or null. */
export function dateProblem(
  text: string,
  options: { date: boolean; instant: boolean; past: boolean },
): string | null {
  const expected = [
    options.date ? 'дата ГГГГ-ММ-ДД / a date YYYY-MM-DD' : null,
    options.instant ? 'момент ISO 8601 со смещением / an ISO 8601 instant with offset' : null,
  ]
    .filter(Boolean)
    .join(' или / or ');
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(text);
  let at: number;
  if (isDate && options.date) {
    if (tryParseIsoDate(text) === undefined)
      return `такой даты нет в календаре / no such calendar day: ${text}`;
    at = Date.parse(`${text}T00:00:00Z`);
  } else if (options.instant && INSTANT.safeParse(text).success) {
    at = Date.parse(text);
    // The zod format checks days per month; Date.parse would still roll an impossible day over.
    if (Number.isNaN(at) || tryParseIsoDate(text.slice(0, 10)) === undefined) {
      return `такого момента нет в календаре / no such calendar day: ${text.slice(0, 10)}`;
    }
  } else {
    return `ожидается ${expected}`;
  }
  const year = Number(text.slice(0, 4));
  if (year < MIN_YEAR) return `год не раньше ${MIN_YEAR} / a year from ${MIN_YEAR}`;
  if (options.past) {
    if (at > Date.now() + DAY_MS)
      return 'событие в прошлом, не позже завтрашнего дня / a past event, not in the future';
  } else if (year > MAX_YEAR) {
    return `год не позже ${MAX_YEAR} / a year up to ${MAX_YEAR}`;
  }
  return null;
}

function checkedDate(options: { date: boolean; instant: boolean; past: boolean }) {
  return z.string().superRefine((text, ctx) => {
    const problem = dateProblem(text, options);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** A calendar date YYYY-MM-DD that exists, years 1900..2200. */
export const calendarDate = () =>
  checkedDate({ date: true, instant: false, past: false }).openapi({ format: 'date', example: '2026-03-20' });

/** When a past event happened: an ISO 8601 instant with its offset, from 1900 to at most a day ahead of now. */
export const pastInstant = () =>
  checkedDate({ date: false, instant: true, past: true }).openapi({
    format: 'date-time',
    example: '2026-03-20T09:30:00+05:00',
  });

/** A day (its start in the operator's time zone) or an instant; `past` for events that already happened. */
export const dayOrInstant = (past: boolean) =>
  checkedDate({ date: true, instant: true, past }).openapi({
    description:
      'YYYY-MM-DD (start of that day in the operator time zone) or an ISO 8601 instant with offset',
    example: '2026-03-20',
  });

export const subjectIdParam = z.object({
  // Lower case, as PostgreSQL writes uuids: ids are also part of the ciphertexts' associated data.
  subjectId: z
    .uuid()
    .toLowerCase()
    .openapi({ param: { name: 'subjectId', in: 'path' }, description: 'Subject id' }),
});

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'field_not_allowed_for_purpose' }),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string(), rule: z.string().optional() })),
    }),
  })
  .openapi('Error');

const errorContent = { 'application/json': { schema: errorSchema } };

/** What each error status means, for every route that can answer it. */
const errorDescriptions = {
  400: 'The body is not valid JSON',
  401: 'No credentials, or an unknown, revoked or expired API key or session',
  403: 'The caller lacks the permission (scope), the purpose, or the CSRF header this route needs',
  404: 'Not found',
  409: 'Conflict with the current state (a duplicate, a state that does not allow the step, a concurrent change)',
  410: 'Gone: the code or link was used or has expired',
  413: 'Body over the limit (1 MB by default)',
  415: 'The body is not sent as Content-Type: application/json',
  422: 'Invalid input, with the field and what was expected',
  423: 'Account locked after repeated failures',
  429: 'Too many requests; the Retry-After header says when to try again',
  503: 'A service the route needs is not configured or not available (mail, mailbox)',
} as const;

export type ErrorStatus = keyof typeof errorDescriptions;

/** The documented error answers of a route: each with the one Error schema. */
export function errors<S extends ErrorStatus>(
  ...statuses: S[]
): { [K in S]: { description: string; content: typeof errorContent } } {
  const out = {} as { [K in S]: { description: string; content: typeof errorContent } };
  for (const status of statuses)
    out[status] = { description: errorDescriptions[status], content: errorContent };
  return out;
}

/** Errors of every authenticated route: no or bad credentials, a missing permission. */
export const authErrors = [401, 403] as const;
/** Errors of every route that takes a JSON body. */
export const bodyErrors = [400, 413, 415, 422] as const;

/** The security schemes, by the names the operations' `security` lists use. */
export const securitySchemes = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    description:
      'API key: Authorization: Bearer amk_… (created with `amanat keys create` or POST /api/keys; the token is shown once)',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Console session: the HttpOnly cookie set by POST /api/auth/sign-in',
  },
  csrfHeader: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      'With the session cookie, on every change (POST, PUT, DELETE): the csrfToken the sign-in answered with ' +
      `(also in the readable cookie ${CSRF_COOKIE})`,
  },
  subjectCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SUBJECT_COOKIE,
    description:
      "A data subject's privacy-centre session (15 minutes): the HttpOnly cookie set by POST /api/public/subject/verify",
  },
  subjectCsrfHeader: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: `With the subject cookie, on a change: the value of the readable cookie ${SUBJECT_CSRF_COOKIE}`,
  },
} as const;

/** An operation's `security`: any one of the listed requirements (each a set of schemes used together). */
type Security = Record<string, string[]>[];

/** Routes guarded by requireScope, read-only: an API key or a console session. */
export const keyOrSession: Security = [{ bearerAuth: [] }, { sessionCookie: [] }];
/** Routes guarded by requireScope that change something: an API key, or a session with its CSRF header. */
export const keyOrSessionCsrf: Security = [{ bearerAuth: [] }, { sessionCookie: [], csrfHeader: [] }];
/** Console routes (requireSession), read-only. */
export const sessionOnly: Security = [{ sessionCookie: [] }];
/** Console routes (requireSession) that change something: the session with its CSRF header. */
export const sessionCsrf: Security = [{ sessionCookie: [], csrfHeader: [] }];
/** The privacy centre's routes for a verified subject, read-only. */
export const subjectSession: Security = [{ subjectCookie: [] }];
/** The privacy centre's routes for a verified subject that change something: with the CSRF header. */
export const subjectSessionCsrf: Security = [{ subjectCookie: [], subjectCsrfHeader: [] }];
/** Routes anyone may call. */
export const noAuth: Security = [];

/** The OpenAPI answer of a route that returns a PDF. */
export const pdfContent = { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } };

/** A PDF answer with its file name (shown in the browser: inline; saved: attachment). */
export function pdfBody(
  c: Context,
  pdf: Buffer,
  filename: string,
  disposition: 'inline' | 'attachment' = 'inline',
): Response {
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `${disposition}; filename="${filename}"`,
  });
}
