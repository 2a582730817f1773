// Retention and destruction acts as the API answers them (dates as ISO strings).
import { z } from '@hono/zod-openapi';
import { isoDate } from '../../http/openapi-common.js';

export const retentionPlanSchema = z
  .object({
    at: z.string(),
    items: z.array(
      z.object({
        purpose: z.string(),
        field: z.string(),
        outcome: z.enum(['destroy', 'anonymise', 'release']),
        reason: z.string(),
        values: z.number().int(),
      }),
    ),
    values: z.number().int(),
    subjects: z.number().int(),
    subjectsEmptied: z.number().int(),
    held: z.object({ values: z.number().int(), subjects: z.number().int() }),
    undetermined: z.object({ values: z.number().int(), purposes: z.array(z.string()) }),
    requests: z.number().int(),
  })
  .openapi('RetentionPlan');

export const sweepResultSchema = z
  .object({
    runId: z.uuid(),
    asOf: z.string(),
    valuesDestroyed: z.number().int(),
    valuesAnonymised: z.number().int(),
    valuesReleased: z.number().int(),
    subjectsDestroyed: z.number().int(),
    acts: z.array(
      z.object({ id: z.uuid(), number: z.number().int(), kind: z.string(), requestId: z.uuid().optional() }),
    ),
    requestsAnswered: z.array(z.uuid()),
    requestsHeld: z.array(z.uuid()),
    actsExpired: z.number().int(),
  })
  .openapi('SweepResult');

export const retentionRunSchema = z
  .object({
    id: z.uuid(),
    trigger: z.string(),
    instance: z.string(),
    as_of: isoDate,
    started_at: isoDate,
    finished_at: isoDate.nullable(),
    status: z.enum(['running', 'completed', 'failed']),
    act_id: z.uuid().nullable(),
    values_destroyed: z.number().int(),
    subjects_destroyed: z.number().int(),
    error: z.string().nullable(),
  })
  .openapi('RetentionRun');

export const retentionEventSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['contract_end', 'purpose_achieved']),
    occurredAt: isoDate,
    valuesRescheduled: z.number().int(),
  })
  .openapi('RetentionEventRecorded', {
    example: {
      id: '2c1b0a9f-8e7d-4c6b-9a5f-4e3d2c1b0a9f',
      kind: 'contract_end',
      occurredAt: '2026-03-20T00:00:00.000Z',
      valuesRescheduled: 3,
    },
  });

export const legalHoldSchema = z
  .object({
    id: z.uuid(),
    subjectId: z.uuid(),
    fields: z.array(z.string()).nullable().openapi({ description: 'null: every field of the subject' }),
    reason: z.string(),
    placedBy: z.string(),
    placedAt: isoDate,
    liftedAt: isoDate.nullable().optional(),
    liftedBy: z.string().nullable().optional(),
    liftReason: z.string().nullable().optional(),
  })
  .openapi('LegalHold', {
    example: {
      id: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
      subjectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      fields: null,
      reason: 'Запрос суда № 2-1234/2026',
      placedBy: 'staff:dpo@example.kz',
      placedAt: '2026-03-20T09:30:00.000Z',
    },
  });

const named = z.object({ id: z.string(), label: z.string() });

const logLine = z.object({
  seq: z.number().int(),
  at: z.string(),
  subjectId: z.string().openapi({ description: 'The subject’s internal id; «—» for paper media' }),
  fields: z.array(named),
  informationSystems: z.array(z.string()),
  reason: z.string(),
  outcome: z.string(),
});

