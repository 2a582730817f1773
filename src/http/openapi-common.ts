import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';

export const isoDate = z.string().openapi({ format: 'date-time', example: '2026-03-20T09:30:00.000Z' });

export const subjectIdParam = z.object({
  // Lower case, as PostgreSQL writes uuids: ids are also part of the ciphertexts' associated data.
  subjectId: z
    .uuid()
    .toLowerCase()
    .openapi({ param: { name: 'subjectId', in: 'path' }, description: 'Subject id' }),
});

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'field_not_allowed_for_purpose' }),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string(), rule: z.string().optional() })),
    }),
  })
  .openapi('Error');

const errorContent = { 'application/json': { schema: errorSchema } };

export const errorResponses = {
  401: { description: 'No or unknown or revoked API key', content: errorContent },
  403: { description: 'The key lacks the scope this route needs', content: errorContent },
  404: { description: 'Not found', content: errorContent },
  409: {
    description:
      'Conflict (duplicate grant, identities of different subjects, a concurrent access-list proposal)',
    content: errorContent,
  },
  413: { description: 'Body over the limit (1 MB by default)', content: errorContent },
  422: { description: 'Invalid input, with the field and what was expected', content: errorContent },
} as const;

/** The OpenAPI answer of a route that returns a PDF. */
export const pdfContent = { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } };

/** A PDF answer with its file name (shown in the browser: inline; saved: attachment). */
export function pdfBody(
  c: Context,
  pdf: Buffer,
  filename: string,
  disposition: 'inline' | 'attachment' = 'inline',
): Response {
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `${disposition}; filename="${filename}"`,
  });
}

/** Plain JSON of a service result (dates as ISO strings), for routes whose schema is a free-form record. */
export function asJson<T>(
  value: T,
): T extends unknown[] ? Record<string, unknown>[] : Record<string, unknown> {
  // Only the type changes: c.json serialises the value once (dates as ISO strings, undefined fields dropped),
  // exactly as a JSON round trip here would, without paying for it twice on every answer.
  return value as T extends unknown[] ? Record<string, unknown>[] : Record<string, unknown>;
}
