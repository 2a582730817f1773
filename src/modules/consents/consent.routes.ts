import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { asJson, errorResponses, subjectIdParam } from '../../http/openapi-common.js';
import { allowsPurpose } from '../access/principal.js';

const channel = z.enum(['web', 'api', 'email', 'paper']);
const kind = z.enum(['processing', 'publication']).default('processing');

const grantBody = z
  .object({
    purpose: z.string().min(1),
    kind,
    channel,
    text: z
      .string()
      .min(1)
      .max(100_000)
      .openapi({ description: 'The exact consent text the subject was shown' }),
    policy_version: z.string().min(1).max(100),
    subject_full_name: z.string().min(1).max(300).optional(),
    ip: z.union([z.ipv4(), z.ipv6()]).optional(),
    user_agent: z.string().max(1000).optional(),
    term: z.string().max(300).optional(),
    third_party_transfer: z.boolean().optional(),
    transfer_recipients: z
      .array(z.uuid())
      .max(100)
      .optional()
      .openapi({
        description:
          'Recipients the transfer consent names: ids in the recipient register (POST /api/recipients); ' +
          'needs third_party_transfer: true. Without it the consent allows third parties in general.',
      }),
    cross_border_transfer: z.boolean().optional(),
    publication: z.boolean().optional(),
    data_fields: z.array(z.string()).optional(),
    publication_fields: z
      .array(z.object({ field: z.string(), restrictions: z.array(z.string()).default([]) }).strict())
      .optional(),
    given_at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .openapi('ConsentGrant', {
    example: {
      purpose: 'mailing',
      kind: 'processing',
      channel: 'web',
      text: 'Я согласен на получение информационных и рекламных рассылок…',
      policy_version: '2025-01',
      subject_full_name: 'Сапарова Айгерим',
      ip: '203.0.113.7',
      user_agent: 'Mozilla/5.0',
      third_party_transfer: false,
      cross_border_transfer: false,
      publication: false,
    },
  });

const withdrawBody = z
  .object({
    purpose: z.string().min(1),
    kind,
    channel,
    ip: z.union([z.ipv4(), z.ipv6()]).optional(),
    user_agent: z.string().max(1000).optional(),
    received_at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .openapi('ConsentWithdrawal');

const consentRecord = z.record(z.string(), z.unknown()).openapi('ConsentRecord');

export function mountConsentRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/subjects/{subjectId}/consents',
      tags: ['Consents'],
      summary: 'Record a consent with its proof',
      middleware: [requireScope(auth, 'consents:write')] as const,
      request: {
        params: subjectIdParam,
        body: { content: { 'application/json': { schema: grantBody } }, required: true },
      },
      responses: {
        201: { description: 'Recorded', content: { 'application/json': { schema: consentRecord } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      await amanat.access.requirePurposes(c.get('principal'), [b.purpose], c.req.valid('param').subjectId);
      const consent = await amanat.consents.grant(c.get('principal').actor, c.req.valid('param').subjectId, {
        purpose: b.purpose,
        kind: b.kind,
        channel: b.channel,
        text: b.text,
        policyVersion: b.policy_version,
        subjectFullName: b.subject_full_name,
        ip: b.ip,
        userAgent: b.user_agent,
        term: b.term,
        thirdPartyTransfer: b.third_party_transfer,
        transferRecipients: b.transfer_recipients,
        crossBorderTransfer: b.cross_border_transfer,
        publication: b.publication,
        dataFields: b.data_fields,
        publicationFields: b.publication_fields,
        givenAt: b.given_at ? new Date(b.given_at) : undefined,
      });
      return c.json(asJson(consent), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/subjects/{subjectId}/consents/withdraw',
      tags: ['Consents'],
      summary: 'Withdraw a consent: records the obligation to stop processing with its deadline',
      middleware: [requireScope(auth, 'consents:write')] as const,
      request: {
        params: subjectIdParam,
        body: { content: { 'application/json': { schema: withdrawBody } }, required: true },
      },
      responses: {
        200: { description: 'Withdrawn', content: { 'application/json': { schema: consentRecord } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const principal = c.get('principal');
      const { subjectId } = c.req.valid('param');
      await amanat.access.requirePurposes(principal, [b.purpose], subjectId);
      const result = await amanat.consents.withdraw(
        principal.actor,
        subjectId,
        {
          purpose: b.purpose,
          kind: b.kind,
          channel: b.channel,
          ip: b.ip,
          userAgent: b.user_agent,
          receivedAt: b.received_at ? new Date(b.received_at) : undefined,
        },
        // The evidence names the person: only for a caller who may read this purpose's consent journal.
        { reveal: principal.scopes.has('consents:read') && allowsPurpose(principal, b.purpose) },
      );
      return c.json(asJson(result), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/subjects/{subjectId}/consents',
      tags: ['Consents'],
      summary: "The subject's consent journal with proof",
      middleware: [requireScope(auth, 'consents:read')] as const,
      request: { params: subjectIdParam },
      responses: {
        200: {
          description: 'Consents, newest first',
          content: { 'application/json': { schema: z.object({ consents: z.array(consentRecord) }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const list = await amanat.consents.list(principal.actor, c.req.valid('param').subjectId);
      // Consents of purposes outside the caller's role (their proof names the person) are not shown.
      const visible = list.filter((consent) => allowsPurpose(principal, consent.purposeId));
      return c.json({ consents: visible.map((c) => asJson(c)) }, 200);
    },
  );
}
