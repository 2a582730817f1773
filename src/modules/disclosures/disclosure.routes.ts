// Recipients, disclosures and the public testimonials over HTTP.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import {
  authErrors,
  bodyErrors,
  errors,
  keyOrSession,
  keyOrSessionCsrf,
  noAuth,
} from '../../http/openapi-common.js';
import {
  disclosureResultSchema,
  disclosureSchema,
  publishedEntrySchema,
  recipientSchema,
} from './disclosure.schema.js';

const json = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

/** A recipient as the register keeps it. */
const recipientBody = z
  .object({
    name: z.string().min(1).max(300),
    kind: z.enum(['processor', 'third_party', 'authority']),
    country: z.string().length(2),
    contractRef: z.string().max(300).optional(),
    contractUntil: z.string().optional(),
    contact: z.string().max(500).optional(),
  })
  .strict()
  .openapi({
    example: {
      name: 'ТОО «Курьер»',
      kind: 'processor',
      country: 'KZ',
      contractRef: 'Договор № 15 от 2026-01-10',
      contractUntil: '2027-01-10',
    },
  });

/** A disclosure: whom, what, on which ground, with the ground's proof. */
const disclosureBody = z
  .object({
    subjectId: z.uuid(),
    recipientId: z.uuid(),
    purpose: z.string(),
    fields: z.array(z.string()).min(1).max(100),
    ground: z.string(),
    requestId: z.uuid().optional(),
    authorityRequest: z
      .object({
        authority: z.string().min(1).max(300),
        number: z.string().min(1).max(100),
        date: z.string(),
        representativeSubjectId: z.uuid(),
      })
      .strict()
      .optional(),
    contractRef: z.string().max(300).optional(),
    justification: z.string().max(4000).optional(),
  })
  .strict()
  .openapi({
    example: {
      subjectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      recipientId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      purpose: 'delivery',
      fields: ['full_name', 'phone'],
      ground: 'contract_necessity',
      contractRef: 'offer-2025-01',
    },
  });

export function mountDisclosureRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  mountRecipientRoutes(app, amanat, auth);
  mountDisclosureLogRoutes(app, amanat, auth);
  mountTestimonialRoutes(app, amanat);
}

/** The recipient register: list and save. */
function mountRecipientRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/recipients',
      operationId: 'listRecipients',
      security: keyOrSession,
      tags: ['Disclosures'],
      summary: 'The recipient register: processors, third parties, authorities, with their country',
      middleware: [requireScope(auth, 'disclosures:read')] as const,
      responses: {
        200: {
          description: 'Recipients',
          content: {
            'application/json': {
              schema: z.object({ recipients: z.array(recipientSchema) }),
            },
          },
        },
        ...errors(...authErrors),
      },
    }),
    async (c) => c.json({ recipients: await amanat.disclosures.listRecipients() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/recipients',
      operationId: 'createRecipient',
      security: keyOrSessionCsrf,
      tags: ['Disclosures'],
      summary: 'Add a recipient (a processor needs its contract reference)',
      middleware: [requireScope(auth, 'disclosures:write')] as const,
      request: json(recipientBody),
      responses: {
        201: { description: 'Saved', content: { 'application/json': { schema: recipientSchema } } },
        ...errors(...authErrors, ...bodyErrors),
      },
    }),
    async (c) =>
      c.json(await amanat.disclosures.saveRecipient(c.get('principal').actor, c.req.valid('json')), 201),
  );
}

/** Disclosing (checked and logged) and the disclosure log. */
function mountDisclosureLogRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/disclosures',
      operationId: 'discloseData',
      security: keyOrSessionCsrf,
      tags: ['Disclosures'],
      summary: 'Disclose a subject’s fields of one purpose to a recipient, on one of the register’s grounds',
      description:
        'Checked: the ground exists in the register; prior consent is live and covers the recipient and the fields; ' +
        '"initiated by the subject" needs their request; "legal duty" needs the authority’s request and its ' +
        'representative held under purpose 1; "contract" needs the contract; a recipient abroad is refused when the ' +
        'register forbids cross-border transfer. The answer carries the values to send; the disclosure is logged.',
      middleware: [requireScope(auth, 'disclosures:write')] as const,
      request: json(disclosureBody),
      responses: {
        201: {
          description: 'Disclosed and logged',
          content: { 'application/json': { schema: disclosureResultSchema } },
        },
        ...errors(...authErrors, ...bodyErrors, 404),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const principal = c.get('principal');
      await amanat.access.requirePurposes(principal, [input.purpose], input.subjectId);
      const visible = amanat.access.visibleFields(principal, input.purpose);
      const fields = visible ? input.fields.filter((f) => visible.includes(f)) : input.fields;
      const result = await amanat.disclosures.disclose(principal.actor, { ...input, fields });
      return c.json(result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/disclosures',
      operationId: 'listDisclosures',
      security: keyOrSession,
      tags: ['Disclosures'],
      summary: 'The disclosure log (of one subject with ?subjectId=)',
      middleware: [requireScope(auth, 'disclosures:read')] as const,
      request: {
        query: z.object({
          subjectId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: {
        200: {
          description: 'Disclosures',
          content: {
            'application/json': {
              schema: z.object({ disclosures: z.array(disclosureSchema) }),
            },
          },
        },
        ...errors(...authErrors, 422),
      },
    }),
    async (c) => c.json({ disclosures: await amanat.disclosures.list(c.req.valid('query')) }, 200),
  );
}

/** The public testimonials: what live publication consents permit, no credentials. */
function mountTestimonialRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/public/testimonials',
      operationId: 'listPublishedTestimonials',
      security: noAuth,
      tags: ['Public'],
      summary:
        'Published testimonial authors (no credentials): only fields a live publication consent permits',
      request: {
        query: z.object({
          limit: z.coerce.number().int().min(1).max(200).optional(),
          offset: z.coerce.number().int().min(0).max(100_000).optional(),
        }),
      },
      responses: {
        200: {
          description: 'Entries',
          content: {
            'application/json': { schema: z.object({ entries: z.array(publishedEntrySchema) }) },
          },
        },
        ...errors(422, 429),
      },
    }),
    async (c) => {
      const entries = await amanat.publication.published(c.req.valid('query'));
      // A withdrawal must stop publication at once: no shared cache may keep an answer.
      c.header('cache-control', 'no-store');
      return c.json({ entries }, 200);
    },
  );
}
