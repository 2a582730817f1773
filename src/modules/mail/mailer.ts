// Outgoing mail: verification codes, answers to subjects, the daily digest. SMTP through nodemailer.
import nodemailer from 'nodemailer';
import { DomainError, ErrorCodes } from '../../lib/errors.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  readonly configured: boolean;
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

/** SMTP_URL such as smtp://user:pass@mail.example.kz:587 (smtps:// for implicit TLS). */
export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(options.url);
  return {
    configured: true,
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail });
      return { messageId: info.messageId };
    },
  };
}

/** Without SMTP nothing can be sent: the action that needs mail is refused with what to configure. */
export function createUnconfiguredMailer(): Mailer {
  return {
    configured: false,
    async send() {
      throw new DomainError(
        ErrorCodes.MAIL_NOT_CONFIGURED,
        'Отправка почты не настроена: задайте SMTP_URL (и MAIL_FROM). Mail is not configured: set SMTP_URL.',
      );
    },
  };
}
