// Staff accounts and console sign-in: argon2id passwords, an optional TOTP second factor (each code used
// once), lock-out after repeated failures, sessions bound to the browser that opened them with a CSRF token,
// and password reset by e-mail. Every sign-in event, good or bad, is in the audit chain (never a password,
// a code or a token).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Sql, Stores } from '../../db/database.js';
import { openText, sealText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { generateTotpSecret, otpauthUrl, verifyTotp } from '../../lib/totp.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import type { Mailer } from '../mail/mailer.js';

export interface StaffSettings {
  /** Absolute session lifetime. */
  sessionHours: number;
  /** A session unused this long ends. */
  idleMinutes: number;
  /** Failed sign-ins in a row before the account locks. */
  maxFailedLogins: number;
  lockMinutes: number;
  resetLinkMinutes: number;
  /** Where the console is, for the link in the password-reset letter (optional). */
  publicUrl?: string;
}

export const DEFAULT_STAFF_SETTINGS: StaffSettings = {
  sessionHours: 12,
  idleMinutes: 30,
  maxFailedLogins: 5,
  lockMinutes: 15,
  resetLinkMinutes: 60,
};

export const MIN_PASSWORD_LENGTH = 12;

export interface StaffAccount {
  id: string;
  email: string;
  fullName: string;
  position: string | null;
  isAdmin: boolean;
  isHead: boolean;
  status: 'active' | 'disabled';
  totpEnabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}

interface StaffRow {
  id: string;
  email: string;
  full_name: string;
  position: string | null;
  password_hash: string | null;
  totp_secret: Uint8Array | null;
  totp_enabled_at: Date | null;
  totp_last_step: string | number | null;
  is_admin: boolean;
  is_head: boolean;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: Date | null;
  created_at: Date;
}

const STAFF_COLUMNS = `id, email, full_name, position, password_hash, totp_secret, totp_enabled_at, totp_last_step,
  is_admin, is_head, status, failed_logins, locked_until, created_at`;

/** The same columns qualified by the alias `a` (joined with sessions, whose id would clash). */
const STAFF_COLUMNS_OF_A = STAFF_COLUMNS.split(',')
  .map((c) => `a.${c.trim()}`)
  .join(', ');

function present(row: StaffRow): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    position: row.position,
    isAdmin: row.is_admin,
    isHead: row.is_head,
    status: row.status,
    totpEnabled: row.totp_enabled_at !== null,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A session as the HTTP layer holds it after authentication. */
export interface StaffSession {
  id: string;
  staff: StaffAccount;
  csrfHash: Buffer;
  expiresAt: Date;
}

export interface SignIn {
  email: string;
  password: string;
  totp?: string;
  userAgent: string;
}

function unauthenticated(message: string, path = 'session'): DomainError {
  return new DomainError(ErrorCodes.UNAUTHENTICATED, message, { issues: [{ path, message }] });
}

export function createStaffService(deps: {
  stores: Stores;
  audit: AuditService;
  clock: () => Date;
  /** Seals TOTP secrets (derived from the master key). */
  totpKey: Buffer;
  mailer: Mailer;
  settings?: Partial<StaffSettings>;
}) {
  const { stores, audit, clock } = deps;
  const settings = { ...DEFAULT_STAFF_SETTINGS, ...deps.settings };
  // Verifying against this when the e-mail is unknown keeps the answer's timing the same as a wrong password.
  const decoyHash = argonHash(randomBytes(16).toString('hex'));

  function checkPassword(password: string, path = 'password') {
    if (password.length < MIN_PASSWORD_LENGTH || password.length > 1024) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Пароль должен быть не короче ${MIN_PASSWORD_LENGTH} символов. Password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
        { issues: [{ path, message: `at least ${MIN_PASSWORD_LENGTH} characters` }] },
      );
    }
  }

  async function byEmail(sql: Sql, email: string): Promise<StaffRow | undefined> {
    const [row] = await sql.query<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff_accounts WHERE email = $1`, [
      email.trim().toLowerCase(),
    ]);
    return row;
  }

  async function byId(sql: Sql, id: string, lock = false): Promise<StaffRow> {
    const [row] = await sql.query<StaffRow>(
      `SELECT ${STAFF_COLUMNS} FROM staff_accounts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) {
      throw new DomainError(ErrorCodes.NOT_FOUND, `Сотрудник ${id} не найден. Staff member not found.`, {
        issues: [{ path: 'staffId', message: 'unknown staff member' }],
      });
    }
    return row;
  }

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

  /** Records a refused sign-in in its own transaction: the refusal itself changes nothing else. */
  async function logRefusal(entry: Omit<AuditEntryInput, 'actor'> & { actor?: string }) {
    await audit.appendAlone(stores, [{ actor: entry.actor ?? 'anonymous', ...entry }]);
  }

  async function signIn(input: SignIn): Promise<{ token: string; csrfToken: string; session: StaffSession }> {
    const now = clock();
    const row = await byEmail(stores.sql, input.email);
    const wrong = () => unauthenticated('Неверный e-mail или пароль. Wrong e-mail or password.', 'password');
    if (!row?.password_hash || row.status !== 'active') {
      await argonVerify(await decoyHash, input.password).catch(() => false);
      await logRefusal({
        action: 'staff.sign_in_refused',
        details: { reason: row ? (row.status !== 'active' ? 'disabled' : 'no_password') : 'unknown_account' },
      });
      throw wrong();
    }
    if (row.locked_until && row.locked_until > now) {
      await logRefusal({
        actor: `staff:${row.id}`,
        action: 'staff.sign_in_refused',
        details: { staffId: row.id, reason: 'locked' },
      });
      throw new DomainError(
        ErrorCodes.ACCOUNT_LOCKED,
        `Учётная запись заблокирована после ${settings.maxFailedLogins} неудачных попыток входа до ` +
          `${row.locked_until.toISOString()}; восстановите пароль по e-mail или дождитесь. Account locked.`,
        { issues: [{ path: 'email', message: `locked until ${row.locked_until.toISOString()}` }] },
      );
    }
    const passwordOk = await argonVerify(row.password_hash, input.password).catch(() => false);
    let failure: 'password' | 'totp_missing' | 'totp_wrong' | 'totp_replayed' | null = passwordOk
      ? null
      : 'password';
    let totpStep: number | null = null;
    if (!failure && row.totp_enabled_at && row.totp_secret) {
      if (!input.totp) failure = 'totp_missing';
      else {
        const secret = openText(deps.totpKey, row.totp_secret, `totp:${row.id}`);
        const lastUsedStep = row.totp_last_step === null ? null : Number(row.totp_last_step);
        const checked = verifyTotp(secret, input.totp, now, { lastUsedStep });
        if (checked.ok) totpStep = checked.step;
        else failure = checked.reason === 'replayed' ? 'totp_replayed' : 'totp_wrong';
      }
    }
    if (failure === 'totp_missing') {
      // The password was right: ask for the code without counting a failure.
      throw new DomainError(
        ErrorCodes.SECOND_FACTOR_REQUIRED,
        'Введите код из приложения-аутентификатора (поле totp). A TOTP code is required.',
        { issues: [{ path: 'totp', message: 'required' }] },
      );
    }
    if (failure) {
      const failed = row.failed_logins + 1;
      const lock = failed >= settings.maxFailedLogins;
      const lockedUntil = lock ? new Date(now.getTime() + settings.lockMinutes * 60_000) : null;
      await stores.transaction(async (tx) => {
        await tx.query(
          `UPDATE staff_accounts SET failed_logins = $2, locked_until = coalesce($3, locked_until), updated_at = $4
           WHERE id = $1`,
          [row.id, lock ? 0 : failed, lockedUntil, now],
        );
        await audit.append(tx, [
          {
            actor: `staff:${row.id}`,
            action: 'staff.sign_in_refused',
            details: { staffId: row.id, reason: failure, failedInARow: failed },
          },
          ...(lock
            ? [
                {
                  actor: 'system:auth',
                  action: 'staff.locked' as const,
                  details: { staffId: row.id, until: lockedUntil!.toISOString() },
                },
              ]
            : []),
        ]);
      });
      if (failure === 'totp_replayed') {
        throw unauthenticated(
          'Этот код уже использован: дождитесь следующего кода. The TOTP code was already used.',
          'totp',
        );
      }
      if (failure === 'totp_wrong') throw unauthenticated('Неверный код TOTP. Wrong TOTP code.', 'totp');
      throw wrong();
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const sessionId = randomUUID();
    const expiresAt = new Date(now.getTime() + settings.sessionHours * 3_600_000);
    await stores.transaction(async (tx) => {
      // The step moves forward only: two sign-ins racing with one code cannot both pass.
      const accepted = await tx.query(
        `UPDATE staff_accounts SET failed_logins = 0, locked_until = NULL, totp_last_step = coalesce($2, totp_last_step),
           updated_at = $3
         WHERE id = $1 AND ($2::bigint IS NULL OR totp_last_step IS NULL OR totp_last_step < $2::bigint) RETURNING id`,
        [row.id, totpStep, now],
      );
      if (accepted.length === 0) {
        throw unauthenticated(
          'Этот код уже использован: дождитесь следующего кода. The TOTP code was already used.',
          'totp',
        );
      }
      await tx.query(
        `INSERT INTO staff_sessions (id, token_hash, staff_id, csrf_hash, user_agent_hash, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7)`,
        [sessionId, sha256(token), row.id, sha256(csrfToken), sha256(input.userAgent), now, expiresAt],
      );
      await audit.append(tx, [
        {
          actor: `staff:${row.id}`,
          action: 'staff.sign_in',
          details: { staffId: row.id, sessionId, secondFactor: totpStep !== null },
        },
      ]);
    });
    return {
      token,
      csrfToken,
      session: {
        id: sessionId,
        staff: present({ ...row, failed_logins: 0, locked_until: null }),
        csrfHash: sha256(csrfToken),
        expiresAt,
      },
    };
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

  /** Starts TOTP enrolment: a new secret, not active until a code from it is confirmed. */
  async function totpSetup(staffId: string) {
    const row = await byId(stores.sql, staffId);
    const secret = generateTotpSecret();
    await stores.transaction(async (tx) => {
      await tx.query(
        'UPDATE staff_accounts SET totp_secret = $2, totp_enabled_at = NULL, totp_last_step = NULL, updated_at = $3 WHERE id = $1',
        [staffId, sealText(deps.totpKey, secret, `totp:${staffId}`), clock()],
      );
      await audit.append(tx, [
        { actor: `staff:${staffId}`, action: 'staff.totp_setup', details: { staffId } },
      ]);
    });
    return { secret, url: otpauthUrl(secret, row.email, 'Amanat') };
  }

  async function totpConfirm(staffId: string, code: string) {
    await stores.transaction(async (tx) => {
      const row = await byId(tx, staffId, true);
      if (!row.totp_secret) {
        throw new DomainError(
          ErrorCodes.VALIDATION_FAILED,
          'Сначала начните подключение TOTP. Start TOTP setup first.',
          {
            issues: [{ path: 'totp', message: 'no pending secret' }],
          },
        );
      }
      const checked = verifyTotp(openText(deps.totpKey, row.totp_secret, `totp:${staffId}`), code, clock());
      if (!checked.ok) throw unauthenticated('Неверный код TOTP. Wrong TOTP code.', 'totp');
      await tx.query(
        'UPDATE staff_accounts SET totp_enabled_at = $2, totp_last_step = $3, updated_at = $2 WHERE id = $1',
        [staffId, clock(), checked.step],
      );
      await audit.append(tx, [
        { actor: `staff:${staffId}`, action: 'staff.totp_enabled', details: { staffId } },
      ]);
    });
  }

  /** Always answers the same way, so the form does not tell which e-mails are staff. */
  async function requestPasswordReset(email: string): Promise<void> {
    const row = await byEmail(stores.sql, email);
    if (row?.status !== 'active') {
      await logRefusal({ action: 'staff.password_reset_requested', details: { known: false } });
      return;
    }
    const token = randomBytes(32).toString('base64url');
    const now = clock();
    await stores.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO staff_password_resets (token_hash, staff_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [sha256(token), row.id, now, new Date(now.getTime() + settings.resetLinkMinutes * 60_000)],
      );
      await audit.append(tx, [
        {
          actor: `staff:${row.id}`,
          action: 'staff.password_reset_requested',
          details: { staffId: row.id, known: true },
        },
      ]);
    });
    const link = settings.publicUrl
      ? `${settings.publicUrl.replace(/\/$/, '')}/console/reset?token=${token}`
      : `POST /api/auth/password-reset/confirm {"token": "${token}", "password": "…"}`;
    await deps.mailer.send({
      to: row.email,
      subject: 'Amanat: восстановление пароля',
      text:
        `Здравствуйте, ${row.full_name}!\n\nЧтобы задать новый пароль, перейдите по ссылке (действует ` +
        `${settings.resetLinkMinutes} минут, один раз):\n${link}\n\nЕсли вы не запрашивали восстановление, ` +
        'просто удалите это письмо.\n',
    });
  }

  async function confirmPasswordReset(token: string, password: string): Promise<void> {
    checkPassword(password);
    const passwordHash = await argonHash(password);
    const now = clock();
    await stores.transaction(async (tx) => {
      const [reset] = await tx.query<{ staff_id: string; expires_at: Date; used_at: Date | null }>(
        'SELECT staff_id, expires_at, used_at FROM staff_password_resets WHERE token_hash = $1 FOR UPDATE',
        [sha256(token)],
      );
      if (!reset || reset.used_at || reset.expires_at <= now) {
        throw new DomainError(
          ErrorCodes.VERIFICATION_EXPIRED,
          'Ссылка для восстановления пароля недействительна или истекла: запросите новую. The reset link is invalid or expired.',
          { issues: [{ path: 'token', message: 'invalid, used or expired' }] },
        );
      }
      await tx.query('UPDATE staff_password_resets SET used_at = $2 WHERE token_hash = $1', [
        sha256(token),
        now,
      ]);
      await tx.query(
        `UPDATE staff_accounts SET password_hash = $2, password_changed_at = $3, failed_logins = 0, locked_until = NULL,
           updated_at = $3 WHERE id = $1`,
        [reset.staff_id, passwordHash, now],
      );
      // A new password ends every open session of the account.
      await tx.query(
        `UPDATE staff_sessions SET revoked_at = $2, revoked_reason = 'password_reset' WHERE staff_id = $1 AND revoked_at IS NULL`,
        [reset.staff_id, now],
      );
      await audit.append(tx, [
        {
          actor: `staff:${reset.staff_id}`,
          action: 'staff.password_reset',
          details: { staffId: reset.staff_id },
        },
      ]);
    });
  }

  return {
    settings,
    add,
    list,
    get,
    isActive,
    signIn,
    authenticateSession,
    checkCsrf,
    signOut,
    totpSetup,
    totpConfirm,
    requestPasswordReset,
    confirmPasswordReset,
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
