// Recipients, disclosures and published testimonials as the API answers them (dates as ISO strings).
import { z } from '@hono/zod-openapi';
import { isoDate } from '../../http/openapi-common.js';

const recipientKind = z.enum(['processor', 'third_party', 'authority']);

export const recipientSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: recipientKind,
    country: z.string(),
    contractRef: z.string().nullable(),
    contractUntil: z.string().nullable(),
    contact: z.string().nullable(),
    createdAt: isoDate,
  })
  .openapi('Recipient', {
    example: {
      id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      name: 'ТОО «Курьер»',
      kind: 'processor',
      country: 'KZ',
      contractRef: 'Договор № 15 от 2026-01-10',
      contractUntil: '2027-01-10',
      contact: 'privacy@courier.example.kz',
      createdAt: '2026-03-20T09:30:00.000Z',
    },
  });

export const disclosureSchema = z
  .object({
    id: z.uuid(),
    subjectId: z.uuid(),
    recipient: z.object({ id: z.uuid(), name: z.string(), kind: recipientKind, country: z.string() }),
    purposeId: z.string(),
    fields: z.array(z.string()),
    ground: z.object({ id: z.string(), kind: z.string() }),
    evidence: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'What the ground rests on (no values)' }),
    actor: z.string(),
    disclosedAt: isoDate,
  })
  .openapi('Disclosure');

const disclosedValue = z.object({
  id: z.uuid(),
  field: z.string(),
  value: z.unknown(),
  purposes: z.array(z.string()),
  legalBases: z.array(
    z.object({
      purpose: z.string(),
      type: z.string(),
      reference: z.string(),
      consentId: z.string().optional(),
      contractRef: z.string().optional(),
      retentionOption: z.string().optional(),
    }),
  ),
  source: z.string(),
  collectedAt: isoDate,
  updatedAt: isoDate,
});

export const disclosureResultSchema = z
  .object({ disclosure: disclosureSchema, values: z.array(disclosedValue) })
  .openapi('DisclosureMade', {
    example: {
      disclosure: {
        id: '5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c',
        subjectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        recipient: {
          id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
          name: 'ТОО «Курьер»',
          kind: 'processor',
          country: 'KZ',
        },
        purposeId: 'delivery',
        fields: ['full_name', 'phone'],
        ground: { id: 'contract_necessity', kind: 'contract' },
        evidence: { contractRef: 'offer-2025-01' },
        actor: 'key:crm',
        disclosedAt: '2026-03-20T09:30:00.000Z',
      },
      values: [],
    },
  });

export const publishedEntrySchema = z
  .object({
    id: z.string(),
    fields: z.record(z.string(), z.unknown()),
    restrictions: z.record(z.string(), z.array(z.string())),
    publishedSince: isoDate,
  })
  .openapi('PublishedTestimonial');
