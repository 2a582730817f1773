// Subject requests as the API answers them (dates as ISO strings): the contract of src/modules/requests routes.
import { z } from '@hono/zod-openapi';
import { isoDate } from '../../http/openapi-common.js';
import { answerChannels, requestChannels, requestStatuses, requestTypes } from './request.table.js';

const exampleId = '3b2e7f4a-9c1d-4e5f-8a6b-7c8d9e0f1a2b';

const exampleSummary = {
  id: exampleId,
  number: 12,
  type: 'consent_withdrawal',
  status: 'received',
  channel: 'email',
  subjectId: null,
  language: 'ru',
  receivedAt: '2026-03-20T09:30:00.000Z',
  dueDate: '2026-04-03',
  dueAt: '2026-04-03T18:59:59.999Z',
  daysLeft: 10,
  overdue: false,
  deadline: { amount: 10, unit: 'working_days', source: 'register', rule: 'KZ Art. 8 p. 7' },
  extensionReason: null,
  verification: null,
  assignee: null,
  duplicates: 0,
  outcome: null,
  closedAt: null,
  scope: { purposes: ['mailing'] },
  inboundMessageId: null,
};

export const requestSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    type: z.enum(requestTypes),
    status: z.enum(requestStatuses),
    channel: z.enum(requestChannels),
    subjectId: z.uuid().nullable(),
    language: z.enum(['ru', 'kk', 'en']),
    receivedAt: isoDate,
    dueDate: z.iso.date(),
    dueAt: isoDate,
    daysLeft: z.number().int().openapi({ description: 'Working days left; negative once overdue' }),
    overdue: z.boolean(),
    deadline: z.object({
      amount: z.number(),
      unit: z.string(),
      source: z.enum(['register', 'law']),
      rule: z.string(),
      clause: z.string().optional().openapi({ description: "The operator's policy clause that states it" }),
    }),
    extensionReason: z.string().nullable(),
    verification: z
      .object({
        method: z.enum(['email_code', 'manual']),
        verifiedAt: z.string(),
        verifiedBy: z.string(),
        how: z.string().optional(),
        note: z.string().optional(),
      })
      .nullable(),
    assignee: z.string().nullable(),
    duplicates: z.number().int(),
    outcome: z
      .object({
        at: z.string(),
        by: z.string(),
        summary: z.string(),
        refusal: z.object({ reason: z.string(), rule: z.string().optional() }).optional(),
        fields: z.array(z.string()).optional(),
        purposes: z.array(z.string()).optional(),
        consents: z.array(z.string()).optional(),
        obligations: z.array(z.string()).optional(),
        pendingDestruction: z.object({ fields: z.array(z.string()), by: z.string() }).optional(),
        destruction: z
          .object({ actId: z.uuid(), actNumber: z.number(), at: z.string(), fields: z.array(z.string()) })
          .optional(),
        deliveries: z
          .array(
            z.object({
              channel: z.enum(answerChannels),
              on: z.iso.date(),
              by: z.string(),
              note: z.string().optional(),
            }),
          )
          .optional(),
      })
      .nullable(),
    closedAt: isoDate.nullable(),
    scope: z.object({ purposes: z.array(z.string()).optional(), fields: z.array(z.string()).optional() }),
    inboundMessageId: z.uuid().nullable(),
  })
  .openapi('SubjectRequest', {
    description: 'A request as staff see it in lists: no personal data',
    example: exampleSummary,
  });

export const submittedRequestSchema = requestSummarySchema
  .extend({
    duplicate: z.boolean().openapi({ description: 'Linked to an open request of the same contact' }),
  })
  .openapi('SubmittedRequest');

export const requestDetailsSchema = requestSummarySchema
  .extend({
    contact: z.object({
      email: z.string().optional(),
      phone: z.string().optional(),
      name: z.string().optional(),
    }),
    details: z.object({ values: z.record(z.string(), z.unknown()).optional(), text: z.string().optional() }),
  })
  .openapi('SubjectRequestDetails');

