// Console sign-in: password (argon2id), the TOTP second factor (each code used once) and lock-out. Failures
// are counted by one atomic statement in the database, so parallel wrong passwords lock the account after
// exactly `maxFailedLogins`, and a sign-in that passed its checks while another attempt locked the account is
// refused too. E-mails that cannot sign in (unknown, disabled, no password yet) are counted and locked the same
// way under the e-mail's HMAC: the answers never tell a staff e-mail from another one.
import { randomBytes, randomUUID } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Sql, Stores } from '../../db/database.js';
import { deriveKey, hmacSha256, openText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { verifyTotp } from '../../lib/totp.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import {
  byEmail,
  normaliseEmail,
  present,
  type StaffRow,
  type StaffSession,
  type StaffSettings,
  sha256,
  unauthenticated,
} from './staff.rows.js';

export interface SignIn {
  email: string;
  password: string;
  totp?: string;
  userAgent: string;
}

/** After a failure was counted: how many in a row, and the lock in force (null when none). */
interface CountedFailure {
  failed: number;
  lockedUntil: Date | null;
  /** This failure reached the limit and set the lock. */
  locked: boolean;
}

export function createStaffSignIn(deps: {
  stores: Stores;
  audit: AuditService;
  clock: () => Date;
  /** Opens TOTP secrets; the e-mail HMAC key for unknown e-mails is derived from it. */
  totpKey: Buffer;
  settings: StaffSettings;
}) {
  const { stores, audit, clock, settings } = deps;
  const emailKey = deriveKey(deps.totpKey, 'sign-in-unknown-email');
  // Verifying against this when the e-mail cannot sign in keeps the work the same as for a wrong password.
  const decoyHash = argonHash(randomBytes(16).toString('hex'));

  function lockedError(until: Date): DomainError {
    return new DomainError(
      ErrorCodes.ACCOUNT_LOCKED,
      `Учётная запись заблокирована после ${settings.maxFailedLogins} неудачных попыток входа до ` +
        `${until.toISOString()}; восстановите пароль по e-mail или дождитесь. Account locked.`,
      { issues: [{ path: 'email', message: `locked until ${until.toISOString()}` }] },
    );
  }
  const wrongPassword = () =>
    unauthenticated('Неверный e-mail или пароль. Wrong e-mail or password.', 'password');

  /**
   * Counts one failure with one atomic statement (the row stays locked until the transaction ends), and sets
   * the lock when the returned count reaches the limit. A lock that has run out starts the count anew.
   */
  async function countFailure(tx: Sql, table: 'accounts' | 'unknown', key: string | Buffer, now: Date) {
    // `t.` names the row as it was before this statement (the account, or the unknown e-mail's counter).
    const counting =
      'failed_logins = CASE WHEN t.locked_until <= $2 THEN 1 ELSE t.failed_logins + 1 END, ' +
      'locked_until = CASE WHEN t.locked_until <= $2 THEN NULL ELSE t.locked_until END, updated_at = $2';
    const [row] = await tx.query<{ failed_logins: number; locked_until: Date | null }>(
      table === 'accounts'
        ? `UPDATE staff_accounts AS t SET ${counting} WHERE t.id = $1 RETURNING t.failed_logins, t.locked_until`
        : `INSERT INTO staff_sign_in_failures AS t (email_hash, failed_logins, updated_at) VALUES ($1, 1, $2)
           ON CONFLICT (email_hash) DO UPDATE SET ${counting} RETURNING t.failed_logins, t.locked_until`,
      [key, now],
    );
    const counted: CountedFailure = {
      failed: row!.failed_logins,
      lockedUntil: row!.locked_until,
      locked: false,
    };
    if (counted.lockedUntil === null && counted.failed >= settings.maxFailedLogins) {
      counted.lockedUntil = new Date(now.getTime() + settings.lockMinutes * 60_000);
      counted.locked = true;
      await tx.query(
        table === 'accounts'
          ? 'UPDATE staff_accounts SET locked_until = $2 WHERE id = $1'
          : 'UPDATE staff_sign_in_failures SET locked_until = $2 WHERE email_hash = $1',
        [key, counted.lockedUntil],
      );
    }
    return counted;
  }

  /** Records a refused sign-in that changes nothing else. */
  async function logRefusal(entry: Omit<AuditEntryInput, 'actor'> & { actor?: string }) {
    await audit.appendAlone(stores, [{ actor: entry.actor ?? 'anonymous', ...entry }]);
  }

  /** An e-mail that cannot sign in: the same checks, work, count and answers as a real account. */
  async function refuseNonAccount(input: SignIn, row: StaffRow | undefined, now: Date): Promise<never> {
    const reason = row ? (row.status !== 'active' ? 'disabled' : 'no_password') : 'unknown_account';
    const key = hmacSha256(emailKey, normaliseEmail(input.email));
    const [state] = await stores.sql.query<{ locked_until: Date | null }>(
      'SELECT locked_until FROM staff_sign_in_failures WHERE email_hash = $1',
      [key],
    );
    if (state?.locked_until && state.locked_until > now) {
      await logRefusal({ action: 'staff.sign_in_refused', details: { reason: 'locked', account: reason } });
      throw lockedError(state.locked_until);
    }
    await argonVerify(await decoyHash, input.password).catch(() => false);
    const counted = await stores.transaction(async (tx) => {
      const counted = await countFailure(tx, 'unknown', key, now);
      await audit.append(tx, [
        {
          actor: 'anonymous',
          action: 'staff.sign_in_refused',
          details: { reason, failedInARow: counted.failed },
        },
      ]);
      return counted;
    });
    if (!counted.locked && counted.lockedUntil && counted.lockedUntil > now) {
      throw lockedError(counted.lockedUntil);
    }
    throw wrongPassword();
  }

  async function signIn(input: SignIn): Promise<{ token: string; csrfToken: string; session: StaffSession }> {
    const now = clock();
    const row = await byEmail(stores.sql, input.email);
    if (!row?.password_hash || row.status !== 'active') return refuseNonAccount(input, row, now);
    if (row.locked_until && row.locked_until > now) {
      await logRefusal({
        actor: `staff:${row.id}`,
        action: 'staff.sign_in_refused',
        details: { staffId: row.id, reason: 'locked' },
      });
      throw lockedError(row.locked_until);
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
      const counted = await stores.transaction(async (tx) => {
        const counted = await countFailure(tx, 'accounts', row.id, now);
        await audit.append(tx, [
          {
            actor: `staff:${row.id}`,
            action: 'staff.sign_in_refused',
            details: { staffId: row.id, reason: failure, failedInARow: counted.failed },
          },
          ...(counted.locked
            ? [
                {
                  actor: 'system:auth',
                  action: 'staff.locked' as const,
                  details: { staffId: row.id, until: counted.lockedUntil!.toISOString() },
                },
              ]
            : []),
        ]);
        return counted;
      });
      // Another attempt locked the account while this one was checked: the lock is the answer.
      if (!counted.locked && counted.lockedUntil && counted.lockedUntil > now) {
        throw lockedError(counted.lockedUntil);
      }
      if (failure === 'totp_replayed') {
        throw unauthenticated(
          'Этот код уже использован: дождитесь следующего кода. The TOTP code was already used.',
          'totp',
        );
      }
      if (failure === 'totp_wrong') throw unauthenticated('Неверный код TOTP. Wrong TOTP code.', 'totp');
      throw wrongPassword();
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const sessionId = randomUUID();
    const expiresAt = new Date(now.getTime() + settings.sessionHours * 3_600_000);
    const refused = await stores.transaction(async (tx): Promise<{ locked: Date } | 'replayed' | null> => {
      const [current] = await tx.query<{ locked_until: Date | null; totp_last_step: string | number | null }>(
        'SELECT locked_until, totp_last_step FROM staff_accounts WHERE id = $1 FOR UPDATE',
        [row.id],
      );
      // Locked by parallel wrong attempts after this one read the account: refused like any sign-in during a lock.
      if (current?.locked_until && current.locked_until > now) return { locked: current.locked_until };
      // The step moves forward only: two sign-ins racing with one code cannot both pass.
      if (
        totpStep !== null &&
        current?.totp_last_step != null &&
        Number(current.totp_last_step) >= totpStep
      ) {
        return 'replayed';
      }
      await tx.query(
        `UPDATE staff_accounts SET failed_logins = 0, locked_until = NULL, totp_last_step = coalesce($2, totp_last_step),
           updated_at = $3 WHERE id = $1`,
        [row.id, totpStep, now],
      );
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
      return null;
    });
    if (refused && refused !== 'replayed') {
      await logRefusal({
        actor: `staff:${row.id}`,
        action: 'staff.sign_in_refused',
        details: { staffId: row.id, reason: 'locked' },
      });
      throw lockedError(refused.locked);
    }
    if (refused) {
      throw unauthenticated(
        'Этот код уже использован: дождитесь следующего кода. The TOTP code was already used.',
        'totp',
      );
    }
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

  return { signIn, countFailure, lockedError };
}
