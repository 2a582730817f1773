import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { authErrors, errors, keyOrSessionCsrf } from '../../http/openapi-common.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { requestSummarySchema } from '../requests/request.schema.js';

const ingestResult = z
  .object({
    messageId: z.uuid().openapi({ description: 'The kept (sealed) message' }),
    classification: z.enum(['consent_withdrawal', 'unclassified', 'duplicate', 'rejected']),
    request: requestSummarySchema.optional(),
    note: z.string().optional(),
    droppedAttachments: z.array(
      z.object({
        filename: z.string().nullable().optional(),
        contentType: z.string(),
        size: z.number(),
        reason: z.string(),
      }),
    ),
    alreadyTaken: z.boolean().optional(),
  })
  .openapi('MailIngestResult');

/** Takes a raw e-mail (message/rfc822); it has its own, larger body limit (src/http/app.ts). */
export const MAIL_INTAKE_PATH = '/api/mail/messages';

export function mountMailRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: MAIL_INTAKE_PATH,
      operationId: 'ingestMail',
      security: keyOrSessionCsrf,
      tags: ['Mail'],
      summary: 'Take in one raw e-mail (RFC 822) sent to the privacy address, as `amanat mail ingest` does',
      middleware: [requireScope(auth, 'requests:submit')] as const,
      request: {
        body: {
          content: {
            'message/rfc822': {
              schema: z.string().openapi({ format: 'binary' }),
              example:
                'From: aigerim@example.kz\r\nTo: privacy@example.kz\r\nSubject: Отзыв согласия на обработку персональных данных\r\n\r\nПрошу прекратить рассылку.\r\n',
            },
          },
          required: true,
        },
      },
      responses: {
        200: {
          description: 'Kept; the request it became, or why it became none',
          content: {
            'application/json': {
              schema: ingestResult,
              example: {
                messageId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
                classification: 'unclassified',
                droppedAttachments: [],
              },
            },
          },
        },
        ...errors(...authErrors, 413, 422),
      },
    }),
    async (c) => {
      const raw = Buffer.from(await c.req.arrayBuffer());
      return c.json(await amanat.mailIntake.ingest(raw, { kind: 'api' }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/mail/poll',
      operationId: 'pollMailbox',
      security: keyOrSessionCsrf,
      tags: ['Mail'],
      summary: 'Read the privacy mailbox now (IMAP_URL), as the scheduled poll does',
      middleware: [requireScope(auth, 'requests:write')] as const,
      responses: {
        200: {
          description: 'What was read and what each message became',
          content: {
            'application/json': {
              schema: z
                .object({
                  mailbox: z.string(),
                  fetched: z.number().int(),
                  results: z.array(ingestResult),
                  resumed: z.number().int(),
                })
                .openapi('MailPollResult'),
            },
          },
        },
        ...errors(...authErrors, 409, 503),
      },
    }),
    async (c) => {
      if (!amanat.mailPoller) {
        throw new DomainError(
          ErrorCodes.MAIL_NOT_CONFIGURED,
          'Ящик для обращений не настроен: задайте IMAP_URL. The privacy mailbox is not configured: set IMAP_URL.',
        );
      }
      return c.json(await amanat.mailPoller.poll(), 200);
    },
  );
}
