// Proving the requester is the subject: a one-time code e-mailed to the contact (only its keyed hash is kept;
// wrong codes count against a limit, committed before the caller hears of them), or a staff member's own check
// (in person, a signed letter…) of which no document copy is kept.
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Sql } from '../../db/database.js';
import { hmacSha256 } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { OutgoingMail } from '../mail/mailer.js';
import { localized } from '../register/register.retention.js';
import { normalizeEmail } from '../vault/field-values.js';
import type { RequestCore, RequestServiceDeps } from './request.core.js';
import { codeMail } from './request.mails.js';
import {
  type ManualVerificationMethod,
  type RequestRow,
  type RequestSummary,
  wrongState,
} from './request.model.js';
import type { RequestVerification } from './request.table.js';

type CodeCheck =
  | { request: RequestSummary }
  | { error: 'wrong'; left: number }
  | { error: 'expired'; message: string };

export function createRequestVerification(
  deps: Pick<RequestServiceDeps, 'stores' | 'audit' | 'rules' | 'mailer' | 'hashKey' | 'clock'>,
  core: RequestCore,
) {
  const { stores, audit, rules } = deps;
  const { settings, loadRow, transition, requireOpen } = core;

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
    const contact = core.contactOf(row);
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
      ...codeMail(row.language, {
        number: Number(row.number),
        type: row.type,
        name: contact.name,
        code,
        id,
        ttlMinutes: settings.codeTtlMinutes,
        operator: localized(rules.register.operator.name, row.language),
      }),
    };
    return { request: summary, expiresAt, mail };
  }

  /**
   * Checks the code against the stored hash on the locked request. A wrong code's attempt is counted here, in
   * the caller's transaction; a right one is consumed and the request moves on to in_progress.
   */
  async function checkCode(
    tx: Sql,
    actor: string,
    id: string,
    row: RequestRow,
    code: string,
    now: Date,
  ): Promise<CodeCheck> {
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
  }

  /** Checks a code. Wrong codes count against the limit; an expired or used-up code needs a new one. */
  async function verifyCode(actor: string, id: string, code: string): Promise<RequestSummary> {
    const now = deps.clock();
    const outcome = await stores.transaction(async (tx) => {
      const row = await loadRow(tx, id, true);
      requireOpen(row);
      if (row.verification) throw wrongState(row, 'личность уже подтверждена');
      return checkCode(tx, actor, id, row, code, now);
    });
    // Failed attempts are committed before the caller hears of them.
    if ('request' in outcome) return outcome.request;
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

  return { startEmailVerification, renewEmailCodes, verifyCode, verifyManually };
}