export const requestHistorySchema = z
  .object({
    history: z.array(
      z.object({
        seq: z.number().int(),
        at: isoDate,
        actor: z.string(),
        action: z.string(),
        fields: z.array(z.string()),
        details: z
          .record(z.string(), z.unknown())
          .openapi({ description: 'The audit entry’s details (no values)' }),
      }),
    ),
  })
  .openapi('SubjectRequestHistory');

export const requestDigestSchema = z
  .object({
    today: z.iso.date(),
    tomorrow: z.iso.date(),
    overdue: z.array(requestSummarySchema),
    dueToday: z.array(requestSummarySchema),
    dueTomorrow: z.array(requestSummarySchema),
  })
  .openapi('RequestDigest');

const legalBasis = z.object({ type: z.string(), reference: z.string() });

export const accessReportSchema = z
  .object({
    schema: z.literal('amanat.access-report/1'),
    generatedAt: z.string(),
    language: z.enum(['ru', 'kk', 'en']),
    request: z.object({
      id: z.uuid(),
      number: z.number(),
      type: z.string(),
      receivedAt: z.string(),
      dueDate: z.string(),
    }),
    operator: z.object({
      name: z.string(),
      binIin: z.string(),
      address: z.string(),
      email: z.string(),
      phone: z.string().optional(),
      responsiblePerson: z.object({ name: z.string(), position: z.string().optional(), email: z.string() }),
    }),
    noDataHeld: z.boolean(),
    subject: z
      .object({
        id: z.uuid(),
        status: z.string(),
        identities: z.array(z.object({ kind: z.string(), value: z.string().optional() })),
      })
      .nullable(),
    purposes: z.array(
      z.object({
        id: z.string(),
        number: z.number().optional(),
        title: z.string(),
        processing: z.string(),
        legalBases: z.array(legalBasis),
        retention: z.string(),
        values: z.array(
          z.object({
            field: z.string(),
            label: z.string(),
            value: z.unknown().optional(),
            source: z.string(),
            collectedAt: z.string(),
            updatedAt: z.string(),
            legalBasis: legalBasis
              .extend({ consentId: z.string().optional(), contractRef: z.string().optional() })
              .nullable(),
            status: z.enum(['active', 'marked_for_destruction']),
            destroyBy: z.string().nullable(),
          }),
        ),
        recipients: z.array(
          z.object({ name: z.string(), country: z.string(), at: z.string(), fields: z.array(z.string()) }),
        ),
      }),
    ),
    consents: z.array(
      z.object({
        id: z.uuid(),
        purpose: z.string(),
        kind: z.string(),
        status: z.string(),
        grantedAt: isoDate,
        channel: z.string(),
        text: z.string(),
        policyVersion: z.string(),
        withdrawnAt: isoDate.nullable(),
        evidence: z.object({
          subjectFullName: z.string().optional(),
          ip: z.string().optional(),
          userAgent: z.string().optional(),
          withdrawal: z.object({ ip: z.string().optional(), userAgent: z.string().optional() }).optional(),
        }),
      }),
    ),
  })
  .openapi('AccessReport', { description: 'Schema amanat.access-report/1 (docs/requests.md)' });

export const emailVerificationSchema = z
  .object({ request: requestSummarySchema, expiresAt: isoDate })
  .openapi('EmailVerificationStarted', {
    example: { request: { ...exampleSummary, status: 'verifying' }, expiresAt: '2026-03-20T10:00:00.000Z' },
  });

export const executionSchema = z.object({ request: requestSummarySchema }).openapi('RequestExecuted', {
  description:
    'The request after execution; the access report is read through GET /api/requests/{requestId}/report',
  example: {
    request: {
      ...exampleSummary,
      status: 'answered',
      closedAt: '2026-03-22T08:00:00.000Z',
      outcome: { at: '2026-03-22T08:00:00.000Z', by: 'staff:dpo@example.kz', summary: 'consent_withdrawn' },
    },
  },
});

export const answerSentSchema = z.object({ messageId: z.string() }).openapi('RequestAnswerSent', {
  example: { messageId: '<a1b2c3@privacy.example.kz>' },
});

