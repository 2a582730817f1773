// Subject requests: intake, deadlines on the working-day calendar, identity verification, workflow.
// Carrying a request out (reports, rectification, blocking, destruction, withdrawal) is request.execution.ts.
// Classifying an e-mailed request (and splitting one message into several requests) is request.classification.ts.
import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { hmacSha256, openText, sealText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import { dueDate, getCalendar } from '../calendar/calendar.js';
import { addDays, endOfLocalDay, localDateOf } from '../calendar/dates.js';
import type { DeadlineKind } from '../jurisdiction/profile.schema.js';
import type { Mailer, OutgoingMail } from '../mail/mailer.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { normalizeEmail, normalizePhone, validationError } from '../vault/field-values.js';
import type { VaultService } from '../vault/vault.service.js';
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

interface RequestRow {
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

const REQUEST_COLUMNS = `id, number, type, status, channel, subject_id, contact_ciphertext, details_ciphertext, scope,
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

const contactAad = (id: string) => `request:${id.toLowerCase()}:contact`;
const detailsAad = (id: string) => `request:${id.toLowerCase()}:details`;

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

function wrongState(row: { number: string | number; status: string }, expected: string): DomainError {
  return new DomainError(
    ErrorCodes.REQUEST_STATE_INVALID,
    `Обращение № ${row.number} в статусе «${row.status}»: ${expected}. Request is in the wrong state.`,
    { issues: [{ path: 'status', message: `is ${row.status}; ${expected}` }] },
  );
}

export function createRequestService(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  vault: VaultService;
  mailer: Mailer;
  /** Seals requesters' contacts and free text (derived from the master key). */
  evidenceKey: Buffer;
  /** Keyed hashes of contacts (duplicates, rate limit) and of verification codes. */
  hashKey: Buffer;
  clock: () => Date;
  /** Whether an e-mail belongs to an active staff account (requests are assigned to staff only). */
  isActiveStaff: (email: string) => Promise<boolean>;
  settings?: Partial<RequestSettings>;
}) {
  const { stores, audit, rules } = deps;
  const settings = { ...defaultRequestSettings, ...deps.settings };
  const timezone = rules.register.operator.timezone;
  const calendar = () => getCalendar(rules.profile.calendar);

  function deadlineFor(type: RequestType, receivedAt: Date) {
    const kinds =
      type === 'unclassified' ? Object.values(deadlineKindOf) : [deadlineKindOf[type] as DeadlineKind];
    // Until a person classifies it, an unclassified message runs on the shortest deadline any type could have.
    let best: { due: ReturnType<typeof dueDate>; deadline: RequestDeadline } | null = null;
    for (const kind of kinds) {
      const governing = rules.governingDeadline(kind);
      const deadline = {
        amount: governing.amount,
        unit: governing.unit,
        source: governing.source,
        rule: governing.rule,
        ...(governing.clause ? { clause: governing.clause } : {}),
      };
      const due = dueDate(receivedAt, governing, { country: rules.profile.calendar, timezone });
      if (!best || due.dueAt < best.due.dueAt) best = { due, deadline };
    }
    return best!;
  }

  function workingDaysLeft(due: string, today: string): number {
    if (due === today) return 0;
    const forward = due > today;
    const [from, to] = forward ? [today, due] : [due, today];
    let count = 0;
    try {
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (calendar().isWorkingDay(d)) count++;
    } catch {
      // A year without calendar data: count calendar days rather than fail a list.
      count = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
    }
    return forward ? count : -count;
  }

  function summarize(row: RequestRow): RequestSummary {
    const now = deps.clock();
    const open = OPEN_STATUSES.includes(row.status);
    return {
      id: row.id,
      number: Number(row.number),
      type: row.type,
      status: row.status,
      channel: row.channel,
      subjectId: row.subject_id,
      language: row.language,
      receivedAt: row.received_at,
      dueDate: row.due_date,
      dueAt: row.due_at,
      daysLeft: workingDaysLeft(row.due_date, localDateOf(now, timezone)),
      overdue: open ? now > row.due_at : row.closed_at !== null && row.closed_at > row.due_at,
      deadline: row.deadline,
      extensionReason: row.extension_reason,
      verification: row.verification,
      assignee: row.assignee,
      duplicates: row.duplicates,
      outcome: row.outcome,
      closedAt: row.closed_at,
      scope: row.scope,
      inboundMessageId: row.inbound_message_id,
    };
  }

  function normalizeContact(contact: RequestContact) {
    const email = contact.email === undefined ? undefined : normalizeEmail(contact.email);
    const phone = contact.phone === undefined ? undefined : normalizePhone(contact.phone);
    const issues = [];
    if (email === null)
      issues.push({ path: 'contact.email', message: 'ожидается адрес e-mail / an e-mail address' });
    if (phone === null) issues.push({ path: 'contact.phone', message: 'ожидается телефон / a phone number' });
    if (!contact.email && !contact.phone) {
      issues.push({
        path: 'contact',
        message: 'нужен e-mail или телефон для ответа / an e-mail or phone is needed',
      });
    }
    if (issues.length > 0) throw validationError('Неверные контакты заявителя / Invalid contact', issues);
    const normalized = { email: email ?? undefined, phone: phone ?? undefined, name: contact.name?.trim() };
    const hash = hmacSha256(deps.hashKey, email ? `email:${email}` : `phone:${phone}`);
    return { normalized, hash };
  }

  function checkScope(input: SubmitInput) {
    for (const p of input.scope?.purposes ?? []) rules.purpose(p);
    const unknown = (input.scope?.fields ?? []).filter((f) => !rules.field(f));
    if (unknown.length > 0) {
      throw new DomainError(ErrorCodes.UNKNOWN_FIELD, `Поля не описаны в реестре: ${unknown.join(', ')}`, {
        issues: unknown.map((f) => ({ path: `scope.fields.${f}`, message: 'unknown field' })),
      });
    }
    if (input.type === 'rectification' && (!input.values || Object.keys(input.values).length === 0)) {
      throw validationError('Для уточнения нужны новые значения / New values are needed', [
        { path: 'values', message: 'ожидаются поля с новыми значениями / new values by field id' },
      ]);
    }
    if (input.type === 'consent_withdrawal') {
      for (const p of input.scope?.purposes ?? []) {
        if (!rules.hasBasis(rules.purpose(p), 'consent')) {
          throw validationError(`Цель «${p}» обрабатывается не на основании согласия: отзывать нечего`, [
            { path: 'scope.purposes', message: `purpose ${p} has no consent basis` },
          ]);
        }
      }
    }
  }

  async function findSubject(actor: string, contact: { email?: string; phone?: string }) {
    if (contact.email) {
      const id = await deps.vault.lookup(actor, 'email', contact.email);
      if (id) return id;
    }
    if (contact.phone) return deps.vault.lookup(actor, 'phone', contact.phone);
    return null;
  }

  /**
   * Takes a request in. A second request of the same type from the same contact while the first is open is
   * linked to it (counted, recorded), not doubled. More than the daily limit from one contact is refused.
   */
  async function submit(
    actor: string,
    input: SubmitInput,
  ): Promise<{ request: RequestSummary; duplicate: boolean }> {
    checkScope(input);
    const { normalized, hash } = normalizeContact(input.contact);
    const receivedAt = input.receivedAt ?? deps.clock();
    if (input.subjectId) await deps.vault.requireSubject(stores.sql, input.subjectId);
    const subjectId = input.subjectId ?? (await findSubject(actor, normalized));
    const { due, deadline } = deadlineFor(input.type, receivedAt);
    const id = randomUUID();
    const now = deps.clock();
    const details: RequestDetails = {};
    if (input.values) details.values = input.values;
    if (input.text) details.text = input.text;

    return stores.transaction(async (tx) => {
      const linked = await linkToOpenRequest(tx, actor, hash, input.type, {
        channel: input.channel,
        inboundMessageId: input.inboundMessageId ?? null,
      });
      if (linked) return { request: summarize(linked), duplicate: true };
      const [recent] = await tx.query<{ n: string | number }>(
        `SELECT count(*) AS n FROM subject_requests WHERE contact_hash = $1 AND received_at > $2`,
        [hash, new Date(receivedAt.getTime() - 86_400_000)],
      );
      if (Number(recent!.n) >= settings.intakeLimitPerDay) {
        throw new DomainError(
          ErrorCodes.RATE_LIMITED,
          `С этого адреса за сутки уже принято ${recent!.n} обращений (предел ${settings.intakeLimitPerDay}); ` +
            'повторите позже или обратитесь к оператору иначе. Too many requests from this contact.',
          {
            issues: [
              { path: 'contact', message: `at most ${settings.intakeLimitPerDay} requests per 24 hours` },
            ],
          },
        );
      }
      const [row] = await tx.query<RequestRow>(
        `INSERT INTO subject_requests (id, type, status, channel, subject_id, contact_hash, contact_ciphertext,
           details_ciphertext, scope, language, received_at, due_date, due_at, deadline, inbound_message_id, updated_at)
         VALUES ($1, $2, 'received', $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11::date, $12, $13::jsonb, $14, $15)
         RETURNING ${REQUEST_COLUMNS}`,
        [
          id,
          input.type,
          input.channel,
          subjectId,
          hash,
          sealText(deps.evidenceKey, JSON.stringify(normalized), contactAad(id)),
          Object.keys(details).length
            ? sealText(deps.evidenceKey, JSON.stringify(details), detailsAad(id))
            : null,
          JSON.stringify(input.scope ?? {}),
          input.language ?? 'ru',
          receivedAt,
          due.dueDate,
          new Date(due.dueAt),
          JSON.stringify(deadline),
          input.inboundMessageId ?? null,
          now,
        ],
      );
      await audit.append(tx, [
        {
          actor,
          action: 'request.receive',
          subjectId,
          purposeId: input.scope?.purposes?.[0] ?? null,
          fieldIds: input.scope?.fields ?? (input.values ? Object.keys(input.values) : []),
          details: {
            request_id: id,
            type: input.type,
            channel: input.channel,
            dueDate: due.dueDate,
            deadline,
            subjectKnown: subjectId !== null,
          },
        },
      ]);
      return { request: summarize(row!), duplicate: false };
    });
  }

  /**
   * A new request of a type the same contact already has open is linked to the open one (its duplicate count
   * goes up, audited) instead of being filed again. `excluding` leaves out the request being split.
   */
  async function linkToOpenRequest(
    tx: Sql,
    actor: string,
    contactHash: Uint8Array,
    type: RequestType,
    details: Record<string, unknown>,
    excluding?: string,
  ): Promise<RequestRow | undefined> {
    const [open] = await tx.query<RequestRow>(
      `SELECT ${REQUEST_COLUMNS} FROM subject_requests
       WHERE contact_hash = $1 AND type = $2 AND status IN ('received', 'verifying', 'in_progress')
         AND ($3::uuid IS NULL OR id <> $3::uuid)
       ORDER BY received_at LIMIT 1 FOR UPDATE`,
      [contactHash, type, excluding ?? null],
    );
    if (!open) return undefined;
    const [updated] = await tx.query<RequestRow>(
      `UPDATE subject_requests SET duplicates = duplicates + 1, updated_at = $2 WHERE id = $1
       RETURNING ${REQUEST_COLUMNS}`,
      [open.id, deps.clock()],
    );
    await audit.append(tx, [
      {
        actor,
        action: 'request.duplicate',
        subjectId: open.subject_id,
        details: { request_id: open.id, ...details },
      },
    ]);
    return updated!;
  }

  async function loadRow(sql: Sql, id: string, forUpdate = false): Promise<RequestRow> {
    const [row] = await sql.query<RequestRow>(
      `SELECT ${REQUEST_COLUMNS} FROM subject_requests WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw requestNotFound(id);
    return row;
  }

  /** Runs `change` on the locked row; the change returns the columns to set and the audit entries to write. */
  async function transition(
    id: string,
    change: (row: RequestRow) => { set: Record<string, unknown>; entries: AuditEntryInput[] },
    sql?: Sql,
  ): Promise<RequestSummary> {
    const run = async (tx: Sql) => {
      const row = await loadRow(tx, id, true);
      const { set, entries } = change(row);
      const columns = Object.keys(set);
      const assignments = columns.map((c, i) => {
        const cast =
          c === 'outcome' || c === 'verification' || c === 'deadline' || c === 'scope' ? '::jsonb' : '';
        return `${c} = $${i + 2}${c === 'due_date' ? '::date' : cast}`;
      });
      const values = columns.map((c) => {
        const v = set[c];
        return (c === 'outcome' || c === 'verification' || c === 'deadline' || c === 'scope') && v !== null
          ? JSON.stringify(v)
          : v;
      });
      const [updated] = await tx.query<RequestRow>(
        `UPDATE subject_requests SET ${[...assignments, `updated_at = $${columns.length + 2}`].join(', ')}
         WHERE id = $1 RETURNING ${REQUEST_COLUMNS}`,
        [id, ...values, deps.clock()],
      );
      await audit.append(tx, entries);
      return summarize(updated!);
    };
    return sql ? run(sql) : stores.transaction(run);
  }

  const requireOpen = (row: RequestRow) => {
    if (!OPEN_STATUSES.includes(row.status)) throw wrongState(row, 'обращение уже закрыто / already closed');
  };

  /**
   * The request's id from a reference staff type: its number (`17`) or its id. A number that names no
   * request is `not_found`; an id is checked by whatever loads the row next.
   */
  async function resolveId(ref: string): Promise<string> {
    const number = requestNumberOf(ref);
    if (number === null) return ref.toLowerCase();
    const [row] = await stores.sql.query<{ id: string }>(
      'SELECT id FROM subject_requests WHERE number = $1',
      [number],
    );
    if (!row) throw requestNotFound(`№ ${number}`);
    return row.id;
  }

  /** Gives the request to a staff member, named by the e-mail of an active staff account. */
  async function assign(actor: string, id: string, assignee: string) {
    const email = normalizeEmail(assignee);
    if (email === null || !(await deps.isActiveStaff(email))) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Нет активного сотрудника с e-mail «${assignee}» / No active staff member with this e-mail`,
        {
          issues: [
            {
              path: 'assignee',
              message: 'ожидается e-mail действующей учётной записи сотрудника (amanat staff list)',
            },
          ],
        },
      );
    }
    return transition(id, (row) => {
      requireOpen(row);
      return {
        set: { assignee: email },
        entries: [
          {
            actor,
            action: 'request.assign',
            subjectId: row.subject_id,
            details: { request_id: id, assignee: email },
          },
        ],
      };
    });
  }

  /** One extension where the law allows it (RU Art. 20: +5 working days, with the reason told to the subject). */
  async function extend(actor: string, id: string, reason: string) {
    if (!reason.trim()) {
      throw validationError('Продление требует мотивированного обоснования / A reason is required', [
        { path: 'reason', message: 'ожидается причина продления' },
      ]);
    }
    return transition(id, (row) => {
      requireOpen(row);
      if (row.extension_reason) throw wrongState(row, 'срок уже продлевался; закон допускает одно продление');
      const kind = row.type === 'unclassified' ? undefined : deadlineKindOf[row.type];
      const extension = kind ? rules.profile.deadlines[kind]?.extension : undefined;
      if (!extension) {
        throw new DomainError(
          ErrorCodes.REQUEST_STATE_INVALID,
          `Закон (${rules.profile.code}) не предусматривает продления срока для обращения типа «${row.type}». ` +
            'The law allows no extension for this request type.',
          { issues: [{ path: 'type', message: 'no extension in the jurisdiction profile' }] },
        );
      }
      const newDue =
        extension.unit === 'working_days'
          ? calendar().addWorkingDays(row.due_date, extension.amount)
          : calendar().addCalendarDays(row.due_date, extension.amount);
      return {
        set: {
          due_date: newDue,
          due_at: endOfLocalDay(newDue, timezone),
          extension_reason: reason.trim(),
          deadline: {
            ...row.deadline,
            rule: `${row.deadline.rule}; продлён: +${extension.amount} (${rules.profile.deadlines[kind!]!.rule})`,
          },
        },
        entries: [
          {
            actor,
            action: 'request.extend',
            subjectId: row.subject_id,
            details: { request_id: id, from: row.due_date, to: newDue },
          },
        ],
      };
    });
  }

  function contactOf(row: RequestRow): { email?: string; phone?: string; name?: string } {
    return JSON.parse(openText(deps.evidenceKey, row.contact_ciphertext, contactAad(row.id)));
  }

  function detailsOf(row: RequestRow): RequestDetails {
    return row.details_ciphertext
      ? JSON.parse(openText(deps.evidenceKey, row.details_ciphertext, detailsAad(row.id)))
      : {};
  }

  /** The requester's contact and words of one request, sealed again for another (a split of one message). */
  function copyEvidence(row: RequestRow, id: string) {
    const contact = openText(deps.evidenceKey, row.contact_ciphertext, contactAad(row.id));
    const details = row.details_ciphertext
      ? openText(deps.evidenceKey, row.details_ciphertext, detailsAad(row.id))
      : null;
    return {
      contact: sealText(deps.evidenceKey, contact, contactAad(id)),
      details: details === null ? null : sealText(deps.evidenceKey, details, detailsAad(id)),
    };
  }

  /** Sends a one-time code to the requester's e-mail; the clock keeps running meanwhile (unless the profile says). */
  async function startEmailVerification(actor: string, id: string) {
    const { mail, ...issued } = await issueEmailCode(actor, id);
    await deps.mailer.send(mail);
    return issued;
  }

  /**
   * A new code for every open request of this e-mail still waiting for its requester's confirmation, so the subject
   * can always confirm, whatever a stranger typed: a code used up by wrong guesses, expired or lost is replaced. A
   * code still usable and younger than `codeRenewAfterMinutes` is left alone (its mail is there; a stranger asking
   * again neither floods the mailbox nor voids it). Returns the mails to send; none when nothing is waiting.
   */
  async function renewEmailCodes(actor: string, email: string): Promise<OutgoingMail[]> {
    const normalized = normalizeEmail(email);
    if (normalized === null) return [];
    const now = deps.clock();
    const waiting = await stores.sql.query<{
      id: string;
      sent_at: Date | null;
      expires_at: Date | null;
      attempts: number | null;
      max_attempts: number | null;
      consumed_at: Date | null;
    }>(
      `SELECT r.id, c.sent_at, c.expires_at, c.attempts, c.max_attempts, c.consumed_at
       FROM subject_requests r LEFT JOIN verification_codes c ON c.request_id = r.id
       WHERE r.contact_hash = $1 AND r.status IN ('received', 'verifying') AND r.verification IS NULL
       ORDER BY r.received_at LIMIT $2`,
      [hmacSha256(deps.hashKey, `email:${normalized}`), settings.intakeLimitPerDay * 2],
    );
    const mails: OutgoingMail[] = [];
    for (const code of waiting) {
      const usable =
        code.sent_at !== null &&
        code.consumed_at === null &&
        code.expires_at! > now &&
        code.attempts! < code.max_attempts!;
      if (usable && now.getTime() - code.sent_at!.getTime() < settings.codeRenewAfterMinutes * 60_000)
        continue;
      mails.push((await issueEmailCode(actor, code.id)).mail);
    }
    return mails;
  }

  /** Stores a new code for the request (the old one void) and returns the mail that carries it. */
  async function issueEmailCode(actor: string, id: string) {
    const row = await loadRow(stores.sql, id);
    requireOpen(row);
    if (row.verification) throw wrongState(row, 'личность уже подтверждена');
    const contact = contactOf(row);
    if (!contact.email) {
      throw new DomainError(
        ErrorCodes.REQUEST_STATE_INVALID,
        'У заявителя нет e-mail: подтвердите личность вручную. No e-mail to send a code to; verify manually.',
      );
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = deps.clock();
    const expiresAt = new Date(now.getTime() + settings.codeTtlMinutes * 60_000);
    // Stored first, sent second: a failed send leaves a code nobody knows, and a new one can be asked for.
    const summary = await stores.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO verification_codes (request_id, code_hash, sent_at, expires_at, attempts, max_attempts)
         VALUES ($1, $2, $3, $4, 0, $5)
         ON CONFLICT (request_id) DO UPDATE SET code_hash = EXCLUDED.code_hash, sent_at = EXCLUDED.sent_at,
           expires_at = EXCLUDED.expires_at, attempts = 0, max_attempts = EXCLUDED.max_attempts, consumed_at = NULL`,
        [id, hmacSha256(deps.hashKey, `code:${id}:${code}`), now, expiresAt, settings.codeMaxAttempts],
      );
      return transition(
        id,
        (locked) => ({
          set: { status: 'verifying' },
          entries: [
            {
              actor,
              action: 'request.verification_sent',
              subjectId: locked.subject_id,
              details: { request_id: id, method: 'email_code', expiresAt: expiresAt.toISOString() },
            },
          ],
        }),
        tx,
      );
    });
    const mail: OutgoingMail = {
      to: contact.email,
      subject: `Код подтверждения по обращению № ${row.number}`,
      text:
        `Здравствуйте${contact.name ? `, ${contact.name}` : ''}!\n\n` +
        `Чтобы подтвердить, что обращение № ${row.number} («${requestTypeTitles[row.type]}») направили вы, ` +
        `введите код: ${code}\n(идентификатор обращения для подтверждения: ${id})\n\n` +
        `Код действует ${settings.codeTtlMinutes} минут; новый код можно запросить в центре конфиденциальности. ` +
        'Если вы не направляли обращение, просто проигнорируйте это письмо.\n\n' +
        `${rules.register.operator.name.ru}`,
    };
    return { request: summary, expiresAt, mail };
  }

  /** Checks a code. Wrong codes count against the limit; an expired or used-up code needs a new one. */
  async function verifyCode(actor: string, id: string, code: string): Promise<RequestSummary> {
    const now = deps.clock();
    const outcome = await stores.transaction(async (tx) => {
      const row = await loadRow(tx, id, true);
      requireOpen(row);
      if (row.verification) throw wrongState(row, 'личность уже подтверждена');
      const [stored] = await tx.query<{
        code_hash: Uint8Array;
        expires_at: Date;
        attempts: number;
        max_attempts: number;
        consumed_at: Date | null;
      }>(
        'SELECT code_hash, expires_at, attempts, max_attempts, consumed_at FROM verification_codes WHERE request_id = $1',
        [id],
      );
      if (!stored || stored.consumed_at) {
        return {
          error: 'expired' as const,
          message: 'Код не запрашивался или уже использован: запросите новый.',
        };
      }
      if (stored.expires_at <= now) {
        return { error: 'expired' as const, message: 'Срок действия кода истёк: запросите новый.' };
      }
      if (stored.attempts >= stored.max_attempts) {
        return { error: 'expired' as const, message: 'Исчерпаны попытки ввода кода: запросите новый.' };
      }
      const expected = Buffer.from(stored.code_hash);
      const given = hmacSha256(deps.hashKey, `code:${id}:${code.trim()}`);
      if (!/^\d{6}$/.test(code.trim()) || !timingSafeEqual(expected, given)) {
        const attempts = stored.attempts + 1;
        await tx.query('UPDATE verification_codes SET attempts = $2 WHERE request_id = $1', [id, attempts]);
        await audit.append(tx, [
          {
            actor,
            action: 'request.verification_failed',
            subjectId: row.subject_id,
            details: { request_id: id, attempts, maxAttempts: stored.max_attempts },
          },
        ]);
        return { error: 'wrong' as const, left: stored.max_attempts - attempts };
      }
      await tx.query('UPDATE verification_codes SET consumed_at = $2 WHERE request_id = $1', [id, now]);
      const verification: RequestVerification = {
        method: 'email_code',
        verifiedAt: now.toISOString(),
        verifiedBy: 'subject',
      };
      return {
        request: await transition(
          id,
          (locked) => ({
            set: { status: 'in_progress', verification },
            entries: [
              {
                actor,
                action: 'request.verify',
                subjectId: locked.subject_id,
                details: { request_id: id, method: 'email_code' },
              },
            ],
          }),
          tx,
        ),
      };
    });
    // Failed attempts are committed before the caller hears of them.
    if ('request' in outcome && outcome.request) return outcome.request;
    if (outcome.error === 'wrong') {
      throw new DomainError(
        ErrorCodes.VERIFICATION_FAILED,
        `Неверный код. Осталось попыток: ${outcome.left}. Wrong code.`,
        { issues: [{ path: 'code', message: `wrong code; ${outcome.left} attempts left` }] },
      );
    }
    throw new DomainError(ErrorCodes.VERIFICATION_EXPIRED, `${outcome.message} The code has expired.`, {
      issues: [{ path: 'code', message: 'expired or used' }],
    });
  }

  /** A staff member checked identity (in person, by a signed letter…); no copy of any document is kept. */
  async function verifyManually(
    actor: string,
    id: string,
    how: ManualVerificationMethod,
    /** What the staff member wants to remember of the check; never a document number or copy. */
    note?: string,
  ) {
    const now = deps.clock();
    return transition(id, (row) => {
      requireOpen(row);
      if (row.verification) throw wrongState(row, 'личность уже подтверждена');
      const verification: RequestVerification = {
        method: 'manual',
        verifiedAt: now.toISOString(),
        verifiedBy: actor,
        how,
        ...(note?.trim() ? { note: note.trim() } : {}),
      };
      return {
        set: { status: 'in_progress', verification },
        entries: [
          {
            actor,
            action: 'request.verify',
            subjectId: row.subject_id,
            details: { request_id: id, method: 'manual', how },
          },
        ],
      };
    });
  }

  /** The request with the requester's contact and own words, for the staff member handling it. */
  async function get(actor: string, id: string) {
    return stores.transaction(async (tx) => {
      const row = await loadRow(tx, id);
      await audit.append(tx, [
        { actor, action: 'request.read', subjectId: row.subject_id, details: { request_id: id } },
      ]);
      return { ...summarize(row), contact: contactOf(row), details: detailsOf(row) };
    });
  }

  async function list(filter: {
    status?: RequestStatus;
    open?: boolean;
    /** Open requests due on or before this local date (e.g. tomorrow), overdue ones included. */
    dueBy?: string;
    overdue?: boolean;
    subjectId?: string;
    limit?: number;
  }) {
    const now = deps.clock();
    const rows = await stores.sql.query<RequestRow>(
      `SELECT ${REQUEST_COLUMNS} FROM subject_requests
       WHERE ($1::text IS NULL OR status = $1)
         AND ($2::boolean IS NOT TRUE OR status IN ('received', 'verifying', 'in_progress'))
         AND ($3::date IS NULL OR (due_date <= $3 AND status IN ('received', 'verifying', 'in_progress')))
         AND ($4::boolean IS NOT TRUE OR (due_at < $5 AND status IN ('received', 'verifying', 'in_progress')))
         AND ($6::uuid IS NULL OR subject_id = $6)
       ORDER BY due_at, number LIMIT $7`,
      [
        filter.status ?? null,
        filter.open ?? null,
        filter.dueBy ?? null,
        filter.overdue ?? null,
        now,
        filter.subjectId ?? null,
        filter.limit ?? 500,
      ],
    );
    return rows.map(summarize);
  }

  /** The request's history, read from the audit chain itself. */
  async function history(id: string) {
    await loadRow(stores.sql, id);
    const rows = await stores.sql.query<{
      seq: string | number;
      at: Date;
      actor: string;
      action: string;
      field_ids: string[];
      details: Record<string, unknown>;
    }>(
      `SELECT seq, at, actor, action, field_ids, details FROM audit_log
       WHERE details ? 'request_id' AND (details ->> 'request_id') = $1 ORDER BY seq`,
      [id],
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action,
      fields: r.field_ids,
      details: r.details,
    }));
  }

  /** Due tomorrow (local date of the operator) and overdue: the daily digest's content. */
  async function dueDigest() {
    const today = localDateOf(deps.clock(), timezone);
    const tomorrow = addDays(today, 1);
    const open = await list({ dueBy: tomorrow });
    return {
      today,
      tomorrow,
      overdue: open.filter((r) => r.overdue),
      dueToday: open.filter((r) => !r.overdue && r.dueDate === today),
      dueTomorrow: open.filter((r) => !r.overdue && r.dueDate === tomorrow),
    };
  }

  /**
   * The daily digest to the person responsible for personal data: overdue, due today, due tomorrow. Nothing is
   * sent on a day with nothing to report. The digest names requests by number and type, never people.
   */
  async function sendDigest() {
    const digest = await dueDigest();
    const total = digest.overdue.length + digest.dueToday.length + digest.dueTomorrow.length;
    if (total === 0) return { sent: false, ...digest };
    const lines = (title: string, rows: RequestSummary[]) =>
      rows.length === 0
        ? []
        : [
            `${title} (${rows.length}):`,
            ...rows.map(
              (r) =>
                `  № ${r.number} — ${requestTypeTitles[r.type]}; срок ${r.dueDate}; статус ${r.status}` +
                `${r.assignee ? `; исполнитель ${r.assignee}` : '; не назначено'}`,
            ),
            '',
          ];
    // The audit chain as it stood when the digest was made: kept in the mailbox, outside the data store, it is a
    // position `amanat audit verify` output can be checked against.
    const [head] = await stores.sql.query<{ seq: string | number; hash: string }>(
      `SELECT seq, encode(hash, 'hex') AS hash FROM audit_head WHERE id = 1`,
    );
    await deps.mailer.send({
      to: rules.register.operator.responsible_person.email,
      subject: `Обращения субъектов на ${digest.today}: просрочено ${digest.overdue.length}, срок сегодня ${digest.dueToday.length}, завтра ${digest.dueTomorrow.length}`,
      text: [
        ...lines('ПРОСРОЧЕНО', digest.overdue),
        ...lines('Срок сегодня', digest.dueToday),
        ...lines('Срок завтра', digest.dueTomorrow),
        'Подробности: amanat requests list --due',
        `Журнал аудита на момент сводки: запись № ${Number(head?.seq ?? 0)}, контрольное значение ${head?.hash ?? '—'}`,
      ].join('\n'),
    });
    return { sent: true, ...digest };
  }

  return {
    submit,
    sendDigest,
    resolveId,
    assign,
    extend,
    startEmailVerification,
    renewEmailCodes,
    verifyCode,
    verifyManually,
    get,
    list,
    history,
    dueDigest,
    // For request.execution.ts, which carries requests out.
    internal: {
      loadRow,
      transition,
      contactOf,
      detailsOf,
      requireOpen,
      wrongState,
      summarize,
      deadlineFor,
      checkScope,
      copyEvidence,
      linkToOpenRequest,
      columns: REQUEST_COLUMNS,
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
export type { RequestRow };
