// The one place where domain error codes become HTTP statuses and bodies a person can act on.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import {
  type DomainError,
  type ErrorCode,
  ErrorCodes,
  type ErrorIssue,
  isDomainError,
} from '../lib/errors.js';

const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  [ErrorCodes.VALIDATION_FAILED]: 422,
  [ErrorCodes.REGISTER_INVALID]: 422,
  [ErrorCodes.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCodes.BAD_REQUEST]: 400,
  [ErrorCodes.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCodes.NOT_FOUND]: 404,
  [ErrorCodes.UNKNOWN_PURPOSE]: 422,
  [ErrorCodes.UNKNOWN_FIELD]: 422,
  [ErrorCodes.FIELD_NOT_ALLOWED_FOR_PURPOSE]: 422,
  [ErrorCodes.BIOMETRIC_REFUSED]: 422,
  [ErrorCodes.CONSENT_REQUIRED]: 422,
  [ErrorCodes.CONTRACT_REFERENCE_REQUIRED]: 422,
  [ErrorCodes.CONSENT_ALREADY_GRANTED]: 409,
  [ErrorCodes.CONSENT_NOT_FOUND]: 404,
  [ErrorCodes.CONSENT_CONTENT_INCOMPLETE]: 422,
  [ErrorCodes.CONSENT_TEXT_MISMATCH]: 422,
  [ErrorCodes.POLICY_VERSION_UNKNOWN]: 422,
  [ErrorCodes.POLICY_NOT_PUBLISHED]: 503,
  [ErrorCodes.COOKIE_TEXT_MISMATCH]: 422,
  [ErrorCodes.IDENTITY_CONFLICT]: 409,
  [ErrorCodes.UNAUTHENTICATED]: 401,
  [ErrorCodes.FORBIDDEN]: 403,
  [ErrorCodes.ACCOUNT_LOCKED]: 423,
  [ErrorCodes.SECOND_FACTOR_REQUIRED]: 401,
  [ErrorCodes.CSRF_FAILED]: 403,
  [ErrorCodes.DISCLOSURE_REFUSED]: 422,
  [ErrorCodes.CROSS_BORDER_FORBIDDEN]: 422,
  [ErrorCodes.ACCESS_LIST_CONFLICT]: 409,
  [ErrorCodes.REQUEST_STATE_INVALID]: 409,
  [ErrorCodes.VERIFICATION_REQUIRED]: 409,
  [ErrorCodes.VERIFICATION_FAILED]: 422,
  [ErrorCodes.VERIFICATION_EXPIRED]: 410,
  [ErrorCodes.RETENTION_BUSY]: 409,
  [ErrorCodes.OBLIGATION_FULFILLED]: 409,
  [ErrorCodes.CLOCK_BACKWARDS]: 409,
  [ErrorCodes.RATE_LIMITED]: 429,
  [ErrorCodes.MAIL_NOT_CONFIGURED]: 503,
  [ErrorCodes.MAIL_MALFORMED]: 422,
  [ErrorCodes.CALENDAR_YEAR_MISSING]: 422,
  [ErrorCodes.STORE_LOCKED]: 503,
  [ErrorCodes.CONFIG_INVALID]: 500,
  [ErrorCodes.TEMPLATE_INVALID]: 422,
  [ErrorCodes.POLICY_VERSION_TAKEN]: 409,
  [ErrorCodes.MASTER_KEY_MISMATCH]: 503,
  [ErrorCodes.MASTER_KEY_ROTATION_IN_PROGRESS]: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; issues: ErrorIssue[] };
}

export function domainErrorResponse(error: DomainError): { status: ContentfulStatusCode; body: ErrorBody } {
  return {
    status: statusByCode[error.code] ?? 500,
    body: { error: { code: error.code, message: error.message, issues: error.issues } },
  };
}

const WHERE = {
  json: { ru: 'поле тела запроса', en: 'body field' },
  query: { ru: 'параметр запроса', en: 'query parameter' },
  param: { ru: 'параметр пути', en: 'path parameter' },
  header: { ru: 'заголовок', en: 'header' },
  cookie: { ru: 'cookie', en: 'cookie' },
  form: { ru: 'поле формы', en: 'form field' },
} as const;

/** One issue in words that name the field: a missing one says so, instead of "received undefined". */
function issueMessage(issue: ZodError['issues'][number], name: string, where: string): string {
  const kind = WHERE[where as keyof typeof WHERE] ?? { ru: 'поле', en: 'field' };
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
    return `${kind.ru} «${name}» обязателен (${issue.expected}) / ${kind.en} "${name}" is required (expected ${issue.expected})`;
  }
  return `${kind.en} "${name}": ${issue.message}`;
}

export function zodErrorBody(error: ZodError, where: string): ErrorBody {
  const issues = error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.join('.') : where;
    return { path, message: issueMessage(issue, path, where) };
  });
  const named = issues.slice(0, 3).map((i) => i.message);
  const more = issues.length > 3 ? ` (+${issues.length - 3})` : '';
  return {
    error: {
      code: ErrorCodes.VALIDATION_FAILED,
      message: `Запрос не прошёл проверку / Request validation failed: ${named.join('; ')}${more}`,
      issues,
    },
  };
}

export function mapError(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  if (isDomainError(error)) return domainErrorResponse(error);
  return {
    status: 500,
    body: {
      error: {
        code: 'internal_error',
        message: 'Внутренняя ошибка сервера; подробности в журнале сервера / Internal server error',
        issues: [],
      },
    },
  };
}
