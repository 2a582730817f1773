// Staff accounts and their console sessions (bound to the browser that opened them, with a CSRF token). Sign-in
// and lock-out (staff.sign-in.ts), the TOTP second factor (staff.totp.ts) and password reset by e-mail
// (staff.reset.ts) are parts of this service, built here. Every sign-in event, good or bad, is in the audit
// chain (never a password, a code or a token).
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { hash as argonHash } from '@node-rs/argon2';
import type { Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Mailer } from '../mail/mailer.js';
import { createStaffReset } from './staff.reset.js';
import {
  byEmail,
  byId,
  checkPassword,
  DEFAULT_STAFF_SETTINGS,
  present,
  STAFF_COLUMNS,
  STAFF_COLUMNS_OF_A,
  type StaffAccount,
  type StaffRow,
  type StaffSession,
  type StaffSettings,
  sha256,
  unauthenticated,
} from './staff.rows.js';
import { createStaffSignIn } from './staff.sign-in.js';
import { createStaffTotp } from './staff.totp.js';

export {
  DEFAULT_STAFF_SETTINGS,
  MIN_PASSWORD_LENGTH,
  type StaffAccount,
  type StaffSession,
  type StaffSettings,
} from './staff.rows.js';
export type { SignIn } from './staff.sign-in.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createStaffService(deps: {
  stores: Stores;
  audit: AuditService;
  clock: () => Date;
  /**
   * Seals TOTP secrets (derived from the master key); the keys of the reset-mail outbox and of the unknown
   * e-mails' lock-out counts are derived from it.
   */
  totpKey: Buffer;
  mailer: Mailer;
  settings?: Partial<StaffSettings>;
}) {
  const { stores, audit, clock } = deps;
  const settings = { ...DEFAULT_STAFF_SETTINGS, ...deps.settings };
  const signInPart = createStaffSignIn({ stores, audit, clock, totpKey: deps.totpKey, settings });
  const totp = createStaffTotp({ stores, audit, clock, totpKey: deps.totpKey, signIn: signInPart });
  const reset = createStaffReset({
    stores,
    audit,
    clock,
    mailer: deps.mailer,
    totpKey: deps.totpKey,
    settings,
  });
  async function add(
    actor: string,
    input: {
      email: string;
      fullName: string;
      position?: string | null;
      password?: string;
      isAdmin?: boolean;
      isHead?: boolean;
    },
  ): Promise<StaffAccount> {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email)) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Некорректный e-mail: ${input.email}. Invalid e-mail.`,
        {
          issues: [{ path: 'email', message: 'expected an e-mail address' }],
        },
      );
    }
    if (!input.fullName.trim()) {
      throw new DomainError(ErrorCodes.VALIDATION_FAILED, 'Укажите ФИО сотрудника. Full name is required.', {
        issues: [{ path: 'fullName', message: 'required' }],
      });
    }
    if (input.password !== undefined) checkPassword(input.password);
    const passwordHash = input.password !== undefined ? await argonHash(input.password) : null;
    const id = randomUUID();
    const now = clock();
    return stores.transaction(async (tx) => {
      if (await byEmail(tx, email)) {
        throw new DomainError(
          ErrorCodes.IDENTITY_CONFLICT,
          `Сотрудник с e-mail ${email} уже есть. A staff member with this e-mail exists.`,
          { issues: [{ path: 'email', message: 'already used' }] },
        );
      }
      const [row] = await tx.query<StaffRow>(
        `INSERT INTO staff_accounts (id, email, full_name, position, password_hash, password_changed_at, is_admin, is_head,
           created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING ${STAFF_COLUMNS}`,
        [
          id,
          email,
          input.fullName.trim(),
          input.position?.trim() || null,
          passwordHash,
          passwordHash ? now : null,
          input.isAdmin ?? false,
          input.isHead ?? false,
          now,
        ],
      );
      await audit.append(tx, [
        {
          actor,
          action: 'staff.create',
          details: { staffId: id, isAdmin: input.isAdmin ?? false, isHead: input.isHead ?? false },
        },
      ]);
      return present(row!);
    });
  }

  async function list(): Promise<StaffAccount[]> {
    const rows = await stores.sql.query<StaffRow>(
      `SELECT ${STAFF_COLUMNS} FROM staff_accounts ORDER BY created_at`,
    );
    return rows.map(present);
  }

  async function get(id: string): Promise<StaffAccount> {
    return present(await byId(stores.sql, id));
  }

  /** Whether an active account has this e-mail (requests are assigned to staff by e-mail). */
  async function isActive(email: string): Promise<boolean> {
    return (await byEmail(stores.sql, email))?.status === 'active';
  }

  /** The session a cookie names, if it is live and used from the browser that opened it. */
  async function authenticateSession(token: string, userAgent: string): Promise<StaffSession> {
    const now = clock();
    const [row] = await stores.sql.query<
      StaffRow & {
        session_id: string;
        csrf_hash: Uint8Array;
        user_agent_hash: Uint8Array;
        last_seen_at: Date;
        expires_at: Date;
        revoked_at: Date | null;
      }
    >(
      `SELECT s.id AS session_id, s.csrf_hash, s.user_agent_hash, s.last_seen_at, s.expires_at, s.revoked_at,
              ${STAFF_COLUMNS_OF_A}
       FROM staff_sessions s JOIN staff_accounts a ON a.id = s.staff_id WHERE s.token_hash = $1`,
      [sha256(token)],
    );
    if (!row || row.revoked_at) {
      throw unauthenticated('Сеанс завершён: войдите снова. The session has ended; sign in again.');
    }
    const idleLimit = new Date(row.last_seen_at.getTime() + settings.idleMinutes * 60_000);
    if (row.expires_at <= now || idleLimit <= now) {
      await revoke(row.session_id, 'expired', row.id);
      throw unauthenticated('Сеанс истёк: войдите снова. The session expired; sign in again.');
    }
    if (!timingSafeEqual(Buffer.from(row.user_agent_hash), sha256(userAgent))) {
      // The cookie came from another browser: treat it as stolen and end the session for everyone.
      await revoke(row.session_id, 'bound_elsewhere', row.id);
      throw unauthenticated(
        'Сеанс открыт в другом браузере и завершён из соображений безопасности: войдите снова. ' +
          'The session cookie was used from another browser; the session was ended.',
      );
    }
    if (row.status !== 'active') {
      await revoke(row.session_id, 'disabled', row.id);
      throw unauthenticated('Учётная запись отключена. The account is disabled.');
    }
    // Touching last_seen at most once a minute keeps reads cheap.
    if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
      await stores.sql.query('UPDATE staff_sessions SET last_seen_at = $2 WHERE id = $1', [
        row.session_id,
        now,
      ]);
    }
    return {
      id: row.session_id,
      staff: present(row),
      csrfHash: Buffer.from(row.csrf_hash),
      expiresAt: row.expires_at,
    };
  }

  function checkCsrf(session: StaffSession, token: string | undefined): void {
    if (!token || !timingSafeEqual(sha256(token), session.csrfHash)) {
      throw new DomainError(
        ErrorCodes.CSRF_FAILED,
        'Нет или неверен заголовок X-CSRF-Token: изменяющие запросы из консоли должны его передавать. ' +
          'Missing or wrong X-CSRF-Token header.',
        { issues: [{ path: 'x-csrf-token', message: 'missing or wrong' }] },
      );
    }
  }

  async function revoke(sessionId: string, reason: string, staffId: string) {
    await stores.transaction(async (tx) => {
      const ended = await tx.query(
        `UPDATE staff_sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
        [sessionId, clock(), reason],
      );
      if (ended.length) {
        await audit.append(tx, [
          { actor: `staff:${staffId}`, action: 'staff.session_end', details: { staffId, sessionId, reason } },
        ]);
      }
    });
  }

  async function signOut(session: StaffSession) {
    await revoke(session.id, 'sign_out', session.staff.id);
  }

  return {
    settings,
    add,
    list,
    get,
    isActive,
    signIn: signInPart.signIn,
    authenticateSession,
    checkCsrf,
    signOut,
    totpSetup: totp.totpSetup,
    totpConfirm: totp.totpConfirm,
    requestPasswordReset: reset.requestPasswordReset,
    confirmPasswordReset: reset.confirmPasswordReset,
    sendQueuedMail: reset.sendQueuedMail,
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
