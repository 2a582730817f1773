// The cookie banner's API shapes: the widget's configuration, a proof of a visitor's choice, the staff views.
import { z } from '@hono/zod-openapi';

export const langSchema = z.enum(['ru', 'kk', 'en']);

const widgetCookie = z.object({
  name: z.string().optional(),
  pattern: z.string().optional().openapi({ description: "A JavaScript regular expression's source" }),
  label: z
    .string()
    .optional()
    .openapi({ description: "The pattern as a reader knows it (e.g. '_ga_*' for '^_ga_.+$')" }),
  provider: z.string(),
  lifetime: z.string().openapi({ example: '24 мес.' }),
  lifetimeDays: z.number().int().nullable().openapi({ description: 'null: a session cookie' }),
  description: z.string(),
});

export const widgetConfigSchema = z
  .object({
    policyVersion: z.string(),
    lang: langSchema,
    textHash: z.string().openapi({ description: 'SHA-256 (hex) a proof must quote' }),
    policyUrl: z.string(),
    proofUrl: z.string(),
    texts: z.object({
      title: z.string(),
      text: z.string(),
      acceptAll: z.string(),
      rejectAll: z.string(),
      settings: z.string(),
      save: z.string(),
      close: z.string(),
      settingsLink: z.string(),
      alwaysOn: z.string(),
      policyLink: z.string(),
      placeholder: z.string(),
      loadOnce: z.string(),
      allowCategory: z.string(),
    }),
    categories: z.array(
      z.object({
        id: z.string(),
        required: z.boolean(),
        gpc: z.boolean(),
        name: z.string(),
        description: z.string(),
        consentMode: z.array(z.string()),
        vendors: z.array(z.string()),
        cookies: z.array(widgetCookie),
      }),
    ),
  })
  .openapi('WidgetConfig');

export const cookieProofBody = z
  .object({
    visitorId: z
      .uuidv4()
      .openapi({ description: 'UUID v4 made by the widget, kept in its amanat_consent cookie' }),
    policyVersion: z.string().min(1).max(100),
    lang: langSchema,
    textHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex (64 characters)')
      .openapi({ description: "The config's textHash for that version and language" }),
    choices: z
      .record(z.string().max(32), z.boolean())
      .refine((c) => Object.keys(c).length <= 32, 'at most 32 categories')
      .openapi({
        description: 'Every category of the version: id → granted; required ones true',
        example: { necessary: true, analytics: true, marketing: false },
      }),
    method: z.enum(['accept_all', 'reject_all', 'custom', 'withdraw', 'gpc']),
    gpc: z.boolean().openapi({ description: 'The browser sent a Global Privacy Control signal' }),
    decidedAt: z.iso
      .datetime({ offset: true })
      .openapi({ description: 'When the visitor chose: at most 5 minutes ahead, at most 30 days ago' }),
  })
  .strict()
  .openapi('CookieProof', {
    example: {
      visitorId: '3f1c2a9e-7b4d-4e2f-9a61-0c8d5b7e4a21',
      policyVersion: '2025-01',
      lang: 'ru',
      textHash: 'a'.repeat(64),
      choices: { necessary: true, analytics: true, marketing: false },
      method: 'custom',
      gpc: false,
      decidedAt: '2026-12-04T10:15:00.000Z',
    },
  });

export const cookieProofSchema = z
  .object({
    id: z.string(),
    visitorId: z.string(),
    policyVersion: z.string(),
    lang: langSchema,
    textHash: z.string(),
    choices: z.record(z.string(), z.boolean()),
    method: z.enum(['accept_all', 'reject_all', 'custom', 'withdraw', 'gpc']),
    gpc: z.boolean(),
    decidedAt: z.string(),
    receivedAt: z.string(),
    userAgent: z.string().nullable(),
    subjectId: z.string().nullable(),
  })
  .openapi('CookieProofRecord');

export const linkBody = z
  .object({ visitorId: z.uuid(), subjectId: z.uuid() })
  .strict()
  .openapi('CookieVisitorLink', {
    example: {
      visitorId: '3f1c2a9e-7b4d-4e2f-9a61-0c8d5b7e4a21',
      subjectId: '0b5e7a52-1c4f-4d2a-8f3e-6a9b1c2d3e4f',
    },
  });