export const publicRequestAnswerSchema = z
  .object({
    id: z.uuid().openapi({ description: 'Confirm the request with this id and the e-mailed code' }),
    verification: z.enum(['code_sent', 'manual']).openapi({
      description: 'code_sent: a letter went to the e-mail given; manual: the operator will confirm identity',
    }),
  })
  .openapi('PublicRequestReceipt', {
    description:
      'The same answer whether or not the contact already has an open request of this type (then the new one ' +
      'is linked to it and the contact is told by e-mail)',
    example: { id: exampleId, verification: 'code_sent' },
  });

export const publicCodeRenewalSchema = z
  .object({
    verification: z.enum(['code_sent', 'manual']).openapi({
      description:
        'code_sent: e-mail is set up, and any request of this address waiting for confirmation gets a new code ' +
        'by e-mail; manual: the operator confirms identity otherwise',
    }),
  })
  .openapi('PublicCodeRenewal', {
    description: 'The same answer whether or not the address has a request waiting for confirmation',
    example: { verification: 'code_sent' },
  });

export const publicVerifiedSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    status: z.enum(requestStatuses),
    statusToken: z.string().openapi({
      description:
        "The status link's token (256 random bits, shown once; also e-mailed as <public URL>/requests/status#<token>): " +
        'POST /api/public/requests/status reads the request with it',
    }),
  })
  .openapi('PublicRequestVerified', {
    example: {
      id: exampleId,
      number: 12,
      status: 'in_progress',
      statusToken: 'Xq3vN0bq1zJ2yLw8mZ4u7cT5rE9sK6aH1dP0fG2iU3o',
    },
  });

export const classifiedRequestSchema = requestSummarySchema
  .extend({
    split: z
      .array(
        z.object({
          id: z.uuid(),
          number: z.number().int(),
          type: z.enum(requestTypes),
          status: z.enum(requestStatuses),
          dueDate: z.iso.date(),
          duplicate: z.boolean().openapi({ description: 'Linked to an open request of the same type' }),
        }),
      )
      .openapi({ description: 'The further requests the same message made (classify `also`)' }),
  })
  .openapi('ClassifiedRequest');

export const publicStatusTokenSchema = z
  .object({
    token: z.string().min(1).max(200).openapi({ description: "The status link's token (the part after #)" }),
  })
  .strict()
  .openapi('PublicStatusToken', { example: { token: 'Xq3vN0bq1zJ2yLw8mZ4u7cT5rE9sK6aH1dP0fG2iU3o' } });

export const publicRequestStatusSchema = z
  .object({
    number: z.number().int(),
    type: z.enum(requestTypes),
    receivedOn: z.iso.date().openapi({ description: "The day received, in the operator's time zone" }),
    dueOn: z.iso
      .date()
      .openapi({ description: 'The last day of the deadline (working days of the calendar)' }),
    workingDaysLeft: z
      .number()
      .int()
      .openapi({ description: 'Working days to the due date; 0 once answered' }),
    state: z.enum(['received', 'verifying', 'in_progress', 'extended', 'answered', 'refused']),
    timeline: z.array(
      z.object({
        at: isoDate,
        event: z.enum([
          'received',
          'classified',
          'code_sent',
          'verified',
          'extended',
          'executed',
          'answered',
          'refused',
          'answer_sent',
        ]),
      }),
    ),
    letter: z.boolean().openapi({ description: 'The answer letter can be downloaded (…/status/letter)' }),
    export: z.boolean().openapi({ description: 'The data export can be downloaded (…/status/export)' }),
  })
  .openapi('PublicRequestStatus', {
    description: 'No personal value: the request by its number, dates and steps',
    example: {
      number: 12,
      type: 'access',
      receivedOn: '2026-03-20',
      dueOn: '2026-03-30',
      workingDaysLeft: 6,
      state: 'in_progress',
      timeline: [
        { at: '2026-03-20T05:00:00.000Z', event: 'received' },
        { at: '2026-03-20T05:00:00.000Z', event: 'code_sent' },
        { at: '2026-03-20T05:04:00.000Z', event: 'verified' },
      ],
      letter: false,
      export: false,
    },
  });
