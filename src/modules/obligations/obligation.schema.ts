// The obligation as the API answers it (dates as ISO strings), shared by the routes that return one.
import { z } from '@hono/zod-openapi';
import { isoDate } from '../../http/openapi-common.js';

export const obligationSchema = z
  .object({
    id: z.uuid(),
    subjectId: z.uuid(),
    kind: z.string().openapi({ example: 'stop_processing' }),
    purposeId: z.string(),
    consentId: z.uuid().nullable(),
    status: z.enum(['open', 'fulfilled']),
    createdAt: isoDate,
    dueDate: z.iso.date().openapi({ description: 'The last day, in the operator time zone' }),
    dueAt: isoDate,
    deadline: z
      .object({ amount: z.number(), unit: z.string(), source: z.string(), rule: z.string() })
      .openapi({ description: 'The deadline applied and the rule it comes from' }),
    fulfilledAt: isoDate.nullable(),
    fulfilment: z
      .object({
        how: z.enum(['purpose_released', 'data_destroyed', 'closed']),
        by: z.string(),
        actId: z.uuid().optional(),
        evidence: z.string().optional(),
      })
      .nullable()
      .openapi({
        description:
          'How it was fulfilled: purpose released, data destroyed (with the act), or closed by a person with evidence',
      }),
    destructionActId: z.uuid().nullable(),
  })
  .openapi('Obligation', {
    example: {
      id: '6f1d2c1e-8a4b-4c1a-9e77-1d2f3a4b5c6d',
      subjectId: '0b8e7c7a-2f4e-4d7b-8a61-5c9e0f1a2b3c',
      kind: 'stop_processing',
      purposeId: 'mailing',
      consentId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      status: 'fulfilled',
      createdAt: '2026-03-20T09:30:00.000Z',
      dueDate: '2026-04-03',
      dueAt: '2026-04-03T18:59:59.999Z',
      deadline: {
        amount: 10,
        unit: 'working_days',
        source: 'register',
        rule: 'Политика оператора, п. 3.4.1',
      },
      fulfilledAt: '2026-03-21T10:00:00.000Z',
      fulfilment: { how: 'closed', by: 'staff:dpo@example.kz', evidence: 'Адрес отписан в сервисе рассылок' },
      destructionActId: null,
    },
  });
