// Password reset by e-mail. The request answers the same for every e-mail and never waits for SMTP: for an
// active account it writes the link's hash and the sealed letter (staff_mail_outbox) in one transaction, and
// the mail job (src/jobs/jobs.ts) sends it. Without SMTP every request is refused alike (503), before the
// e-mail is looked at. Using a link, or any new password, voids every other link of the account.
import { randomBytes, randomUUID } from 'node:crypto';
import { hash as argonHash } from '@node-rs/argon2';
import type { Sql, Stores } from '../../db/database.js';
import { deriveKey, openText, sealText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Mailer } from '../mail/mailer.js';
import { byEmail, checkPassword, type StaffSettings, sha256 } from './staff.rows.js';

export function createStaffReset(deps: {
  stores: Stores;
  audit: AuditService;
  clock: () => Date;
  mailer: Mailer;
  /** The outbox's sealing key is derived from it. */
  totpKey: Buffer;
  settings: StaffSettings;
}) {
  const { stores, audit, clock, settings } = deps;
  const outboxKey = deriveKey(deps.totpKey, 'staff-mail-outbox');

  /** Always answers the same way, so the form does not tell which e-mails are staff. */
  async function requestPasswordReset(email: string): Promise<void> {
    if (!deps.mailer.configured) {
      // Said for every e-mail alike: without SMTP no link can reach anyone.
      throw new DomainError(
        ErrorCodes.MAIL_NOT_CONFIGURED,
        'Восстановление пароля по e-mail недоступно: отправка почты не настроена (SMTP_URL). ' +
          'Password reset is unavailable: mail is not configured.',
      );
    }
    const row = await byEmail(stores.sql, email);
    if (row?.status !== 'active') {
      await audit.appendAlone(stores, [
        { actor: 'anonymous', action: 'staff.password_reset_requested', details: { known: false } },
      ]);
      return;
    }
    const token = randomBytes(32).toString('base64url');
    const now = clock();
    const link = settings.publicUrl
      ? `${settings.publicUrl.replace(/\/$/, '')}/console/reset?token=${token}`
      : `POST /api/auth/password-reset/confirm {"token": "${token}", "password": "…"}`;
    const letter = JSON.stringify({
      to: row.email,
      subject: 'Amanat: восстановление пароля',
      text:
        `Здравствуйте, ${row.full_name}!\n\nЧтобы задать новый пароль, перейдите по ссылке (действует ` +
        `${settings.resetLinkMinutes} минут, один раз):\n${link}\n\nЕсли вы не запрашивали восстановление, ` +
        'просто удалите это письмо.\n',
    });
    const outboxId = randomUUID();
    await stores.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO staff_password_resets (token_hash, staff_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [sha256(token), row.id, now, new Date(now.getTime() + settings.resetLinkMinutes * 60_000)],
      );
      await tx.query(
        'INSERT INTO staff_mail_outbox (id, staff_id, letter, created_at) VALUES ($1, $2, $3, $4)',
        [outboxId, row.id, sealText(outboxKey, letter, `staff-mail:${outboxId}`), now],
      );
      await audit.append(tx, [
        {
          actor: `staff:${row.id}`,
          action: 'staff.password_reset_requested',
          details: { staffId: row.id, known: true, outboxId },
        },
      ]);
    });
  }

  /**
   * The mail job: sends the letters waiting in the outbox, oldest first, and wipes each once sent. A letter
   * that fails stays for the next run (its error kept, without the letter's text).
   */
  async function sendQueuedMail(): Promise<{ sent: number; failed: number }> {
    const pending = await stores.sql.query<{ id: string; staff_id: string; letter: Uint8Array }>(
      'SELECT id, staff_id, letter FROM staff_mail_outbox WHERE sent_at IS NULL ORDER BY created_at LIMIT 100',
    );
    let sent = 0;
    let failed = 0;
    for (const item of pending) {
      const mail = JSON.parse(openText(outboxKey, item.letter, `staff-mail:${item.id}`));
      try {
        await deps.mailer.send(mail);
      } catch (error) {
        failed++;
        await stores.sql.query(
          'UPDATE staff_mail_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1',
          [item.id, (error as Error).message.slice(0, 500)],
        );
        continue;
      }
      sent++;
      await stores.transaction(async (tx) => {
        await tx.query(
          'UPDATE staff_mail_outbox SET sent_at = $2, letter = NULL, attempts = attempts + 1 WHERE id = $1',
          [item.id, clock()],
        );
        await audit.append(tx, [
          {
            actor: 'system:mail',
            action: 'staff.password_reset_mailed',
            details: { staffId: item.staff_id, outboxId: item.id },
          },
        ]);
      });
    }
    return { sent, failed };
  }

  /** Ends every reset link of the account still open (after a link was used, or the password changed). */
  async function voidResetLinks(tx: Sql, staffId: string, now: Date) {
    await tx.query('UPDATE staff_password_resets SET used_at = $2 WHERE staff_id = $1 AND used_at IS NULL', [
      staffId,
      now,
    ]);
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
      // This link and every other open link of the account: one reset, one new password.
      await voidResetLinks(tx, reset.staff_id, now);
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

  return { requestPasswordReset, confirmPasswordReset, sendQueuedMail, voidResetLinks };
}
