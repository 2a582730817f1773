// The TOTP second factor: enrolment keeps a new secret pending beside the enabled one, which stays in force
// until a code from the new secret is confirmed. Replacing an enabled factor needs the password and a current
// code of that factor (a session alone cannot switch the second factor off or swap it); a wrong password here
// counts towards the lock-out like a wrong sign-in.
import { verify as argonVerify } from '@node-rs/argon2';
import type { Stores } from '../../db/database.js';
import { openText, sealText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { generateTotpSecret, otpauthUrl, verifyTotp } from '../../lib/totp.js';
import type { AuditService } from '../audit/audit.service.js';
import { byId, unauthenticated } from './staff.rows.js';
import type { createStaffSignIn } from './staff.sign-in.js';

export function createStaffTotp(deps: {
  stores: Stores;
  audit: AuditService;
  clock: () => Date;
  totpKey: Buffer;
  signIn: Pick<ReturnType<typeof createStaffSignIn>, 'countFailure' | 'lockedError'>;
}) {
  const { stores, audit, clock } = deps;

  /**
   * Starts enrolment: a new secret, pending until a code from it is confirmed. With a factor enabled the
   * caller proves both factors again (`password` and `code` of the enabled secret).
   */
  async function totpSetup(staffId: string, proof: { password?: string; code?: string } = {}) {
    const now = clock();
    const row = await byId(stores.sql, staffId);
    if (row.totp_enabled_at && row.totp_secret) {
      const missing = (['password', 'code'] as const).filter((k) => !proof[k]);
      if (missing.length > 0) {
        throw new DomainError(
          ErrorCodes.VALIDATION_FAILED,
          'Второй фактор уже подключён: чтобы заменить его, введите пароль и текущий код из приложения. ' +
            'A second factor is enabled: replacing it needs the password and a current code.',
          {
            issues: missing.map((path) => ({
              path,
              message: 'required to replace an enabled second factor',
            })),
          },
        );
      }
      if (row.locked_until && row.locked_until > now) throw deps.signIn.lockedError(row.locked_until);
      const passwordOk =
        row.password_hash !== null &&
        (await argonVerify(row.password_hash, proof.password!).catch(() => false));
      const secret = openText(deps.totpKey, row.totp_secret, `totp:${staffId}`);
      const lastUsedStep = row.totp_last_step === null ? null : Number(row.totp_last_step);
      const checked = passwordOk ? verifyTotp(secret, proof.code!, now, { lastUsedStep }) : null;
      if (!checked?.ok) {
        const reason = !passwordOk
          ? 'password'
          : checked?.reason === 'replayed'
            ? 'totp_replayed'
            : 'totp_wrong';
        const counted = await stores.transaction(async (tx) => {
          const counted = await deps.signIn.countFailure(tx, 'accounts', staffId, now);
          await audit.append(tx, [
            {
              actor: `staff:${staffId}`,
              action: 'staff.totp_setup_refused',
              details: { staffId, reason, failedInARow: counted.failed },
            },
            ...(counted.locked
              ? [
                  {
                    actor: 'system:auth',
                    action: 'staff.locked' as const,
                    details: { staffId, until: counted.lockedUntil!.toISOString() },
                  },
                ]
              : []),
          ]);
          return counted;
        });
        if (!counted.locked && counted.lockedUntil && counted.lockedUntil > now) {
          throw deps.signIn.lockedError(counted.lockedUntil);
        }
        throw !passwordOk
          ? unauthenticated('Неверный пароль. Wrong password.', 'password')
          : unauthenticated('Неверный или уже использованный код TOTP. Wrong or used TOTP code.', 'code');
      }
      const newSecret = generateTotpSecret();
      const accepted = await stores.transaction(async (tx) => {
        // The code is spent: the step moves forward only, so a racing sign-in cannot reuse it.
        const moved = await tx.query(
          `UPDATE staff_accounts SET totp_pending_secret = $2, totp_last_step = $3, updated_at = $4
           WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $3::bigint) RETURNING id`,
          [staffId, sealText(deps.totpKey, newSecret, `totp-pending:${staffId}`), checked.step, now],
        );
        if (moved.length === 0) return false;
        await audit.append(tx, [
          { actor: `staff:${staffId}`, action: 'staff.totp_setup', details: { staffId, replacing: true } },
        ]);
        return true;
      });
      if (!accepted) {
        throw unauthenticated('Неверный или уже использованный код TOTP. Wrong or used TOTP code.', 'code');
      }
      return { secret: newSecret, url: otpauthUrl(newSecret, row.email, 'Amanat') };
    }
    const secret = generateTotpSecret();
    await stores.transaction(async (tx) => {
      await tx.query('UPDATE staff_accounts SET totp_pending_secret = $2, updated_at = $3 WHERE id = $1', [
        staffId,
        sealText(deps.totpKey, secret, `totp-pending:${staffId}`),
        now,
      ]);
      await audit.append(tx, [
        { actor: `staff:${staffId}`, action: 'staff.totp_setup', details: { staffId, replacing: false } },
      ]);
    });
    return { secret, url: otpauthUrl(secret, row.email, 'Amanat') };
  }

  /** A code from the pending secret makes it the enabled one (replacing the old factor, if any). */
  async function totpConfirm(staffId: string, code: string) {
    const now = clock();
    await stores.transaction(async (tx) => {
      const row = await byId(tx, staffId, true);
      if (!row.totp_pending_secret) {
        throw new DomainError(
          ErrorCodes.VALIDATION_FAILED,
          'Сначала начните подключение TOTP. Start TOTP setup first.',
          { issues: [{ path: 'code', message: 'no pending secret: call /api/auth/totp/setup first' }] },
        );
      }
      const secret = openText(deps.totpKey, row.totp_pending_secret, `totp-pending:${staffId}`);
      const checked = verifyTotp(secret, code, now);
      if (!checked.ok) throw unauthenticated('Неверный код TOTP. Wrong TOTP code.', 'code');
      await tx.query(
        `UPDATE staff_accounts SET totp_secret = $2, totp_pending_secret = NULL, totp_enabled_at = $3,
           totp_last_step = $4, updated_at = $3 WHERE id = $1`,
        [staffId, sealText(deps.totpKey, secret, `totp:${staffId}`), now, checked.step],
      );
      await audit.append(tx, [
        {
          actor: `staff:${staffId}`,
          action: 'staff.totp_enabled',
          details: { staffId, replaced: row.totp_enabled_at !== null },
        },
      ]);
    });
  }

  return { totpSetup, totpConfirm };
}
