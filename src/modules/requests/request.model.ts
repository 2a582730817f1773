// What a request is as the module's parts pass it around: the stored row, the summary staff see, the settings,
// the deadline kind of each type, and the errors every part raises. No behaviour here beyond naming.
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { DeadlineKind } from '../jurisdiction/profile.schema.js';
import type {
  RequestChannel,
  RequestDeadline,
  RequestOutcome,
  RequestStatus,
  RequestType,
  RequestVerification,
} from './request.table.js';

export const deadlineKindOf: Record<Exclude<RequestType, 'unclassified'>, DeadlineKind> = {
  information: 'information_request',
  access: 'access_request',
  rectification: 'rectification',
  blocking: 'blocking',
  unblocking: 'unblocking',
  destruction: 'destruction',
  consent_withdrawal: 'consent_withdrawal',
  objection_automated_decision: 'objection_automated_decision',
};

export const requestTypeTitles: Record<RequestType, string> = {
  information: 'Запрос сведений об обработке персональных данных',
  access: 'Запрос доступа к своим персональным данным',
  rectification: 'Уточнение (изменение, дополнение) персональных данных',
  blocking: 'Блокирование персональных данных',
  unblocking: 'Разблокирование персональных данных',
  destruction: 'Уничтожение персональных данных',
  consent_withdrawal: 'Отзыв согласия на обработку персональных данных',
  objection_automated_decision:
    'Возражение против решения на основании исключительно автоматизированной обработки',
  unclassified: 'Обращение без определённого типа (требует классификации)',
};

export const manualVerificationMethods = [
  'in_person',
  'signed_letter',
  'digital_signature',
  'video_call',
  'known_contact',
] as const;
export type ManualVerificationMethod = (typeof manualVerificationMethods)[number];

export const OPEN_STATUSES: RequestStatus[] = ['received', 'verifying', 'in_progress'];

export interface RequestContact {
  email?: string;
  phone?: string;
  name?: string;
}

export interface SubmitInput {
  type: RequestType;
  channel: RequestChannel;
  contact: RequestContact;
  /** When the operator's staff already know the subject (a paper request handed in, say). */
  subjectId?: string;
  scope?: { purposes?: string[]; fields?: string[] };
  /** Rectification: the new values. */
  values?: Record<string, unknown>;
  /** The subject's own words (an e-mail body, an objection). */
  text?: string;
  language?: 'ru' | 'kk' | 'en';
  /** When the operator received it; the deadline counts from here. Defaults to now. */
  receivedAt?: Date;
  inboundMessageId?: string;
}

export interface RequestRow {
  id: string;
  number: string | number;
  type: RequestType;
  status: RequestStatus;
  channel: RequestChannel;
  subject_id: string | null;
  contact_ciphertext: Uint8Array;
  details_ciphertext: Uint8Array | null;
  scope: { purposes?: string[]; fields?: string[] };
  language: 'ru' | 'kk' | 'en';
  received_at: Date;
  due_date: string;
  due_at: Date;
  deadline: RequestDeadline;
  extension_reason: string | null;
  verification: RequestVerification | null;
  assignee: string | null;
  inbound_message_id: string | null;
  duplicates: number;
  outcome: RequestOutcome | null;
  closed_at: Date | null;
  updated_at: Date;
}

export const REQUEST_COLUMNS = `id, number, type, status, channel, subject_id, contact_ciphertext, details_ciphertext, scope,
  language, received_at, due_date::text AS due_date, due_at, deadline, extension_reason, verification, assignee,
  inbound_message_id, duplicates, outcome, closed_at, updated_at`;

/** A request as staff see it in lists: no personal data. */
export interface RequestSummary {
  id: string;
  number: number;
  type: RequestType;
  status: RequestStatus;
  channel: RequestChannel;
  subjectId: string | null;
  language: 'ru' | 'kk' | 'en';
  receivedAt: Date;
  dueDate: string;
  dueAt: Date;
  /** Working days left before the due date ends (0 on the due date itself); negative once overdue. */
  daysLeft: number;
  overdue: boolean;
  deadline: RequestDeadline;
  extensionReason: string | null;
  verification: RequestVerification | null;
  assignee: string | null;
  duplicates: number;
  outcome: RequestOutcome | null;
  closedAt: Date | null;
  scope: { purposes?: string[]; fields?: string[] };
  inboundMessageId: string | null;
}

export interface RequestDetails {
  values?: Record<string, unknown>;
  text?: string;
}

export interface RequestSettings {
  /** Requests accepted from one contact within 24 hours; more are refused (rate limit). */
  intakeLimitPerDay: number;
  codeTtlMinutes: number;
  codeMaxAttempts: number;
  /** A code still usable and younger than this is not replaced by a renewal (its mail is in the box already). */
  codeRenewAfterMinutes: number;
}

export const defaultRequestSettings: RequestSettings = {
  intakeLimitPerDay: 5,
  codeTtlMinutes: 30,
  codeMaxAttempts: 5,
  codeRenewAfterMinutes: 10,
};

/** `17` or `№17` names a request by number; anything else is taken for its id. */
export function requestNumberOf(ref: string): number | null {
  const match = /^(?:№\s*)?([1-9][0-9]{0,14})$/u.exec(ref.trim());
  return match ? Number(match[1]) : null;
}

export function requestNotFound(id: string): DomainError {
  return new DomainError(ErrorCodes.NOT_FOUND, `Обращение ${id} не найдено / Request not found`, {
    issues: [{ path: 'requestId', message: 'unknown request' }],
  });
}

export function wrongState(row: { number: string | number; status: string }, expected: string): DomainError {
  return new DomainError(
    ErrorCodes.REQUEST_STATE_INVALID,
    `Обращение № ${row.number} в статусе «${row.status}»: ${expected}. Request is in the wrong state.`,
    { issues: [{ path: 'status', message: `is ${row.status}; ${expected}` }] },
  );
}
