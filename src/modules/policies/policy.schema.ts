import { z } from '@hono/zod-openapi';

const summaryExample = {
  id: '2025-01',
  publishedAt: '2026-03-20T04:30:00.000Z',
  publishedOn: '2026-03-20',
  registerSha256: 'bef9284e1bc31b88adf664e4def6c7aaac5de2e9946fd7d191f60a935f39999c',
};
const documentExample = {
  name: 'policy.pdf',
  lang: 'kk',
  mediaType: 'application/pdf',
  sha256: '4c0660a2ca9a18ea41da6e2c366f31d5ca7777a52024d1ace8862832fb8b085a',
  url: '/policy/2025-01?lang=kk&format=pdf',
};

export const policyVersionSummarySchema = z
  .object({
    id: z.string().describe("The register's policy.version label"),
    publishedAt: z.string().openapi({ format: 'date-time' }),
    publishedOn: z.string().openapi({ format: 'date' }).describe("The operator's local date of publication"),
    registerSha256: z.string().describe('SHA-256 of the canonical JSON of the published register'),
  })
  .openapi('PolicyVersionSummary', { example: summaryExample });

export const policyDocumentSchema = z
  .object({
    name: z.string().openapi({ example: 'policy.html' }),
    lang: z.enum(['ru', 'kk', 'en']),
    mediaType: z.string(),
    sha256: z.string(),
    url: z.string().describe('Where anyone reads it (no credentials)'),
  })
  .openapi('PolicyDocument', { example: documentExample });

export const policyVersionSchema = policyVersionSummarySchema
  .extend({ documents: z.array(policyDocumentSchema) })
  .openapi('PolicyVersion', { example: { ...summaryExample, documents: [documentExample] } });

export const policyVersionListSchema = z
  .object({ versions: z.array(policyVersionSummarySchema) })
  .openapi({ example: { versions: [summaryExample] } });

export const publishResultSchema = z
  .object({
    status: z.enum(['published', 'unchanged']),
    message: z.string(),
    version: policyVersionSchema,
  })
  .openapi('PolicyPublishResult', {
    example: {
      status: 'published',
      message:
        'Опубликована редакция политики «2025-01» (2026-03-20), документов: 6. Published policy version "2025-01" (2026-03-20), 6 documents.',
      version: { ...summaryExample, documents: [documentExample] },
    },
  });
