// Domain errors carry a stable code and structured details; they know nothing of HTTP.
// The HTTP layer (src/http/error-mapper.ts) and the CLI turn them into responses and exit codes.

export const ErrorCodes = {
  // input and validation
  VALIDATION_FAILED: 'validation_failed',
  REGISTER_INVALID: 'register_invalid',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  BAD_REQUEST: 'bad_request',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
  // lookups
  NOT_FOUND: 'not_found',
  UNKNOWN_PURPOSE: 'unknown_purpose',
  UNKNOWN_FIELD: 'unknown_field',
  // data minimisation and lawful basis
  FIELD_NOT_ALLOWED_FOR_PURPOSE: 'field_not_allowed_for_purpose',
  BIOMETRIC_REFUSED: 'biometric_refused',
  CONSENT_REQUIRED: 'consent_required',
  CONTRACT_REFERENCE_REQUIRED: 'contract_reference_required',
  // consent journal
  CONSENT_ALREADY_GRANTED: 'consent_already_granted',
  CONSENT_NOT_FOUND: 'consent_not_found',
  CONSENT_CONTENT_INCOMPLETE: 'consent_content_incomplete',
  // a grant's text differs from the published consent form, or it names a policy version never published
  CONSENT_TEXT_MISMATCH: 'consent_text_mismatch',
  POLICY_VERSION_UNKNOWN: 'policy_version_unknown',
  // cookie banner: nothing published yet, or a proof quoting texts other than the version's
  POLICY_NOT_PUBLISHED: 'policy_not_published',
  COOKIE_TEXT_MISMATCH: 'cookie_text_mismatch',
  // identities
  IDENTITY_CONFLICT: 'identity_conflict',
  // auth
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  ACCOUNT_LOCKED: 'account_locked',
  SECOND_FACTOR_REQUIRED: 'second_factor_required',
  CSRF_FAILED: 'csrf_failed',
  // disclosures
  DISCLOSURE_REFUSED: 'disclosure_refused',
  CROSS_BORDER_FORBIDDEN: 'cross_border_forbidden',
  // staff access
  ACCESS_LIST_CONFLICT: 'access_list_conflict',
  // subject requests
  REQUEST_STATE_INVALID: 'request_state_invalid',
  VERIFICATION_REQUIRED: 'verification_required',
  VERIFICATION_FAILED: 'verification_failed',
  VERIFICATION_EXPIRED: 'verification_expired',
  RATE_LIMITED: 'rate_limited',
  MAIL_NOT_CONFIGURED: 'mail_not_configured',
  MAIL_MALFORMED: 'mail_malformed',
  // obligations
  OBLIGATION_FULFILLED: 'obligation_fulfilled',
  // calendars
  CALENDAR_YEAR_MISSING: 'calendar_year_missing',
  // retention
  RETENTION_BUSY: 'retention_busy',
  CLOCK_BACKWARDS: 'clock_backwards',
  // storage
  STORE_LOCKED: 'store_locked',
  CONFIG_INVALID: 'config_invalid',
  // documents: a template naming a field its view does not have, or broken template syntax
  TEMPLATE_INVALID: 'template_invalid',
  // published policy versions: a label already published with other contents
  POLICY_VERSION_TAKEN: 'policy_version_taken',
  // the master key
  MASTER_KEY_MISMATCH: 'master_key_mismatch',
  MASTER_KEY_ROTATION_IN_PROGRESS: 'master_key_rotation_in_progress',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface ErrorIssue {
  /** Where the problem is: a JSON path like `values.passport_number`, or `file:line:column`. */
  path: string;
  message: string;
  /** The rule or expectation that was broken, e.g. `KZ Art. 8 p.7: at most 15 working days`. */
  rule?: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: ErrorIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
