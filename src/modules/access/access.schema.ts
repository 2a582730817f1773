// Roles and the approved access list as the API answers them (dates as ISO strings).
import { z } from '@hono/zod-openapi';
import { isoDate } from '../../http/openapi-common.js';

export const roleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    purposes: z.array(z.string()),
    fields: z.record(z.string(), z.array(z.string())),
    actions: z.array(z.string()),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .openapi('Role', {
    example: {
      id: 'support',
      name: 'Служба поддержки',
      description: null,
      purposes: ['support'],
      fields: {},
      actions: ['subjects:read', 'data:read', 'requests:read'],
      createdAt: '2026-03-20T09:30:00.000Z',
      updatedAt: '2026-03-20T09:30:00.000Z',
    },
  });

export const accessListVersionSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: z.enum(['proposed', 'approved', 'superseded', 'rejected']),
    persons: z.number().int(),
    proposedAt: isoDate,
    decidedAt: isoDate.nullable(),
  })
  .openapi('AccessListVersion');

const person = z.object({ name: z.string(), position: z.string().nullable() });

export const accessListDocumentSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: z.enum(['proposed', 'approved', 'superseded', 'rejected']),
    operator: z.object({ name: z.string(), binIin: z.string(), address: z.string() }),
    proposedBy: person,
    proposedAt: z.string(),
    approvedBy: person.nullable(),
    approvedAt: z.string().nullable(),
    previousVersion: z.number().int().nullable(),
    note: z.string().nullable(),
    auditPosition: z.object({ seq: z.number().int(), hash: z.string() }).optional().openapi({
      description: 'Once approved: the audit chain entry of the approval and that entry’s MAC (hex)',
    }),
    entries: z.array(
      z.object({
        kind: z.enum(['person', 'system']),
        /** A person's staff account. */
        staffId: z.uuid().optional(),
        /** A system: the API key that reads personal data under this entry. */
        keyId: z.uuid().optional(),
        fullName: z.string(),
        email: z.string(),
        position: z.string().nullable(),
        role: z.object({ id: z.string(), name: z.string() }),
        purposes: z.array(z.object({ id: z.string(), number: z.number().optional(), title: z.string() })),
        actions: z.array(z.string()),
        grantedFrom: z.string(),
      }),
    ),
  })
  .openapi('AccessListDocument', {
    example: {
      id: '4e3d2c1b-0a9f-4e8d-8c7b-6a5f4e3d2c1b',
      version: 3,
      status: 'approved',
      operator: { name: 'ТОО «Пример»', binIin: '123456789012', address: 'г. Алматы' },
      proposedBy: { name: 'Администратор', position: null },
      proposedAt: '2026-03-20T09:30:00.000Z',
      approvedBy: { name: 'Руководитель', position: 'Директор' },
      approvedAt: '2026-03-20T10:00:00.000Z',
      previousVersion: 2,
      note: null,
      auditPosition: { seq: 1842, hash: '9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8' },
      entries: [],
    },
  });
