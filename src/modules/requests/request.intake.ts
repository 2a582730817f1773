// Taking a request in, from any channel: the contact checked and hashed (never indexed in the clear), the scope
// checked against the register, the subject found by contact, the deadline counted, and a second request of
// the same type from the same contact linked to the open one rather than filed again.
import { randomUUID } from 'node:crypto';
import type { Sql } from '../../db/database.js';
import { hmacSha256 } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { normalizeEmail, normalizePhone, validationError } from '../vault/field-values.js';
import type { RequestCore, RequestServiceDeps } from './request.core.js';
import {
  REQUEST_COLUMNS,
  type RequestContact,
  type RequestDetails,
  type RequestRow,
  type RequestSummary,
  type SubmitInput,
} from './request.model.js';
import type { RequestType } from './request.table.js';

export function createRequestIntake(
  deps: Pick<RequestServiceDeps, 'stores' | 'audit' | 'rules' | 'vault' | 'hashKey' | 'clock'>,
  core: RequestCore,
) {
  const { stores, audit, rules } = deps;
  const { settings, summarize } = core;

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

  /** More than the daily limit of requests from one contact is refused (the rate limit of intake). */
  async function refuseOverLimit(tx: Sql, contactHash: Uint8Array, receivedAt: Date) {
    const [recent] = await tx.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM subject_requests WHERE contact_hash = $1 AND received_at > $2`,
      [contactHash, new Date(receivedAt.getTime() - 86_400_000)],
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
    const { due, deadline } = core.deadlineFor(input.type, receivedAt);
    const id = randomUUID();
    const now = deps.clock();
    const details: RequestDetails = {};
    if (input.values) details.values = input.values;
    if (input.text) details.text = input.text;

    return stores.transaction(async (tx) => {
      // A kept message submitted again (the intake was killed after the request committed, before the message
      // was linked to it): the request it already made, not a duplicate of itself.
      if (input.inboundMessageId) {
        const [made] = await tx.query<RequestRow>(
          `SELECT ${REQUEST_COLUMNS} FROM subject_requests WHERE inbound_message_id = $1 ORDER BY number LIMIT 1`,
          [input.inboundMessageId],
        );
        if (made) return { request: summarize(made), duplicate: false };
      }
      const linked = await linkToOpenRequest(tx, actor, hash, input.type, {
        channel: input.channel,
        inboundMessageId: input.inboundMessageId ?? null,
      });
      if (linked) return { request: summarize(linked), duplicate: true };
      await refuseOverLimit(tx, hash, receivedAt);
      const sealed = core.sealEvidence(id, normalized, details);
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
          sealed.contact,
          sealed.details,
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

  return { submit, checkScope, linkToOpenRequest };
}
