// What changed between two published policy versions, and the consents that need renewal because of it.
// The diff reads only the published registers (register:read); the renewals count and list the consent
// journal (consents:read), the list only for a purpose in the caller's role.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { authErrors, errors, isoDate, keyOrSession } from '../../http/openapi-common.js';
import type { PolicyChanges } from './policy.changes.js';

const versionId = z.string().min(1).max(100);

const versionSummary = z
  .object({
    id: z.string(),
    publishedAt: isoDate,
    publishedOn: z.string().openapi({ format: 'date', example: '2026-02-01' }),
    registerSha256: z.string(),
  })
  .openapi('PolicyVersionSummary');

const changeText = z.object({ ru: z.string(), kk: z.string(), en: z.string() }).openapi('PolicyChangeText', {
  example: {
    ru: 'Цель 8: в перечень данных добавлено «ФИО»',
    kk: '8-мақсат: деректер тізбесіне қосылды «Тегі, аты, әкесінің аты»',
    en: 'Purpose 8: data list adds «Full name»',
  },
});

const registerChange = z
  .object({
    purposeId: z
      .string()
      .nullable()
      .openapi({ description: 'null: the operator or a register-wide section' }),
    area: z.string().openapi({ example: 'data_list' }),
    kind: z.enum(['added', 'removed', 'changed']),
    widens: z.boolean().openapi({
      description:
        'The change widens what the subjects of this consent-based purpose agreed to: renew consents',
    }),
    text: changeText,
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .openapi('PolicyChange');

const exampleSummary = (id: string, day: string) => ({
  id,
  publishedAt: `${day}T04:00:00.000Z`,
  publishedOn: day,
  registerSha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
});

const policyDiff = z
  .object({
    from: versionSummary,
    to: versionSummary,
    changes: z.array(registerChange),
    widenedPurposes: z.array(z.string()),
  })
  .openapi('PolicyDiff', {
    example: {
      from: exampleSummary('2025-01', '2025-01-15'),
      to: exampleSummary('2026-02', '2026-02-01'),
      changes: [
        {
          purposeId: 'mailing',
          area: 'data_list',
          kind: 'added',
          widens: true,
          text: {
            ru: 'Цель 8: в перечень данных добавлено «ФИО»',
            kk: '8-мақсат: деректер тізбесіне қосылды «Тегі, аты, әкесінің аты»',
            en: 'Purpose 8: data list adds «Full name»',
          },
          after: 'full_name',
        },
      ],
      widenedPurposes: ['mailing'],
    },
  });

const renewals = z
  .object({
    version: versionSummary,
    purposes: z.array(
      z.object({
        purposeId: z.string(),
        number: z.number().int().nullable(),
        title: z.object({ ru: z.string(), kk: z.string().optional(), en: z.string().optional() }),
        widenedSince: z.array(
          z.object({ version: z.string(), publishedOn: z.string(), changes: z.array(changeText) }),
        ),
        consents: z.number().int().openapi({ description: 'Consents in force given under those versions' }),
        byVersion: z.record(z.string(), z.number().int()),
      }),
    ),
    total: z.number().int(),
  })
  .openapi('PolicyRenewals', {
    example: {
      version: exampleSummary('2026-02', '2026-02-01'),
      purposes: [
        {
          purposeId: 'mailing',
          number: 8,
          title: { ru: 'Осуществление информационных и рекламных рассылок' },
          widenedSince: [
            {
              version: '2025-01',
              publishedOn: '2025-01-15',
              changes: [
                {
                  ru: 'Цель 8: в перечень данных добавлено «ФИО»',
                  kk: '8-мақсат: деректер тізбесіне қосылды «Тегі, аты, әкесінің аты»',
                  en: 'Purpose 8: data list adds «Full name»',
                },
              ],
            },
          ],
          consents: 2,
          byVersion: { '2025-01': 2 },
        },
      ],
      total: 2,
    },
  });

const renewalPage = z
  .object({
    version: versionSummary,
    consents: z.array(
      z.object({
        consentId: z.uuid(),
        subjectId: z.uuid(),
        kind: z.enum(['processing', 'publication']),
        policyVersion: z.string(),
        grantedAt: isoDate,
      }),
    ),
    next: z.uuid().nullable().openapi({ description: 'Pass as `after` for the next page; null at the end' }),
  })
  .openapi('PolicyRenewalConsents', {
    example: {
      version: exampleSummary('2026-02', '2026-02-01'),
      consents: [
        {
          consentId: '5d0c4c56-7a8f-4f1e-9a43-2d3b1c9e8f01',
          subjectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
          kind: 'processing',
          policyVersion: '2025-01',
          grantedAt: '2025-03-20T09:30:00.000Z',
        },
      ],
      next: null,
    },
  });

const versionQuery = z.object({
  version: versionId.optional().openapi({
    description: 'The version in force to compare with (default: the latest published)',
    example: '2026-02',
  }),
});

/** GET /api/policy/diff: the changes between two versions. */
function mountDiffRoute(app: OpenAPIHono<AppEnv>, changes: PolicyChanges, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/policy/diff',
      operationId: 'diffPolicyVersions',
      security: keyOrSession,
      tags: ['Policy'],
      summary: 'What changed between two published policy versions, in words (RU/KK/EN)',
      middleware: [requireScope(auth, 'register:read')] as const,
      request: {
        query: z.object({
          from: versionId.openapi({ description: 'The older version', example: '2025-01' }),
          to: versionId.openapi({ description: 'The newer version', example: '2026-02' }),
        }),
      },
      responses: {
        200: {
          description: 'The changes, operator first, then by purpose number',
          content: { 'application/json': { schema: policyDiff } },
        },
        ...errors(...authErrors, 404, 422),
      },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      return c.json(await changes.diff(from, to), 200);
    },
  );
}

