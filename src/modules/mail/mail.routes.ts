import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { asJson, errorResponses } from '../../http/openapi-common.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';

/** Takes a raw e-mail (message/rfc822); it has its own, larger body limit (src/http/app.ts). */
export const MAIL_INTAKE_PATH = '/api/mail/messages';

export function mountMailRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: MAIL_INTAKE_PATH,
      tags: ['Mail'],
      summary: 'Take in one raw e-mail (RFC 822) sent to the privacy address, as `amanat mail ingest` does',
      middleware: [requireScope(auth, 'requests:submit')] as const,
      request: {
        body: {
          content: { 'message/rfc822': { schema: z.string().openapi({ format: 'binary' }) } },
          required: true,
        },
      },
      responses: {
        200: {
          description: 'Kept; the request it became, or why it became none',
          content: {
            'application/json': { schema: z.record(z.string(), z.unknown()).openapi('MailIngestResult') },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const raw = Buffer.from(await c.req.arrayBuffer());
      return c.json(asJson(await amanat.mailIntake.ingest(raw, { kind: 'api' })), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/mail/poll',
      tags: ['Mail'],
      summary: 'Read the privacy mailbox now (IMAP_URL), as the scheduled poll does',
      middleware: [requireScope(auth, 'requests:write')] as const,
      responses: {
        200: {
          description: 'What was read and what each message became',
          content: {
            'application/json': { schema: z.record(z.string(), z.unknown()).openapi('MailPollResult') },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      if (!amanat.mailPoller) {
        throw new DomainError(
          ErrorCodes.MAIL_NOT_CONFIGURED,
          'Ящик для обращений не настроен: задайте IMAP_URL. The privacy mailbox is not configured: set IMAP_URL.',
        );
      }
      return c.json(asJson(await amanat.mailPoller.poll()), 200);
    },
  );
}