const actContent = z.object({
  id: z.uuid(),
  lang: z
    .enum(['ru', 'kk'])
    .openapi({ description: 'The language of the act’s texts (the JSON is Russian)' }),
  number: z.number().int(),
  kind: z.enum(['sweep', 'request', 'paper']),
  date: z.iso.date(),
  completedAt: z.string(),
  operator: z.object({ name: z.string(), binIin: z.string(), address: z.string() }),
  processors: z
    .array(z.object({ name: z.string(), country: z.string(), contractRef: z.string().optional() }))
    .openapi({
      description:
        'Processors from the recipient register to which the destroyed data was disclosed; empty: none took part',
    }),
  subjects: z.object({
    count: z.number().int(),
    categories: z.array(z.object({ id: z.string(), title: z.string() })),
    ids: z.array(z.string()).optional(),
  }),
  dataCategories: z.array(named.extend({ values: z.number().int() })),
  purposes: z.array(
    z.object({
      id: z.string(),
      number: z.number().optional(),
      title: z.string(),
      legalBases: z.array(z.string()).optional(),
    }),
  ),
  informationSystems: z.array(z.object({ id: z.string(), name: z.string() })),
  method: z.string(),
  reasons: z.array(z.object({ code: z.string(), text: z.string(), values: z.number().int() })),
  performedBy: z.array(
    z.object({
      name: z.string(),
      position: z.string().optional().openapi({ description: 'Absent: the PDF leaves a blank to fill' }),
      role: z.enum(['responsible', 'executor']).optional().openapi({
        description:
          'responsible: answers for the system that destroyed the data automatically; executor: carried out the request',
      }),
    }),
  ),
  paper: z.object({ media: z.string(), pages: z.number().int() }).optional(),
  request: z.object({ number: z.number().int(), receivedDate: z.string() }).optional(),
  auditPosition: z.object({ seq: z.number().int(), hash: z.string() }).optional().openapi({
    description: 'The audit chain when the act was drawn up: its last entry and that entry’s MAC (hex)',
  }),
  keepYears: z.number().int().openapi({ description: 'Years the act is kept (the jurisdiction profile)' }),
  basis: z
    .string()
    .openapi({ description: 'The articles of law the act rests on (the jurisdiction profile)' }),
});

const logSummary = z.object({
  entries: z.number().int(),
  firstSeq: z.number().int().nullable(),
  lastSeq: z.number().int().nullable(),
  lines: z.array(logLine),
  truncated: z.boolean(),
});

export const destructionActDataSchema = actContent
  .extend({
    log: logSummary.openapi({
      description:
        'How many entries record the act; the lines themselves: GET /api/retention/acts/{actId}/log',
    }),
  })
  .partial()
  .openapi('DestructionActData', { description: 'The act’s content (without its log extract)' });

/** A completed act with its log extract, as recording a paper destruction answers it. */
export const destructionActDocumentSchema = actContent
  .extend({ log: logSummary })
  .openapi('DestructionActDocument', {
    example: {
      id: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
      lang: 'ru',
      number: 7,
      kind: 'paper',
      date: '2026-03-20',
      completedAt: '2026-03-20T09:30:00.000Z',
      operator: { name: 'ТОО «Пример»', binIin: '123456789012', address: 'г. Алматы' },
      processors: [],
      subjects: { count: 0, categories: [] },
      dataCategories: [{ id: 'full_name', label: 'ФИО', values: 42 }],
      purposes: [],
      informationSystems: [],
      method: 'Измельчение в шредере',
      reasons: [{ code: 'paper', text: 'Истёк срок хранения', values: 42 }],
      performedBy: [{ name: 'Сапарова А.', position: 'Ответственный за обработку ПД' }],
      paper: { media: 'Анкеты соискателей, папка № 3', pages: 42 },
      keepYears: 3,
      basis:
        'Закон Республики Казахстан от 21 мая 2013 года № 94-V «О персональных данных и их защите», ст. 1 подп. 6)',
      log: { entries: 1, firstSeq: 1024, lastSeq: 1024, lines: [], truncated: false },
    },
  });

const exampleAct = {
  id: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
  number: 7,
  kind: 'paper',
  status: 'completed',
  requestId: null,
  runId: null,
  createdAt: '2026-03-20T09:30:00.000Z',
  completedAt: '2026-03-20T09:30:00.000Z',
  retainUntil: '2029-03-20T09:30:00.000Z',
};

export const destructionActSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    kind: z.enum(['sweep', 'request', 'paper']),
    status: z.enum(['open', 'completed']),
    requestId: z.uuid().nullable(),
    runId: z.uuid().nullable(),
    createdAt: isoDate,
    completedAt: isoDate.nullable(),
    retainUntil: isoDate.nullable(),
    act: destructionActDataSchema.optional().openapi({ description: 'Present once the act is completed' }),
  })
  .openapi('DestructionAct', { example: exampleAct });

export const destructionLogSchema = z
  .object({
    lines: z.array(logLine),
    next: z.number().int().nullable().openapi({ description: 'after_seq of the next page; null at the end' }),
  })
  .openapi('DestructionLogPage');