/** GET /api/policy/renewals: per purpose, the consents given before a widening. */
function mountRenewalCountsRoute(app: OpenAPIHono<AppEnv>, changes: PolicyChanges, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/policy/renewals',
      operationId: 'listPolicyRenewals',
      security: keyOrSession,
      tags: ['Policy'],
      summary: 'Consent-based purposes widened since older versions, with the consents in force to renew',
      middleware: [requireScope(auth, 'consents:read')] as const,
      request: { query: versionQuery },
      responses: {
        200: {
          description: 'Per purpose, in the order of the policy',
          content: { 'application/json': { schema: renewals } },
        },
        ...errors(...authErrors, 404, 422),
      },
    }),
    async (c) => c.json(await changes.renewals(c.req.valid('query').version), 200),
  );
}

/** GET /api/policy/renewals/{purposeId}/consents: those consents, a page at a time. */
function mountRenewalListRoute(app: OpenAPIHono<AppEnv>, changes: PolicyChanges, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/policy/renewals/{purposeId}/consents',
      operationId: 'listPolicyRenewalConsents',
      security: keyOrSession,
      tags: ['Policy'],
      summary: 'The consents of one purpose that need renewal: ids and subject ids, a page at a time',
      middleware: [requireScope(auth, 'consents:read')] as const,
      request: {
        params: z.object({
          purposeId: z
            .string()
            .min(1)
            .max(100)
            .openapi({ param: { name: 'purposeId', in: 'path' }, example: 'mailing' }),
        }),
        query: versionQuery.extend({
          limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ example: 100 }),
          after: z
            .uuid()
            .toLowerCase()
            .optional()
            .openapi({ description: 'The `next` of the previous page' }),
        }),
      },
      responses: {
        200: {
          description: 'One page, by consent id',
          content: { 'application/json': { schema: renewalPage } },
        },
        ...errors(...authErrors, 404, 422),
      },
    }),
    async (c) => {
      const { purposeId } = c.req.valid('param');
      const { version, limit, after } = c.req.valid('query');
      // The ids name the subjects who consented to this purpose: only for a caller whose role includes it.
      await auth.access.requirePurposes(c.get('principal'), [purposeId]);
      return c.json(await changes.consentsToRenew(purposeId, { versionId: version, limit, after }), 200);
    },
  );
}

export function mountPolicyChangeRoutes(
  app: OpenAPIHono<AppEnv>,
  changes: PolicyChanges,
  auth: AuthOptions,
): void {
  mountDiffRoute(app, changes, auth);
  mountRenewalCountsRoute(app, changes, auth);
  mountRenewalListRoute(app, changes, auth);
}
