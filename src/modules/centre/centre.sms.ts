// Texts to phones: the operator's SMS provider behind a webhook (AMANAT_SMS_WEBHOOK_URL) that takes
// `POST {to, text}` as JSON. Without it nothing is sent and a phone is verified by the operator instead.
import { DomainError, ErrorCodes } from '../../lib/errors.js';

export interface SmsSender {
  readonly configured: boolean;
  send(message: { to: string; text: string }): Promise<void>;
}

export function createWebhookSms(url: string): SmsSender {
  return {
    configured: true,
    async send(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(10_000),
      });
      // The status only: the provider's answer may repeat the number.
      if (!response.ok) throw new Error(`SMS webhook answered ${response.status}`);
    },
  };
}

export function createUnconfiguredSms(): SmsSender {
  return {
    configured: false,
    async send() {
      throw new DomainError(
        ErrorCodes.MAIL_NOT_CONFIGURED,
        'Отправка SMS не настроена: задайте AMANAT_SMS_WEBHOOK_URL. SMS is not configured.',
      );
    },
  };
}
