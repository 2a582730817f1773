// What every part of the request service shares: the deadline a type runs on, the row as staff see it (with
// working days left on the operator's calendar), the locked transition that changes a request and writes its
// audit entries in one transaction, and the requester's sealed contact and words.
import type { Sql, Stores } from '../../db/database.js';
import { openText, sealText } from '../../lib/crypto.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import { dueDate, getCalendar } from '../calendar/calendar.js';
import { addDays, localDateOf } from '../calendar/dates.js';
import type { DeadlineKind } from '../jurisdiction/profile.schema.js';
import type { Mailer } from '../mail/mailer.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { VaultService } from '../vault/vault.service.js';
import {
  deadlineKindOf,
  defaultRequestSettings,
  OPEN_STATUSES,
  REQUEST_COLUMNS,
  type RequestContact,
  type RequestDetails,
  type RequestRow,
  type RequestSettings,
  type RequestSummary,
  requestNotFound,
  wrongState,
} from './request.model.js';
import type { RequestDeadline, RequestType } from './request.table.js';

export interface RequestServiceDeps {
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
}

const contactAad = (id: string) => `request:${id.toLowerCase()}:contact`;
const detailsAad = (id: string) => `request:${id.toLowerCase()}:details`;

/** The columns `transition` stores as JSON. */
const JSON_COLUMNS = new Set(['outcome', 'verification', 'deadline', 'scope']);

export function createRequestCore(deps: RequestServiceDeps) {
  const { stores, audit, rules } = deps;
  const settings: RequestSettings = { ...defaultRequestSettings, ...deps.settings };
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
        const cast = JSON_COLUMNS.has(c) ? '::jsonb' : '';
        return `${c} = $${i + 2}${c === 'due_date' ? '::date' : cast}`;
      });
      const values = columns.map((c) => {
        const v = set[c];
        return JSON_COLUMNS.has(c) && v !== null ? JSON.stringify(v) : v;
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

  /** The requester's contact and own words, sealed for a new request. */
  function sealEvidence(id: string, contact: RequestContact, details: RequestDetails) {
    return {
      contact: sealText(deps.evidenceKey, JSON.stringify(contact), contactAad(id)),
      details: Object.keys(details).length
        ? sealText(deps.evidenceKey, JSON.stringify(details), detailsAad(id))
        : null,
    };
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

  return {
    settings,
    timezone,
    calendar,
    deadlineFor,
    summarize,
    loadRow,
    transition,
    requireOpen,
    sealEvidence,
    contactOf,
    detailsOf,
    copyEvidence,
  };
}

export type RequestCore = ReturnType<typeof createRequestCore>;
