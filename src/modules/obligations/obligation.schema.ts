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
  .openapi('Obligation');
