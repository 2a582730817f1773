import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import {
  authErrors,
  bodyErrors,
  errors,
  isoDate,
  keyOrSession,
  keyOrSessionCsrf,
  pastInstant,
  subjectIdParam,
} from '../../http/openapi-common.js';
import { allowsPurpose } from '../access/principal.js';
import { obligationSchema } from '../obligations/obligation.schema.js';

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
      .max(20_000)
      .optional()
      .openapi({
        description:
          'web, api: omit it to record the published form (GET /api/consent-forms/{formId}); if sent, it must ' +
          'equal the form text exactly (else 422 consent_text_mismatch with both SHA-256). paper, email: ' +
          "required, the subject's own signed or sent text (at most 20,000 characters), kept with the form's hash",
      }),
    policy_version: z
      .string()
      .min(1)
      .max(100)
      .openapi({ description: 'A published policy version (GET /api/consent-forms lists it); else 422' }),
    lang: z
      .enum(['ru', 'kk', 'en'])
      .optional()
      .openapi({ description: 'The language of the form the subject was shown (default ru)' }),
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
    given_at: pastInstant().optional(),
  })
  .strict()
  .openapi('ConsentGrant', {
    example: {
      purpose: 'mailing',
      kind: 'processing',
      channel: 'web',
      policy_version: '2025-01',
      lang: 'ru',
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
    received_at: pastInstant().optional(),
  })
  .strict()
  .openapi('ConsentWithdrawal', {
    example: {
      purpose: 'mailing',
      kind: 'processing',
      channel: 'web',
      received_at: '2026-03-21T10:00:00+05:00',
    },
  });

const exampleConsent = {
  id: '5d0c4c56-7a8f-4f1e-9a43-2d3b1c9e8f01',
  subjectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  purposeId: 'mailing',
  kind: 'processing',
  status: 'active',
  grantedAt: '2026-03-20T09:30:00.000Z',
  channel: 'web',
  text: 'Согласие на обработку персональных данных\n\nЦель № 8 Политики обработки персональных данных. …',
  textSha256: 'd5b8dd1dbe7b4e320f04d93395bd6af01941da5481b3ca62f60fd73696686ea3',
  policyVersion: '2025-01',
  formSha256: 'd5b8dd1dbe7b4e320f04d93395bd6af01941da5481b3ca62f60fd73696686ea3',
  lang: 'ru',
  dataFields: ['email'],
  term: null,
  thirdPartyTransfer: false,
  transferRecipients: null,
  crossBorderTransfer: false,
  publicationAllowed: false,
  publicationFields: null,
  withdrawnAt: null,
  withdrawalChannel: null,
  operator: { name: 'ТОО «Пример»', binIin: '123456789012' },
};

const consentRecord = z
  .object({
    id: z.uuid(),
    subjectId: z.uuid(),
    purposeId: z.string(),
    kind: z.enum(['processing', 'publication']),
    status: z.enum(['active', 'withdrawn']),
    grantedAt: isoDate,
    channel,
    text: z.string(),
    textSha256: z.string(),
    policyVersion: z.string(),
    formSha256: z.string().nullable().openapi({
      description: 'SHA-256 of the published form the consent answers (null: recorded before forms)',
    }),
    lang: z.enum(['ru', 'kk', 'en']).nullable(),
    dataFields: z.array(z.string()),
    term: z.string().nullable(),
    thirdPartyTransfer: z.boolean(),
    transferRecipients: z.array(z.uuid()).nullable(),
    crossBorderTransfer: z.boolean(),
    publicationAllowed: z.boolean(),
    publicationFields: z.array(z.object({ field: z.string(), restrictions: z.array(z.string()) })).nullable(),
    withdrawnAt: isoDate.nullable(),
    withdrawalChannel: channel.nullable(),
    operator: z.object({ name: z.string(), binIin: z.string() }).optional(),
    evidence: z
      .object({
        subjectFullName: z.string().optional(),
        ip: z.string().optional(),
        userAgent: z.string().optional(),
        withdrawal: z.object({ ip: z.string().optional(), userAgent: z.string().optional() }).optional(),
      })
      .optional()
      .openapi({ description: 'The proof kept sealed with the consent, decrypted' }),
  })
  .openapi('ConsentRecord', { example: exampleConsent });

const withdrawal = z
  .object({
    consent: consentRecord,
    obligation: obligationSchema,
    releasedFields: z.array(z.string()).openapi({ description: 'Values still held for other purposes' }),
    markedForDestruction: z.array(z.string()).openapi({ description: 'Values with no purpose left' }),
  })
  .openapi('ConsentWithdrawn', {
    example: {
      consent: {
        ...exampleConsent,
        status: 'withdrawn',
        withdrawnAt: '2026-03-21T05:00:00.000Z',
        withdrawalChannel: 'web',
      },
      obligation: {
        id: '9b2f8c1e-3d4a-4b5c-8d6e-7f8091a2b3c4',
        subjectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        kind: 'stop_processing',
        purposeId: 'mailing',
        consentId: '5d0c4c56-7a8f-4f1e-9a43-2d3b1c9e8f01',
        status: 'open',
        createdAt: '2026-03-21T05:00:00.000Z',
        dueDate: '2026-04-06',
        dueAt: '2026-04-06T18:59:59.999Z',
        deadline: { amount: 10, unit: 'working_days', source: 'register', rule: 'KZ Art. 8 p. 7' },
      },
      releasedFields: [],
      markedForDestruction: ['0b7d3a52-93f5-4c1e-9d2a-5a4e2f1c7b10'],
    },
  });

export function mountConsentRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/subjects/{subjectId}/consents',
      operationId: 'grantConsent',
      security: keyOrSessionCsrf,
      tags: ['Consents'],
      summary: 'Record a consent with its proof',
      middleware: [requireScope(auth, 'consents:write')] as const,
      request: {
        params: subjectIdParam,
        body: { content: { 'application/json': { schema: grantBody } }, required: true },
      },
      responses: {
        201: { description: 'Recorded', content: { 'application/json': { schema: consentRecord } } },
        ...errors(...authErrors, ...bodyErrors, 404, 409),
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
        lang: b.lang,
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
      return c.json(consent, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/subjects/{subjectId}/consents/withdraw',
      operationId: 'withdrawConsent',
      security: keyOrSessionCsrf,
      tags: ['Consents'],
      summary: 'Withdraw a consent: records the obligation to stop processing with its deadline',
      middleware: [requireScope(auth, 'consents:write')] as const,
      request: {
        params: subjectIdParam,
        body: { content: { 'application/json': { schema: withdrawBody } }, required: true },
      },
      responses: {
        200: { description: 'Withdrawn', content: { 'application/json': { schema: withdrawal } } },
        ...errors(...authErrors, ...bodyErrors, 404),
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
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/subjects/{subjectId}/consents',
      operationId: 'listConsents',
      security: keyOrSession,
      tags: ['Consents'],
      summary: "The subject's consent journal with proof",
      middleware: [requireScope(auth, 'consents:read')] as const,
      request: { params: subjectIdParam },
      responses: {
        200: {
          description: 'Consents, newest first',
          content: { 'application/json': { schema: z.object({ consents: z.array(consentRecord) }) } },
        },
        ...errors(...authErrors, 404, 422),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const list = await amanat.consents.list(principal.actor, c.req.valid('param').subjectId);
      // Consents of purposes outside the caller's role (their proof names the person) are not shown.
      const visible = list.filter((consent) => allowsPurpose(principal, consent.purposeId));
      return c.json({ consents: visible }, 200);
    },
  );
}
